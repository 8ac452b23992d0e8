import copy
import io
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.utils import translation
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, Page, Site

from cms.factories import DocumentFactory, ImageFactory
from cms.i18n.locales import sync_locale_trees
from cms.models import SiteSettings
from demo.factories import MediaFactory
from documents.factories import (
    DocumentIndexPageFactory,
    DocumentLanguageVersionFactory,
    DocumentPageFactory,
)
from home.factories import (
    AlliancePageFactory,
    ContentPageFactory,
    JointCallPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from media_library.factories import VideoIndexPageFactory, VideoPageFactory, VideoSeriesFactory
from podcasts.factories import (
    EpisodePageFactory,
    PodcastIndexPageFactory,
    PodcastShowPageFactory,
)
from signatures.services import forget_calls
from tests.helpers_databases import copy_of_demo, migrated_template


def translate(page, locale, **changes):
    """A published translation of ``page`` (whose parent is translated already)."""
    translation = page.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def home_body(pages):
    """A landing page body with a block of every kind the landing page offers."""

    def latest(heading, index):
        return {
            "type": "latest_pages",
            "value": {"heading": heading, "index_page": pages[index].pk, "count": 3},
        }

    return [
        {"type": "table_of_contents", "value": None},
        {"type": "heading", "value": {"text": "What is the Cohesion Alliance?", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Since 2017 the Alliance has grown.</p>"},
        {
            "type": "joint_call_teaser",
            "value": {
                "heading": "Joint Call",
                "text": "<p>Sign it.</p>",
                "page": pages["joint_call"].pk,
                "show_principles": True,
            },
        },
        latest("Stories", "story_index"),
        latest("Media library", "video_index"),
        latest("Podcasts", "podcast_index"),
        latest("Documents", "document_index"),
    ]


def clear_caches():
    for each in caches.all(initialized_only=True):
        each.clear()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: what an earlier test cached (a count of signatures
    since rolled back, say) must not leak into it."""
    clear_caches()
    forget_calls()
    # And in English, whatever language an earlier test left active in this thread.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    clear_caches()
    forget_calls()


def build_site_tree():
    """One page of every type, in English and in Latvian, as the default site."""

    en_locale = Locale.objects.get_or_create(language_code="en")[0]
    lv_locale = Locale.objects.get_or_create(language_code="lv")[0]
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    root.get_children().delete()
    root.refresh_from_db()
    home = AlliancePageFactory(parent=root, title="Cohesion Alliance", slug="home")
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Test"
    )
    en = {"home": home}
    lv = {"home": translate(home, lv_locale, title="Kohēzijas alianse", slug="sakums")}

    def both(name, factory, parent, lv_title, **fields):
        page = factory(parent=en[parent], **fields)
        en[name] = page
        lv[name] = translate(page, lv_locale, title=lv_title)

    image = ImageFactory(title="A poster")
    both("joint_call", JointCallPageFactory, "home", "Kopīgais aicinājums", show_in_menus=True)
    both("story_index", StoryIndexPageFactory, "home", "Stāsti", show_in_menus=True)
    both(
        "story",
        StoryPageFactory,
        "story_index",
        "Stāsts par Monsu",
        title="A story from Mons",
        hero_image=image,
        region="Mons",
        country="BE",
    )
    both("content", ContentPageFactory, "home", "Privātums", title="Privacy")
    both("video_index", VideoIndexPageFactory, "home", "Mediatēka", show_in_menus=True)
    series = VideoSeriesFactory(name="EU is Cohesion", locale=en_locale)
    both(
        "video",
        VideoPageFactory,
        "video_index",
        "Video par Prāgu",
        title="Prague - Boosting flood prevention",
        series=series,
        poster=image,
        video=MediaFactory(type="video", title="Prague video"),
    )
    both("podcast_index", PodcastIndexPageFactory, "home", "Podkāsti", show_in_menus=True)
    both("show", PodcastShowPageFactory, "podcast_index", "Regio Waves", artwork=image)
    both(
        "episode",
        EpisodePageFactory,
        "show",
        "10. epizode",
        title="Episode 10: Unhitching the coal engine",
        audio=MediaFactory(title="Episode 10 audio"),
        guests=[{"type": "guest", "value": {"name": "Marta Wnuk", "role": "Commission"}}],
    )
    both("document_index", DocumentIndexPageFactory, "home", "Dokumenti", show_in_menus=True)
    both(
        "document",
        DocumentPageFactory,
        "document_index",
        "Kopīgais aicinājums (dokuments)",
        title="Joint Call (document)",
        language_versions=[
            DocumentLanguageVersionFactory.build(
                language="el",
                title="Κοινή έκκληση",
                document=DocumentFactory(title="Joint Call (el)"),
            ),
            DocumentLanguageVersionFactory.build(
                language="en", document=DocumentFactory(title="Joint Call (en)")
            ),
            DocumentLanguageVersionFactory.build(
                language="lv",
                title="Kopīgais aicinājums",
                document=DocumentFactory(title="Joint Call (lv)"),
            ),
        ],
    )
    for page in (en["home"], lv["home"]):
        page.body = home_body(en)
        page.save_revision().publish()
    settings = SiteSettings.for_site(site)
    settings.language_policy_page = en["content"]
    settings.privacy_page = en["content"]
    settings.contact_email = "cohesionalliance@example.eu"
    settings.social_links = [
        {"type": "social_link", "value": {"platform": "x", "url": "https://x.com/EU_CoR"}}
    ]
    settings.save()
    # What Wagtail queued while the site was built (search and reference indexes) is done.
    call_command("db_worker", batch=True, startup_delay=False, interval=0, stdout=io.StringIO())
    # Every other language gets the whole tree, as aliases (what the demo loader does too).
    # Indexing the aliases for search is left undone: no test searches them, and it is slow.
    sync_locale_trees()
    # Each page once, so that its image renditions (AVIF is slow to encode) are made for the
    # whole session rather than again in every test.
    visitor = Client()
    for page in (*en.values(), *lv.values()):
        visitor.get(page.url)
    DBTaskResult.objects.filter(status="READY").delete()
    clear_caches()
    return {
        "en": {name: page.pk for name, page in en.items()},
        "lv": {name: page.pk for name, page in lv.items()},
        "image": image.pk,
        "series": series.pk,
    }


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """The session's database is made as a copy of the migrated template database
    (tests/helpers_databases.py): the migrations are not run again for every session."""
    settings.DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = migrated_template()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the shared site once per test session; each test rolls back its own changes."""
    with django_db_blocker.unblock():
        django_db_setup_tree.update(build_site_tree())
        django_db_setup_tree["fetched"] = fetch_site_tree(django_db_setup_tree)


django_db_setup_tree = {}


@pytest.fixture(scope="session")
def demo_database(django_db_setup, django_db_blocker):
    """Replaces the session's database with a new copy of the demo database (`manage.py
    load_demo` after migrating, as `make run` does; tests/helpers_databases.py) and copies the
    demo's files into the media folder. The shared site is gone then: the tests that use this
    run after all the others (``pytest_collection_modifyitems``)."""

    def fresh_copy():
        with django_db_blocker.unblock():
            connections.close_all()
            copy_of_demo(connection.settings_dict["NAME"], Path(settings.MEDIA_ROOT))

    return fresh_copy


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The tests on the demo database run last (after pytest-django has put the others in its
    order), those that drive a browser after the others: they commit what they do."""

    def place(item):
        if "demo_database" not in item.fixturenames:
            return 0
        return 2 if item.get_closest_marker("browser") else 1

    items.sort(key=place)


@pytest.fixture
def locales(db):
    return SimpleNamespace(
        en=Locale.objects.get(language_code="en"), lv=Locale.objects.get(language_code="lv")
    )


def fetch_site_tree(pks):
    """The objects of the shared site, fetched from the database."""
    from wagtail.images import get_image_model

    from media_library.models import VideoSeries

    def pages(pks):
        found = {page.pk: page for page in Page.objects.filter(pk__in=pks.values()).specific()}
        return SimpleNamespace(**{name: found[pk] for name, pk in pks.items()})

    return SimpleNamespace(
        en=pages(pks["en"]),
        lv=pages(pks["lv"]),
        image=get_image_model().objects.get(pk=pks["image"]),
        series=VideoSeries.objects.get(pk=pks["series"]),
    )


@pytest.fixture
def site_tree(db):
    """Fresh objects of the shared site: ``site_tree.en.story``, ``site_tree.lv.story``…

    Copies of the objects fetched once the site was built: every test starts with the database
    as it was then (each rolls back its changes), and copying is quicker than fetching them again
    (a query for each page type). A fixture that changes the site for a whole module fetches
    them after its changes (``fetch_site_tree``)."""
    return copy.deepcopy(django_db_setup_tree["fetched"])


@pytest.fixture
def translator(django_user_model):
    """A member of the Translators group."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("translator", password="pw")
    user.groups.add(Group.objects.get(name="Translators"))
    return user


@pytest.fixture
def home(site_tree):
    return site_tree.en.home
