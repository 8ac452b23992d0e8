"""Videos on platforms (YouTube, Vimeo…), embedded through Wagtail's embeds but loaded only when
the visitor asks: the page holds the player's HTML in a <template> until then."""

import logging

from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.finders.oembed import OEmbedFinder

logger = logging.getLogger(__name__)

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
