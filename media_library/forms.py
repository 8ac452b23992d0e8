"""The editor of a video page: a video is published with something to play."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cms.editing.page_forms import PageForm

NOTHING_TO_PLAY = _(
    "This video has nothing to play. Choose an uploaded video file (with its captions) or give "
    "the address of the video on a platform before publishing. A draft may be saved without it."
)


class VideoPageForm(PageForm):
    """Publishing (or submitting for moderation) a video page without an uploaded video or a
    platform video is refused, with the officer's work kept in the form; a draft may be saved
    without either (Wagtail defers what publishing requires when saving a draft)."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation or "video_url" in self.errors:
            return cleaned_data
        if not cleaned_data.get("video") and not cleaned_data.get("video_url"):
            self.add_error("video", ValidationError(NOTHING_TO_PLAY, code="nothing_to_play"))
        return cleaned_data
