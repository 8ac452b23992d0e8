"""Signatures › Call settings: each call's earlier signatories, privacy notice version,
retention date and whether signing is open, for those who may manage signatures; with the
erasure of the call's personal data once its date has passed, confirmed by a click and
recorded in the settings' history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import EditView, IndexView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import LogFormatter

from .models import CallSettings, Signature
from .services import anonymise, log_call_action
from .signature_admin import RestrictedPermissionPolicy


class CallSettingsPermissionPolicy(RestrictedPermissionPolicy):
    """A call's settings are made with its page and stay as long as its signatures do: they are
    changed, never added or deleted, in the admin."""

    refused_actions = ("add", "delete")


def user_can_erase(user):
    return user.has_perm("signatures.delete_signature") and user.has_perm(
        "signatures.change_callsettings"
    )


class CallSettingsEditView(EditView):
    def get_header_buttons(self):
        buttons = super().get_header_buttons()
        if self.object.retention_ended and user_can_erase(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Erase personal data"),
                    url=reverse("call_settings:erase", args=(self.object.pk,)),
                    icon_name="bin",
                )
            )
        return buttons


class EraseCallPersonalDataView(WagtailAdminTemplateMixin, TemplateView):
    """Erase the personal data of every signature of a call whose retention date has passed
    (what the daily ``purge_unconfirmed_signatures`` does), after a confirmation."""

    template_name = "signatures/admin/erase_call_personal_data.html"
    page_title = _("Erase personal data")
    header_icon = "bin"

    def dispatch(self, request, pk):
        if not user_can_erase(request.user):
            raise PermissionDenied
        self.call_settings = get_object_or_404(CallSettings, pk=pk)
        return super().dispatch(request, pk)

    def signatures(self):
        return Signature.objects.filter(
            call_key=self.call_settings.call_key, anonymised_at__isnull=True
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            call_settings=self.call_settings,
            count=self.signatures().count(),
            edit_url=reverse("call_settings:edit", args=(self.call_settings.pk,)),
            **kwargs,
        )

    def post(self, request, pk):
        if not self.call_settings.retention_ended:
            messages.error(
                request,
                _("Nothing was erased: the personal data of this call are kept until %(date)s.")
                % {"date": self.call_settings.personal_data_kept_until or _("no date")},
            )
            return redirect("call_settings:edit", pk)
        erased = anonymise(self.signatures())
        log_call_action(
            self.call_settings,
            "signatures.erase",
            user=request.user,
            count=erased,
            kept_until=self.call_settings.personal_data_kept_until.isoformat(),
        )
        messages.success(
            request,
            _("The personal data of %(count)s signatures were erased.") % {"count": erased},
        )
        return redirect("call_settings:edit", pk)


class CallSettingsViewSet(ModelViewSet):
    model = CallSettings
    icon = "cog"
    menu_label = _("Call settings")
    menu_order = 20
    url_prefix = "signatures/calls"
    name = "call_settings"
    index_view_class = IndexView
    edit_view_class = CallSettingsEditView
    list_display = [
        "__str__",
        "signing_open",
        "signatory_baseline",
        "privacy_notice_version",
        "personal_data_kept_until",
    ]
    form_fields = [
        "signing_open",
        "signatory_baseline",
        "privacy_notice_version",
        "personal_data_kept_until",
    ]
    copy_view_enabled = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("erase/<int:pk>/", EraseCallPersonalDataView.as_view(), name="erase")
        ]


def register_call_log_actions(actions):
    """How the history of a call's settings tells of what was done to its signatures."""

    class CountFormatter(LogFormatter):
        def format_comment(self, log_entry):
            return log_entry.data.get("by", "")

    @actions.register_action("signatures.erase")
    class Erase(CountFormatter):
        label = _("Erase signatories' personal data")

        def format_message(self, log_entry):
            return _("Erased the personal data of %(count)s signatures (kept until %(date)s)") % {
                "count": log_entry.data.get("count", 0),
                "date": log_entry.data.get("kept_until", "?"),
            }

    @actions.register_action("signatures.delete_unconfirmed")
    class DeleteUnconfirmed(CountFormatter):
        label = _("Delete unconfirmed signatures")

        def format_message(self, log_entry):
            return _("Deleted %(count)s unconfirmed signatures") % {
                "count": log_entry.data.get("count", 0)
            }

    @actions.register_action("signatures.import")
    class Import(CountFormatter):
        label = _("Import signatures")

        def format_message(self, log_entry):
            return _("Imported %(count)s signatures from %(file)s (%(rejected)s rows rejected)") % {
                "count": log_entry.data.get("count", 0),
                "file": log_entry.data.get("file", "?"),
                "rejected": log_entry.data.get("rejected", 0),
            }
