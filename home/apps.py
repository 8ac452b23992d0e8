from django.apps import AppConfig
from django.db.models.signals import post_delete


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Alliance, Joint Call and stories"

    def ready(self):
        from .models import Signature
        from .signatures import signature_deleted

        post_delete.connect(
            signature_deleted, sender=Signature, dispatch_uid="home.signature_deleted"
        )
