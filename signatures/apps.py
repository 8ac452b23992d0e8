from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SignaturesConfig(AppConfig):
    name = "signatures"
    verbose_name = "Signatures of the Joint Call"

    def ready(self):
        from cms.caching.fragments import content_changed

        from .models import CallSettings, Signature
        from .services import call_settings_changed, signature_deleted

        post_save.connect(
            call_settings_changed,
            sender=CallSettings,
            dispatch_uid="signatures.call_settings_changed",
        )
        # The form, the Joint Call's teaser and the signatory counts show the settings.
        post_save.connect(
            content_changed, sender=CallSettings, dispatch_uid="signatures.content_changed"
        )
        post_delete.connect(
            signature_deleted, sender=Signature, dispatch_uid="signatures.signature_deleted"
        )
