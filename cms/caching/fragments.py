"""Caching of the parts of pages that many pages share (header, footer, "latest" sections), under
a version of the site's content that every publication moves on: what is cached is never stale
after a change, and never has to be found to be deleted."""

import time

from django.core.cache import cache
from django.db import transaction
from wagtail.models import PageViewRestriction

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


def any_view_restrictions():
    """Whether any page of the site is private (a password, signed-in users, groups): cached
    under the content version, which a change of privacy moves on (``signals``)."""
    key = f"view-restrictions:{content_version()}"
    found = cache.get(key)
    if found is None:
        found = PageViewRestriction.objects.exists()
        cache.set(key, found, FRAGMENT_SECONDS)
    return found
