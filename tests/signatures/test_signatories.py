"""The public list of signatories."""

import pytest
from bs4 import BeautifulSoup

from signatures.factories import SignatureFactory
from tests.helpers import assert_language

pytestmark = pytest.mark.django_db


@pytest.fixture
def wall(site_tree):
    call = site_tree.en.joint_call
    SignatureFactory(
        call=call,
        kind="region",
        organisation="Région Bretagne",
        name="Jean",
        show_on_wall=False,
        country="FR",
    )
    SignatureFactory(call=call, kind="city", organisation="Rīgas pilsēta", country="LV")
    SignatureFactory(call=call, name="Ελένη Παππά", country="GR")
    SignatureFactory(call=call, name="Hidden Person", show_on_wall=False)
    SignatureFactory(call=call, name="Not yet", status="pending")
    SignatureFactory(call=call, kind="city", organisation="Moderated town", hidden_from_wall=True)
    SignatureFactory(call=call, name="<script>alert(1)</script>", country="IE")
    return call


def listed(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.strong.get_text() for item in soup.select(".signatories__item")]


@pytest.mark.parametrize("language", ["en", "lv"])
def test_wall_lists_institutions_and_opted_in_people_only(client, site_tree, wall, language):
    page = getattr(site_tree, language).joint_call
    response = client.get(page.signatories_url)
    assert response.status_code == 200
    response.soup = BeautifulSoup(response.content, "html.parser")
    assert_language(response, language)
    assert sorted(listed(response)) == sorted(
        ["Région Bretagne", "Rīgas pilsēta", "Ελένη Παππά", "<script>alert(1)</script>"]
    )
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content
    assert "Jean" not in response.content.decode()  # an institution's signer stays private


def test_wall_filters_by_type_country_and_search(client, wall):
    url = wall.signatories_url
    assert listed(client.get(url, {"kind": "city"})) == ["Rīgas pilsēta"]
    assert listed(client.get(url, {"country": "GR"})) == ["Ελένη Παππά"]
    assert listed(client.get(url, {"q": "bretagne"})) == ["Région Bretagne"]
    assert listed(client.get(url, {"kind": "city", "country": "FR"})) == []
    countries = BeautifulSoup(client.get(url).content, "html.parser").select(
        'select[name="country"] option'
    )
    assert [option["value"] for option in countries] == ["", "FR", "GR", "IE", "LV"]


@pytest.mark.parametrize(
    "query", [{"kind": "king"}, {"country": "XX"}, {"page": "abc"}, {"q": "a\x00b"}]
)
def test_wall_refuses_unknown_filters_with_400(client, wall, query):
    response = client.get(wall.signatories_url, query)
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select_one(".errorlist")


def test_wall_is_paginated_and_keeps_the_filters(client, site_tree):
    call = site_tree.en.joint_call
    SignatureFactory.create_batch(55, call=call, country="PL")
    first = client.get(call.signatories_url, {"country": "PL"})
    assert len(listed(first)) == 50
    next_link = BeautifulSoup(first.content, "html.parser").select_one('a[rel="next"]')["href"]
    assert next_link == "?country=PL&page=2"
    second = client.get(call.signatories_url + next_link)
    assert len(listed(second)) == 5
    assert client.get(call.signatories_url, {"page": 99}).status_code == 404
