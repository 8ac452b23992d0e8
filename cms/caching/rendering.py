"""What a page shows of its content, rendered once per content version: the blocks of its
StreamFields and the cards of the pages it lists. Each is kept under the content version
(``fragments.content_version``), the language, the host and the page it is shown on, so a
publication, a changed image or document, or new settings make every one out of date, and one
``get_many`` per list finds them all.

Never cached: what a preview shows (a draft) and what is rendered without a request. A block whose
output changes between publications says what else it depends on with a method
``rendering_variant(raw_value)``, a short string added to its key (the Joint Call's teaser: the
count of signatories), or None not to be cached."""

from collections import namedtuple

from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe

from .fragments import FRAGMENT_SECONDS, content_version


def _key_prefix(context, kind):
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False):
        return None
    page = context.get("page")
    page_pk = getattr(page, "pk", None)
    return f"{kind}:{content_version()}:{translation.get_language()}:{request.get_host()}:{page_pk}"


def _render_cached(keys, render):
    """``render(index)`` for every index whose key is None or not cached yet; the rest from
    the cache, all found with one ``get_many`` and stored with one ``set_many``."""
    wanted = [key for key in keys if key is not None]
    found = cache.get_many(wanted) if wanted else {}
    rendered = []
    new = {}
    for index, key in enumerate(keys):
        html = found.get(key) if key is not None else None
        if html is None:
            html = render(index)
            if key is not None:
                new[key] = html
        rendered.append(mark_safe(html))  # noqa: S308 (rendered by our own templates)
    if new:
        cache.set_many(new, FRAGMENT_SECONDS)
    return rendered


RenderedBlock = namedtuple("RenderedBlock", "id html")


def rendered_stream(context, stream):
    """A StreamField's blocks rendered as ``{% include_block %}`` renders them in ``context``,
    split for ECL's layout with an in-page navigation: ``contents``, its first table of contents
    (or None), and ``blocks``, the others in order; each a ``RenderedBlock``. The keys come from
    the stored data (type and id): the blocks found in the cache are never made into Python
    values, which costs a query for each kind of page, image or document they refer to."""
    raw = [stream.raw_data[index] for index in range(len(stream))] if stream else []
    child_blocks = stream.stream_block.child_blocks if stream else {}
    prefix = _key_prefix(context, "block")

    def key(item):
        if not (prefix and item.get("id")):
            return None
        block = child_blocks.get(item["type"])
        if variant := getattr(block, "rendering_variant", None):
            extra = variant(item["value"])
            return f"{prefix}:{item['id']}:{extra}" if extra is not None else None
        return f"{prefix}:{item['id']}"

    parent = context.flatten()
    # A block's get_context adds to the dict it is given: each block gets its own.
    rendered = _render_cached(
        [key(item) for item in raw],
        lambda index: stream[index].render_as_block(context=dict(parent)),
    )
    blocks = [RenderedBlock(item.get("id"), html) for item, html in zip(raw, rendered, strict=True)]
    contents = next(
        (index for index, item in enumerate(raw) if item["type"] == "table_of_contents"), None
    )
    return {
        "contents": blocks.pop(contents) if contents is not None else None,
        "blocks": blocks,
    }


def rendered_cards(context, items, heading):
    """The HTML of each page's card (``item.card_template``), as ``{% include %}`` renders it
    with ``item`` and ``heading`` in ``context``."""
    items = list(items)
    prefix = _key_prefix(context, "card")
    keys = [
        f"{prefix}:{item.pk}:{item.card_template}:{heading}" if prefix else None for item in items
    ]
    engine = context.template.engine

    def render(index):
        item = items[index]
        with context.push(item=item, heading=heading):
            return engine.get_template(item.card_template).render(context)

    return _render_cached(keys, render)
