from django import template

from cms.caching import fragments, rendering

register = template.Library()


@register.simple_tag
def content_version():
    """The version of the site's content, part of the key of every cached fragment."""
    return fragments.content_version()


@register.simple_tag(takes_context=True)
def rendered_stream(context, stream):
    """A StreamField's blocks, rendered once per content version: ``contents`` (its table of
    contents) and ``blocks``, each with its ``id`` and ``html``
    (``{% rendered_stream page.body as parts %}``)."""
    return rendering.rendered_stream(context, stream)


@register.simple_tag(takes_context=True)
def rendered_cards(context, items, heading="h3"):
    """The cards of ``items`` (each page's ``card_template``, with ``heading`` as the element
    of its title), rendered once per content version."""
    return rendering.rendered_cards(context, items, heading)
