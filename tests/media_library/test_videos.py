"""Videos: uploaded with captions, or on a platform behind a consent placeholder."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile

from cms.factories import DocumentFactory
from media_library.factories import VideoPageFactory, VideoSeriesFactory
from media_library.models import VideoCaption

pytestmark = pytest.mark.django_db


def soup_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def platform_video(site_tree):
    video = site_tree.en.video
    video.video = None
    video.video_url = "https://www.youtube.com/watch?v=AbCdEfGhIjk"
    video.save_revision().publish()
    return video


def test_platform_video_loads_nothing_from_the_platform_until_asked(client, platform_video):
    html = client.get(platform_video.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    box = soup.select_one("[data-video-consent]")
    assert box.select_one("button[data-video-consent-load]")
    # The player waits in a <template>, which browsers do not load.
    template = box.select_one("template[data-video-consent-player]")
    assert "https://www.youtube-nocookie.com/embed/AbCdEfGhIjk" in template.decode_contents()
    template.decompose()
    outside_template = str(soup)
    for third_party in ("youtube.com/embed", "youtube-nocookie.com", "ytimg.com", "<iframe"):
        assert third_party not in outside_template
    assert soup.select_one("[data-video-consent] a")["href"] == platform_video.video_url
    assert not soup.select("script[src^='http']")  # no third-party script either


def test_platform_video_that_cannot_be_embedded_is_linked(client, site_tree):
    video = site_tree.en.video
    video.video = None
    video.video_url = "https://vimeo.com/42"  # the platform does not answer (tests.fakes)
    video.save_revision().publish()
    soup = soup_of(client, video.url)
    assert not soup.select("[data-video-consent]")
    assert soup.select_one(".video__player a.ecl-link--primary")["href"] == video.video_url


def test_uploaded_video_has_its_captions_in_every_language(client, site_tree):
    video = site_tree.en.video
    video.captions = [
        VideoCaption(
            language=code,
            file=DocumentFactory(
                title=f"Captions {code}",
                file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n", f"c-{code}.vtt"),
            ),
        )
        for code in ("en", "lv")
    ]
    video.save_revision().publish()
    soup = soup_of(client, video.url)
    tracks = soup.select("video track")
    assert [(t["srclang"], t["label"]) for t in tracks] == [("en", "English"), ("lv", "latviešu")]
    assert tracks[0].has_attr("default")
    caption = client.get(tracks[1]["src"])
    assert caption["Content-Type"].startswith("text/vtt")


def test_captions_must_be_webvtt(site_tree):
    from django.core.exceptions import ValidationError

    caption = VideoCaption(
        page=site_tree.en.video,
        language="de",
        file=DocumentFactory(
            file=ContentFile(b"%PDF-1.4\n%%EOF", "captions.pdf"), title="Not captions"
        ),
    )
    with pytest.raises(ValidationError):
        caption.full_clean()


def test_video_page_describes_itself_to_search_engines(client, site_tree):
    soup = soup_of(client, site_tree.en.video.url)
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "VideoObject"
    assert data["name"] == site_tree.en.video.title
    assert data["contentUrl"].endswith(site_tree.en.video.video.url)
    assert data["duration"].startswith("PT")
    assert data["thumbnailUrl"].startswith("http://testserver/media/images/")


def test_media_library_filters_by_series(client, site_tree):
    index = site_tree.en.video_index
    other = VideoSeriesFactory(name="Cohesion at its best")
    VideoPageFactory(parent=index, title="Budapest", series=other)
    everything = soup_of(client, index.url)
    options = [o.get_text() for o in everything.select("select[name=series] option")]
    assert options[1:] == ["Cohesion at its best", "EU is Cohesion"]
    filtered = soup_of(client, f"{index.url}?series={other.pk}")
    assert [a.get_text() for a in filtered.select(".ecl-content-block__title a")] == ["Budapest"]


@pytest.mark.parametrize("series", ["abc", "999999", "-1"])
def test_media_library_refuses_unknown_series_with_400(client, site_tree, series):
    response = client.get(f"{site_tree.en.video_index.url}?series={series}")
    assert response.status_code == 400
