from django.apps import AppConfig


class TransferConfig(AppConfig):
    name = "cms.transfer"
    label = "cms_transfer"
    verbose_name = "Content transfer"
