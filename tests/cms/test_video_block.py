"""The Video block of bodies: a video of the media library, shown with its page's player."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile

from cms.blocks import BaseBodyBlock, VideoBlock
from cms.factories import DocumentFactory
from media_library.models import VideoCaption

pytestmark = pytest.mark.django_db


def video_body(video, caption="Prague builds flood barriers"):
    return [
        {"type": "paragraph", "value": "<p>Before the video.</p>"},
        {"type": "video", "value": {"video": video.pk if video else None, "caption": caption}},
    ]


def story_soup(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_every_body_offers_the_video_block():
    assert isinstance(BaseBodyBlock().child_blocks["video"], VideoBlock)
    chooser = VideoBlock().child_blocks["video"]
    assert [model.__name__ for model in chooser.target_models] == ["VideoPage"]


def test_story_shows_an_uploaded_video_with_its_captions(client, site_tree):
    video = site_tree.en.video
    video.captions = [
        VideoCaption(
            language="en",
            file=DocumentFactory(
                title="Captions en",
                file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n", "c-en.vtt"),
            ),
        )
    ]
    video.save_revision().publish()
    story = site_tree.en.story
    story.body = video_body(video)
    story.save_revision().publish()

    soup = story_soup(client, story)
    figure = soup.select_one(".video-block figure")
    assert figure is not None, "no video on the story"
    player = figure.select_one(".video__player video")
    assert player.select_one("source")["src"] == video.video.url
    assert player.select_one("track")["srclang"] == "en"
    assert player.has_attr("poster")  # the video page's poster
    assert figure.figcaption.get_text() == "Prague builds flood barriers"


def test_story_shows_a_platform_video_behind_the_consent(client, site_tree):
    video = site_tree.en.video
    video.video = None
    video.video_url = "https://www.youtube.com/watch?v=AbCdEfGhIjk"
    video.save_revision().publish()
    story = site_tree.en.story
    story.body = video_body(video)
    story.save_revision().publish()

    soup = story_soup(client, story)
    box = soup.select_one(".video-block [data-video-consent]")
    assert box is not None
    assert box.select_one("button[data-video-consent-load]")
    template = box.select_one("template[data-video-consent-player]")
    assert "youtube-nocookie.com/embed/AbCdEfGhIjk" in template.decode_contents()
    template.decompose()
    assert "<iframe" not in str(soup)  # nothing loads from the platform until asked
    assert box.select_one(".video-consent__text a")["href"] == video.video_url


def test_latvian_story_shows_the_latvian_video(client, site_tree):
    en_video, lv_video = site_tree.en.video, site_tree.lv.video
    lv_video.video = None
    lv_video.video_url = "https://vimeo.com/20240318"
    lv_video.save_revision().publish()
    story = site_tree.lv.story
    story.body = video_body(en_video)  # chosen in English, as officers do
    story.save_revision().publish()

    soup = story_soup(client, story)
    link = soup.select_one(".video-block .video__player a.ecl-link--primary")
    assert link["href"] == "https://vimeo.com/20240318"
    assert lv_video.title in link.get_text()


@pytest.mark.parametrize("gone", ["unpublished", "deleted", "never chosen"])
def test_video_block_shows_nothing_without_its_live_video(client, site_tree, gone):
    video = site_tree.en.video
    story = site_tree.en.story
    story.body = video_body(None if gone == "never chosen" else video)
    story.save_revision().publish()
    if gone == "unpublished":
        video.unpublish()
    elif gone == "deleted":
        video.delete()

    soup = story_soup(client, story)
    assert "Before the video." in soup.get_text()
    assert not soup.select(".video-block, .video__player")
    assert "Prague builds flood barriers" not in soup.get_text()


def test_video_page_keeps_its_player(client, site_tree):
    """The player is an include shared with the block: the video page still shows it."""
    video = site_tree.en.video
    soup = BeautifulSoup(client.get(video.url).content, "html.parser")
    assert soup.select_one("article.video .video__player video source")["src"] == video.video.url
