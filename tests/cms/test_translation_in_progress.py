"""A page submitted for translation but not published: visitors see exactly what they saw when it
was an alias (the English content, marked and noted, with no hreflang or sitemap entry for that
language), and the translation status report says "In progress". Once published, the page is
the translation, with its own slug, and what was left untranslated is marked as English."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from cms.i18n.translation_state import is_in_progress, is_published_translation
from home.factories import StoryPageFactory
from home.models import StoryPage
from tests.cms.test_translation_workflow import report_statuses

pytestmark = pytest.mark.django_db

TITLE = "Turku moves towards climate neutrality"
SUMMARY = "How Turku cuts its emissions."
BODY = "Turku wants to be climate neutral."


@pytest.fixture
def story(site_tree):
    from cms.i18n.locales import sync_locale_trees

    page = StoryPageFactory(
        parent=site_tree.en.story_index,
        title=TITLE,
        slug="turku",
        summary=SUMMARY,
        region="Turku",
        body=[{"type": "paragraph", "value": f"<p>{BODY}</p>"}],
    )
    page.save_revision().publish()  # as an officer publishes it: the page has a live revision
    sync_locale_trees()
    return StoryPage.objects.get(pk=page.pk)


def version(page, code):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        "h1": soup.h1.get_text(strip=True),
        "main_lang": soup.select_one("main").get("lang"),
        "notice": bool(soup.select(".translation-notice")),
        "hreflang": sorted(link["hreflang"] for link in soup.select('link[rel="alternate"]')),
        "canonical": soup.select_one('link[rel="canonical"]')["href"],
        "text": " ".join(soup.select_one("main").get_text().split()),
        "soup": soup,
    }


def without_soup(seen):
    return {key: value for key, value in seen.items() if key != "soup"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "xml")
    return (
        {loc.get_text() for loc in soup.select("url > loc")},
        {link["href"] for link in soup.find_all("link")},
    )


def submit(client, page, codes, capture):
    locales = [Locale.objects.get(language_code=code).pk for code in codes]
    # As in production, what wagtail-localize does once the submission is committed runs too.
    with capture(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
            {"locales": locales},
        )
    assert response.status_code == 302
    return {
        code: Translation.objects.get(
            source__object_id=page.translation_key, target_locale__language_code=code
        )
        for code in codes
    }


def fill(client, translation, texts):
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if segment.string.data not in texts:
            continue
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk)),
            urlencode({"value": texts[segment.string.data]}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content


def publish(client, translation, capture):
    page = translation.get_target_instance()
    with capture(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)), {"action": "publish"}
        )
    assert response.status_code == 302, response.content[:500]
    return StoryPage.objects.get(pk=page.pk)


GERMAN = {
    TITLE: "Turku auf dem Weg zur Klimaneutralität",
    "turku": "turku-klimaneutral",
    SUMMARY: "Wie Turku seine Emissionen senkt.",
    BODY: "Turku will klimaneutral werden.",
}


def test_a_submitted_translation_changes_nothing_until_it_is_published(
    client, translator, story, django_capture_on_commit_callbacks
):
    visitor = client.__class__()
    before = {code: visit(visitor, version(story, code).url) for code in ("de", "fr")}
    for seen in before.values():
        assert seen["notice"] and seen["main_lang"] == "en" and seen["h1"] == TITLE
        assert seen["hreflang"] == ["en", "x-default"]
        assert seen["canonical"] == "http://localhost/en/stories/turku/"

    client.force_login(translator)
    translations = submit(client, story, ["de", "fr"], django_capture_on_commit_callbacks)
    for code in ("de", "fr"):
        page = version(story, code)
        assert page.alias_of_id is None  # wagtail-localize converted the alias…
        assert is_in_progress(page) and not is_published_translation(page)
    # … and the translator writes German words, not published yet.
    fill(client, translations["de"], GERMAN)
    # Even saved into the page by "Sync translated pages" without publishing them.
    translations["de"].save_target(user=translator, publish=False)
    assert "Klimaneutralität" in version(story, "de").title

    for code in ("de", "fr"):
        after = visit(visitor, version(story, code).url)
        assert without_soup(after) == without_soup(before[code]), code
    locations, alternates = sitemap_locations(visitor)
    assert "http://localhost/en/stories/turku/" in locations
    assert not {"http://localhost/de/stories/turku/", "http://localhost/fr/stories/turku/"} & (
        locations | alternates
    )
    client.force_login(translator)
    report = report_statuses(client, story)
    assert report["de"] == "In progress" and report["fr"] == "In progress"
    assert report["it"] == "Not translated yet"
    assert report["lv"] == "Not translated yet"

    # The English page changes: like an alias, the page in progress shows the change.
    story.summary = "How Turku cuts its emissions by half."
    story.save_revision().publish()
    french = visit(visitor, version(story, "fr").url)
    assert "How Turku cuts its emissions by half." in french["text"]

    # Published: the translation, in German, at its German address.
    german = publish(client, translations["de"], django_capture_on_commit_callbacks)
    assert is_published_translation(german)
    assert german.url == "/de/stories/turku-klimaneutral/"
    seen = visit(visitor, german.url)
    assert seen["h1"] == GERMAN[TITLE]
    assert not seen["notice"] and seen["main_lang"] is None
    assert seen["hreflang"] == ["de", "en", "x-default"]
    assert seen["canonical"] == "http://localhost/de/stories/turku-klimaneutral/"
    assert "de" in visit(visitor, story.url)["hreflang"]
    assert "http://localhost/de/stories/turku-klimaneutral/" in sitemap_locations(visitor)[0]
    client.force_login(translator)
    report = report_statuses(client, story)
    assert report["de"] in ("Translated", "Out of date") and report["fr"] == "In progress"


def test_the_report_marks_pages_in_progress_with_their_own_symbol(
    admin_client, story, django_capture_on_commit_callbacks
):
    submit(admin_client, story, ["de"], django_capture_on_commit_callbacks)
    response = admin_client.get(reverse("translation_status_results"), {"p": 1})
    soup = BeautifulSoup(response.content, "html.parser")
    header = [th.get_text(strip=True) for th in soup.select("table.translation-status thead th")]
    row = next(
        tr
        for tr in soup.select("table.translation-status tbody tr")
        if tr.th.get_text(strip=True) == TITLE
    )
    cells = dict(zip(header[1:], row.select("td"), strict=True))
    assert "translation-status__cell--in-progress" in cells["de"]["class"]
    assert cells["de"].select_one('[aria-hidden="true"]').get_text() == "…"
    assert "In progress" in cells["de"].get_text()
    assert "translation-status__cell--not-translated" in cells["fr"]["class"]
    xlsx = admin_client.get(reverse("translation_status"), {"export": "xlsx"})
    assert xlsx.status_code == 200
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    german_column = rows[0].index("Deutsch")
    assert next(r for r in rows if r[0] == TITLE)[german_column] == "In progress"


def test_a_slug_in_another_script_becomes_a_readable_address(
    client, translator, story, django_capture_on_commit_callbacks
):
    """Addresses are ASCII (WAGTAIL_ALLOW_UNICODE_SLUGS is off): a Greek or Bulgarian slug is
    transliterated, never dropped for the English one or left empty."""
    client.force_login(translator)
    translations = submit(client, story, ["el", "bg"], django_capture_on_commit_callbacks)
    fill(client, translations["el"], {TITLE: "Το Τούρκου", "turku": "Τούρκου κλίμα"})
    fill(client, translations["bg"], {TITLE: "Турку", "turku": "турку"})
    greek = publish(client, translations["el"], django_capture_on_commit_callbacks)
    bulgarian = publish(client, translations["bg"], django_capture_on_commit_callbacks)
    assert greek.url == "/el/stories/toyrkoy-klima/"  # anyascii, as for headings' anchors
    assert bulgarian.url == "/bg/stories/turku/"  # the Bulgarian transliteration
    assert client.get(greek.url).status_code == 200


def test_what_a_published_translation_left_untranslated_is_marked_english(
    client, translator, story, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    translations = submit(client, story, ["de", "fr"], django_capture_on_commit_callbacks)
    fill(client, translations["de"], {TITLE: GERMAN[TITLE]})  # the summary and body left
    fill(client, translations["fr"], {SUMMARY: SUMMARY, BODY: "Turku veut être neutre."})
    german = publish(client, translations["de"], django_capture_on_commit_callbacks)
    french = publish(client, translations["fr"], django_capture_on_commit_callbacks)

    soup = visit(Client(), german.url)["soup"]
    assert soup.select_one("main").get("lang") is None and not soup.select(".translation-notice")
    assert soup.h1.get_text() == GERMAN[TITLE] and soup.h1.get("lang") is None
    assert soup.select_one(".page-lead")["lang"] == "en"
    paragraph = next(p for p in soup.select(".stream p") if p.get_text() == BODY)
    assert paragraph.find_parent(lang="en") is not None

    # Translated, even into the same words ("Turku" is Turku), is not marked.
    soup = visit(Client(), french.url)["soup"]
    assert soup.h1.get_text() == TITLE and soup.h1["lang"] == "en"  # the title left in English
    assert soup.select_one(".page-lead").get("lang") is None
    paragraph = next(p for p in soup.select(".stream p") if "neutre" in p.get_text())
    assert paragraph.find_parent(lang="en") is None
