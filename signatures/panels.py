"""A read-only view of the call's settings inside the Joint Call page editor."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from .services import call_settings_for


class CallSettingsPanel(Panel):
    """Shows the call's earlier signatories, privacy notice version, retention date and whether
    signing is open, with a link to change them where they live: the Signatures area (for those
    who may manage signatures). They are not fields of the page, so no language's page, and no
    translator, can change them."""

    @property
    def clean_name(self):
        return super().clean_name or "call_settings"

    class BoundPanel(Panel.BoundPanel):
        template_name = "signatures/admin/call_settings_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            call_settings = call_settings_for(page.translation_key) if page.pk else None
            context["call_settings"] = call_settings
            if call_settings and call_settings.pk and self.request:
                user = self.request.user
                if user.has_perm("signatures.change_callsettings"):
                    context["edit_url"] = reverse("call_settings:edit", args=(call_settings.pk,))
            return context
