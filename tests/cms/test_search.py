"""Site search: PostgreSQL full text in the visitor's language, with its stemming."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.models import Locale, Page

from cms.search.backend import SEARCH_CONFIGS, search_backend, search_config

pytestmark = pytest.mark.django_db


def results(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"query": query, **params})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".search-results a")], soup


def test_every_language_with_a_postgresql_stemmer_uses_it(settings):
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        available = {row[0] for row in cursor.fetchall()}
    assert set(SEARCH_CONFIGS.values()) <= available
    assert search_config("fr") == "french" and search_config("en") == "english"
    assert search_config("lv") == "simple"  # PostgreSQL has no Latvian stemmer
    codes = {code for code, _name in settings.LANGUAGES}
    assert set(SEARCH_CONFIGS) <= codes


def test_pages_are_indexed_with_their_language_stemming(site_tree):
    def title_vector(page):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT title::text FROM wagtailsearch_indexentry "
                "WHERE object_id = %s AND content_type_id = %s",
                [str(page.pk), page.content_type_id],
            )
            return cursor.fetchone()[0]

    assert "'stori'" in title_vector(site_tree.en.story)  # "story", stemmed in English
    # Latvian: whole words as written (no stemmer; "par" is not dropped as a stop word).
    latvian = title_vector(site_tree.lv.story)
    assert "'stāsts'" in latvian and "'par'" in latvian


def test_search_finds_pages_with_the_language_stemming(client, site_tree):
    found, soup = results(client, "en", "stories Mons")
    assert site_tree.en.story.title in found  # "stories" finds "story"
    assert soup.select_one("link[rel=canonical]") is None
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


def test_search_stays_within_the_visitor_language(client, site_tree):
    found, _soup = results(client, "lv", "Stāsts")
    assert found == [site_tree.lv.story.title]
    found, _soup = results(client, "en", "Stāsts")
    assert found == []
    found, _soup = results(client, "lv", "story")
    assert site_tree.en.story.title not in found


def test_backend_searches_in_the_given_language(site_tree):
    pages = Page.objects.live().filter(locale=Locale.objects.get(language_code="en"))
    english = list(search_backend("en").search("stories", pages))
    assert site_tree.en.story.page_ptr in english
    # With the Latvian configuration (no stemming), "stories" is not "story".
    assert site_tree.en.story.page_ptr not in list(search_backend("lv").search("stories", pages))


def test_search_form_without_query(client, site_tree):
    response = client.get("/en/search/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('form[role="search"] input[name="query"]')
    assert soup.select_one(".search-results") is None
    assert soup.html["lang"] == "en"


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999999", "1.5", ""])
def test_bad_page_numbers_answer_404(client, site_tree, page):
    response = client.get("/en/search/", {"query": "Mons", "page": page})
    assert response.status_code == 404


def test_long_and_odd_queries_do_not_fail(client, site_tree):
    for query in ("x" * 10_000, "&|!():*'\"\\", "\u200b", "a & b | !c", "NOT OR AND"):
        response = client.get("/en/search/", {"query": query})
        assert response.status_code == 200, query
    for query in ("\x00", "Mons\x00", "\x1b[31m"):
        response = client.get("/en/search/", {"query": query})
        assert response.status_code == 200, query


def test_search_results_are_paginated(client, site_tree, settings):
    from cms.search import views

    original = views.SEARCH_RESULTS_PER_PAGE
    views.SEARCH_RESULTS_PER_PAGE = 1
    try:
        first, soup = results(client, "en", "Joint Call")
        assert len(first) == 1
        assert soup.select_one('a[rel="next"]')["href"].startswith("?query=Joint+Call&page=2")
        second, _soup = results(client, "en", "Joint Call", page=2)
        assert len(second) == 1 and second != first
    finally:
        views.SEARCH_RESULTS_PER_PAGE = original


def test_search_only_answers_get(client, site_tree):
    assert client.post("/en/search/", {"query": "Mons"}).status_code == 405
