"""A translator's whole flow through the real admin and wagtail-localize views: submit an English
story for translation into Latvian and Greek, translate its segments with localize's editing API,
publish, then edit the source, see it out of date, sync and publish again."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import TestCase
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from home.factories import StoryPageFactory
from home.models import StoryPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(site_tree):
    """A new English story; like every page, it has aliases in every other language."""
    from cms.i18n.locales import sync_locale_trees

    page = StoryPageFactory(
        parent=site_tree.en.story_index,
        title="Turku moves towards climate neutrality",
        slug="turku",
        summary="How Turku cuts its emissions.",
        region="Turku",
        body=[{"type": "paragraph", "value": "<p>Turku wants to be climate neutral.</p>"}],
    )
    sync_locale_trees()
    return page


TRANSLATIONS = {
    "lv": {
        "Turku moves towards climate neutrality": "Turku virzās uz klimatneitralitāti",
        "turku": "turku",
        "Turku": "Turku",
        "How Turku cuts its emissions.": "Kā Turku samazina savas emisijas.",
        "Turku wants to be climate neutral.": "Turku vēlas kļūt klimatneitrāla.",
        "Turku wants to be climate neutral by 2029.": (
            "Turku vēlas kļūt klimatneitrāla līdz 2029. gadam."
        ),
    },
    "el": {
        "Turku moves towards climate neutrality": "Το Τούρκου προς την κλιματική ουδετερότητα",
        "turku": "tourkou",
        "Turku": "Τούρκου",
        "How Turku cuts its emissions.": "Πώς το Τούρκου μειώνει τις εκπομπές του.",
        "Turku wants to be climate neutral.": "Το Τούρκου θέλει να γίνει κλιματικά ουδέτερο.",
        "Turku wants to be climate neutral by 2029.": (
            "Το Τούρκου θέλει να γίνει κλιματικά ουδέτερο έως το 2029."
        ),
    },
}


def translate_segments(client, translation):
    """Fill every segment through localize's editing API, as its editor does."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        text = TRANSLATIONS[translation.target_locale.language_code][segment.string.data]
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk)),
            urlencode({"value": text}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content


def publish_translation(client, translation):
    page = translation.get_target_instance()
    with TestCase.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes on commit
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)), {"action": "publish"}
        )
    assert response.status_code == 302, response.content[:500]
    return StoryPage.objects.get(pk=page.pk)


