import re

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

TIME = re.compile(r"^(?:(\d+):)?([0-5]?\d):([0-5]\d)$")


def seconds(text):
    """ "1:02:03" -> 3723, "02:03" -> 123."""
    match = TIME.match(text.strip())
    if not match:
        raise ValueError(text)
    hours, minutes, secs = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs)


class GuestBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=300)

    class Meta:
        template = "podcasts/blocks/guest_block.html"
        icon = "user"
        label = _("Guest")
        preview_value = {"name": "Kieran McCarthy", "role": "Member of the Cork City Council"}


class ChapterBlock(blocks.StructBlock):
    """A chapter of an episode: where it starts and what it is about."""

    # A RegexBlock, not a CharBlock: a time is the same in every language, not to translate.
    start = blocks.RegexBlock(
        regex=TIME.pattern,
        label=_("Starts at"),
        max_length=8,
        help_text=_("Minutes and seconds, e.g. 12:30"),
        error_messages={"invalid": _("Write the time as minutes:seconds, e.g. 12:30.")},
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["seconds"] = seconds(value["start"])
        return context

    class Meta:
        template = "podcasts/blocks/chapter_block.html"
        icon = "time"
        label = _("Chapter")
        preview_value = {"start": "02:30", "title": "Why cohesion policy matters"}
