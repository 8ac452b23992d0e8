from django import template

from cms.caching import fragments, rendering

register = template.Library()


@register.simple_tag
def content_version():
    """The version of the site's content, part of the key of every cached fragment."""
    return fragments.content_version()


@register.simple_tag(takes_context=True)
def rendered_blocks(context, blocks):
    """``[(block, html)]``: each StreamField block with its HTML, rendered once per content
    version (``{% rendered_blocks parts.blocks as rendered %}``)."""
    blocks = list(blocks)
    return list(zip(blocks, rendering.rendered_blocks(context, blocks), strict=True))


@register.simple_tag(takes_context=True)
def rendered_cards(context, items, heading="h3"):
    """The cards of ``items`` (each page's ``card_template``, with ``heading`` as the element
    of its title), rendered once per content version."""
    return rendering.rendered_cards(context, items, heading)
