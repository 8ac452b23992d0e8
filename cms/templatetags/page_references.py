from django import template

from cms.references import deletion_summary as summarise

register = template.Library()


@register.simple_tag
def deletion_summary(page):
    """What deleting ``page`` breaks and takes with it (``cms.references``)."""
    return summarise(page)
