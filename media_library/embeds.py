"""Videos on platforms (YouTube, Vimeo…), embedded through Wagtail's embeds but loaded only when
the visitor asks: the page holds the player's HTML in a <template> until then."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.finders.oembed import OEmbedFinder

logger = logging.getLogger(__name__)

# The platforms whose videos the site embeds: their name, the hosts of their videos' addresses
# and the origin their player comes from, which the Content-Security-Policy must let the page
# frame (CSP_FRAME_SOURCES) for the video to play.
PLATFORMS = [
    (
        "YouTube",
        {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"},
        "https://www.youtube-nocookie.com",
    ),
    ("Vimeo", {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}, "https://player.vimeo.com"),
]


def allowed_platforms():
    """The names and hosts of the platforms whose players may play on the site's pages."""
    return [
        (name, hosts) for name, hosts, player in PLATFORMS if player in settings.CSP_FRAME_SOURCES
    ]


def is_allowed_platform(url):
    """Whether ``url`` is the address of a video on a platform the site may embed."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host in hosts for _name, hosts in allowed_platforms())


NO_COOKIE = {
    "https://www.youtube.com/embed/": "https://www.youtube-nocookie.com/embed/",
    "https://youtube.com/embed/": "https://www.youtube-nocookie.com/embed/",
}


def without_cookies(html):
    """The player's HTML with YouTube's privacy-enhanced (no-cookie) address."""
    for address, private in NO_COOKIE.items():
        html = html.replace(address, private)
    return html


class PrivacyFriendlyOEmbedFinder(OEmbedFinder):
    """Wagtail's oEmbed finder, giving the players that set no tracking cookies."""

    def find_embed(self, url, max_width=None, max_height=None):
        embed = super().find_embed(url, max_width=max_width, max_height=max_height)
        embed["html"] = without_cookies(embed.get("html", ""))
        return embed


def platform_embed(url):
    """The embed of a platform video (from Wagtail's cache, or found once), or None if the
    platform does not answer: the page then links to the video instead."""
    try:
        return get_embed(url)
    except EmbedException as error:
        logger.warning("No embed for %s: %s", url, error)
        return None
