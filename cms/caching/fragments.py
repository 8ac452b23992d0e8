"""Caching of the parts of pages that many pages share (header, footer, "latest" sections), under
a version of the site's content that every publication moves on: what is cached is never stale
after a change, and never has to be found to be deleted."""

import contextvars
import time

from django.core.cache import cache
from django.db import transaction
from wagtail.models import PageViewRestriction

CONTENT_VERSION_KEY = "content-version"
FRAGMENT_SECONDS = 24 * 3600


# The version read for the request being served (middleware.ContentVersionMiddleware): a page
# asks for it a dozen times, and each would be a round trip to the cache.
version_of_request = contextvars.ContextVar("version_of_request", default=None)


def content_version():
    memo = version_of_request.get()
    if memo:
        return memo[0]
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, int(time.time() * 1000), None)
        version = cache.get(CONTENT_VERSION_KEY)
    if memo is not None:
        memo.append(version)
    return version


def for_content_version(key, compute):
    """``compute()`` (not None), kept in the cache under ``key`` and the content version: found
    there again until the content changes."""
    versioned = f"{key}:{content_version()}"
    found = cache.get(versioned)
    if found is None:
        found = compute()
        cache.set(versioned, found, FRAGMENT_SECONDS)
    return found


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
    return for_content_version("view-restrictions", PageViewRestriction.objects.exists)
