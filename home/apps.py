from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Alliance, Joint Call and stories"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from cms.archives import page_published as build_download_archive
        from cms.i18n.locales import landing_page_created

        from .models import AlliancePage, CallSettings, ContentPage, JointCallPage, Signature
        from .signatures import (
            call_changed,
            call_settings_changed,
            ensure_call_settings,
            signature_deleted,
        )

        post_save.connect(
            landing_page_created, sender=AlliancePage, dispatch_uid="home.grant_translators"
        )
        page_published.connect(
            build_download_archive, sender=ContentPage, dispatch_uid="home.download_archive"
        )
        page_published.connect(
            call_changed, sender=JointCallPage, dispatch_uid="home.call_published"
        )
        page_unpublished.connect(
            call_changed, sender=JointCallPage, dispatch_uid="home.call_unpublished"
        )
        post_save.connect(
            ensure_call_settings, sender=JointCallPage, dispatch_uid="home.call_settings"
        )
        post_save.connect(
            call_settings_changed, sender=CallSettings, dispatch_uid="home.call_settings_changed"
        )
        post_delete.connect(
            signature_deleted, sender=Signature, dispatch_uid="home.signature_deleted"
        )
