"""The base of the admin's image forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """The image's description, which Wagtail uses as its alternative text wherever a page gives
    none of its own (hero images, posters, artwork), is required: no image reaches the site
    without one. Image blocks ask for their own alternative text, or "decorative"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        file = self.fields.get("file")
        if file is not None:
            # SVG is left out of WAGTAILIMAGES_EXTENSIONS; say why rather than only "not
            # supported". (SVG content under another name is refused too: its format does not
            # match its extension.)
            file.error_messages["invalid_image_extension"] = _(
                "Not a supported image format. Supported formats: %(formats)s. SVG images are "
                "not accepted: they can contain scripts. Please upload a PNG or WebP instead."
            ) % {"formats": file.supported_formats_text}
        description = self.fields.get("description")
        if description is not None:
            description.required = True
            description.label = _("Description (alternative text)")
            description.help_text = _(
                "What the image shows, for people who cannot see it: screen readers read it out."
            )
