from django import template
from django.utils.translation import get_language
from wagtail.models import Site

from cms.caching.fragments import for_content_version
from cms.caching.per_request import once_per_request
from cms.models import SiteSettings
from cms.templatetags.language_tags import localized_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def language_policy_url(context):
    """The address, in the visitor's language, of the page that says why a document is not in
    every language (Site settings › Key pages), or "". Once per request however many documents a
    page lists, and cached until the content changes."""

    def compute():
        request = context.get("request")
        site = Site.find_for_request(request) if request is not None else None
        if site is None:
            return ""

        def find():
            policy_page = SiteSettings.for_request(request).language_policy_page
            url = localized_pages(context, policy_page)[0].get_url(request) if policy_page else ""
            return url or ""

        return for_content_version(f"language-policy-url:{site.pk}:{get_language()}", find)

    return once_per_request(context, "language_policy_url", compute)
