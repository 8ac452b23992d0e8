from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .translation_guard import stop_translation_of_own_source
from .translation_report import TranslationStatusView, user_can_see_report


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
from .autosave import register as register_autosave  # noqa: E402

register_autosave()
