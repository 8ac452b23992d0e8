"""The translation status report: every page of the source language against every other
language — translated, out of date, in progress, or not translated yet — as a matrix,
exportable."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import TranslationSource

from cms.i18n.translation_state import with_published_translation

TRANSLATED = "translated"
OUT_OF_DATE = "out of date"
IN_PROGRESS = "in progress"
NOT_TRANSLATED = "not translated"
STATUS_LABELS = {
    TRANSLATED: _("Translated"),
    OUT_OF_DATE: _("Out of date"),
    IN_PROGRESS: _("In progress"),
    NOT_TRANSLATED: _("Not translated yet"),
}


def target_languages():
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def translation_statuses(pages):
    """For each source page, its status in every other language, from three queries.

    - not translated yet: the language has no page, or only wagtail-localize's alias of it;
    - in progress: submitted for translation, but no translation published yet (visitors still
      see the English page: ``cms.i18n.translation_state``);
    - out of date: a translation is published, but the source page changed after its last sync
      (wagtail-localize's "Sync translated pages" brings the change in);
    - translated: a translation is published and the source has not changed since.
    """
    keys = [page.translation_key for page in pages]
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    versions = {}
    for key, locale_id, alias_of_id, published in with_published_translation(
        Page.objects.filter(translation_key__in=keys)
    ).values_list("translation_key", "locale_id", "alias_of_id", "published_translation"):
        if alias_of_id is not None:
            versions[(key, codes[locale_id])] = NOT_TRANSLATED
        else:
            versions[(key, codes[locale_id])] = TRANSLATED if published else IN_PROGRESS
    synced_at = dict(
        TranslationSource.objects.filter(
            object_id__in=keys, locale__language_code=settings.LANGUAGE_CODE
        ).values_list("object_id", "last_updated_at")
    )
    for page in pages:
        source_changed = page.latest_revision_created_at
        last_sync = synced_at.get(page.translation_key)
        stale = bool(last_sync and source_changed and source_changed > last_sync)
        page.translation_status = {}
        for code, _name in target_languages():
            status = versions.get((page.translation_key, code), NOT_TRANSLATED)
            if status == TRANSLATED and stale:
                status = OUT_OF_DATE
            page.translation_status[code] = status
    return pages


class TranslationStatusView(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    template_name = "cms/reports/translation_status.html"
    results_template_name = "cms/reports/translation_status_results.html"
    index_url_name = "translation_status"
    index_results_url_name = "translation_status_results"
    paginate_by = 50

    def get_queryset(self):
        return (
            Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
            .order_by("path")
            .only(
                "id",
                "title",
                "path",
                "depth",
                "url_path",
                "translation_key",
                "latest_revision_created_at",
            )
        )

    def decorate_paginated_queryset(self, object_list):
        pages = translation_statuses(list(object_list))
        # Each page's title leads where the user may go: its editor, or (for a translator, who
        # reads the source but does not edit it) the form that submits it for translation.
        editable = set(
            policy_registry.get_by_type(Page)
            .instances_user_has_permission_for(self.request.user, "change")
            .filter(pk__in=[page.pk for page in pages])
            .values_list("pk", flat=True)
        )
        for page in pages:
            page.admin_url = (
                reverse("wagtailadmin_pages:edit", args=(page.pk,))
                if page.pk in editable
                else reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
            )
        return pages

    @property
    def list_export(self):
        return ["title", "url_path"] + [code for code, _name in target_languages()]

    @property
    def export_headings(self):
        return {"title": _("Page"), "url_path": _("Path"), **dict(target_languages())}

    def to_row_dict(self, item):
        return {
            "title": item.title,
            "url_path": item.url_path,
            **{
                code: str(STATUS_LABELS[status]) for code, status in item.translation_status.items()
            },
        }

    def get_filename(self):
        return f"translation-status-{datetime.date.today():%Y-%m-%d}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages"] = target_languages()
        context["status_labels"] = STATUS_LABELS
        return context

    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_report(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def user_can_see_report(user):
    """Officers who can submit translations (translators, editors, administrators)."""
    return user.has_perm("wagtail_localize.submit_translation")