def test_translator_takes_a_story_into_latvian_and_greek(client, translator, story):
    client.force_login(translator)
    lv, el = Locale.objects.get(language_code="lv"), Locale.objects.get(language_code="el")

    submit = reverse("wagtail_localize:submit_page_translation", args=(story.pk,))
    assert client.get(submit).status_code == 200
    response = client.post(submit, {"locales": [lv.pk, el.pk]})
    assert response.status_code == 302

    published = {}
    for locale in (lv, el):
        translation = Translation.objects.get(
            source__object_id=story.translation_key, target_locale=locale
        )
        editor = client.get(
            reverse("wagtailadmin_pages:edit", args=(translation.get_target_instance().pk,))
        )
        assert editor.status_code == 200  # localize's translation editor
        translate_segments(client, translation)
        published[locale.language_code] = publish_translation(client, translation)

    for code, page in published.items():
        assert page.alias_of_id is None and page.live
        assert page.title == TRANSLATIONS[code]["Turku moves towards climate neutrality"]
        response = client.get(page.url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == code
        assert soup.h1.get_text() == page.title
        assert soup.select_one("main").get("lang") is None  # no "not translated" notice
        assert not soup.select(".translation-notice")
        assert TRANSLATIONS[code]["Turku wants to be climate neutral."] in soup.get_text()
        alternates = {link["hreflang"] for link in soup.select('link[rel="alternate"]')}
        assert {"en", "lv", "el", "x-default"} <= alternates
        current = soup.select_one('.ecl-site-header__language-link[aria-current="true"] [lang]')
        assert current["lang"] == code
    assert published["lv"].url == "/lv/stories/turku/"
    assert published["el"].url == "/el/stories/tourkou/"

    # The source changes: the translations are out of date until they are synced.
    client.force_login(translator)
    story.body = [
        {"type": "paragraph", "value": "<p>Turku wants to be climate neutral by 2029.</p>"}
    ]
    story.save_revision().publish()
    report = report_statuses(client, story)
    assert report["lv"] == "Out of date" and report["el"] == "Out of date"
    assert report["de"] == "Not translated yet"

    source = TranslationSource.objects.get(
        object_id=story.translation_key, locale__language_code="en"
    )
    update = reverse("wagtail_localize:update_translations", args=(source.pk,))
    assert client.get(update).status_code == 200
    assert client.post(update, {}).status_code == 302
    for locale in (lv, el):
        translation = Translation.objects.get(source=source, target_locale=locale)
        translate_segments(client, translation)
        page = publish_translation(client, translation)
        text = BeautifulSoup(client.get(page.url).content, "html.parser").get_text()
        assert (
            TRANSLATIONS[locale.language_code]["Turku wants to be climate neutral by 2029."] in text
        )
    report = report_statuses(client, story)
    assert report["lv"] == "Translated" and report["el"] == "Translated"


def report_statuses(client, page):
    """The row of a page in the translation status report's CSV export: language -> status."""
    response = client.get(reverse("translation_status"), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    row = next(row for row in csv.DictReader(io.StringIO(content)) if row["Page"] == page.title)
    codes = {name: code for code, name in settings.LANGUAGES}
    return {codes[heading]: status for heading, status in row.items() if heading in codes}


def test_translators_edit_other_languages_but_not_english(client, translator, site_tree):
    client.force_login(translator)
    english, latvian = site_tree.en.story, site_tree.lv.story
    assert client.get(reverse("wagtailadmin_pages:edit", args=(english.pk,))).status_code == 302
    assert client.get(reverse("wagtailadmin_pages:edit", args=(latvian.pk,))).status_code == 200
    explorer = client.get(reverse("wagtailadmin_explore", args=(site_tree.en.story_index.pk,)))
    assert explorer.status_code == 200
    assert translator.has_perm("wagtail_localize.submit_translation")
    assert not translator.has_perm("signatures.change_signature")


def test_translation_status_report_is_a_matrix_of_every_page_and_language(admin_client, site_tree):
    response = admin_client.get(reverse("translation_status"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    header = [th.get_text(strip=True) for th in soup.select("table.translation-status thead th")]
    assert header[1:] == [code for code, _name in settings.LANGUAGES if code != "en"]
    row = next(
        tr
        for tr in soup.select("table.translation-status tbody tr")
        if tr.th.get_text(strip=True) == site_tree.en.story.title
    )
    cells = dict(zip(header[1:], row.select("td"), strict=True))
    assert "translation-status__cell--translated" in cells["lv"]["class"]
    assert "translation-status__cell--not-translated" in cells["de"]["class"]
    xlsx = admin_client.get(reverse("translation_status"), {"export": "xlsx"})
    assert xlsx.status_code == 200


def test_editors_without_translation_rights_do_not_see_the_report(client, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("translation_status")).status_code == 302


def test_every_locale_has_the_whole_tree(site_tree):
    english = Page.objects.filter(locale__language_code="en", depth__gt=1).count()
    for locale in Locale.objects.exclude(language_code="en"):
        assert Page.objects.filter(locale=locale).count() == english, locale


def submitted(client, page, code):
    locale = Locale.objects.get(language_code=code)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def test_machine_prefill_fills_every_segment(client, translator, story):
    """In tests the dummy translator stands in for DeepL (DEEPL_API_KEY turns DeepL on)."""
    client.force_login(translator)
    translation = submitted(client, story, "de")
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=(translation.pk,)),
        {"next": reverse("wagtailadmin_home")},
    )
    assert response.status_code == 302
    assert translation.get_progress() == (translation.get_progress()[0],) * 2
    assert set(
        translation.source.stringsegment_set.values_list(
            "string__translations__translation_type", flat=True
        )
    ) == {"machine"}


def test_translator_downloads_and_uploads_a_po_file(client, translator, story):
    import polib
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(translator)
    translation = submitted(client, story, "fr")
    response = client.get(reverse("wagtail_localize:download_pofile", args=(translation.pk,)))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    french = {
        "Turku moves towards climate neutrality": "Turku vers la neutralité climatique",
        "How Turku cuts its emissions.": "Comment Turku réduit ses émissions.",
    }
    for entry in po:
        entry.msgstr = french.get(entry.msgid, "")
    upload = SimpleUploadedFile("fr.po", str(po).encode(), content_type="text/x-gettext")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=(translation.pk,)),
        {"file": upload, "next": reverse("wagtailadmin_home")},
    )
    assert response.status_code == 302
    page = publish_translation(client, translation)
    assert page.title == "Turku vers la neutralité climatique"
    assert page.summary == "Comment Turku réduit ses émissions."


def test_a_broken_po_file_is_refused_and_changes_nothing(client, translator, story):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(translator)
    translation = submitted(client, story, "fr")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=(translation.pk,)),
        {"file": SimpleUploadedFile("x.po", b"\xff\xfe not a po file"), "next": "/admin/"},
    )
    assert response.status_code == 302
    assert translation.get_progress()[1] == 0


def test_video_series_snippet_is_translated_with_localize(client, translator, site_tree):
    client.force_login(translator)
    series = site_tree.series
    latvian = Locale.objects.get(language_code="lv")
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=("media_library", "videoseries", series.pk),
        ),
        {"locales": [latvian.pk]},
    )
    assert response.status_code == 302
    assert series.get_translation(latvian).name == series.name  # a draft copy to translate


def test_translator_submits_a_whole_subtree(
    client, translator, site_tree, django_capture_on_commit_callbacks
):
    client.force_login(translator)
    greek = Locale.objects.get(language_code="el")
    index = site_tree.en.story_index
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=(index.pk,)),
            {"locales": [greek.pk], "include_subtree": "on"},
        )
    assert response.status_code == 302
    greek_index = Page.objects.get(translation_key=index.translation_key, locale=greek)
    greek_story = Page.objects.get(translation_key=site_tree.en.story.translation_key, locale=greek)
    assert greek_index.alias_of_id is None and greek_story.alias_of_id is None
    assert Translation.objects.filter(target_locale=greek).count() == 2
    # The index still lists its story (a published translation keeps its children).
    response = client.get(greek_index.url)
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [a.get_text() for a in soup.select(".ecl-content-block__title a")]
    assert titles == [greek_story.title]
