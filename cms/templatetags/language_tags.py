from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_countries import countries
from wagtail.models import Page

from cms.caching.per_request import once_per_request
from cms.formatting import LANGUAGE_NAMES
from cms.i18n.locales import language_codes
from cms.i18n.translation_state import (
    content_source,
    is_published_translation,
    with_published_translation,
)
from cms.i18n.untranslated import untranslated_parts

register = template.Library()


def _language_codes(context):
    return once_per_request(context, "language_codes", language_codes)


@register.simple_tag(takes_context=True)
def page_language(context, page):
    """The language a page's content is written in: its locale's, or, for a page not translated
    yet (a wagtail-localize alias of the English page, or a translation submitted but never
    published: ``cms.i18n.translation_state``), the language of the page whose content it
    shows."""
    locale_id = page.locale_id
    if page.alias_of_id:
        locale_id = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True)[0]
    elif not is_published_translation(page):
        source = content_source(page)
        locale_id = source.locale_id if source is not None else locale_id
    return _language_codes(context).get(locale_id, "")


def _translations(context, page):
    """The live versions of a page in every language (translations and aliases), by language."""

    def compute():
        codes = _language_codes(context)
        return {
            codes.get(translation.locale_id): translation
            for translation in with_published_translation(
                page.get_translations(inclusive=True).live()
            ).only("id", "path", "depth", "url_path", "locale_id", "alias_of_id", "translation_key")
        }

    return once_per_request(context, f"translations:{page.pk}", compute)


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


def _untranslated(context, page):
    """``cms.i18n.untranslated``, once per request."""
    return once_per_request(
        context, f"untranslated:{getattr(page, 'pk', None)}", lambda: untranslated_parts(page)
    )


@register.simple_tag(takes_context=True)
def source_lang(context, page, name):
    """`` lang="en"`` for a field of a published translation left in the source language."""
    if name in _untranslated(context, page):
        return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')  # noqa: S308 - a language code
    return ""


@register.simple_tag(takes_context=True)
def title_lang(context, page):
    """`` lang="…"`` for the title of a page that a list (or a card) shows, when the title is
    not in the visitor's language: an English video's title kept on a Latvian page (left
    untranslated), the title of a page not translated yet (an alias, or a translation never
    published), a page shown in its own language because it has no translation."""
    if not is_published_translation(page) or "title" in _untranslated(context, page):
        language = settings.LANGUAGE_CODE
    else:
        language = _language_codes(context).get(page.locale_id, "")
    if language and language != get_language():
        return mark_safe(f' lang="{language}"')  # noqa: S308 - a language code
    return ""


@register.simple_tag(takes_context=True)
def ui_lang(context):
    """`` lang="…"`` (the visitor's language) for the site's own words (a "Download" link, a
    size) inside the content of a page not translated yet, which is marked as English: base.html
    gives the page's ``content_language``."""
    content_language = context.get("content_language")
    language = get_language()
    if content_language and content_language != language:
        return mark_safe(f' lang="{language}"')  # noqa: S308 - a language code
    return ""


@register.simple_tag(takes_context=True)
def block_lang(context, block):
    """The source language's code for a StreamField block of a published translation left
    untranslated (its template wraps it in an element with that ``lang``), else ""."""
    page = context.get("page")
    if page is not None and getattr(block, "id", None) in _untranslated(context, page):
        return settings.LANGUAGE_CODE
    return ""


@lru_cache
def _country_codes_by_english_name():
    with translation.override("en"):
        return {str(name): code for code, name in countries}


@register.filter
def country_names_translated(text):
    """A text (a postal address) whose lines that are a country's English name are in the
    visitor's language: "Belgium" is "Beļģija" on a Latvian page."""
    codes = _country_codes_by_english_name()
    return "\n".join(
        countries.name(codes[line.strip()]) if line.strip() in codes else line
        for line in str(text).splitlines()
    )
