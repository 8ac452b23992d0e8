from django.conf import settings
from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail_localize.views import submit_translations

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
    if request.user.has_perm("home.view_signature"):
        panels.append(SignaturesPanel())


# "Translate" (wagtail-localize's SubmitTranslationForm) lists the languages as Locale orders them,
# by code (bg, cs, da…). Officers look for them in the EU's protocol order, the order of
# settings.LANGUAGES, the order of the language switcher: the form's list is put in that order.
# (wagtail-localize offers no setting for it; its view builds the form by this module name.)
class ProtocolOrderSubmitTranslationForm(submit_translations.SubmitTranslationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locales = self.fields["locales"]
        locales.queryset = locales.queryset.order_by(protocol_order())


def protocol_order():
    return Case(
        *(
            When(language_code=code, then=Value(position))
            for position, (code, _name) in enumerate(settings.LANGUAGES)
        ),
        default=Value(len(settings.LANGUAGES)),
    )


submit_translations.SubmitTranslationForm = ProtocolOrderSubmitTranslationForm
