from django import template

from cms import formatting

register = template.Library()

register.filter("anchor", formatting.anchor)
register.filter("iso_duration", formatting.iso_duration)
register.filter("file_type", formatting.file_type)
register.filter("language_name", formatting.language_name)


@register.filter
def stream_parts(stream):
    """A StreamField split for ECL's layout with an in-page navigation: ``contents``, its first
    table of contents block (or None), and ``blocks``, all the others in order."""
    contents = None
    others = []
    for block in stream or ():
        if contents is None and block.block_type == "table_of_contents":
            contents = block
        else:
            others.append(block)
    return {"contents": contents, "blocks": others}
