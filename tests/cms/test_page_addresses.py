"""A page's address in its own language (cms.i18n.addresses): Wagtail's answer, without loading
the other languages into the process."""

from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import RequestFactory
from django.urls import get_resolver
from django.utils import translation
from django.utils.translation import trans_real
from wagtail.models import Page

from cms.i18n.addresses import page_full_url, page_url_parts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("active", ["en", "lv", None])
def test_every_page_in_every_language_has_wagtails_address(site_tree, active):
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    pages = list(Page.objects.all().specific())
    assert {page.locale.language_code for page in pages} >= {"en", "lv", "ga", "bg"}
    with translation.override(active):
        for page in pages:
            expected = Page.get_url_parts(page, request)
            assert page_url_parts(page, request) == expected, page.url_path
            assert page.get_url_parts(request) == expected, page.url_path
            assert page_full_url(page) == Page.get_full_url(page), page.url_path


def test_an_address_in_another_language_keeps_the_language_prefix(site_tree):
    story_lv = Page.objects.get(
        translation_key=site_tree.en.story.translation_key, locale__language_code="lv"
    )
    with translation.override("en"):
        assert story_lv.specific.get_url_parts()[2].startswith("/lv/")
        assert page_full_url(story_lv).startswith("http://localhost/lv/")


@pytest.mark.parametrize("path", ["/en/", "/lv/", "/sitemap.xml"])
def test_a_page_links_every_language_without_loading_them(client, site_tree, path):
    """Activating a language loads its catalogues (of every app) and the URL resolver's table for
    it, for the life of the process: the switcher, the hreflang links and the sitemap link all 24
    languages, and must not make each worker hold all 24."""
    language = "lv" if path == "/lv/" else settings.LANGUAGE_CODE
    with (
        mock.patch.dict(trans_real._translations, clear=True),
        mock.patch.dict(get_resolver()._reverse_dict, clear=True),
    ):
        response = client.get(path)
        loaded = set(trans_real._translations)
        reversed_in = set(get_resolver()._reverse_dict)
    assert response.status_code == 200
    if path != "/sitemap.xml":
        soup = BeautifulSoup(response.content, "html.parser")
        switcher = soup.select(".ecl-site-header__language-link")
        assert len(switcher) == len(settings.LANGUAGES)
        assert "next=%2Fga%2F" in {link["hreflang"]: link["href"] for link in switcher}["ga"]
    else:
        assert b'hreflang="lv"' in response.content
    assert loaded <= {language, settings.LANGUAGE_CODE}
    assert reversed_in <= {language, settings.LANGUAGE_CODE}
