from django import template

from cms import formatting

register = template.Library()

register.filter("anchor", formatting.anchor)
register.filter("iso_duration", formatting.iso_duration)
register.filter("file_type", formatting.file_type)
register.filter("language_name", formatting.language_name)
