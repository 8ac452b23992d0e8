"""The links of the emails (confirm, withdraw, my data) are for one signer: no shared cache or
browser may keep their answers, whatever the state of the link."""

import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import translation

from signatures import tokens
from signatures.factories import SignatureFactory

pytestmark = pytest.mark.django_db


def link(page, route, signature, action):
    with translation.override(page.locale.language_code):
        return page.url + page.reverse_subpage(route, args=(tokens.make_token(signature, action),))


def assert_private(response):
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives, response["Cache-Control"]
    assert "public" not in directives
    assert not any(d.startswith("s-maxage") for d in directives)


@pytest.mark.parametrize(
    "route, action", [("confirm", "confirm"), ("withdraw", "withdraw"), ("my_data", "data")]
)
def test_every_answer_to_an_email_link_is_private_and_not_stored(
    client, site_tree, settings, route, action
):
    page = site_tree.en.joint_call
    pending = SignatureFactory(call=page, status="pending", confirmed_at=None)
    confirmed = SignatureFactory(call=page)
    urls = {
        "pending": link(page, route, pending, action),
        "confirmed": link(page, route, confirmed, action),
        "invalid": link(page, route, confirmed, action)[:-4] + "xx/",
    }
    for state, url in urls.items():
        for method in (client.get, client.head):
            response = method(url)
            assert response.status_code in (200, 404), (state, response.status_code)
            assert_private(response)
    # Expired (the confirmation link is the one that expires).
    later = time.time() + (settings.SIGNATURE_CONFIRMATION_DAYS + 1) * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.get(urls["pending"])
    assert_private(response)
    # Used: a withdrawn signature's links, after the POST that withdrew it.
    response = client.post(link(page, "withdraw", pending, "withdraw"))
    assert response.status_code == 200
    assert_private(response)
    response = client.get(urls["pending"])
    assert response.status_code == 404
    assert_private(response)
    response = client.post(urls["confirmed"])
    assert response.status_code == 200
    assert_private(response)


def test_an_already_confirmed_signatures_confirm_link_is_not_shared(client, site_tree):
    page = site_tree.en.joint_call
    confirmed = SignatureFactory(call=page)
    response = client.get(link(page, "confirm", confirmed, "confirm"))
    assert response.status_code == 200
    assert b"already confirmed" in response.content
    assert_private(response)


@pytest.mark.parametrize(
    "route, action", [("confirm", "confirm"), ("withdraw", "withdraw"), ("my_data", "data")]
)
def test_an_email_links_page_names_no_token_and_asks_not_to_be_indexed(
    client, site_tree, route, action
):
    """A browser's share button and a search engine read the canonical address and og:url: a
    signer who shares the page must not share the link that withdraws the signature or shows
    the data. Nor does each link keep an entry of its own in the cache."""
    page = site_tree.en.joint_call
    urls = [link(page, route, SignatureFactory(call=page), action) for _ in range(3)]
    with mock.patch("cms.caching.fragments.cache.set", wraps=cache.set) as stored:
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200
            soup = BeautifulSoup(response.content, "html.parser")
            token = url.rstrip("/").rsplit("/", 1)[1]
            assert token not in str(soup.head), url
            assert soup.head.find("link", rel="canonical")["href"] == page.full_url
            assert soup.head.find("meta", property="og:url")["content"] == page.full_url
            assert soup.head.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    seo_keys = [call.args[0] for call in stored.call_args_list if call.args[0].startswith("seo:")]
    assert len(seo_keys) == 1, seo_keys
    # The page of the form itself is indexed, under its own address.
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert soup.head.find("meta", attrs={"name": "robots"}) is None
    assert soup.head.find("link", rel="canonical")["href"] == page.full_url
