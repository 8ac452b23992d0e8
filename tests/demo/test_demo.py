"""`manage.py load_demo`: the seed's site in English and Latvian, twice without duplicates."""

import html
import io
import re
from collections import Counter
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from django.utils import translation
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.tasks import update_reference_index_task
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtailmedia.models import get_media_model

from cms.archives import build_download_archive
from demo.loader import DemoLoader
from documents.models import DocumentLanguageVersion, DocumentPage
from home.models import AlliancePage, JointCallPage
from media_library.models import VideoPage
from podcasts.models import EpisodePage
from tests.signatures.signing import run_worker

# The demo database is made by `manage.py` processes.
pytestmark = [pytest.mark.django_db, pytest.mark.stack]


def counts():
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "media": get_media_model().objects.count(),
        "versions": DocumentLanguageVersion.objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "sites": Site.objects.count(),
    }


def load_demo():
    """Run the loader as `manage.py load_demo` does; return it to look at its texts."""
    loader = DemoLoader(io.StringIO())
    # wagtail-localize publishes translations when the transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True), transaction.atomic():
        loader.run()
    return loader


@pytest.fixture(scope="module")
def demo(demo_database, django_db_blocker):
    """The demo loaded into a new site, as `make run` does after migrating (a copy of the demo
    database, which `manage.py load_demo` made: tests/helpers_databases.py). The loader that
    names the Latvian texts is run again, in a transaction that is rolled back."""
    demo_database()
    with django_db_blocker.unblock(), transaction.atomic():
        loaded = SimpleNamespace(
            english=Locale.objects.get(language_code="en"),
            latvian=Locale.objects.get(language_code="lv"),
            loader=load_demo(),
        )
        transaction.set_rollback(True)
    return loaded


def test_demo_has_everything_the_seed_names(demo):
    english = demo.english
    assert VideoPage.objects.filter(locale=english).count() == 19
    assert EpisodePage.objects.filter(locale=english).count() == 13
    assert DocumentPage.objects.filter(locale=english).count() == 6
    call = JointCallPage.objects.get(locale=english)
    assert call.call_settings.signatory_baseline == 12000
    assert len(list(call.body)[0].value["principles"]) == 8
    declaration = DocumentPage.objects.get(locale=english, slug="declaration-2020")
    assert declaration.language_versions.count() == 22
    sizes = {version.document.get_file_size() for version in declaration.language_versions.all()}
    assert all(size > 1000 for size in sizes)
    episodes = EpisodePage.objects.filter(locale=english).select_related("audio")
    assert all(episode.audio.file.size > 10_000 for episode in episodes)


def test_demo_latvian_is_a_wagtail_localize_translation(demo):
    english, latvian = demo.english, demo.latvian
    english_pages = Page.objects.filter(locale=english, depth__gt=1)
    assert Page.objects.filter(locale=latvian).count() == english_pages.count()
    home = AlliancePage.objects.get(locale=latvian)
    assert home.title == "Kohēzijas alianse"
    for page in english_pages:
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=latvian
        )
        # Translated, but for what the Latvian page keeps in English (the seed's video and
        # episode titles, names): left untranslated, so that it is marked as English.
        untranslated = (
            StringSegment.objects.filter(source=translation.source)
            .annotate_translation(latvian)
            .filter(translation__isnull=True)
            .select_related("string")
        )
        kept = {segment.string.data for segment in untranslated}
        assert all(demo.loader.latvian[text] == text for text in kept), (page, kept)
        total, translated = translation.get_progress()
        assert translated == total - untranslated.count(), page


def test_demo_loader_runs_again_without_duplicating_anything(demo):
    before = counts()
    load_demo()
    assert counts() == before


def test_every_demo_page_answers_in_english_and_latvian(demo, client):
    for page in Page.objects.filter(
        depth__gt=1, locale__in=[demo.english, demo.latvian]
    ).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        language = page.locale.language_code
        assert f'<html lang="{language}"'.encode() in response.content, page.url


def test_latvian_pages_show_no_english_text_that_has_a_latvian_translation(demo, client):
    english_texts = {
        html.unescape(english)
        for english, latvian in demo.loader.latvian.items()
        if english != latvian and " " in english
    }
    for page in Page.objects.filter(locale=demo.latvian).specific():
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        shown = {text.strip() for text in soup.find_all(string=True)}
        shown |= {tag["alt"] for tag in soup.find_all(alt=True)}
        shown |= {tag["content"] for tag in soup.find_all("meta", content=True)}
        assert not english_texts & shown, (page.url, english_texts & shown)


