"""Deployment values come from the environment, with safe defaults for `make run`."""

import json
import os
import subprocess
import sys
from pathlib import Path

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


def test_make_run_defaults_are_sqlite_local_memory_and_a_file_mailbox():
    values = settings_with("cms.settings.dev")
    assert values["database"] == "django.db.backends.sqlite3"
    assert values["database_name"].endswith("var/db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["email"].endswith("filebased.EmailBackend")
    assert values["email_path"].endswith("var/mail")
    assert values["debug"] is True
    assert values["hosts"] == ["127.0.0.1", "localhost", "[::1]"]


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
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://cache.internal:6379/1"
    assert values["debug"] is False
    assert values["hosts"] == ["cohesion.example.eu", "www.cohesion.example.eu"]
    assert values["admin_url"] == "https://cohesion.example.eu"
    assert values["email"].endswith("smtp.EmailBackend")
    assert values["media"] == "/srv/media"
    assert values["secret"] == "s3cret"


def test_deepl_prefills_translations_only_when_a_key_is_set():
    assert settings_with("cms.settings.production", SECRET_KEY="x")["machine_translator"] is None
    values = settings_with("cms.settings.production", SECRET_KEY="x", DEEPL_API_KEY="k:fx")
    assert values["machine_translator"] == (
        "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    )


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
