from django.apps import AppConfig
from django.db.models.signals import post_delete


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Alliance, Joint Call and stories"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .models import JointCallPage, Signature
        from .signatures import call_changed, signature_deleted

        page_published.connect(
            call_changed, sender=JointCallPage, dispatch_uid="home.call_published"
        )
        page_unpublished.connect(
            call_changed, sender=JointCallPage, dispatch_uid="home.call_unpublished"
        )
        post_delete.connect(
            signature_deleted, sender=Signature, dispatch_uid="home.signature_deleted"
        )
