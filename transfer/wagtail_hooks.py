"""The transfer app's adapters and admin views, registered through wagtail-transfer's and Wagtail's
own hooks. This app is listed before wagtail_transfer, so its admin URLs come first and take the
place of wagtail-transfer's import view and chooser proxy."""

from django.db import models
from django.urls import include, path
from wagtail import hooks

from . import admin_urls
from .adapters import SourceFileAdapter


@hooks.register("register_field_adapters")
def register_field_adapters():
    return {models.FileField: SourceFileAdapter}


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("wagtail-transfer/", include(admin_urls, namespace="cms_transfer_admin"))]
