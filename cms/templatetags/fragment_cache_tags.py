from django import template
from django.core.cache.utils import make_template_fragment_key
from django.utils import translation

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


@register.tag
def page_fragment(parser, token):
    """What a page shows of its published content, rendered once per content version:
    ``{% page_fragment "name" [more vary-on values] %}…{% endpage_fragment %}``. Kept under the
    content version, the language, the host and the page, as blocks are; a preview (a draft) is
    rendered, never cached nor read from the cache."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("page_fragment needs a name")
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        page = context.get("page")
        vary_on = [
            translation.get_language(),
            request.get_host(),
            getattr(page, "pk", None),
            *(value.resolve(context) for value in self.vary_on),
        ]
        key = make_template_fragment_key(self.name.resolve(context), vary_on)
        return fragments.for_content_version(key, lambda: self.nodelist.render(context))
