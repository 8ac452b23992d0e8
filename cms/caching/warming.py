"""Rendering the pages again after a publication, before visitors come, in the worker's own
process: that makes every image rendition they use and fills the cache of rendered blocks and
cards.

Twice: ``prepare_after_publication`` renders the page and what shows it in its language before
the HTTP cache is purged (it has a higher priority than Wagtail's purges and is queued before
them, in the same signal), so that a visitor who comes after the purge finds the renditions
made; ``warm_after_publication`` runs a moment after the purge (``WARM_DELAY``, and a lower
priority), renders again from the caches and asks each HTTP cache in front of the site
(``FRONTEND_CACHE_URLS``) for fresh copies (``X-Cache-Warm``, which deploy/varnish/cache.vcl
honours from the purgers' addresses only), so the next visitor gets a hit. A purge after the
warming would throw the warm copies away.

The landing pages of every language come first (the most visited), then the page, then its
ancestors, translations and the pages that refer to it (``frontend.pages_showing``)."""

import datetime
import io
import logging
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.cache import cache
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from .fragments import FRAGMENT_SECONDS, content_version
from .frontend import LANDING_DEPTH, pages_showing

logger = logging.getLogger(__name__)

# Wagtail's own tasks, among them the purge of the HTTP cache, have 0: the renditions are made
# before it, the warming after it.
PREPARE_PRIORITY = 10
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


def pages_to_prepare(pages):
    """Of ``pages_to_warm(pages)``, those in the languages of ``pages``: the other languages show
    the same images the same way (their cards, their aliases), and rendering all 24 landing
    pages would hold the purge back for seconds."""
    locales = {page.locale_id for page in pages}
    return [page for page in pages_to_warm(pages) if page.locale_id in locales]


def render_each(pages, skip=lambda page: False):
    """Render ``pages`` in this process, but those ``skip(page)`` is true for; yield the
    address of each that rendered."""
    handler = in_process_handler()
    for target in pages:
        if skip(target):
            continue
        url = target.get_full_url()
        if not url:
            continue
        response = render_in_process(handler, url)
        if response.status_code != 200:
            logger.warning("Rendering %s: %s", url, response.status_code)
            continue
        yield url


def done_already(what):
    """Whether a page was ``what`` (prepared, warmed) already under the current content version:
    the first to ask is told no, the others yes."""

    def done(page):
        return not cache.add(f"{what}:{content_version()}:{page.pk}", True, FRAGMENT_SECONDS)

    return done


def published(page_ids):
    return list(Page.objects.filter(pk__in=page_ids).specific(defer=True))


@task(priority=PREPARE_PRIORITY)
def prepare_after_publication(page_ids):
    """Render the published pages and those that show them in their language before the HTTP
    cache is purged (Wagtail's purge has a lower priority, and is queued after this): the image
    renditions they use are made here, not in the request of a visitor who comes between the
    purge and the warming. Each page once per content version, however many publications asked
    for it. The number of pages rendered."""
    pages = pages_to_prepare(published(page_ids))
    return sum(1 for _url in render_each(pages, skip=done_already("prepared")))


@task(priority=WARM_PRIORITY)
def warm_after_publication(page_ids):
    """Render again the pages ``page_ids`` and those that show them, then fetch them through
    the HTTP caches; each page once per content version, however many publications asked for
    it. The number of pages warmed."""
    warmed = 0
    for url in render_each(pages_to_warm(published(page_ids)), skip=done_already("warmed")):
        warm_http_caches(url)
        warmed += 1
    return warmed


def queue_rendering(instance, **kwargs):
    """page_published: make the renditions before the purge, and warm the caches a moment after
    it (an alias with its source: ``pages_to_warm``). Connected before the purges
    (``signals.register_signal_handlers``), so queued before them even outside a transaction;
    the worker takes what is ready by priority."""
    if instance.alias_of_id:
        return
    prepare_after_publication.enqueue([instance.pk])
    later = warm_after_publication.using(run_after=timezone.now() + WARM_DELAY)
    later.enqueue([instance.pk])
