"""The page editor's form: on a translation, the synchronised fields belong to the source page.

wagtail-localize keeps a translation's synchronised fields (dates, images, files, numbers,
addresses of a podcast feed…) equal to the source page's. Whoever stops synchronising a
translation gets an ordinary page whose every field they can edit. This form keeps those fields
as they are for a user who may not edit the source page (a translator): they are shown read-only
and what is submitted for them is ignored (or, for inline lists such as a document's language
versions, refused with a message).
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

LOCKED_HELP = _("Kept in step with the source page; only those who edit it can change this.")


def synchronised_field_names(model):
    return [
        field.field_name
        for field in get_translatable_fields(model)
        if isinstance(field, SynchronizedField)
    ]


def source_page(page):
    """The page in the site's main language that ``page`` translates, if it is a translation."""
    if page.pk is None:
        return None
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .exclude(pk=page.pk)
        .first()
    )


def may_change_synchronised_fields(user, page):
    source = source_page(page)
    return source is None or source.permissions_for_user(user).can_edit()


class PageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locked_formsets = []
        if self.for_user is None or may_change_synchronised_fields(self.for_user, self.instance):
            return
        for name in synchronised_field_names(type(self.instance)):
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = LOCKED_HELP
            elif name in self.formsets:
                self.locked_formsets.append(name)

    def clean(self):
        cleaned_data = super().clean()
        for name in self.locked_formsets:
            if self.formsets[name].has_changed():
                self.add_error(
                    None,
                    _(
                        "%(field)s are kept in step with the source page; only those who "
                        "edit it can change them."
                    )
                    % {"field": self.formsets[name].model._meta.verbose_name_plural.capitalize()},
                )
        return cleaned_data
