"""Audio, video and documents: what officers upload is read, checked and served well."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtailmedia.models import get_media_model

from cms.factories import DocumentFactory
from demo import files
from demo.factories import MediaFactory
from documents.models import CustomDocument

pytestmark = pytest.mark.django_db
MP3 = (files.ASSETS / "audio" / "regio-waves-1.mp3").read_bytes()
MP4 = (files.ASSETS / "video" / "cohesion-alliance-join-us.mp4").read_bytes()


def test_duration_size_and_type_are_read_from_the_audio_file():
    media = MediaFactory(file=ContentFile(MP3, name="episode.mp3"))
    media.refresh_from_db()
    assert media.mime_type == "audio/mpeg"
    assert media.file_size == len(MP3)
    assert 9 < media.duration < 10.5  # the recording lasts about 9.6 seconds


def test_duration_and_type_are_read_from_the_video_file():
    media = MediaFactory(type="video", file=ContentFile(MP4, name="clip.mp4"))
    assert media.mime_type == "video/mp4"
    assert 5.5 < media.duration < 6.5


def upload(admin_client, media_type, name, content, title="Upload"):
    return admin_client.post(
        reverse("wagtailmedia:add", args=(media_type,)),
        {"title": title, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_officer_uploads_an_episode_and_types_nothing_of_what_the_file_says(admin_client):
    response = upload(admin_client, "audio", "interview.mp3", MP3, title="Interview")
    assert response.status_code == 302
    media = get_media_model().objects.get(title="Interview")
    assert (media.type, media.mime_type, media.file_size) == ("audio", "audio/mpeg", len(MP3))
    assert media.duration > 9


@pytest.mark.parametrize(
    "media_type, name, content, message",
    [
        ("audio", "episode.pdf", files.pdf("A document", "English"), b"not an audio file"),
        ("audio", "episode.mp3", b"%PDF-1.4\n" + b"x" * 500, b"not an audio file"),
        ("audio", "episode.mp3", b"\x7fELF\x02\x01\x01" + b"\x00" * 600, b"not an audio file"),
        ("audio", "episode.mp3", b"MZ\x90\x00" + b"\x00" * 600, b"not an audio file"),
        ("video", "clip.mp4", MP3, b"not a video file"),
    ],
)
def test_wrong_uploads_are_refused_with_a_clear_message(
    admin_client, media_type, name, content, message
):
    response = upload(admin_client, media_type, name, content)
    assert response.status_code == 200
    assert message in response.content
    assert not get_media_model().objects.filter(title="Upload").exists()


def test_an_oversized_upload_is_refused(admin_client, settings):
    settings.MEDIA_MAX_UPLOAD_SIZE = 10_000
    response = upload(admin_client, "audio", "long.mp3", MP3)
    assert response.status_code == 200
    assert b"may not be larger than" in response.content
    assert not get_media_model().objects.filter(title="Upload").exists()


def test_replacing_a_published_episode_file_with_a_wrong_one_changes_nothing(
    admin_client, client, site_tree
):
    audio = site_tree.en.episode.audio
    before = (audio.file.name, audio.file_size, audio.duration)
    response = admin_client.post(
        reverse("wagtailmedia:edit", args=(audio.pk,)),
        {
            "title": audio.title,
            "file": SimpleUploadedFile("evil.mp3", b"\x7fELF" + b"\x00" * 900),
            "collection": audio.collection_id,
        },
    )
    assert response.status_code == 200
    audio.refresh_from_db()
    assert (audio.file.name, audio.file_size, audio.duration) == before
    assert client.get(site_tree.en.episode.url).status_code == 200


def test_range_requests_get_206_with_the_right_bytes(client, site_tree):
    audio = site_tree.en.episode.audio
    content = audio.file.open("rb").read()
    whole = client.get(audio.url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    part = client.get(audio.url, HTTP_RANGE="bytes=100-1099")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-1099/{len(content)}"
    assert part["Content-Length"] == "1000"
    assert b"".join(part.streaming_content) == content[100:1100]
    tail = client.get(audio.url, HTTP_RANGE="bytes=-10")
    assert b"".join(tail.streaming_content) == content[-10:]
    outside = client.get(audio.url, HTTP_RANGE=f"bytes={len(content) + 5}-")
    assert outside.status_code == 416
    assert outside["Content-Range"] == f"bytes */{len(content)}"


def test_if_range_with_an_old_date_gets_the_whole_file(client, site_tree):
    audio = site_tree.en.episode.audio
    response = client.get(
        audio.url, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE="Thu, 01 Jan 2015 00:00:00 GMT"
    )
    assert response.status_code == 200


def test_documents_record_their_page_count_and_keep_unreadable_pdfs():
    document = DocumentFactory(
        file=ContentFile(files.pdf("Title", "English", pages=3), name="report.pdf")
    )
    assert document.page_count == 3
    broken = DocumentFactory(file=ContentFile(b"%PDF-1.7\nnot really\n%%EOF", name="broken.pdf"))
    assert broken.pk and broken.page_count is None


def test_officer_cannot_upload_a_program_as_a_pdf(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Fake",
            "file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00" * 100),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert b"not a real PDF file" in response.content
    assert not CustomDocument.objects.filter(title="Fake").exists()


def test_document_download_has_its_name_type_size_and_ranges(client):
    name = "съвместен-призив-bg.pdf"
    content = files.pdf("Съвместен призив", "български")
    document = DocumentFactory(file=ContentFile(content, name=name))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert int(response["Content-Length"]) == len(content)
    assert "filename*=UTF-8''%D1%81%D1%8A%D0%B2" in response["Content-Disposition"]
    part = client.get(document.url, HTTP_RANGE="bytes=0-4")
    assert part.status_code == 206 and b"".join(part.streaming_content) == b"%PDF-"


def test_toolkit_zip_is_built_on_publish(client, site_tree, image_and_document_blocks):
    from tests.signatures.signing import run_worker

    page = image_and_document_blocks
    page.save_revision().publish()
    run_worker()
    response = client.get(page.url)
    archive_link = response.content.decode().split('class="downloads__all"')[1]
    url = archive_link.split('href="')[1].split('"')[0]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(client.get(url).streaming_content)))
    assert sorted(archive.namelist()) == ["a-poster.jpg", "brand-guidelines.pdf"]


@pytest.fixture
def image_and_document_blocks(site_tree):
    page = site_tree.en.content
    document = DocumentFactory(
        title="Brand guidelines",
        file=ContentFile(files.pdf("Guidelines", "English"), name="guide.pdf"),
    )
    page.body = [
        {
            "type": "image_downloads",
            "value": {
                "heading": "Logos",
                "images": [
                    {
                        "type": "item",
                        "id": "2c6a4b8e-1a7e-4ef5-9c53-4f1d1a0f0a01",
                        "value": {
                            "image": {
                                "image": site_tree.image.pk,
                                "alt_text": "Logo",
                                "decorative": False,
                            },
                            "licence": "CC BY 4.0",
                        },
                    }
                ],
            },
        },
        {
            "type": "documents",
            "value": {
                "heading": "Guidelines",
                "documents": [
                    {
                        "type": "item",
                        "id": "2c6a4b8e-1a7e-4ef5-9c53-4f1d1a0f0a02",
                        "value": {"document": document.pk, "description": ""},
                    }
                ],
            },
        },
    ]
    return page
