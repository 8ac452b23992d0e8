from pathlib import PurePath

from anyascii import anyascii
from django import template
from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.filter
def anchor(text):
    """An id for a heading, readable in every script: "Kas ir Kohēzijas alianse?" ->
    "kas-ir-kohezijas-alianse"."""
    return slugify(anyascii(str(text))) or "section"


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


@register.simple_tag(takes_context=True)
def page_language(context, page):
    """The language code of a page's locale, with one query per request for all locales."""
    codes = _request_cache(
        context, "locale_codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )
    return codes.get(page.locale_id, "")


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


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every language it is published in."""
    page = context.get("page")
    request = context.get("request")
    current_language = get_language()
    languages = []
    if page is not None and getattr(page, "pk", None):
        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
        for code, name in settings.LANGUAGES:
            if code in translations:
                languages.append(
                    {
                        "code": code,
                        "name": name,
                        "url": translations[code].get_url(request),
                        "current": code == current_language,
                    }
                )
    return {"languages": languages, "current_language": current_language}


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
