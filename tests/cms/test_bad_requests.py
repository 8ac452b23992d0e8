"""No page answers 500 to malformed addresses, query strings or methods: every page type of the
demo tree, in a translated language and in an untranslated copy, gets 400, 404 or 405."""

import pytest
from django.test import Client
from wagtail.models import Page, get_page_models

from home.models import JointCallPage
from tests.helpers import PAGE_NAMES

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    {"page": "abc"},
    {"page": "999999"},
    {"page": "-1"},
    {"page": "0"},
    {"page": "1.5"},
    {"page": "1e3"},
    {"page": ["1", "2"]},
    {"page": "１"},  # a full-width digit
    {"page": "²"},  # a digit to str.isdigit(), not to int()
    {"page": "1" * 5000},  # more digits than int() takes
    {"series": "unknown"},
    {"series": "999999"},
    {"series": "abc"},
    {"series": "²"},
    {"series": "1" * 5000},
    {"language": "xx"},
    {"kind": "nonsense"},
    {"country": "ZZ"},
    {"type": "'; DROP TABLE wagtailcore_page; --"},
    {"q": "\x00"},
    {"next": "https://evil.example"},
]
BAD_SUFFIXES = [
    "no-such-page/",
    "%00/",
    "%ff/",
    "..%2f..%2fetc/passwd/",
    "a" * 300 + "/",
    "feed/extra/",
    "chapters/x/",
    "transcript/x/",
    "confirm/not-a-token/",
    "withdraw/x/",
    "my-data/../x/",
    "thank-you/x/",
    "signatories/x/",
]


def pages(site_tree, language):
    tree = getattr(site_tree, language, None)
    if tree is not None:
        return [(name, getattr(tree, name)) for name in PAGE_NAMES]
    return [
        (
            name,
            Page.objects.get(
                translation_key=getattr(site_tree.en, name).translation_key,
                locale__language_code=language,
            ).specific,
        )
        for name in PAGE_NAMES
    ]


@pytest.fixture
def crawler():
    # A real server never raises: errors must be answers, not exceptions.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("language", ["en", "lv", "fr"])
def test_bad_query_strings_never_fail(crawler, site_tree, language):
    for name, page in pages(site_tree, language):
        for query in BAD_QUERIES:
            response = crawler.get(page.url, query)
            assert response.status_code in (200, 400, 404), (name, query, response.status_code)
            if "page" in query and response.status_code == 200:
                # A listing ignores no page number silently: it is a page or a 404.
                assert not hasattr(page, "listed_pages") or query["page"] == "１", (name, query)


@pytest.mark.parametrize("language", ["en", "lv"])
def test_malformed_addresses_never_fail(crawler, site_tree, language):
    for name, page in pages(site_tree, language):
        for suffix in BAD_SUFFIXES:
            response = crawler.get(page.url + suffix)
            assert response.status_code in (301, 302, 400, 404, 405), (
                name,
                suffix,
                response.status_code,
            )
    for url in ("/%ff/", "/en/%00/", "/xx/", "/en//", "/en/search/%ff/", "/sitemap.xml/x"):
        assert crawler.get(url).status_code in (301, 302, 400, 404), url


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
@pytest.mark.parametrize("language", ["en", "lv", "fr"])
def test_write_methods_are_not_allowed(crawler, site_tree, method, language):
    for name, page in pages(site_tree, language):
        response = getattr(crawler, method)(page.url, data="x=1")
        assert response.status_code == 405, (name, method, response.status_code)
        assert "PUT" not in response["Allow"]


def test_pages_refuse_a_post(crawler, site_tree):
    """The Joint Call's form posts to its own address (/sign/…), not to the page."""
    for name, page in pages(site_tree, "en"):
        response = crawler.post(page.url, {"x": "1"})
        assert response.status_code == 405, (name, response.status_code)


def test_every_page_type_declares_the_methods_it_answers():
    """A new page type must choose: Wagtail 8 pages accept every method by default."""
    for model in get_page_models():
        if model is Page:
            continue
        methods = set(model.allowed_http_method_names())
        assert {"PUT", "PATCH", "DELETE"}.isdisjoint(methods), model
        if model is not JointCallPage:
            assert "POST" not in methods, model


def test_other_views_refuse_unknown_methods(crawler, site_tree):
    for url in ("/en/search/", "/robots.txt", "/sitemap.xml", "/language/lv/"):
        assert crawler.put(url).status_code == 405, url
        assert crawler.delete(url).status_code == 405, url
        if not url.startswith("/language/"):
            assert crawler.head(url).status_code == 200, url
