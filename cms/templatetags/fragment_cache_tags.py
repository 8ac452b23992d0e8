from django import template

from cms.caching import fragments

register = template.Library()


@register.simple_tag
def content_version():
    """The version of the site's content, part of the key of every cached fragment."""
    return fragments.content_version()
