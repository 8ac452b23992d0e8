"""The count of confirmed signatures of a call: counted in the database, cached under a version
that every confirmation or withdrawal moves on, so the count is exact."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from .models import Signature


def _version_key(call_key):
    return f"signatures:{call_key}:version"


def confirmed_count(call_key):
    """The number of confirmed signatures of a call, cached until it changes."""
    version = cache.get(_version_key(call_key))
    if version is None:
        version = int(time.time() * 1000)
        cache.add(_version_key(call_key), version, None)
        version = cache.get(_version_key(call_key), version)
    key = f"signatures:{call_key}:count:{version}"
    count = cache.get(key)
    if count is None:
        count = Signature.objects.filter(call_key=call_key).confirmed().count()
        cache.set(key, count, settings.SIGNATURE_COUNT_CACHE_SECONDS)
    return count


def count_changed(call_key):
    """Move the counter on to a new version once the change is committed."""

    def bump():
        try:
            cache.incr(_version_key(call_key))
        except ValueError:
            cache.set(_version_key(call_key), int(time.time() * 1000), None)

    transaction.on_commit(bump)
