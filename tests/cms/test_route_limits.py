"""An address of many levels or long parts costs the landing page's routing no more than a real
one: it looks up at most ROUTE_LOOKUP_LEVELS levels at once, in one cache round trip and one
query, and a part longer than a slug can be ends the lookup (what follows is a route's)."""

import warnings
from unittest import mock

import pytest
from django.core.cache import CacheKeyWarning, cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import ContentPageFactory
from home.models import ROUTE_LOOKUP_LEVELS

pytestmark = pytest.mark.django_db


def visit(client, url):
    """The answer to ``url``, the number of keys of each ``get_many`` and the longest query."""
    with (
        mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many,
        CaptureQueriesContext(connection) as queries,
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("error", CacheKeyWarning)
        response = client.get(url)
    return (
        response,
        [len(call.args[0]) for call in get_many.call_args_list],
        max((len(query["sql"]) for query in queries.captured_queries), default=0),
    )


def test_an_address_of_two_thousand_levels_is_a_cheap_404(client, site_tree):
    url = site_tree.en.story_index.url + "a/" * 2000
    response, keys, longest_query = visit(client, url)
    assert response.status_code == 404
    assert max(keys) <= ROUTE_LOOKUP_LEVELS
    # No query holds more than the address once (Wagtail's redirects look it up): before, one
    # held every start of it, 4 MB for this address.
    assert longest_query < len(url) + 2000


def test_a_part_longer_than_a_slug_is_a_cheap_404(client, site_tree):
    for url in (
        "/en/" + "a" * 3000 + "/",
        site_tree.en.story_index.url + "a" * 3000 + "/",
        site_tree.en.story_index.url + ("b" * 256 + "/") * 10,
    ):
        response, keys, longest_query = visit(client, url)
        assert response.status_code == 404, url[:80]
        assert longest_query < len(url) + 2000


def test_a_route_with_a_long_part_is_still_routed(client, site_tree):
    """A token of the Joint Call's routes may be longer than a slug."""
    call = site_tree.en.joint_call
    response, _, _ = visit(client, call.url + "confirm/" + "t" * 300 + "/")
    # The confirmation view's own answer to a bad link (private), not the routing's 404.
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]
    assert client.get(call.url + "signatories/").status_code == 200


def test_a_page_deeper_than_one_lookup_is_found(client, site_tree):
    parent = site_tree.en.home
    for level in range(ROUTE_LOOKUP_LEVELS + 3):
        parent = ContentPageFactory(parent=parent, title=f"Level {level}", slug=f"level-{level}")
    for _ in range(2):  # found, then found again from the cache
        response, keys, _ = visit(client, parent.url)
        assert response.status_code == 200
        assert f"Level {ROUTE_LOOKUP_LEVELS + 2}" in response.content.decode()
        assert max(keys) <= ROUTE_LOOKUP_LEVELS
    assert client.get(parent.url + "no-such-page/").status_code == 404
