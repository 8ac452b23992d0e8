"""Reading audio and video files: what they really are, how long they last."""

from dataclasses import dataclass

import filetype
import mutagen
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

AUDIO_TYPES = {
    "audio/mpeg": "MP3",
    "audio/mp4": "M4A",
    "audio/x-m4a": "M4A",
    "audio/aac": "AAC",
    "audio/ogg": "Ogg",
    "audio/opus": "Opus",
    "audio/x-wav": "WAV",
    "audio/wav": "WAV",
}
VIDEO_TYPES = {
    "video/mp4": "MP4",
    "video/webm": "WebM",
    "video/quicktime": "QuickTime",
    "video/x-m4v": "M4V",
}


class MediaFileError(Exception):
    """The file is not an audio or video file the site can publish."""


@dataclass
class MediaDetails:
    mime_type: str
    size: int
    duration: float
    width: int | None = None
    height: int | None = None


def read_media_file(file, media_type):
    """Check an uploaded file against what it should be (``media_type``: "audio" or "video") and
    read its type, size and duration. Raises MediaFileError with a message for the officer."""
    size = file.size
    if size > settings.MEDIA_MAX_UPLOAD_SIZE:
        raise MediaFileError(
            _("This file is %(size)s; files may not be larger than %(limit)s.")
            % {
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.MEDIA_MAX_UPLOAD_SIZE),
            }
        )
    file.open("rb")
    file.seek(0)
    kind = filetype.guess(file.read(8192))
    file.seek(0)
    allowed = AUDIO_TYPES if media_type == "audio" else VIDEO_TYPES
    mime_type = kind.mime if kind else None
    if media_type == "audio" and mime_type == "video/mp4":
        mime_type = "audio/mp4"  # an M4A file is an MP4 container
    if mime_type not in allowed:
        formats = ", ".join(sorted(set(allowed.values())))
        if media_type == "audio":
            message = (
                _("This file is a %(found)s file, not an audio file. Upload one of: %(formats)s.")
                if kind
                else _("This is not an audio file the site can read. Upload one of: %(formats)s.")
            )
        else:
            message = (
                _("This file is a %(found)s file, not a video file. Upload one of: %(formats)s.")
                if kind
                else _("This is not a video file the site can read. Upload one of: %(formats)s.")
            )
        found = kind.extension.upper() if kind else ""
        raise MediaFileError(message % {"found": found, "formats": formats})
    duration = 0.0
    try:
        details = mutagen.File(file)
    except mutagen.MutagenError:
        details = None
    finally:
        file.seek(0)
    if details is not None and getattr(details, "info", None):
        duration = float(getattr(details.info, "length", 0) or 0)
    if media_type == "audio" and duration <= 0:
        raise MediaFileError(_("This audio file is damaged or empty: its length cannot be read."))
    return MediaDetails(mime_type=mime_type, size=size, duration=round(duration, 3))


def upload_help_text(media_type):
    """What the upload form says about the file: the formats the site accepts (those
    ``read_media_file`` recognises) and the largest size (settings.MEDIA_MAX_UPLOAD_SIZE)."""
    types = AUDIO_TYPES if media_type == "audio" else VIDEO_TYPES
    return _("Accepted formats: %(formats)s. Largest file: %(limit)s.") % {
        "formats": ", ".join(sorted(set(types.values()), key=str.lower)),
        "limit": filesizeformat(settings.MEDIA_MAX_UPLOAD_SIZE),
    }
