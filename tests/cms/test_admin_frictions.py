"""Small frictions of the admin, each held by a test: no Gravatar, languages in protocol order
in "Translate", an empty document refused as empty, the audio upload form's help."""

import json

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_the_admin_asks_nothing_of_gravatar(admin_client, site_tree):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    content = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar.com" not in content


def test_translate_lists_the_languages_by_name_in_protocol_order(admin_client, site_tree):
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    story = site_tree.en.story
    url = reverse("wagtail_localize:submit_page_translation", args=(story.pk,))
    soup = BeautifulSoup(admin_client.get(url).content, "html.parser")
    labels = [
        label.get_text(strip=True)
        for label in soup.select('input[name="locales"]')
        for label in [label.find_parent("label")]
    ]
    # Every language but English (the source) and Latvian (translated in the fixture), by name,
    # in the order of settings.LANGUAGES: "español" before "čeština", unlike the codes.
    expected = [name for code, name in settings.LANGUAGES if code not in ("en", "lv")]
    assert labels == expected


def test_an_empty_document_is_refused_as_empty(admin_client, site_tree):
    empty = SimpleUploadedFile("report.pdf", b"", content_type="application/pdf")
    response = admin_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": empty})
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert answer["error_message"] == "The submitted file is empty."


def test_a_document_of_another_type_is_still_refused_for_its_extension(admin_client, site_tree):
    program = SimpleUploadedFile("setup.exe", b"MZ\x90\x00", content_type="application/x-msdos")
    response = admin_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": program})
    answer = json.loads(response.content)
    assert (
        answer["success"] is False
        and "File extension “exe” is not allowed" in (answer["error_message"])
    )


@pytest.mark.parametrize(
    "media_type, formats",
    [("audio", "AAC, M4A, MP3, Ogg, Opus, WAV"), ("video", "M4V, MP4, QuickTime, WebM")],
)
def test_the_media_upload_form_says_what_it_accepts(admin_client, media_type, formats):
    response = admin_client.get(reverse("wagtailmedia:add", args=(media_type,)))
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert f"Accepted formats: {formats}. Largest file: 500.0\xa0MB." in text
