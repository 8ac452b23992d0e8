"""The accessibility statement and reporting an accessibility problem: editable, and linked
from every footer."""

import io

import pytest
from wagtail.models import Locale

from cms.models import SiteSettings
from demo.loader import DemoLoader
from home.models import ContentPage
from tests.helpers import get_page

pytestmark = pytest.mark.django_db


def footer(client, page):
    return get_page(client, page).soup.select_one("footer.ecl-site-footer")


@pytest.fixture
def statement(site_tree, django_capture_on_commit_callbacks):
    settings = SiteSettings.objects.get()
    settings.accessibility_page = site_tree.en.content
    settings.accessibility_email = "accessibility@example.eu"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    return site_tree.en.content


@pytest.mark.parametrize("name", ["home", "story", "episode", "document", "joint_call"])
def test_every_footer_links_to_the_statement_and_the_report_address(
    client, site_tree, statement, name
):
    for language in ("en", "lv"):
        page = getattr(getattr(site_tree, language), name)
        links = {a.get_text(strip=True): a["href"] for a in footer(client, page).select("a")}
        localized = getattr(site_tree, language).content
        assert localized.url in links.values(), (language, links)
        report = [href for href in links.values() if href.startswith("mailto:accessibility@")]
        assert len(report) == 1
        assert report[0].startswith("mailto:accessibility@example.eu?subject=")


def test_the_report_address_falls_back_to_the_contact_email(client, site_tree):
    links = [a["href"] for a in footer(client, site_tree.en.home).select("a")]
    reports = [h for h in links if h.startswith("mailto:cohesionalliance@example.eu?subject=")]
    assert len(reports) == 1
    assert "Report an accessibility problem" in footer(client, site_tree.en.home).get_text()


def test_no_statement_link_when_none_is_chosen(client, site_tree):
    soup = footer(client, site_tree.en.home)
    assert "Accessibility statement" not in soup.get_text()


def test_footer_links_to_the_search(client, site_tree):
    hrefs = [a["href"] for a in footer(client, site_tree.lv.home).select("a")]
    assert "/lv/search/" in hrefs


def test_demo_has_the_statement_in_english_and_latvian(
    client, site_tree, django_capture_on_commit_callbacks
):
    """The demo loader's statement (the steps of `load_demo` that make it), in English and in
    its Latvian translation made through wagtail-localize."""
    loader = DemoLoader(io.StringIO())
    home = site_tree.en.home
    with django_capture_on_commit_callbacks(execute=True):
        loader.policy_pages(home)
        loader.site_settings(home)
        loader.translate_object(loader.accessibility, Locale.objects.get(language_code="lv"))
    site_settings = SiteSettings.objects.get(site__root_page=home)
    statement = site_settings.accessibility_page.specific
    assert isinstance(statement, ContentPage)
    assert site_settings.accessibility_email == "cohesionalliance@cor.europa.eu"
    headings = [block.value["text"] for block in statement.body if block.block_type == "heading"]
    # The sections of the EU model accessibility statement (Decision (EU) 2018/1523).
    assert headings == [
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
        "Feedback and contact information",
        "Enforcement procedure",
    ]
    assert "Directive (EU) 2016/2102" in statement.introduction
    latvian = statement.get_translation(Locale.objects.get(language_code="lv"))
    assert latvian.live and not latvian.alias_of_id
    assert latvian.title == "Paziņojums par piekļūstamību"
    soup = get_page(client, latvian).soup
    assert "Atsauksmes un kontaktinformācija" in soup.get_text()
    assert latvian.url in [a["href"] for a in soup.select("footer a")]
    english = get_page(client, statement).soup
    assert statement.url in [a["href"] for a in english.select("footer a")]
