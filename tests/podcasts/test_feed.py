"""The RSS feed of a podcast show, checked item by item as a podcast app reads it."""

import datetime
import email.utils
import uuid

import feedparser
import pytest
from django.core.files.base import ContentFile
from lxml import etree

from cms.factories import DocumentFactory
from demo.files import ASSETS
from podcasts.factories import EpisodePageFactory

pytestmark = pytest.mark.django_db

NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
}


@pytest.fixture
def show(site_tree):
    show = site_tree.en.show
    show.owner_email = "podcasts@example.eu"
    show.owner_name = "European Committee of the Regions"
    show.category = "News/Politics"
    show.save_revision().publish()
    episode = site_tree.en.episode
    episode.episode_number, episode.season_number = 10, 2
    episode.transcript = "<p>Regio Waves. Episode 10.</p>"
    episode.transcript_file = DocumentFactory(
        title="Transcript",
        file=ContentFile(b"WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nRegio Waves\n", "t.vtt"),
    )
    episode.chapters = [
        {"type": "chapter", "value": {"start": "00:00", "title": "Start"}},
        {"type": "chapter", "value": {"start": "1:02:03", "title": "Late"}},
    ]
    episode.save_revision().publish()
    return show


def root_of(response):
    return etree.fromstring(response.content)


def feed_of(client, show):
    response = client.get(show.feed_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml"
    return response


def test_feed_meets_apple_podcasts_and_podcasting_2_requirements(client, site_tree, show):
    response = feed_of(client, show)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    channel = parsed.feed
    assert channel.title == show.title
    assert channel.link == "http://testserver" + show.url
    assert channel.language == "en"
    assert root_of(response).find("channel/itunes:explicit", NS).text == "false"
    assert channel.author == "European Committee of the Regions"
    assert channel.image.href.endswith(".jpg")
    root = root_of(response)
    assert root.find("channel/itunes:category", NS).get("text") == "News"
    assert root.find("channel/itunes:category/itunes:category", NS).get("text") == "Politics"
    assert root.find("channel/itunes:owner/itunes:email", NS).text == "podcasts@example.eu"
    assert root.find("channel/itunes:type", NS).text == "episodic"
    feed_address = "testserver" + show.feed_url.rstrip("/")
    expected_guid = uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), feed_address)
    assert root.find("channel/podcast:guid", NS).text == str(expected_guid)
    locked = root.find("channel/podcast:locked", NS)
    assert (locked.text, locked.get("owner")) == ("yes", "podcasts@example.eu")

    [item] = parsed.entries
    episode = site_tree.en.episode
    episode.refresh_from_db()
    audio = episode.audio
    assert item.title == episode.title
    assert item.id == str(episode.translation_key)
    assert item.guidislink is False
    [enclosure] = item.enclosures
    assert enclosure.href == "http://testserver" + audio.url
    assert int(enclosure.length) == audio.file.size  # the file's exact bytes
    assert enclosure.type == "audio/mpeg"
    assert item.itunes_duration == str(round(audio.duration)) != "0"
    assert item.itunes_episode == "10" and item.itunes_season == "2"
    published = email.utils.parsedate_to_datetime(item.published)  # RFC 2822
    assert published.date() == episode.date
    xml_item = root.find("channel/item")
    transcripts = {t.get("type"): t.get("url") for t in xml_item.findall("podcast:transcript", NS)}
    assert transcripts["text/html"].endswith(episode.url + "transcript/")
    assert transcripts["text/vtt"].endswith(episode.transcript_file.url)
    chapters = xml_item.find("podcast:chapters", NS)
    assert chapters.get("type") == "application/json+chapters"


def test_guid_stays_the_same_when_an_episode_is_edited(client, show, site_tree):
    before = feedparser.parse(feed_of(client, show).content).entries[0].id
    episode = site_tree.en.episode
    episode.title = "A new title"
    episode.slug = "a-new-slug"
    episode.save_revision().publish()
    after = feedparser.parse(feed_of(client, show).content).entries[0]
    assert after.title == "A new title" and after.id == before


def test_feed_lists_episodes_newest_first_and_only_live_ones(client, show, site_tree):
    audio = site_tree.en.episode.audio
    EpisodePageFactory(
        parent=site_tree.en.show, title="Newer", date=datetime.date(2030, 1, 1), audio=audio
    )
    draft = EpisodePageFactory(
        parent=site_tree.en.show, title="Draft", date=datetime.date(2031, 1, 1), audio=audio
    )
    draft.unpublish()
    EpisodePageFactory(parent=site_tree.en.show, title="No audio yet", audio=None)
    titles = [entry.title for entry in feedparser.parse(feed_of(client, show).content).entries]
    assert titles == ["Newer", site_tree.en.episode.title]


def test_feed_is_announced_on_the_show_and_its_episodes(client, show, site_tree):
    for page in (show, site_tree.en.episode):
        html = client.get(page.url).content.decode()
        assert (
            f'<link rel="alternate" type="application/rss+xml" title="{show.title}" '
            f'href="{show.feed_url}">'
        ) in html


def test_feed_in_another_language(client, site_tree, show):
    latvian = site_tree.lv.show
    parsed = feedparser.parse(feed_of(client, latvian).content)
    assert parsed.feed.title == latvian.title
    assert parsed.feed.link.endswith(latvian.url)


def test_chapters_and_transcript_of_an_episode(client, show, site_tree):
    episode = site_tree.en.episode
    response = client.get(episode.url + "chapters/")
    assert response["Content-Type"] == "application/json+chapters"
    assert response.json()["chapters"] == [
        {"startTime": 0, "title": "Start"},
        {"startTime": 3723, "title": "Late"},
    ]
    transcript = client.get(episode.url + "transcript/")
    assert b"Regio Waves. Episode 10." in transcript.content
    page = client.get(episode.url).content.decode()
    assert 'data-seek="3723"' in page
    assert 'id="transcript"' in page


def test_an_episode_without_chapters_has_no_chapters_address(client, site_tree):
    assert client.get(site_tree.en.episode.url + "chapters/").status_code == 404


def test_the_demo_audio_files_are_real(site_tree):
    import mutagen

    recording = mutagen.File(ASSETS / "audio" / "regio-waves-10.mp3")
    assert recording.info.length > 5
