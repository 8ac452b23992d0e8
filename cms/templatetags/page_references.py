from django import template

from cms.editing.references import deletion_summary as summarise

register = template.Library()


@register.simple_tag
def deletion_summary(page):
    """What deleting ``page`` breaks and takes with it (``cms.editing.references``)."""
    return summarise(page)
