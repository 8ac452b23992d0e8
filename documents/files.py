"""Reading documents: what they are, how many pages they have."""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

# The first bytes of the formats the library accepts, where the format has them.
SIGNATURES = {
    "pdf": [b"%PDF-"],
    "docx": [b"PK\x03\x04"],
    "xlsx": [b"PK\x03\x04"],
    "pptx": [b"PK\x03\x04"],
    "odt": [b"PK\x03\x04"],
    "epub": [b"PK\x03\x04"],
    "zip": [b"PK\x03\x04", b"PK\x05\x06"],
    "vtt": [b"WEBVTT", b"\xef\xbb\xbfWEBVTT"],
}


def check_file_content(file):
    """Refuse a file whose content is not of the type its name says ("report.pdf" that is a
    program, say)."""
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    signatures = SIGNATURES.get(extension)
    if not signatures:
        return
    file.open("rb")
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            {"file": _("This file is not a real %(type)s file.") % {"type": extension.upper()}}
        )


def count_pages(file):
    """The number of pages of a PDF, or None if it is not a PDF or cannot be read."""
    if not file.name.lower().endswith(".pdf"):
        return None
    try:
        file.open("rb")
        file.seek(0)
        return len(PdfReader(file).pages)
    except (PyPdfError, ValueError, OSError, KeyError, TypeError) as error:
        logger.info("Cannot count the pages of %s: %s", file.name, error)
        return None
    finally:
        file.seek(0)
