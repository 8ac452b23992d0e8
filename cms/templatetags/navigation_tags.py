from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from cms.caching.per_request import once_per_request
from cms.i18n.translation_state import with_published_translation

register = template.Library()


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

    return once_per_request(context, "site_root", compute)


def source_lang(page):
    """The source language's code for a page whose title is still the source's (an alias, or a
    translation never published) on a page of another language, else ""."""
    if page.published_translation or get_language() == settings.LANGUAGE_CODE:
        return ""
    return settings.LANGUAGE_CODE


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The landing page and its sections in the menu, each with ``current``: "page" for the page
    shown, "true" for the section it is in (``aria-current``), else ""; and ``lang`` for a
    section whose title is not translated yet."""
    root = site_root(context)
    current_path = getattr(context.get("page"), "path", "")
    items = []
    if root:
        items.append({"page": root, "current": "page" if current_path == root.path else ""})
        for section in with_published_translation(root.get_children().live().in_menu()):
            if current_path == section.path:
                current = "page"
            elif current_path.startswith(section.path):
                current = "true"
            else:
                current = ""
            items.append({"page": section, "current": current, "lang": source_lang(section)})
    return {"root": root, "items": items, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def breadcrumb(context, page):
    """The pages above ``page`` from the landing page of its language down, each with its
    ``title``, ``url`` and ``lang`` (the landing page, ``is_root``, is "Home" in the visitor's
    language); with no page (a 404, the search), the landing page alone."""
    request = context.get("request")
    if isinstance(page, Page) and page.pk:
        ancestors = with_published_translation(page.get_ancestors().filter(depth__gte=2))
    else:
        root = site_root(context)
        ancestors = [root] if root else []
        for ancestor in ancestors:
            ancestor.published_translation = True
    return [
        {
            "title": ancestor.title,
            "url": ancestor.get_url(request),
            "lang": "" if ancestor.depth == 2 else source_lang(ancestor),
            "is_root": ancestor.depth == 2,
        }
        for ancestor in ancestors
    ]


@register.simple_tag
def page_numbers(items):
    """The page numbers a pagination shows around the current page of ``items`` (a Django
    ``Page``): the first and last, the neighbours, and ``Paginator.ELLIPSIS`` for the gaps."""
    return list(items.paginator.get_elided_page_range(items.number, on_each_side=1, on_ends=1))
