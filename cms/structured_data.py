"""What a page tells search engines and social media about itself: its canonical address, its
share image and description (Open Graph, Twitter cards) and its schema.org data (JSON-LD).

Each page type's JSON-LD is built here from its fields (a page type may instead have a
``structured_data(request)`` method of its own, as ``VideoPage`` has)."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from cms.formatting import iso_duration

SHARE_RENDITION = "fill-1200x630"
SCHEMA = "https://schema.org"

# Open Graph locales (language_TERRITORY) of the site's languages.
OG_LOCALES = {
    "bg": "bg_BG", "es": "es_ES", "cs": "cs_CZ", "da": "da_DK", "de": "de_DE", "et": "et_EE",
    "el": "el_GR", "en": "en_GB", "fr": "fr_FR", "ga": "ga_IE", "hr": "hr_HR", "it": "it_IT",
    "lv": "lv_LV", "lt": "lt_LT", "hu": "hu_HU", "mt": "mt_MT", "nl": "nl_NL", "pl": "pl_PL",
    "pt": "pt_PT", "ro": "ro_RO", "sk": "sk_SK", "sl": "sl_SI", "fi": "fi_FI", "sv": "sv_SE",
}  # fmt: skip


def plain(text, words=60):
    """A rich or plain text as a short plain text."""
    return Truncator(" ".join(strip_tags(str(text or "")).split())).words(words)


def description(page):
    """The page's description: its search description, else its summary or introduction."""
    for name in ("search_description", "summary", "introduction", "description"):
        value = plain(getattr(page, name, ""))
        if value:
            return value
    return ""


def own_image(page):
    """The page's own picture: hero image, poster or artwork (an episode shows its show's)."""
    for name in ("hero_image", "poster", "artwork"):
        image = getattr(page, name, None)
        if image is not None:
            return image
    if page.specific_class.__name__ == "EpisodePage":
        parent = page.get_parent().specific
        return getattr(parent, "artwork", None)
    return None


def share_image(page, site_settings):
    """The image shared with the page (1200 × 630): its own, else the site's default. No alt
    text is given: an image's title is in English, whatever the page's language."""
    image = own_image(page) or (site_settings.share_image if site_settings else None)
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_RENDITION)
    return {
        "url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
    }


def canonical_url(page, request):
    """The address search engines should index for what is shown: the page's own address (with
    the route of a routable page), or, for a page not translated yet, the address of the page
    whose content it shows (as for a translation not published yet); a page of a paginated list
    keeps its page number."""
    from cms.i18n.translation_state import content_source

    source = content_source(page) or page
    url = source.get_full_url(request)
    if url is None:
        return None
    parts = page.get_url_parts(request)
    own_path = parts[2] if parts else None
    if own_path and request.path.startswith(own_path):
        url += request.path[len(own_path) :]
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        url += f"?page={int(number)}"
    return url


def organization(site_settings, root, request):
    data = {
        "@type": "Organization",
        "@id": root.get_full_url(request) + "#organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": root.get_full_url(request),
        "parentOrganization": {
            "@type": "GovernmentOrganization",
            "name": "European Committee of the Regions",
            "url": "https://cor.europa.eu",
        },
    }
    if site_settings:
        links = [link.value["url"] for link in site_settings.social_links]
        if links:
            data["sameAs"] = links
        if site_settings.contact_email:
            data["email"] = site_settings.contact_email
        if site_settings.share_image:
            data["logo"] = site_settings.share_image.get_rendition(SHARE_RENDITION).full_url
    return data


def _site_root(page):
    return Page.objects.get(path=page.path[: 2 * Page.steplen]) if page.depth > 2 else page


def alliance_page(page, request, site_settings, image):
    url = page.get_full_url(request)
    website = {
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": url,
        "inLanguage": page.locale.language_code,
        "publisher": {"@id": url + "#organization"},
    }
    try:
        search_url = request.build_absolute_uri(reverse("search"))
    except NoReverseMatch:  # pragma: no cover - the search is always there
        search_url = None
    if search_url:
        website["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url + "?query={query}"},
            "query-input": "required name=query",
        }
    org = organization(site_settings, page, request)
    if page.introduction:
        org["description"] = plain(page.introduction)
    return {"@context": SCHEMA, "@graph": [org, website]}


