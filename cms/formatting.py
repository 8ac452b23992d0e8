"""Formatting helpers of the templates (registered by ``templatetags/format_tags.py``) and of the
code that needs the same text: anchors of headings, ISO 8601 durations, file types."""

from pathlib import PurePath

from anyascii import anyascii
from django.conf import settings
from django.utils.text import slugify

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def anchor(text):
    """An id for a heading, readable in every script: "Kas ir Kohēzijas alianse?" ->
    "kas-ir-kohezijas-alianse"."""
    return slugify(anyascii(str(text))) or "section"


def iso_duration(seconds):
    """ISO 8601 duration: 125.4 -> "PT2M5S"."""
    total = round(float(seconds or 0))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


def file_type(file):
    """ "PDF" for report.pdf."""
    return PurePath(file.name).suffix.lstrip(".").upper()


def language_name(code):
    """A language's name in its own language: "lv" -> "latviešu"."""
    return LANGUAGE_NAMES.get(code, code)
