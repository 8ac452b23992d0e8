import atexit
import shutil
import tempfile
from pathlib import Path

from PIL import AvifImagePlugin, Image

from .base import *  # noqa: F403
from .base import env


def _save_avif_fast(image, fp, filename):
    """Pillow's AVIF encoder at its fastest preset unless told otherwise: an AVIF rendition of the
    same size, made in a twentieth of the time of the default preset (seconds a picture)."""
    image.encoderinfo.setdefault("speed", 10)
    AvifImagePlugin._save(image, fp, filename)


# Every process with these settings (the tests, and the servers and workers they start).
Image.register_save(AvifImagePlugin.AvifImageFile.format, _save_avif_fast)

DEBUG = False
SECRET_KEY = "test-secret-key"
ALLOWED_HOSTS = ["*"]

# The suite runs on PostgreSQL, like CI and production.
DATABASES = {
    "default": env.db(
        "DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/cohesion_alliance"
    ),
}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Room for every block and card a test renders (Django's default is 300 entries).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "renditions": {
        "BACKEND": "cms.caching.renditions.LocMemRenditionCache",
        "LOCATION": "renditions",  # LocMem caches with the same location share their entries
    },
}
# App servers started by the scale-out test share one Redis cache and one media directory.
if shared_cache := env("TEST_SHARED_REDIS_URL", default=""):
    CACHES = {
        alias: {
            "BACKEND": backend,
            "LOCATION": shared_cache,
            "KEY_PREFIX": env("TEST_SHARED_CACHE_PREFIX", default="test"),
        }
        for alias, backend in (
            ("default", "cms.caching.redis.RedisCache"),
            ("renditions", "cms.caching.renditions.RedisRenditionCache"),
        )
    }
# A folder of its own per process, removed when it ends, unless given (the servers that tests
# start, tests/helpers_databases.py).
if not (MEDIA_ROOT := env("TEST_MEDIA_ROOT", default="")):
    MEDIA_ROOT = tempfile.mkdtemp(prefix="cohesion-test-media-")
    atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
SERVE_MEDIA = True
# The tests serve no collected static files (the browser tests' live server serves them from the
# finders): an empty folder of their own. WhiteNoise indexes STATIC_ROOT at every request handler
# the test client makes: a developer's collected var/static doubled the fast lane (240 s instead
# of 110), and a missing one gave some 560 warnings a run, which hid the others.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="cohesion-test-static-"))
atexit.register(shutil.rmtree, STATIC_ROOT, ignore_errors=True)
WAGTAILEMBEDS_FINDERS = [{"class": "tests.fakes.FakeEmbedFinder"}]
WAGTAILADMIN_BASE_URL = "http://testserver"
# PostgreSQL full text with each language's stemming (cms/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
