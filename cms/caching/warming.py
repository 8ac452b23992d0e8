"""Warming the caches again after a publication, before visitors come: a background task renders
the published page and the pages that show it, in the worker's own process (which makes every
image rendition they use and fills the cache of rendered blocks and cards), then asks each HTTP
cache in front of the site (``FRONTEND_CACHE_URLS``) for them, so the next visitor gets a hit.

The landing pages of every language come first (the most visited), then the page, then its
ancestors, translations and the pages that refer to it (``frontend.pages_showing``). The purges
are queued when the publication is committed too, each by its own signal handler: the warming
waits a little (``WARM_DELAY``) and has a lower priority, so the worker purges first, since a
purge after it would throw the warm copies away. It asks for fresh copies (``X-Cache-Warm``,
which deploy/varnish/cache.vcl honours from the purgers' addresses only)."""

import datetime
import io
import logging
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.cache import cache
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from .fragments import FRAGMENT_SECONDS, content_version
from .frontend import LANDING_DEPTH, pages_showing

logger = logging.getLogger(__name__)

# Below Wagtail's own tasks (0), among them the purge of the HTTP cache.
WARM_PRIORITY = -10
WARM_DELAY = datetime.timedelta(seconds=2)
WARM_TIMEOUT_SECONDS = 30


def pages_to_warm(pages):
    """The live pages to render again after ``pages`` are published, most visited first: the
    landing pages, the pages, what shows them, and the lists of their translations (an alias
    is published with its source, and warmed with it)."""
    ordered = list(Page.objects.live().filter(depth=LANDING_DEPTH).order_by("path"))
    ordered += [page for page in pages if page.live]
    for page in pages:
        ordered += pages_showing(page)
        translations = Page.objects.filter(translation_key=page.translation_key)
        parents = {path[: -Page.steplen] for path in translations.values_list("path", flat=True)}
        ordered += Page.objects.live().filter(path__in=parents, depth__gt=LANDING_DEPTH)
    seen = set()
    return [page for page in ordered if not (page.pk in seen or seen.add(page.pk))]


def in_process_handler():
    """What serves requests in this process, through the site's middleware and views."""
    handler = BaseHandler()
    handler.load_middleware()
    return handler


def proxy_headers(url):
    """What the proxy in front of the site says of an https request (SECURE_PROXY_SSL_HEADER),
    as WSGI names them: without it, the site would redirect the request to https."""
    if urlsplit(url).scheme == "https" and settings.SECURE_PROXY_SSL_HEADER:
        name, value = settings.SECURE_PROXY_SSL_HEADER
        return {name: value}
    return {}


def render_in_process(handler, url):
    """GET ``url`` with ``handler`` (``in_process_handler()``)."""
    parts = urlsplit(url)
    secure = parts.scheme == "https"
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path,
        "QUERY_STRING": "",
        "SCRIPT_NAME": "",
        "SERVER_NAME": parts.hostname,
        "SERVER_PORT": str(parts.port or (443 if secure else 80)),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": parts.netloc,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": parts.scheme,
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        **proxy_headers(url),
    }
    return handler.get_response(WSGIRequest(environ))


def warm_http_caches(url):
    """Ask every HTTP cache in front of the site for fresh copies of ``url``: compressed and
    plain (deploy/varnish/cache.vcl keeps both)."""
    parts = urlsplit(url)
    for name, backend in settings.WAGTAILFRONTENDCACHE.items():
        location = backend.get("LOCATION")
        if not location:  # a CDN's API, not an HTTP cache to ask
            continue
        forwarded = {
            name.removeprefix("HTTP_").replace("_", "-"): value
            for name, value in proxy_headers(url).items()
        }
        for encoding in ("gzip", "identity"):
            headers = {
                "Host": parts.netloc,
                "X-Cache-Warm": "1",
                "Accept-Encoding": encoding,
                **forwarded,
            }
            try:
                requests.get(
                    location.rstrip("/") + parts.path, headers=headers, timeout=WARM_TIMEOUT_SECONDS
                )
            except requests.RequestException as error:
                logger.warning("Could not warm %s in %s: %s", url, name, error)


@task(priority=WARM_PRIORITY)
def warm_after_publication(page_ids):
    """Render again the pages ``page_ids`` and those that show them; each page once per content
    version, however many publications asked for it. The number of pages rendered."""
    pages = list(Page.objects.filter(pk__in=page_ids).specific(defer=True))
    handler = in_process_handler()
    warmed = 0
    for target in pages_to_warm(pages):
        if not cache.add(f"warmed:{content_version()}:{target.pk}", True, FRAGMENT_SECONDS):
            continue
        url = target.get_full_url()
        if not url:
            continue
        response = render_in_process(handler, url)
        if response.status_code != 200:
            logger.warning("Warming %s: %s", url, response.status_code)
            continue
        warm_http_caches(url)
        warmed += 1
    return warmed


def warm_after_commit(instance, **kwargs):
    """page_published: warm the caches once the publication is committed (an alias with its
    source: ``pages_to_warm``)."""
    if instance.alias_of_id:
        return
    page_id = instance.pk

    def enqueue():
        later = warm_after_publication.using(run_after=timezone.now() + WARM_DELAY)
        later.enqueue([page_id])

    transaction.on_commit(enqueue)
