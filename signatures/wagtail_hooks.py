from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from .call_settings_admin import (
    CallSettingsPermissionPolicy,
    CallSettingsViewSet,
    register_call_log_actions,
)
from .models import CallSettings, Signature
from .signature_admin import SignaturePermissionPolicy, SignaturesPanel, SignatureViewSet

register_permission_policy(Signature, SignaturePermissionPolicy(Signature))
register_permission_policy(CallSettings, CallSettingsPermissionPolicy(CallSettings))


class SignaturesGroup(ModelViewSetGroup):
    menu_label = _("Signatures")
    menu_icon = "form"
    menu_order = 250
    items = (SignatureViewSet, CallSettingsViewSet)


@hooks.register("register_admin_viewset")
def register_signature_viewsets():
    return SignaturesGroup()


@hooks.register("register_log_actions")
def register_signature_log_actions(actions):
    register_call_log_actions(actions)


@hooks.register("construct_homepage_panels")
def add_signatures_panel(request, panels):
    if request.user.has_perm("signatures.view_signature"):
        panels.append(SignaturesPanel())
