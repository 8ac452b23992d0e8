from django.apps import AppConfig


class MediaLibraryConfig(AppConfig):
    name = "media_library"

    def ready(self):
        from cms.caching.signals import refresh_every_page_on_change

        from .models import VideoSeries

        # A series' name is on the card of each of its videos, wherever one is listed.
        refresh_every_page_on_change(VideoSeries)
