from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms.caching import fragments
from cms.models import SiteSettings
from cms.numbers import whole_number
from cms.seo.metadata import SeoMixin, is_personal, meta_context
from cms.seo.structured_data import json_ld_script

register = template.Library()

register.simple_tag(json_ld_script, name="json_ld")


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """The canonical address, Open Graph and Twitter card tags and schema.org data (JSON-LD) of
    the page shown (``cms.seo.metadata``); cached until the content changes."""
    page = context.get("page")
    request = context.get("request")
    if request is None or not isinstance(page, SeoMixin) or not page.pk:
        return ""
    # One entry for ?page=2, ?page=02, ?page=0002…
    number = whole_number(request.GET.get("page", "")) or ""
    # The answers to the links of the emails share one entry: their addresses hold tokens.
    address = "personal" if is_personal(request) else request.path
    html = fragments.for_content_version(
        f"seo:{request.get_host()}:{page.pk}:{address}:{number}:{get_language()}",
        lambda: render_to_string(
            "includes/seo_meta.html",
            meta_context(page, request, SiteSettings.for_request(request)),
        ),
    )
    return mark_safe(html)  # noqa: S308 - rendered by the template, which escapes
