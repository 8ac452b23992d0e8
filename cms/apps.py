from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Cohesion Alliance site"

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
