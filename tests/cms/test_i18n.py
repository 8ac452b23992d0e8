import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_all_24_official_languages_with_their_native_names():
    codes = [code for code, _name in settings.LANGUAGES]
    official = "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv"
    assert sorted(codes) == official.split()
    names = dict(settings.LANGUAGES)
    assert names["el"] == "ελληνικά" and names["bg"] == "български" and names["ga"] == "Gaeilge"
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES


@pytest.mark.parametrize(
    "accept_language, expected",
    [
        ("lv,en;q=0.8", "/lv/"),
        ("lv-LV", "/lv/"),
        ("de-DE,de;q=0.9", "/de/"),
        ("ja", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_visitor_language(client, site_tree, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_prefers_the_language_the_visitor_chose(client, site_tree):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lv"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/lv/"


def test_language_prefixed_urls(site_tree):
    assert site_tree.en.story.url == "/en/stories/a-story-from-mons/"
    assert site_tree.lv.story.url.startswith("/lv/")


def test_page_without_translation_answers_in_the_source_language(client, site_tree):
    response = client.get("/de/")
    assert response.status_code == 200
    assert b'<html lang="de"' in response.content
    # The content is English and says so, inside a German page chrome.
    assert b'<main id="main" tabindex="-1" lang="en">' in response.content


def test_unknown_page_is_a_404_not_a_500(client, site_tree):
    assert client.get("/en/no-such-page/").status_code == 404
    # An address without a language goes to the visitor's language, where it is unknown.
    response = client.get("/xx/", follow=True)
    assert response.redirect_chain == [("/en/xx/", 302)]
    assert response.status_code == 404
