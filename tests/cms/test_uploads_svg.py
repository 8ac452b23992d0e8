"""SVG files can carry scripts: they are refused as images, and any SVG that is stored all the
same (a document from before, one brought by wagtail-transfer, a file in MEDIA_ROOT) is
downloaded rather than shown, and may run nothing."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

pytestmark = pytest.mark.django_db

SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(document.domain)</script><rect width="10" height="10"/></svg>'
)


def image_form(name, content):
    form_class = get_image_form(get_image_model())
    return form_class(
        data={"title": "Logo", "description": "The logo", "collection": "1"},
        files={"file": SimpleUploadedFile(name, content)},
    )


def test_svg_images_are_refused_with_a_clear_error():
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    form = image_form("logo.svg", SVG)
    assert not form.is_valid()
    error = " ".join(form.errors["file"])
    assert "SVG images are not accepted" in error
    # SVG content under an image's name is refused too.
    form = image_form("logo.png", SVG)
    assert not form.is_valid()
    assert "file" in form.errors


def assert_inert_download(response):
    assert response["Content-Disposition"].startswith("attachment")
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_svg_document_is_downloaded_and_runs_nothing(client, site_tree):
    document = get_document_model().objects.create(
        title="Old logo", file=ContentFile(SVG, name="logo.svg")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert_inert_download(response)
    # A part of it (a range request) says the same.
    response = client.get(document.url, HTTP_RANGE="bytes=0-9")
    assert response.status_code == 206
    assert_inert_download(response)


def test_an_inline_document_keeps_its_policy_in_a_range_answer(client, site_tree):
    document = get_document_model().objects.create(
        title="Notes", file=ContentFile(b"<svg onload=alert(1)>" * 10, name="notes.txt")
    )
    response = client.get(document.url, HTTP_RANGE="bytes=0-20")
    assert response.status_code == 206
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_svg_file_in_media_is_downloaded_and_runs_nothing(client):
    assert settings.SERVE_MEDIA
    folder = Path(settings.MEDIA_ROOT) / "original_images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "old-logo.svg").write_bytes(SVG)
    response = client.get(f"{settings.MEDIA_URL}original_images/old-logo.svg")
    assert response.status_code == 200
    assert_inert_download(response)
    assert response["Content-Disposition"] == 'attachment; filename="old-logo.svg"'
    assert "sandbox" in response["Content-Security-Policy"]
    # Other media files are shown as before, under the same policy (it binds only documents
    # opened on their own, not images or audio in a page).
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    response = client.get(f"{settings.MEDIA_URL}original_images/photo.png")
    assert response.status_code == 200
    assert not response.get("Content-Disposition", "").startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
