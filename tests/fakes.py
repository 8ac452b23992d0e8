"""Stand-ins for services the tests must not reach over the network."""

import re

from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.embeds.finders.base import EmbedFinder

from media_library.embeds import without_cookies

YOUTUBE = re.compile(r"(?:youtube\.com/watch\?v=|youtu\.be/)([\w-]{6,})")


class FakeEmbedFinder(EmbedFinder):
    """Answers for YouTube addresses what Wagtail's oEmbed finder makes of YouTube's answer,
    without the network; the site's own change to the player (no cookies) still applies."""

    def accept(self, url):
        return bool(YOUTUBE.search(url))

    def find_embed(self, url, max_width=None, max_height=None):
        video = YOUTUBE.search(url).group(1)
        html = (
            f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{video}'
            '?feature=oembed" frameborder="0" allowfullscreen '
            'title="A video of the #CohesionAlliance"></iframe>'
        )
        return {
            "title": "A video of the #CohesionAlliance",
            "author_name": "European Committee of the Regions",
            "provider_name": "YouTube",
            "type": "video",
            "thumbnail_url": f"https://i.ytimg.com/vi/{video}/hqdefault.jpg",
            "width": 560,
            "height": 315,
            "html": without_cookies(html),
        }


class RecordingFrontendCache(BaseBackend):
    """A frontend cache that notes the addresses it is asked to purge (``purged``)."""

    purged = []

    def purge(self, url):
        type(self).purged.append(url)
