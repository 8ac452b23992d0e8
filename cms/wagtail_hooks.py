import re
from urllib.parse import urlsplit

from django.core.exceptions import FieldDoesNotExist
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.blocks import ListBlock
from wagtail.images.blocks import ImageBlock
from wagtail.models import Locale, Page
from wagtail_localize.views import edit_translation as localize_edit_translation

from .i18n.translation_guard import stop_translation_of_own_source
from .i18n.translation_report import TranslationStatusView, user_can_see_report


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_report(request.user)


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusView.as_view(),
            name="translation_status",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusView.as_view(results_only=True),
            name="translation_status_results",
        ),
    ]


# Before wagtail-localize's own URLs, so that this address reaches the guard first.
@hooks.register("register_admin_urls", order=-1)
def register_translation_guard_urls():
    return [
        path(
            "localize/translate/<int:translation_id>/disable/",
            stop_translation_of_own_source,
            name="stop_translation_of_own_source",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="globe",
        order=650,
    )


# Aliases in the other languages on a page's first publication, not on a draft's creation.
from .editing.autosave import register as register_autosave  # noqa: E402

register_autosave()


# wagtail-localize's translation editor labels a block's segment with the label of the block's
# child two levels down the field path (``get_segment_location_info``): the alt text of an Image
# block ("body.image.image.alt_text") was labelled "Image", the image block's label. The alt text's
# own label is the right one; localize has no setting for it, so its function is wrapped.
def alt_text_segment_label(source_instance, field_path):
    """The label of the alt text at ``field_path`` if it is an ImageBlock's, else None."""
    components = field_path.split(".")
    if len(components) < 3 or components[-1] != "alt_text":
        return None
    try:
        field = source_instance._meta.get_field(components[0])
    except FieldDoesNotExist:
        return None
    block = getattr(field, "stream_block", None)
    for name in components[1:-1]:
        if block is None:
            return None
        if isinstance(block, ListBlock):
            block = block.child_block if name == "item" else None
        else:
            block = getattr(block, "child_blocks", {}).get(name)
    if isinstance(block, ImageBlock):
        return capfirst(block.child_blocks["alt_text"].label)
    return None


def segment_location_with_alt_text_label(
    source_instance, tab_helper, content_path, field_path, widget=False
):
    info = localize_segment_location_info(
        source_instance, tab_helper, content_path, field_path, widget=widget
    )
    label = alt_text_segment_label(source_instance, field_path)
    if label:
        info["subField"] = label
    return info


localize_segment_location_info = localize_edit_translation.get_segment_location_info
localize_edit_translation.get_segment_location_info = segment_location_with_alt_text_label


# The page chooser's search (Wagtail 8's SearchView) ignores languages: "Joint Call" found the
# call in every language. It searches in the language the chooser was switched to ("locale",
# which the chooser's browse view carries into its search form), else in the language of the
# page being edited (the editor the chooser was opened from, its Referer), else in all.
EDITED_PAGE = re.compile(
    r"^/admin/pages/(?:(?P<page_id>\d+)/edit/|add/[^/]+/[^/]+/(?P<parent_id>\d+)/)"
)


def chooser_search_locale_id(request):
    code = request.GET.get("locale")
    if code:
        return Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc != request.get_host():
        return None
    match = EDITED_PAGE.match(referer.path)
    if match is None:
        return None
    page_id = match["page_id"] or match["parent_id"]
    return Page.objects.filter(pk=page_id).values_list("locale_id", flat=True).first()


@hooks.register("construct_page_chooser_queryset")
def page_chooser_search_in_one_language(pages, request):
    match = request.resolver_match
    if match is None or match.url_name != "wagtailadmin_choose_page_search":
        return pages
    locale_id = chooser_search_locale_id(request)
    return pages if locale_id is None else pages.filter(locale_id=locale_id)
