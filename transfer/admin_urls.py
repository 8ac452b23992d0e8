"""Admin views in place of wagtail-transfer's (same addresses, listed before its own)."""

from django.urls import path, re_path

from . import views

app_name = "cms_transfer_admin"
urlpatterns = [
    path("import/", views.do_import, name="import"),
    re_path(
        r"^api/chooser-proxy/(\w+)/([\w\-/]*)$",
        views.chooser_api_proxy,
        name="chooser_api_proxy",
    ),
]
