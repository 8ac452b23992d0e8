import json

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from cms import structured_data as sd
from cms.caching import fragments
from cms.models import SiteSettings

register = template.Library()


@register.simple_tag
def json_ld(data):
    """Structured data (schema.org) as a JSON-LD script element, safely escaped."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    text = text.translate({ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"})
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


@register.simple_tag(takes_context=True)
def seo_meta(context):
    """The canonical address, Open Graph and Twitter card tags and schema.org data (JSON-LD) of
    the page shown; cached until the content changes."""
    page = context.get("page")
    request = context.get("request")
    if request is None or not isinstance(page, Page) or not page.pk:
        return ""
    number = request.GET.get("page", "")
    number = number if number.isdigit() else ""
    key = (
        f"seo:{fragments.content_version()}:{request.get_host()}:{page.pk}:"
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
        cache.set(key, html, fragments.FRAGMENT_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by the template, which escapes
