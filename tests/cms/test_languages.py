"""Visitors in every language: complete trees, the notice on untranslated pages, the switcher,
hreflang alternates, the remembered choice of language."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.templatetags.i18n import language_name_translated
from django.utils import translation
from wagtail.models import Page

from tests.helpers import PAGE_NAMES

pytestmark = pytest.mark.django_db


def in_language(page, code):
    """The version of a page in a language: a translation, or the alias of an untranslated one."""
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    response.soup = BeautifulSoup(response.content, "html.parser")
    return response


def expected(code, text):
    with translation.override(code):
        return translation.gettext(text)


@pytest.mark.parametrize("code", ["bg", "el"])
@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_type_renders_in_cyrillic_and_greek(client, site_tree, name, code):
    page = in_language(getattr(site_tree.en, name), code)
    response = get(client, page.url)
    soup = response.soup
    assert soup.html["lang"] == code
    assert soup.select_one(".ecl-skip-link").get_text() == expected(code, "Skip to main content")
    assert expected(code, "Skip to main content") != "Skip to main content"
    assert soup.h1.get_text() == page.title
    # Not translated yet: the English content says it is English, and the notice says so.
    assert soup.main["lang"] == "en"
    notice = soup.select_one(".translation-notice")
    assert notice["lang"] == code
    with translation.override(code):
        assert notice.get_text(strip=True) == translation.gettext(
            "This page is not available in your language yet. Original language: %(source)s."
        ) % {"source": language_name_translated("en")}
    menu = [a["href"] for a in soup.select(".ecl-menu__link")]
    assert menu and all(href.startswith(f"/{code}/") for href in menu)


def test_untranslated_page_in_irish_answers_with_the_english_content(client, site_tree):
    story = site_tree.en.story
    response = get(client, f"/ga{story.url[3:]}")
    assert response.soup.html["lang"] == "ga"
    assert response.soup.main["lang"] == "en"
    assert response.soup.h1.get_text() == story.title
    assert response.soup.select_one(".translation-notice")


def test_translated_page_has_no_notice(client, site_tree):
    response = get(client, site_tree.lv.story.url)
    assert response.soup.main.get("lang") is None
    assert not response.soup.select(".translation-notice")


def test_switcher_lists_every_language_in_protocol_order_with_native_names(client, site_tree):
    soup = get(client, site_tree.en.story.url).soup
    entries = soup.select(".ecl-site-header__language-link-label")
    assert [entry["lang"] for entry in entries] == [code for code, _ in settings.LANGUAGES]
    assert [entry.get_text() for entry in entries][:3] == ["български", "español", "čeština"]
    current = soup.select_one('.ecl-site-header__language-link[aria-current="true"] [lang]')
    assert current["lang"] == "en"
    greek = soup.select_one('.ecl-site-header__language-link[hreflang="el"]')["href"]
    assert greek == f"/language/el/?next=%2Fel{site_tree.en.story.url[3:].replace('/', '%2F')}"


def test_choosing_a_language_remembers_it_for_the_home_address(client, site_tree):
    response = client.get("/language/pl/", {"next": "/pl/stories/"})
    assert response.status_code == 302 and response["Location"] == "/pl/stories/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "pl"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de").headers["Location"] == "/pl/"


@pytest.mark.parametrize(
    "code, target, location",
    [
        ("pl", "https://evil.example/", "/pl/"),
        ("pl", "//evil.example/pl/", "/pl/"),
        ("pl", "/de/stories/", "/pl/"),
    ],
)
def test_choosing_a_language_never_redirects_elsewhere(client, code, target, location):
    response = client.get(f"/language/{code}/", {"next": target})
    assert response["Location"] == location


def test_choosing_an_unknown_language_is_a_404(client):
    response = client.get("/language/xx/", follow=True)
    assert response.status_code == 404
    assert client.post("/language/pl/").status_code == 405


def test_hreflang_alternates_list_translations_and_x_default(client, site_tree):
    soup = get(client, site_tree.lv.story.url).soup
    alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"]')}
    assert alternates == {
        "en": "http://localhost" + site_tree.en.story.url,
        "lv": "http://localhost" + site_tree.lv.story.url,
        "x-default": "http://localhost" + site_tree.en.story.url,
    }


def test_a_polish_browser_gets_the_polish_site_chrome_everywhere(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="pl-PL,pl;q=0.9,en;q=0.5")
    assert response["Location"] == "/pl/"
    home = get(client, "/pl/")
    links = [a["href"] for a in home.soup.select(".ecl-menu__link")]
    for url in links:
        soup = get(client, url).soup
        assert soup.html["lang"] == "pl"
        assert soup.select_one(".back-to-top a").get_text() == expected("pl", "Back to top")
        assert soup.select_one("#follow-us").get_text() == expected("pl", "Follow us")


def test_document_versions_put_the_visitor_language_first_and_offer_it(client, site_tree):
    soup = get(client, in_language(site_tree.en.document, "el").url).soup
    file = soup.select_one("main .ecl-file")
    first = file.select_one(".ecl-file__translation-item")
    assert first.select_one(".ecl-file__translation-title")["lang"] == "el"
    assert file.select_one(".ecl-file__footer .ecl-file__language").get_text() == "ελληνικά"
    why = file.select_one(".ecl-file__translation-description a")["href"]
    assert why.startswith("/el/")


@pytest.mark.parametrize(
    "code, number",
    [
        ("en", "12,000"),
        ("lv", "12\xa0000"),
        ("de", "12.000"),
        ("fr", "12\xa0000"),
        # Django groups no thousands in these ("12000"): cms/formats does.
        ("bg", "12\xa0000"),
        ("et", "12\xa0000"),
        ("ga", "12,000"),
        ("mt", "12,000"),
    ],
)
def test_numbers_are_formatted_for_the_language(client, site_tree, code, number):
    soup = get(client, in_language(site_tree.en.joint_call, code).url).soup
    assert soup.select_one(".signatory-count .ecl-fact-figures__value").get_text() == number


@pytest.mark.parametrize(
    "code, date",
    [
        ("en", "March 4, 2024"),
        ("de", "4. März 2024"),
        ("fr", "4 mars 2024"),
        # Django has no Maltese (it wrote "March 4, 2024"), writes Bulgarian, Italian,
        # Portuguese and Romanian months with a capital and Greek dates in figures.
        ("mt", "4 ta’ Marzu 2024"),
        ("bg", "4 март 2024 г."),
        ("it", "4 marzo 2024"),
        ("pt", "4 de março de 2024"),
        ("ro", "4 martie 2024"),
        ("el", "4 Μαρτίου 2024"),
    ],
)
def test_dates_are_formatted_for_the_language(client, site_tree, code, date):
    story = site_tree.en.story
    story.date = story.date.replace(month=3, day=4)
    story.save_revision().publish()
    soup = get(client, in_language(story, code).url).soup
    assert soup.select_one(".page-meta time").get_text() == date


def test_maltese_names_the_original_language_in_maltese(client, site_tree):
    """Django has no Maltese: the notice on a page not translated yet said "English"."""
    soup = get(client, in_language(site_tree.en.story, "mt").url).soup
    notice = soup.select_one(".translation-notice").get_text()
    assert "Lingwa oriġinali: Ingliż." in notice
    assert "English" not in notice
