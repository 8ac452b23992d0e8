from django.apps import AppConfig
from django.db.models.signals import post_save


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Alliance, Joint Call and stories"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from cms.archives import page_published as build_download_archive
        from cms.i18n.locales import landing_page_created
        from signatures.services import call_changed, ensure_call_settings

        from .models import AlliancePage, ContentPage, JointCallPage

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
