import json
from pathlib import PurePath

from anyascii import anyascii
from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from cms.caching import fragments as caching
from cms.i18n.translation_state import (
    content_source,
    is_published_translation,
    with_published_translation,
)

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.simple_tag
def content_version():
    """The version of the site's content, part of the key of every cached fragment."""
    return caching.content_version()


@register.filter
def anchor(text):
    """An id for a heading, readable in every script: "Kas ir Kohēzijas alianse?" ->
    "kas-ir-kohezijas-alianse"."""
    return slugify(anyascii(str(text))) or "section"


@register.simple_tag
def json_ld(data):
    """Structured data (schema.org) as a JSON-LD script element, safely escaped."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    text = text.translate({ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"})
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.filter
def iso_duration(seconds):
    """ISO 8601 duration: 125.4 -> "PT2M5S"."""
    total = round(float(seconds or 0))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


@register.filter
def file_type(file):
    """ "PDF" for report.pdf."""
    return PurePath(file.name).suffix.lstrip(".").upper()


@register.filter
def language_name(code):
    return LANGUAGE_NAMES.get(code, code)


def _request_cache(context, name, compute):
    """Compute a value once per request (or once per render without a request)."""
    request = context.get("request")
    holder = request if request is not None else context
    cache = getattr(holder, "_site_tags_cache", None)
    if cache is None:
        cache = {}
        try:
            holder._site_tags_cache = cache
        except AttributeError:  # a plain template Context
            return compute()
    if name not in cache:
        cache[name] = compute()
    return cache[name]


@register.simple_tag(takes_context=True)
def site_root(context):
    """The landing page in the language of the page shown (or of the visitor, elsewhere)."""

    def compute():
        page = context.get("page")
        if isinstance(page, Page) and page.depth and page.depth >= 2:
            return Page.objects.get(path=page.path[: 2 * Page.steplen])
        request = context.get("request")
        site = Site.find_for_request(request) if request is not None else None
        return site.root_page.localized if site else None

    return _request_cache(context, "site_root", compute)


def _locale_codes(context):
    """Locale id -> language code, cached until the content changes."""

    def compute():
        key = f"locale-codes:{caching.content_version()}"
        codes = cache.get(key)
        if codes is None:
            codes = dict(Locale.objects.values_list("pk", "language_code"))
            cache.set(key, codes, caching.FRAGMENT_SECONDS)
        return codes

    return _request_cache(context, "locale_codes", compute)


@register.simple_tag(takes_context=True)
def page_language(context, page):
    """The language a page's content is written in: its locale's, or, for a page not translated
    yet (a wagtail-localize alias of the English page, or a translation submitted but never
    published: ``cms.i18n.translation_state``), the language of the page whose content it shows."""
    locale_id = page.locale_id
    if page.alias_of_id:
        locale_id = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True)[0]
    elif not is_published_translation(page):
        source = content_source(page)
        locale_id = source.locale_id if source is not None else locale_id
    return _locale_codes(context).get(locale_id, "")


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    root = site_root(context)
    current = context.get("page")
    items = root.get_children().live().in_menu() if root else Page.objects.none()
    return {
        "root": root,
        "items": items,
        "current_path": getattr(current, "path", ""),
        "request": context.get("request"),
    }


def _translations(context, page):
    """The live versions of a page in every language (translations and aliases), by language."""

    def compute():
        codes = _locale_codes(context)
        return {
            codes.get(translation.locale_id): translation
            for translation in with_published_translation(
                page.get_translations(inclusive=True).live()
            ).only("id", "path", "depth", "url_path", "locale_id", "alias_of_id", "translation_key")
        }

    return _request_cache(context, f"translations:{page.pk}", compute)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every language it can be read in, in EU protocol order."""
    page = context.get("page")
    request = context.get("request")
    current_language = get_language()
    languages = []
    if page is not None and getattr(page, "pk", None):
        translations = _translations(context, page)
        for code, name in settings.LANGUAGES:
            if code in translations:
                url = translations[code].get_url(request)
                languages.append(
                    {
                        "code": code,
                        "name": name,
                        "url": reverse("choose_language", args=(code,))
                        + "?"
                        + urlencode({"next": url}),
                        "current": code == current_language,
                    }
                )
    return {
        "languages": languages,
        "current_language": current_language,
        "current_name": LANGUAGE_NAMES.get(current_language, current_language),
    }


@register.inclusion_tag("includes/alternates.html", takes_context=True)
def alternate_links(context):
    """``hreflang`` links to the versions of this page that are translated (not aliases, nor
    translations never published), and ``x-default`` to the one in the source language."""
    page = context.get("page")
    request = context.get("request")
    if page is None or not getattr(page, "pk", None):
        return {"alternates": []}
    translations = _translations(context, page)
    alternates = [
        {"code": code, "url": translations[code].get_full_url(request)}
        for code, _name in settings.LANGUAGES
        if code in translations and translations[code].published_translation
    ]
    if settings.LANGUAGE_CODE in translations:
        alternates.append(
            {
                "code": "x-default",
                "url": translations[settings.LANGUAGE_CODE].get_full_url(request),
            }
        )
    return {"alternates": alternates}


