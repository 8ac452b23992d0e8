"""Caching of the parts of pages that many pages share (header, footer, "latest" sections), under
a version of the site's content that every publication moves on: what is cached is never stale
after a change, and never has to be found to be deleted."""

import time

from django.core.cache import cache
from django.db import transaction

CONTENT_VERSION_KEY = "content-version"
FRAGMENT_SECONDS = 24 * 3600


def content_version():
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, int(time.time() * 1000), None)
        version = cache.get(CONTENT_VERSION_KEY)
    return version


def content_changed(**kwargs):
    """Content changed (a page published, settings saved…): once committed, every fragment
    cached so far is out of date."""

    def bump():
        try:
            cache.incr(CONTENT_VERSION_KEY)
        except ValueError:
            cache.set(CONTENT_VERSION_KEY, int(time.time() * 1000), None)

    transaction.on_commit(bump)


def register_signal_handlers():
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Locale, Page, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from media_library.models import VideoSeries

    from .models import SiteSettings

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"cms.content_changed.{signal!r}")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="cms.content_changed.delete")
    for model in (SiteSettings, VideoSeries, Locale, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                content_changed,
                sender=model,
                dispatch_uid=f"cms.content_changed.{signal!r}.{model.__name__}",
            )
