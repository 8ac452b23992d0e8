"""What a page tells search engines and social media about itself: its canonical address, its
share image and description (Open Graph, Twitter cards) and its schema.org data (JSON-LD).

Each page type says what is its own through ``SeoMixin``, which every page of the site has
(``cms.models.SitePage``); ``meta_context`` gathers it for ``includes/seo_meta.html``."""

from django.conf import settings
from django.utils.translation import get_language

from cms.i18n.translation_state import content_source
from cms.numbers import whole_number

from .structured_data import SHARE_RENDITION, plain

# Open Graph locales (language_TERRITORY) of the site's languages.
OG_LOCALES = {
    "bg": "bg_BG", "es": "es_ES", "cs": "cs_CZ", "da": "da_DK", "de": "de_DE", "et": "et_EE",
    "el": "el_GR", "en": "en_GB", "fr": "fr_FR", "ga": "ga_IE", "hr": "hr_HR", "it": "it_IT",
    "lv": "lv_LV", "lt": "lt_LT", "hu": "hu_HU", "mt": "mt_MT", "nl": "nl_NL", "pl": "pl_PL",
    "pt": "pt_PT", "ro": "ro_RO", "sk": "sk_SK", "sl": "sl_SI", "fi": "fi_FI", "sv": "sv_SE",
}  # fmt: skip


class SeoMixin:
    """What a page type tells search engines and social media: by default a "website" with no
    picture of its own (the site's default share image is shared) and no schema.org data."""

    og_type = "website"

    def share_image(self):
        """The page's own picture, shared with it (its hero image, poster, artwork…), or None."""
        return None

    def structured_data(self, request, site_settings, image):
        """The page's schema.org data, or None. ``image`` is the shared image (``share_rendition``:
        its address and size), or None."""
        return None


def description(page):
    """The page's description: its search description, else its summary or introduction."""
    for name in ("search_description", "summary", "introduction", "description"):
        value = plain(getattr(page, name, ""))
        if value:
            return value
    return ""


def share_rendition(page, site_settings):
    """The image shared with the page (1200 × 630): its own, else the site's default. No alt
    text is given: an image's title is in English, whatever the page's language."""
    image = page.share_image() or (site_settings.share_image if site_settings else None)
    if image is None:
        return None
    rendition = image.get_rendition(SHARE_RENDITION)
    return {
        "url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
    }


def is_personal(request):
    """Whether the answer is for one person (a link of an email, ``signatures.views.private``):
    its address, which holds a token, is not to be indexed or shared."""
    return getattr(request, "personal_link", False)


def canonical_url(page, request):
    """The address search engines should index for what is shown: the page's own address (with
    the route of a routable page), or, for a page not translated yet, the address of the page
    whose content it shows (as for a translation not published yet); a page of a paginated list
    keeps its page number. A personal answer's is the page's own address."""
    source = content_source(page) or page
    url = source.get_full_url(request)
    if url is None:
        return None
    parts = page.get_url_parts(request)
    own_path = parts[2] if parts else None
    if own_path and request.path.startswith(own_path) and not is_personal(request):
        url += request.path[len(own_path) :]
    number = whole_number(request.GET.get("page", ""))
    if number and number > 1:
        url += f"?page={number}"
    return url


def meta_context(page, request, site_settings):
    """The context of ``includes/seo_meta.html`` for a page (a ``SeoMixin``)."""
    image = share_rendition(page, site_settings)
    return {
        "canonical": canonical_url(page, request),
        "noindex": is_personal(request),
        "title": page.seo_title or page.title,
        "description": description(page),
        "image": image,
        "og_type": page.og_type,
        "og_locale": OG_LOCALES.get(get_language(), ""),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "structured_data": page.structured_data(request, site_settings, image),
    }