@register.simple_tag(takes_context=True)
def localized_pages(context, *pages):
    """The given pages in the visitor's language where translated, else as they are; in one
    query."""
    wanted = [page for page in pages if page is not None]
    language = get_language()
    found = (
        {
            translation.translation_key: translation
            for translation in Page.objects.live().filter(
                translation_key__in=[page.translation_key for page in wanted],
                locale__language_code=language,
            )
        }
        if wanted
        else {}
    )
    return [found.get(page.translation_key, page) if page else None for page in pages]


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The address of a page in the visitor's language (the page itself if not translated)."""
    if page is None:
        return ""
    return localized_pages(context, page)[0].get_url(context.get("request"))


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """The canonical address, Open Graph and Twitter card tags and schema.org data (JSON-LD) of
    the page shown; cached until the content changes."""
    from django.template.loader import render_to_string

    from cms import structured_data as sd
    from cms.models import SiteSettings

    page = context.get("page")
    request = context.get("request")
    if request is None or not isinstance(page, Page) or not page.pk:
        return ""
    number = request.GET.get("page", "")
    number = number if number.isdigit() else ""
    key = (
        f"seo:{caching.content_version()}:{request.get_host()}:{page.pk}:"
        f"{request.path}:{number}:{get_language()}"
    )
    html = cache.get(key)
    if html is None:
        site_settings = SiteSettings.for_request(request)
        image = sd.share_image(page, site_settings)
        canonical = sd.canonical_url(page, request)
        title = page.seo_title or page.title
        html = render_to_string(
            "includes/seo_meta.html",
            {
                "canonical": canonical,
                "title": title,
                "description": sd.description(page),
                "image": image,
                "og_type": sd.og_type(page),
                "og_locale": sd.OG_LOCALES.get(get_language(), ""),
                "site_name": settings.WAGTAIL_SITE_NAME,
                "structured_data": sd.structured_data(page, request, site_settings, image),
            },
        )
        cache.set(key, html, caching.FRAGMENT_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by the template, which escapes


def _untranslated(context, page):
    """What a published translation shows of its source's text, left untranslated (wagtail-
    localize then keeps the source's words): field names and StreamField block ids whose every
    segment has no translation into the page's language, and whose value is still the source's.
    Empty for a page of the source language, an alias or a page in progress (all of whose
    content is marked as the source's already). Cached until the content changes."""

    def cached():
        if not isinstance(page, Page) or page.alias_of_id or not page.pk:
            return frozenset()
        key = f"untranslated:{caching.content_version()}:{page.pk}"
        found = cache.get(key)
        if found is None:
            found = compute()
            cache.set(key, found, caching.FRAGMENT_SECONDS)
        return found

    def compute():
        from wagtail_localize.models import StringSegment, TranslationSource

        if not isinstance(page, Page) or page.alias_of_id or not page.pk:
            return frozenset()
        codes = _locale_codes(context)
        if codes.get(page.locale_id) == settings.LANGUAGE_CODE:
            return frozenset()
        source = TranslationSource.objects.filter(
            object_id=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if source is None or not is_published_translation(page):
            return frozenset()
        parts = {}
        for path, translation in (
            StringSegment.objects.filter(source=source)
            .annotate_translation(page.locale_id)
            .values_list("context__path", "translation")
        ):
            names = path.split(".")
            key = names[0] if len(names) == 1 else (names[0], names[1])
            parts.setdefault(key, set()).add(translation is not None)
        original = (
            Page.objects.filter(pk=source.get_source_instance().pk).specific().first()
            if parts
            else None
        )
        if original is None:
            return frozenset()
        page_specific = page.specific_deferred if type(page) is Page else page
        untranslated = set()
        for key, translated in parts.items():
            if True in translated:
                continue
            if isinstance(key, str):
                if getattr(page_specific, key, None) == getattr(original, key, None):
                    untranslated.add(key)
            else:
                field, block_id = key
                ours = _block_data(getattr(page_specific, field, None), block_id)
                theirs = _block_data(getattr(original, field, None), block_id)
                if ours is not None and ours == theirs:
                    untranslated.add(block_id)
        return frozenset(untranslated)

    return _request_cache(context, f"untranslated:{getattr(page, 'pk', None)}", cached)


def _block_data(stream, block_id):
    for block in getattr(stream, "raw_data", None) or []:
        if block.get("id") == block_id:
            return block.get("value")
    return None


@register.simple_tag(takes_context=True)
def source_lang(context, page, name):
    """`` lang="en"`` for a field of a published translation left in the source language."""
    if name in _untranslated(context, page):
        return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')  # noqa: S308 - a language code
    return ""


@register.simple_tag(takes_context=True)
def block_lang(context, block):
    """The source language's code for a StreamField block of a published translation left
    untranslated (its template wraps it in an element with that ``lang``), else ""."""
    page = context.get("page")
    if page is not None and getattr(block, "id", None) in _untranslated(context, page):
        return settings.LANGUAGE_CODE
    return ""
