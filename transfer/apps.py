from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "transfer"
    # The label it had as cms.transfer, kept: nothing keyed by an app label changes.
    label = "cms_transfer"
    verbose_name = "Content transfer"
