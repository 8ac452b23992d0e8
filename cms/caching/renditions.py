"""The cache of image renditions (Wagtail's ``renditions`` cache alias).

Wagtail 8.0 writes every rendition it has just read from the cache back to it (``get_renditions``
skips the write only for renditions flagged ``_from_cache``, a flag it sets on prefetched ones
only; ``get_rendition``, for ``{% image %}``, always writes): a page with two pictures paid two
writes of nine renditions on every request. These backends flag what they read and skip writing
what is so flagged. Fixed upstream by wagtail/wagtail#14541 (commit c1c39fe), not
released in 8.0.x."""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

from .redis import RedisCache


class RenditionsFromCacheMixin:
    def get_many(self, keys, version=None):
        found = super().get_many(keys, version=version)
        for rendition in found.values():
            rendition._from_cache = True
        return found

    def get(self, key, default=None, version=None):
        found = super().get(key, default, version=version)
        if found is not default:
            found._from_cache = True
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if not getattr(value, "_from_cache", False):
            super().set(key, value, timeout, version=version)


class RedisRenditionCache(RenditionsFromCacheMixin, RedisCache):
    pass


class LocMemRenditionCache(RenditionsFromCacheMixin, LocMemCache):
    pass
