"""The source's export API: wagtail-transfer's, with our page export in place of its own, closed
while this instance has no secret (an empty key would let anyone sign a request), serving only
content (an allow-list: pages and what they show), never accounts, signatures, history, login
records, sessions or task results, whoever asks; never cached."""

import json
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import re_path
from django.utils.cache import patch_cache_control
from wagtail.models import Page
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_transfer import urls as wagtailtransfer_urls

from . import exporting

# Besides every page type, the content a page refers to: all the API serves.
CONTENT_MODELS = {
    "wagtailcore.locale",
    "wagtailcore.collection",
    "wagtailimages.image",
    "documents.customdocument",
    "documents.documentlanguageversion",
    "media_library.custommedia",
    "media_library.videoseries",
    "media_library.videocaption",
    "taggit.tag",
}


def is_content(label):
    if label in CONTENT_MODELS:
        return True
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return False
    return issubclass(model, Page)


def requested_models(request, kwargs):
    if "model_path" in kwargs:
        return {kwargs["model_path"].lower()}
    if request.method == "POST":
        try:
            return {label.lower() for label in json.loads(request.body)}
        except (ValueError, AttributeError):
            return set()
    return set()


def export_guard(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not settings.WAGTAILTRANSFER_SECRET_KEY:
            raise PermissionDenied("WAGTAILTRANSFER_SECRET_KEY is not set on this instance.")
        if not all(is_content(label) for label in requested_models(request, kwargs)):
            raise PermissionDenied("This model is not transferred.")
        response = view(request, *args, **kwargs)
        # Never kept by a shared cache: the address of an export (page id and its signature)
        # is the same before and after an edit.
        patch_cache_control(response, private=True, no_store=True)
        return response

    return guarded


urlpatterns = decorate_urlpatterns(
    [re_path(r"^api/pages/(\d+)/$", exporting.pages_for_export, name="cms_transfer_pages")]
    + list(wagtailtransfer_urls.urlpatterns),
    export_guard,
)
