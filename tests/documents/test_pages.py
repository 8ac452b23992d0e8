import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from wagtail.models import Page

from tests.helpers import assert_language, get_page, text_of

pytestmark = pytest.mark.django_db


def versions_of(file):
    """The language versions an ECL File component lists (not its "Find out why")."""
    return file.select(".ecl-file__translation-item:not(.ecl-file__translation-description)")


@pytest.mark.parametrize("language", ["en", "lv"])
def test_document_page_lists_language_versions_visitor_language_first(client, site_tree, language):
    document = getattr(site_tree, language).document
    response = get_page(client, document)
    assert_language(response, language)
    file = response.soup.select_one("main .ecl-file")
    # The list is open on the document's own page (ECL shows it when its toggle is expanded).
    toggle = file.select_one(".ecl-file__translation-toggle")
    assert toggle["aria-expanded"] == "true" and text_of(toggle, "*").endswith("(3)")
    items = versions_of(file)
    languages = [item.select_one(".ecl-file__translation-language")["lang"] for item in items]
    # The visitor's language first, then EU protocol order (ελληνικά before English).
    assert languages == {"en": ["en", "el", "lv"], "lv": ["lv", "el", "en"]}[language]
    greek = items[languages.index("el")]
    assert text_of(greek, ".ecl-file__translation-language") == "ελληνικά"
    assert text_of(greek, ".ecl-file__translation-title") == "Κοινή έκκληση"
    version = next(v for v in document.language_versions.all() if v.language == "el")
    with translation.override(language):
        size = filesizeformat(version.document.file.size)
    meta = f"({size} – PDF)".replace("\xa0", " ")
    assert text_of(greek, ".ecl-file__translation-meta") == meta
    assert greek.select_one("a.ecl-file__translation-download")["href"] == version.document.url
    # The file in the visitor's language is offered first, in the File's footer.
    assert (
        text_of(file, ".ecl-file__footer .ecl-file__language")
        == {
            "en": "English",
            "lv": "latviešu",
        }[language]
    )


def test_document_page_links_to_find_out_why_in_the_visitor_language(client, site_tree):
    response = get_page(client, site_tree.lv.document)
    link = response.soup.select_one(".ecl-file__translation-description a")
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
    titles = [a.get_text() for a in response.soup.select(".ecl-file__title a")]
    assert titles == [tree.document.title]
    assert text_of(response.soup, ".ecl-file__translation-toggle").endswith("(3)")


def assert_file_with_translations(file, document, why_url):
    """ECL's File component for ``document``: its title, its "Available languages (N)" list of
    every language version (title, size and type, download link) and "Find out why"."""
    assert document.title in text_of(file, ".ecl-file__title")
    versions = versions_of(file)
    assert len(versions) == document.language_versions.count()
    assert text_of(file, ".ecl-file__translation-toggle").endswith(f"({len(versions)})")
    urls = {version.document.url for version in document.language_versions.all()}
    links = {item.select_one("a.ecl-file__translation-download")["href"] for item in versions}
    assert links == urls
    for item in versions:
        assert text_of(item, ".ecl-file__translation-meta").endswith("PDF)")
    why = file.select_one(".ecl-file__translation-description a")
    assert why["href"] == why_url


@pytest.mark.parametrize("language", ["en", "lv", "bg"])
def test_every_document_offers_its_translations_and_find_out_why(client, site_tree, language):
    """On the document's page, in the documents section and on the landing page."""
    document = Page.objects.get(
        translation_key=site_tree.en.document.translation_key, locale__language_code=language
    ).specific
    why_url = Page.objects.get(
        translation_key=site_tree.en.content.translation_key, locale__language_code=language
    ).url
    pages = {
        "document": document,
        "index": document.get_parent(),
        "home": Page.objects.get(depth=2, locale__language_code=language),
    }
    for name, page in pages.items():
        soup = get_page(client, page).soup
        files = soup.select("main .ecl-file[data-ecl-file]")
        assert len(files) == 1, name
        assert files[0]["data-ecl-auto-init"] == "FileDownload"
        assert_file_with_translations(files[0], document, why_url)
        # Open on the document's own page, closed in lists.
        expanded = files[0].select_one(".ecl-file__translation-toggle")["aria-expanded"]
        assert expanded == ("true" if name == "document" else "false"), name


@pytest.mark.parametrize("language", ["lv", "bg"])
def test_only_the_title_and_name_of_a_version_carry_its_language(client, site_tree, language):
    """The Greek version on a Latvian (or Bulgarian) page: its title and its language's own name
    are Greek; its size, its type and "Download" are in the page's language."""
    document = Page.objects.get(
        translation_key=site_tree.en.document.translation_key, locale__language_code=language
    )
    soup = get_page(client, document).soup
    greek = next(
        item
        for item in versions_of(soup.select_one("main .ecl-file"))
        if item.select_one(".ecl-file__translation-language").get_text() == "ελληνικά"
    )
    assert greek.find_parent(lang="el") is None and not greek.get("lang")
    greek_parts = {element["class"][0] for element in greek.select('[lang="el"]')}
    assert greek_parts == {"ecl-file__translation-title", "ecl-file__translation-language"}
    assert {element["lang"] for element in greek.select("[lang]")} <= {"el", language}
    download = greek.select_one("a.ecl-file__translation-download")
    # In the page's language, even on a page not translated yet (whose text is English).
    assert (download.get("lang") or download.find_parent(lang=True)["lang"]) == language
    assert download["hreflang"] == "el"
    with translation.override(language):
        assert text_of(download, ".ecl-link__label") == translation.gettext("Download")
