from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Cohesion Alliance site"

    def ready(self):
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .editing.roles import SitePagePermissionPolicy
        from .signal_handlers import register_signal_handlers

        register_permission_policy(Page, SitePagePermissionPolicy(Page))
        register_signal_handlers()