def test_management_command_reports_what_it_did(demo):
    output = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", stdout=output)
    assert "0 objects created" in output.getvalue()
    assert "Admin login: admin (password unchanged)" in output.getvalue()


def test_every_other_language_has_the_whole_demo_tree(demo):
    english = Page.objects.filter(locale=demo.english, depth__gt=1).count()
    sections = Page.objects.filter(locale=demo.english, depth=3).count()
    for locale in Locale.objects.exclude(pk__in=[demo.english.pk, demo.latvian.pk]):
        assert Page.objects.filter(locale=locale, depth__gt=1).count() == english, locale
        # The section pages are translated; the pages under them are aliases of the English.
        aliases = Page.objects.filter(locale=locale, alias_of__isnull=False)
        assert aliases.count() == english - sections, locale


# Titles that are the same word in English and in the language: written for the language all
# the same (the test below checks that each is the demo's text in that language).
SAME_WORD = {
    ("da", "Podcasts"),
    ("de", "Podcasts"),
    ("fr", "Podcasts"),
    ("mt", "Podcasts"),
    ("nl", "Podcasts"),
    ("pt", "Podcasts"),
    ("fr", "Documents"),
    ("fr", "Contact"),
    ("nl", "Contact"),
    ("ro", "Contact"),
}


def test_every_section_page_has_a_native_title_in_every_language(demo):
    """The Joint Call, the stories, the toolkit, the media library, the podcasts, the
    documents, contact, privacy, accessibility and "find out why" (the landing page's children)
    are published wagtail-localize translations in each of the 24 languages, whose title and
    address are the demo's for that language: never the English title, but where the word is
    the same in that language (SAME_WORD)."""
    sections = Page.objects.filter(locale=demo.english, depth=3)
    assert sections.count() == 10
    for locale in Locale.objects.exclude(pk=demo.english.pk):
        code = locale.language_code
        texts = demo.loader.translations[code]
        for section in sections:
            page = section.get_translation(locale)
            assert page.alias_of_id is None and page.live, (code, section.title)
            assert Translation.objects.filter(
                source__object_id=section.translation_key, target_locale=locale
            ).exists()
            assert page.title == html.unescape(texts[section.title]), (code, page.title)
            assert page.slug == texts[section.slug], (code, page.slug)
            assert page.title != section.title or (code, page.title) in SAME_WORD, (code, page)
    assert len(Locale.objects.all()) == 24


def test_the_german_menu_and_footer_are_german(demo, client):
    german = Locale.objects.get(language_code="de")
    soup = BeautifulSoup(client.get("/de/").content, "html.parser")
    for page in Page.objects.filter(locale=german, depth=3, show_in_menus=True).live():
        links = [
            a.get_text(strip=True)
            for nav in soup.find_all("nav")
            for a in nav.find_all("a", href=page.url)
        ]
        assert page.title in links, (page.title, links)
    footer = soup.find("footer")
    for slug in ("kontakt", "datenschutz", "barrierefreiheit"):
        page = Page.objects.get(locale=german, depth=3, slug=slug)
        links = [a.get_text(strip=True) for a in footer.find_all("a", href=page.url)]
        assert page.title in links, (page.title, links)
    assert {"Gemeinsamer Aufruf", "Datenschutzerklärung", "Erklärung zur Barrierefreiheit"} <= {
        a.get_text(strip=True) for a in soup.find_all("a")
    }


def test_a_translated_section_marks_what_is_still_english(demo, client):
    """The German Joint Call: its header in German, its principles (not translated yet) in
    English, marked as such."""
    call = JointCallPage.objects.get(locale__language_code="de")
    soup = BeautifulSoup(client.get(call.url).content, "html.parser")
    assert soup.html["lang"] == "de" and soup.main.get("lang") in (None, "de")
    assert soup.h1.get_text(strip=True) == "Gemeinsamer Aufruf"
    assert "Eine erneuerte Kohäsionspolitik nach 2027" in soup.main.get_text()
    principles = soup.main.find(string="Our principles")
    assert principles.find_parent(attrs={"lang": "en"}) is not None


