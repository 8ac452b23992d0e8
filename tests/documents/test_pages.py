import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from tests.helpers import assert_language, get_page, text_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "lv"])
def test_document_page_lists_language_versions_visitor_language_first(client, site_tree, language):
    document = getattr(site_tree, language).document
    response = get_page(client, document)
    assert_language(response, language)
    items = response.soup.select(".language-versions__item")
    languages = [item["lang"] for item in items]
    # The visitor's language first, then EU protocol order (ελληνικά before English).
    assert languages == {"en": ["en", "el", "lv"], "lv": ["lv", "el", "en"]}[language]
    assert text_of(response.soup, ".language-versions h2").endswith("(3)")
    greek = items[languages.index("el")]
    assert text_of(greek, ".language-versions__language") == "ελληνικά"
    assert text_of(greek, ".language-versions__title") == "Κοινή έκκληση"
    version = next(v for v in document.language_versions.all() if v.language == "el")
    with translation.override(language):
        size = filesizeformat(version.document.file.size)
    assert text_of(greek, ".language-versions__meta") == f"({size} – PDF)".replace("\xa0", " ")
    assert greek.select_one("a")["href"] == version.document.url


def test_document_page_links_to_find_out_why_in_the_visitor_language(client, site_tree):
    response = get_page(client, site_tree.lv.document)
    link = response.soup.select_one(".language-versions__why a")
    assert link["href"] == site_tree.lv.content.url


def test_document_download_serves_the_file(client, site_tree):
    version = site_tree.en.document.language_versions.first()
    response = client.get(version.document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == version.document.file.read()


@pytest.mark.parametrize("language", ["en", "lv"])
def test_document_index_lists_documents_with_their_language_count(client, site_tree, language):
    tree = getattr(site_tree, language)
    response = get_page(client, tree.document_index)
    assert_language(response, language)
    assert [a.get_text() for a in response.soup.select(".card__title a")] == [tree.document.title]
    assert text_of(response.soup, ".card__meta").endswith("(3)")
