"""The base of the media upload forms (``WAGTAILMEDIA["MEDIA_FORM_BASE"]``). Apart from
``forms``, which the page models import: wagtailmedia's forms need the models loaded."""

from wagtailmedia.forms import BaseMediaForm

from .media_files import upload_help_text


class MediaForm(BaseMediaForm):
    """Says, under the file field, which formats are accepted and how large a file may be."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file = self.fields.get("file")
        if file is not None and self.instance.type in ("audio", "video"):
            file.help_text = upload_help_text(self.instance.type)
