"""Helpers of the schema.org data (JSON-LD) that each page type builds in its
``structured_data()`` (``cms.seo.metadata.SeoMixin``)."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.models import Page

SCHEMA = "https://schema.org"
SHARE_RENDITION = "fill-1200x630"


def plain(text, words=60):
    """A rich or plain text as a short plain text."""
    return Truncator(" ".join(strip_tags(str(text or "")).split())).words(words)


def landing_page(page):
    """The landing page of the page's language, the root of its tree."""
    return Page.objects.get(path=page.path[: 2 * Page.steplen]) if page.depth > 2 else page


def organization(site_settings, root, request):
    """The Alliance as a schema.org Organization, at the address of a landing page (``root``)."""
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


def json_ld_script(data):
    """Structured data (schema.org) as a JSON-LD script element, safely escaped."""
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder)
    text = text.translate({ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"})
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
