"""The RSS feed of a podcast show, with Apple Podcasts' and Podcasting 2.0's tags, made with
feedgen (and a small feedgen extension for the Podcasting 2.0 namespace, which feedgen lacks)."""

import datetime
import uuid
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.html import strip_tags
from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

PODCAST_NS = "https://podcastindex.org/namespace/1.0"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
# The namespace of podcast:guid values (Podcasting 2.0): a UUIDv5 of the feed's address.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")
PUBLICATION_TIME = datetime.time(9, 0, tzinfo=ZoneInfo(settings.TIME_ZONE))


def podcast_guid(feed_url):
    """podcast:guid: the UUIDv5 of the feed address without its scheme and trailing slash."""
    parts = urlsplit(feed_url)
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, (parts.netloc + parts.path).rstrip("/")))


class PodcastIndexExtension(BaseExtension):
    """Channel tags of the Podcasting 2.0 namespace: podcast:guid and podcast:locked."""

    def __init__(self):
        self.guid = None
        self.locked = None
        self.owner = None

    def extend_ns(self):
        return {"podcast": PODCAST_NS}

    def extend_rss(self, rss_feed):
        channel = rss_feed[0]
        # Apple asks for itunes:explicit "true" or "false"; feedgen only writes yes/no/clean.
        for explicit in rss_feed.iter(f"{{{ITUNES_NS}}}explicit"):
            explicit.text = {"yes": "true", "no": "false", "clean": "false"}.get(
                explicit.text, explicit.text
            )
        if self.guid:
            xml_elem(f"{{{PODCAST_NS}}}guid", channel).text = self.guid
        if self.locked is not None:
            locked = xml_elem(f"{{{PODCAST_NS}}}locked", channel)
            locked.text = "yes" if self.locked else "no"
            if self.owner:
                locked.attrib["owner"] = self.owner
        return rss_feed


class PodcastIndexEntryExtension(BaseEntryExtension):
    """Item tags of the Podcasting 2.0 namespace: podcast:transcript and podcast:chapters."""

    def __init__(self):
        self.transcripts = []
        self.chapters = None

    def extend_rss(self, entry):
        for url, mime_type, language in self.transcripts:
            transcript = xml_elem(f"{{{PODCAST_NS}}}transcript", entry)
            transcript.attrib.update({"url": url, "type": mime_type, "language": language})
        if self.chapters:
            chapters = xml_elem(f"{{{PODCAST_NS}}}chapters", entry)
            chapters.attrib.update({"url": self.chapters, "type": "application/json+chapters"})
        return entry


def absolute(request, url):
    return url if urlsplit(url).scheme else request.build_absolute_uri(url)


def podcast_feed(show, episodes, request):
    """The RSS document of a show and its episodes (those without audio are left out), in the
    show's language."""
    feed_url = absolute(request, show.feed_url)
    page_url = absolute(request, show.url)
    language = show.locale.language_code
    feed = FeedGenerator()
    feed.load_extension("podcast")
    feed.register_extension("podcastindex", PodcastIndexExtension, PodcastIndexEntryExtension)

    feed.title(show.title)
    feed.link(href=feed_url, rel="self")
    feed.link(href=page_url, rel="alternate")
    feed.description(strip_tags(show.description) or show.introduction or show.title)
    feed.language(show.audio_language or language)
    feed.generator("#CohesionAlliance site")
    if show.copyright:
        feed.copyright(show.copyright)
    feed.podcast.itunes_author(show.author)
    feed.podcast.itunes_type("episodic")
    feed.podcast.itunes_explicit("yes" if show.explicit else "no")
    main, _slash, sub = show.category.partition("/")
    feed.podcast.itunes_category(main, sub or None)
    if show.owner_email:
        feed.podcast.itunes_owner(name=show.owner_name or show.author, email=show.owner_email)
    if show.artwork:
        artwork = show.artwork.get_rendition("fill-1400x1400|format-jpeg")
        feed.podcast.itunes_image(absolute(request, artwork.url))
        feed.image(url=absolute(request, artwork.url), title=show.title, link=page_url)
    feed.podcastindex.guid = podcast_guid(feed_url)
    feed.podcastindex.locked = show.podcast_locked
    feed.podcastindex.owner = show.owner_email

    for episode in episodes:
        if episode.audio is None:
            continue
        entry = feed.add_entry()
        url = absolute(request, episode.url)
        entry.id(str(episode.translation_key))
        entry.guid(str(episode.translation_key), permalink=False)
        entry.title(episode.title)
        entry.link(href=url)
        entry.description(episode.summary)
        entry.published(datetime.datetime.combine(episode.date, PUBLICATION_TIME))
        audio = episode.audio
        entry.enclosure(absolute(request, audio.url), str(audio.file_size), audio.mime_type)
        entry.podcast.itunes_duration(round(audio.duration))
        entry.podcast.itunes_episode_type("full")
        if episode.episode_number:
            entry.podcast.itunes_episode(episode.episode_number)
        if episode.season_number:
            entry.podcast.itunes_season(episode.season_number)
        entry.podcast.itunes_explicit("yes" if show.explicit else "no")
        if episode.transcript:
            entry.podcastindex.transcripts.append(
                (
                    absolute(request, episode.url + episode.reverse_subpage("transcript")),
                    "text/html",
                    language,
                )
            )
        if episode.transcript_file:
            entry.podcastindex.transcripts.append(
                (absolute(request, episode.transcript_file.url), "text/vtt", show.audio_language)
            )
        if episode.chapters:
            entry.podcastindex.chapters = absolute(
                request, episode.url + episode.reverse_subpage("chapters")
            )
    return feed.rss_str(pretty=True)
