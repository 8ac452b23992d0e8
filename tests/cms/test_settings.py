"""Deployment values come from the environment, with safe defaults for `make run`. Each
settings module is read in a process of its own (marked ``stack``)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "database": settings.DATABASES["default"]["ENGINE"],
    "database_name": str(settings.DATABASES["default"]["NAME"]),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "debug": settings.DEBUG,
    "hosts": settings.ALLOWED_HOSTS,
    "admin_url": settings.WAGTAILADMIN_BASE_URL,
    "email": settings.EMAIL_BACKEND,
    "email_path": str(settings.EMAIL_FILE_PATH),
    "media": str(settings.MEDIA_ROOT),
    "secret": settings.SECRET_KEY,
    "storage": settings.STORAGES["default"]["BACKEND"],
    "storage_options": settings.STORAGES["default"].get("OPTIONS", {}),
    "static_storage": settings.STORAGES["staticfiles"]["BACKEND"],
    "connection_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "connection_checks": settings.DATABASES["default"].get("CONN_HEALTH_CHECKS", False),
    "secure_cookies": settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE,
    "frontend_caches": [c["LOCATION"] for c in settings.WAGTAILFRONTENDCACHE.values()],
    "machine_translator": getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", {}).get("CLASS"),
}))
"""


def settings_with(module, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "DEBUG",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DEEPL_API_KEY",
            "AWS_STORAGE_BUCKET_NAME",
            "FRONTEND_CACHE_URLS",
            "CONN_MAX_AGE",
        }
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.stack
def test_make_run_defaults_are_sqlite_local_memory_and_a_file_mailbox():
    values = settings_with("cms.settings.dev")
    assert values["database"] == "django.db.backends.sqlite3"
    assert values["database_name"].endswith("var/db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["email"].endswith("filebased.EmailBackend")
    assert values["email_path"].endswith("var/mail")
    assert values["debug"] is True
    assert values["hosts"] == ["127.0.0.1", "localhost", "[::1]"]


@pytest.mark.stack
def test_production_reads_every_value_from_the_environment():
    values = settings_with(
        "cms.settings.production",
        SECRET_KEY="s3cret",
        DATABASE_URL="postgres://cms:pw@db.internal:5432/cohesion",
        REDIS_URL="redis://cache.internal:6379/1",
        ALLOWED_HOSTS="cohesion.example.eu,www.cohesion.example.eu",
        WAGTAILADMIN_BASE_URL="https://cohesion.example.eu",
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        MEDIA_ROOT="/srv/media",
    )
    assert values["database"] == "django.db.backends.postgresql"
    assert values["database_name"] == "cohesion"
    assert values["cache"] == "cms.caching.redis.RedisCache"
    assert values["cache_location"] == "redis://cache.internal:6379/1"
    assert values["debug"] is False
    assert values["hosts"] == ["cohesion.example.eu", "www.cohesion.example.eu"]
    assert values["admin_url"] == "https://cohesion.example.eu"
    assert values["email"].endswith("smtp.EmailBackend")
    assert values["media"] == "/srv/media"
    assert values["secret"] == "s3cret"


@pytest.mark.stack
def test_production_reuses_connections_and_serves_hashed_static_files_and_local_media():
    values = settings_with("cms.settings.production", SECRET_KEY="x")
    assert values["connection_age"] == 60 and values["connection_checks"] is True
    assert values["static_storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["storage"] == "django.core.files.storage.FileSystemStorage"
    assert values["secure_cookies"] is True
    assert values["frontend_caches"] == []


@pytest.mark.stack
def test_production_puts_media_on_s3_compatible_storage_when_a_bucket_is_set():
    values = settings_with(
        "cms.settings.production",
        SECRET_KEY="x",
        AWS_STORAGE_BUCKET_NAME="cohesion-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.eu",
        AWS_S3_CUSTOM_DOMAIN="media.cohesion.example.eu",
        FRONTEND_CACHE_URLS="http://10.0.0.5:6081,http://10.0.0.6:6081",
    )
    assert values["storage"] == "storages.backends.s3.S3Storage"
    options = values["storage_options"]
    assert options["bucket_name"] == "cohesion-media"
    assert options["endpoint_url"] == "https://s3.example.eu"
    assert options["custom_domain"] == "media.cohesion.example.eu"
    assert options["querystring_auth"] is False
    assert values["frontend_caches"] == ["http://10.0.0.5:6081", "http://10.0.0.6:6081"]


@pytest.mark.stack
def test_deepl_prefills_translations_only_when_a_key_is_set():
    assert settings_with("cms.settings.production", SECRET_KEY="x")["machine_translator"] is None
    values = settings_with("cms.settings.production", SECRET_KEY="x", DEEPL_API_KEY="k:fx")
    assert values["machine_translator"] == (
        "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    )


@pytest.mark.stack
def test_production_refuses_to_start_without_a_secret_key():
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_locale_holds_only_catalogues_not_a_python_package():
    # A package named "locale" would shadow Python's own module.
    assert not (ROOT / "locale" / "__init__.py").exists()


STATIC_PROBE = """
import json, django
from django.core.management import call_command
django.setup()
from django.templatetags.static import static
from django.test import Client
call_command("collectstatic", interactive=False, verbosity=0)
url = static("css/site.css")
response = Client().get(url, secure=True, HTTP_ACCEPT_ENCODING="gzip")
print(json.dumps({
    "url": url,
    "status": response.status_code,
    "encoding": response.get("Content-Encoding"),
    "cache": response.get("Cache-Control"),
}))
"""


@pytest.mark.stack
def test_production_static_files_are_hashed_compressed_and_kept_forever(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", STATIC_PROBE],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": "x",
            "ALLOWED_HOSTS": "testserver",
            "STATIC_ROOT": str(tmp_path / "static"),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", values["url"])
    assert values["status"] == 200
    assert values["encoding"] == "gzip"
    assert "immutable" in values["cache"]