def story_page(page, request, site_settings, image):
    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": Truncator(page.title).chars(110),
        "description": plain(page.summary),
        "datePublished": page.date.isoformat(),
        "inLanguage": page.locale.language_code,
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "author": organization(site_settings, _site_root(page), request),
        "publisher": organization(site_settings, _site_root(page), request),
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if image:
        data["image"] = image["url"]
    if page.region or page.country:
        data["contentLocation"] = {
            "@type": "Place",
            "name": ", ".join(str(part) for part in (page.region, page.country.name) if part),
        }
    return data


def podcast_show_page(page, request, site_settings, image):
    data = {
        "@context": SCHEMA,
        "@type": "PodcastSeries",
        "name": page.title,
        "description": plain(page.description) or description(page),
        "url": page.get_full_url(request),
        "webFeed": request.build_absolute_uri(page.feed_url),
        "inLanguage": page.audio_language or page.locale.language_code,
        "author": {"@type": "Organization", "name": page.author},
    }
    if image:
        data["image"] = image["url"]
    return data


def episode_page(page, request, site_settings, image):
    show = page.get_parent().specific
    data = {
        "@context": SCHEMA,
        "@type": "PodcastEpisode",
        "name": page.title,
        "description": plain(page.summary),
        "datePublished": page.date.isoformat(),
        "url": page.get_full_url(request),
        "inLanguage": getattr(show, "audio_language", "") or page.locale.language_code,
        "partOfSeries": {
            "@type": "PodcastSeries",
            "name": show.title,
            "url": show.get_full_url(request),
        },
    }
    if page.episode_number:
        data["episodeNumber"] = page.episode_number
    if page.season_number:
        data["partOfSeason"] = {"@type": "PodcastSeason", "seasonNumber": page.season_number}
    if image:
        data["image"] = image["url"]
    if page.audio:
        media = {
            "@type": "AudioObject",
            "contentUrl": request.build_absolute_uri(page.audio.url),
        }
        if page.audio.mime_type:
            media["encodingFormat"] = page.audio.mime_type
        if page.audio.duration:
            media["duration"] = iso_duration(page.audio.duration)
            data["timeRequired"] = media["duration"]
        data["associatedMedia"] = media
    return data


def document_page(page, request, site_settings, image):
    versions = list(page.language_versions.select_related("document"))
    data = {
        "@context": SCHEMA,
        "@type": "DigitalDocument",
        "name": page.title,
        "description": plain(page.summary) or description(page),
        "datePublished": page.date.isoformat(),
        "url": page.get_full_url(request),
        "inLanguage": [version.language for version in versions] or page.locale.language_code,
        "publisher": organization(site_settings, _site_root(page), request),
        "encoding": [
            {
                "@type": "MediaObject",
                "name": version.title or page.title,
                "inLanguage": version.language,
                "contentUrl": request.build_absolute_uri(version.document.url),
                "encodingFormat": version.document.file_extension,
            }
            for version in versions
        ],
    }
    return data


BUILDERS = {
    "AlliancePage": alliance_page,
    "StoryPage": story_page,
    "PodcastShowPage": podcast_show_page,
    "EpisodePage": episode_page,
    "DocumentPage": document_page,
}


def structured_data(page, request, site_settings, image):
    """The page's schema.org data, or None for a page type that has none."""
    if hasattr(page, "structured_data"):
        return page.structured_data(request)
    builder = BUILDERS.get(type(page).__name__)
    return builder(page, request, site_settings, image) if builder else None


def og_type(page):
    name = type(page).__name__
    if name in ("StoryPage", "DocumentPage"):
        return "article"
    if name == "VideoPage":
        return "video.other"
    return "website"