def test_every_demo_video_plays_with_its_captions(demo, client):
    """Every video has an uploaded recording (its own, or the clip the others share) with
    captions in English and Latvian, which its page plays in a <video>."""
    videos = VideoPage.objects.filter(locale__in=[demo.english, demo.latvian]).select_related(
        "video"
    )
    assert videos.count() == 38
    recordings = Counter(video.video_id for video in videos)
    assert len(recordings) == 2
    clip = recordings.most_common(1)[0][0]
    for video in videos:
        assert video.video.type == "video" and video.video.duration > 0
        assert video.video.file.size > 10_000
        soup = BeautifulSoup(client.get(video.url).content, "html.parser")
        player = soup.select_one("main video")
        assert player.select_one("source")["src"] == video.video.url, video.url
        tracks = {track["srclang"]: track["src"] for track in player.select("track[kind=captions]")}
        assert set(tracks) == {"en", "lv"}, video.url
        response = client.get(tracks[video.locale.language_code])
        captions = b"".join(response.streaming_content).decode()
        assert captions.startswith("WEBVTT"), video.url
        assert re.search(r"\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}\n\S", captions)
        if video.video_id == clip:  # the clip's captions give the video's title
            assert video.title in html.unescape(re.sub(r"</?lang[^>]*>", "", captions))


def test_demo_podcast_feeds_are_real_shows(demo, client):
    import feedparser

    from podcasts.models import PodcastShowPage

    for show in PodcastShowPage.objects.filter(locale=demo.english):
        parsed = feedparser.parse(client.get(show.feed_url).content)
        assert not parsed.bozo and parsed.entries, show
        for entry in parsed.entries:
            [enclosure] = entry.enclosures
            path = enclosure.href.removeprefix("http://testserver")
            whole = b"".join(client.get(path).streaming_content)
            assert int(enclosure.length) == len(whole) > 10_000
            seek = client.get(path, HTTP_RANGE="bytes=1000-1999")
            assert seek.status_code == 206 and b"".join(seek.streaming_content) == whole[1000:2000]


def test_every_demo_document_downloads_in_each_language_with_its_size(demo, client):
    from django.template.defaultfilters import filesizeformat

    for page in DocumentPage.objects.filter(locale=demo.latvian):
        html = client.get(page.url).content.decode()
        for version in page.language_versions.select_related("document"):
            response = client.get(version.document.url)
            size = int(response["Content-Length"])
            assert response.status_code == 200 and size == version.document.file.size
            assert response["Content-Type"] == "application/pdf"
            with translation.override("lv"):
                shown = filesizeformat(size).replace("\xa0", " ")
            assert f"({shown} – PDF)" in html.replace("\xa0", " ")


def test_loading_the_demo_queues_no_index_updates_and_leaves_nothing_to_fail(demo):
    """The loader updates the search and reference indexes itself, once, at the end, for what
    still exists; it queues one purge of the HTTP cache, the ZIP of the branding toolkit's
    downloads in each language it is published in, and the few other tasks succeed."""
    loaded = DBTaskResult.objects.all()
    paths = list(loaded.values_list("task_path", flat=True))
    assert not {
        task.module_path for task in (insert_or_update_object_task, update_reference_index_task)
    } & set(paths), paths
    archives = [path for path in paths if path == build_download_archive.module_path]
    assert Locale.objects.count() <= len(archives) <= Locale.objects.count() + 2
    assert len(paths) - len(archives) < 10, paths

    run_worker()

    assert not loaded.exclude(status=TaskResultStatus.SUCCESSFUL).exists(), list(
        loaded.exclude(status=TaskResultStatus.SUCCESSFUL).values_list("task_path", "traceback")
    )
    # What the queued updates would have done is done: pages are found, references known.
    call = JointCallPage.objects.get(locale=demo.english)
    assert call.pk in [page.pk for page in Page.objects.live().search(call.title)]
    assert ReferenceIndex.get_references_to(call).exists()


