from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Signature
from .signature_admin import SignaturePermissionPolicy, SignaturesPanel, SignatureViewSet

register_permission_policy(Signature, SignaturePermissionPolicy(Signature))


@hooks.register("register_admin_viewset")
def register_signature_viewset():
    return SignatureViewSet()


@hooks.register("construct_homepage_panels")
def add_signatures_panel(request, panels):
    if request.user.has_perm("home.view_signature"):
        panels.append(SignaturesPanel())
