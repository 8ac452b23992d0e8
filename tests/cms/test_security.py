"""Hardened: security headers and Content-Security-Policy, login throttling, production
settings that `check --deploy` accepts, escaping, and upload restrictions."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from tests.cms.test_settings import settings_with
from tests.helpers import PAGE_NAMES

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_public_pages_have_a_strict_policy_and_run_no_inline_script(client, site_tree, name):
    page = getattr(site_tree.en, name)
    response = client.get(page.url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "clipboard-write=(self)" in response["Permissions-Policy"]
    soup = BeautifulSoup(response.content, "html.parser")
    for script in soup.find_all("script"):
        # Only the site's own files run; JSON-LD is data, which CSP does not execute.
        assert script.get("src", "").startswith("/static/") or (
            script.get("type") == "application/ld+json" and not script.get("src")
        ), script
    assert not soup.select("[onclick], [onload], [onerror], [onsubmit]")
    assert "javascript:" not in response.content.decode()


def test_video_players_may_only_come_from_the_privacy_friendly_platforms(client, site_tree):
    policy = directives(client.get(site_tree.en.video.url)["Content-Security-Policy"])
    assert policy["frame-src"] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def test_error_pages_and_other_answers_have_the_headers_too(client, site_tree):
    for url in ("/en/no-such-page/", "/robots.txt", "/sitemap.xml", "/en/search/"):
        response = client.get(url)
        assert "Content-Security-Policy" in response, url
        assert "Permissions-Policy" in response, url


def test_the_admin_has_its_own_policy(client, admin_user):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


def test_previews_may_be_shown_in_the_admin_preview_panel(client, admin_user, site_tree):
    """A preview is rendered through a dummy request with the page's own path; it gets the
    admin's policy, or the preview panel's frame would be refused, and is never shared."""
    client.force_login(admin_user)
    story = site_tree.lv.story
    story.title = "Melnraksts"
    story.save_revision()
    response = client.get(f"/admin/pages/{story.pk}/view_draft/")
    assert response.status_code == 200
    assert "Melnraksts" in response.content.decode()
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_on_secure_requests(client, site_tree):
    response = client.get(site_tree.en.home.url, secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def login(client, username, password):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR="203.0.113.7"
    )


def test_admin_login_is_locked_after_repeated_failures(client, django_user_model, settings):
    django_user_model.objects.create_superuser("officer", "officer@example.eu", "right-pass-1")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = login(client, "officer", "wrong")
        assert response.status_code == 200  # the form again, with an error
    response = login(client, "officer", "wrong")
    assert response.status_code == 429
    # Locked: even the right password is refused, from this address.
    response = login(client, "officer", "right-pass-1")
    assert response.status_code == 429
    assert b"Too many failed sign-in attempts" in response.content
    assert "Content-Security-Policy" in response
    # Another address can still sign in.
    response = client.post(
        "/admin/login/",
        {"username": "officer", "password": "right-pass-1"},
        REMOTE_ADDR="198.51.100.20",
    )
    assert response.status_code == 302


def test_a_successful_login_resets_the_failures(client, django_user_model, settings):
    django_user_model.objects.create_superuser("editor", "editor@example.eu", "right-pass-2")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "editor", "wrong")
    assert login(client, "editor", "right-pass-2").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "editor", "wrong").status_code == 200


def production_environment(**extra):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "REDIS_URL", "DEEPL_API_KEY"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cohesion.example.eu",
        WAGTAILADMIN_BASE_URL="https://cohesion.example.eu",
        DATABASE_URL=os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cohesion_alliance"
        ),
        **extra,
    )
    return environment


@pytest.mark.stack
def test_check_deploy_with_production_settings_reports_nothing():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.stack
def test_check_deploy_would_catch_an_insecure_production():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(SECURE_SSL_REDIRECT="False", SECURE_HSTS_SECONDS="0"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "security.W008" in result.stderr and "security.W004" in result.stderr


PROBE_COOKIES = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps([settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,
                  settings.SESSION_COOKIE_HTTPONLY, settings.SECURE_CONTENT_TYPE_NOSNIFF]))
"""


@pytest.mark.stack
def test_production_cookies_are_secure():
    result = subprocess.run(
        [sys.executable, "-c", PROBE_COOKIES],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[true, true, true, true]"
    assert settings_with("cms.settings.production", SECRET_KEY="x")["debug"] is False


def test_user_supplied_strings_are_escaped(client, site_tree):
    story = site_tree.en.story
    story.region = '<img src=x onerror="alert(1)">'
    story.summary = "<script>alert(2)</script>"
    story.search_description = '"><script>alert(3)</script>'
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "<img src=x" not in html
    assert "<script>alert" not in html
    assert "&lt;img src=x" in html or "\\u003cimg src=x" in html
    response = client.get("/en/search/", {"query": "<script>alert(4)</script>"})
    assert response.status_code == 200
    assert b"<script>alert(4)" not in response.content
    assert b"&lt;script&gt;alert(4)" in response.content


def test_rich_text_from_the_editor_keeps_only_allowed_markup(site_tree):
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
    from wagtail.rich_text import features

    converter = ContentstateConverter(features.get_default_features())
    contentstate = converter.from_database_format(
        '<p>Hello <b>world</b><script>alert(1)</script><a href="javascript:alert(2)">x</a></p>'
    )
    stored = converter.to_database_format(contentstate)
    assert "<script" not in stored
    assert "javascript:" not in stored
    assert "<b>world</b>" in stored


def test_images_are_restricted_by_type_and_size(settings):
    from wagtail.images.fields import WagtailImageField

    assert "exe" not in settings.WAGTAILIMAGES_EXTENSIONS
    field = WagtailImageField()
    with pytest.raises(ValidationError):
        field.clean(SimpleUploadedFile("payload.php", b"<?php echo 1; ?>"))
    with override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=10):
        field = WagtailImageField()
        with pytest.raises(ValidationError):
            field.clean(SimpleUploadedFile("large.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100))


def test_documents_are_restricted_by_type(settings):
    from wagtail.documents import get_document_model
    from wagtail.documents.forms import get_document_form

    form_class = get_document_form(get_document_model())
    form = form_class(
        data={"title": "A program", "collection": "1"},
        files={"file": SimpleUploadedFile("run.exe", b"MZ\x90\x00")},
    )
    assert not form.is_valid()
    assert "file" in form.errors
    assert {"exe", "html", "js", "svg"}.isdisjoint(settings.WAGTAILDOCS_EXTENSIONS)


def test_documents_are_restricted_by_size():
    from wagtail.documents import get_document_model
    from wagtail.documents.forms import get_document_form

    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=10):
        form_class = get_document_form(get_document_model())
        form = form_class(
            data={"title": "A report", "collection": "1"},
            files={"file": SimpleUploadedFile("report.csv", b"a,b\n" * 50)},
        )
        assert not form.is_valid()
        assert "file" in form.errors