@pytest.mark.parametrize("language", ["en", "lv"])
def test_demo_landing_page_is_as_rich_as_the_seed(demo, client, language):
    """The seed's landing page, top to bottom: the introduction and "More about the Alliance",
    the table of contents, what the Alliance is, the Joint Call (its 8 numbered principles, its
    count, Sign the call and Read the full text), the stories, the branding toolkit, the media
    library with a featured video, the podcasts with a featured episode and its summary, and
    every document with its language versions."""
    home = AlliancePage.objects.get(locale__language_code=language)
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    main = soup.main
    alliance = demo.loader.content["alliance"]

    def text(t):
        return getattr(t, language)

    more = main.select_one(".link-block a")
    assert more.get_text(strip=True) == text(alliance["more_link"])
    assert main.select_one(more["href"]).get_text(strip=True) == text(alliance["story_heading"])
    contents = [a.get_text(strip=True) for a in main.select(".ecl-inpage-navigation__link")]
    assert contents[0] == text(alliance["story_heading"])
    assert len(contents) >= 7

    teaser = main.select_one(".joint-call-teaser")
    numbers = [n.get_text(strip=True) for n in teaser.select(".principles__number")]
    assert numbers == [f"{n}." for n in range(1, 9)]
    assert teaser.select_one(".signatory-count .ecl-fact-figures__value")
    call = JointCallPage.objects.get(locale__language_code=language)
    actions = [a["href"] for a in teaser.select(".actions a")]
    assert actions == [f"{call.url}#sign", f"{call.url}#full-text"]

    sections = {section.h2.get_text(strip=True): section for section in main.select(".latest")}
    videos = sections[text(alliance["videos_heading"])]
    featured = videos.select_one(".latest__featured")
    assert featured.select_one(".video__player")
    assert featured.select_one(".ecl-content-block__title a")
    podcasts = sections[text(alliance["podcasts_heading"])]
    episode = podcasts.select_one(".latest__featured")
    assert episode.select_one("audio") and episode.select_one(".ecl-content-block__description")
    for section in (videos, podcasts):
        assert section.select(".content-list .ecl-content-item")
        assert section.select_one(".latest__more a")
    toolkit = [h.get_text(strip=True) for h in main.select(".call-to-action h2")]
    assert text(alliance["toolkit_heading"]) in toolkit


@pytest.mark.parametrize("language", ["en", "lv"])
def test_demo_landing_page_lists_the_documents_with_their_versions(demo, client, language):
    home = AlliancePage.objects.get(locale__language_code=language)
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    files = soup.main.select(".latest .ecl-file[data-ecl-file]")
    documents = DocumentPage.objects.filter(locale__language_code=language).order_by("-date")
    assert [file.select_one(".ecl-file__title a")["href"] for file in files] == [
        document.url for document in documents
    ]
    for file, document in zip(files, documents, strict=True):
        versions = file.select(
            ".ecl-file__translation-item:not(.ecl-file__translation-description)"
        )
        assert len(versions) == document.language_versions.count()
        links = {item.select_one(".ecl-file__translation-download")["href"] for item in versions}
        assert links == {version.document.url for version in document.language_versions.all()}
        assert file.select_one(".ecl-file__translation-description a")


def test_demo_joint_call_has_its_full_text_on_its_page(demo, client):
    for call in JointCallPage.objects.filter(locale__in=[demo.english, demo.latvian]):
        soup = BeautifulSoup(client.get(call.url).content, "html.parser")
        full_text = soup.select_one("#full-text")
        assert len(full_text.select(".ecl-accordion__content ol li")) == 8
        assert soup.select_one('a[href="#full-text"]')


def test_demo_latvian_pages_mark_the_english_titles_english(demo, client):
    """The seed keeps video and episode titles in English on the Latvian page: they are marked
    lang="en" wherever they are shown; translated titles are not marked."""
    home = AlliancePage.objects.get(locale=demo.latvian)
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    titles = {
        a.get_text(strip=True): a.get("lang")
        for a in soup.main.select(".latest .ecl-content-block__title a")
    }
    for video in VideoPage.objects.filter(locale=demo.latvian):
        if video.title in titles:
            assert titles[video.title] == "en", video.title
    for episode in EpisodePage.objects.filter(locale=demo.latvian):
        if episode.title in titles:
            assert titles[episode.title] == "en", episode.title
    from home.models import StoryPage

    stories = [story.title for story in StoryPage.objects.filter(locale=demo.latvian)]
    assert stories and all(titles[title] is None for title in stories if title in titles)
    video = VideoPage.objects.filter(locale=demo.latvian).first()
    page = BeautifulSoup(client.get(video.url).content, "html.parser")
    assert page.h1["lang"] == "en"
