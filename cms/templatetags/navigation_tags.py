from django import template
from wagtail.models import Page, Site

from cms.caching.per_request import once_per_request

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
