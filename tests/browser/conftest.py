"""Browser tests: Debian's Chromium, driven by Playwright, against the site served by a live
server thread, on the demo content (a copy of the demo database: ``demo_database`` in
tests/conftest.py).

What the tests do through the browser is committed (the server thread has its own database
connection). They run after every other test (``pytest_collection_modifyitems`` in
tests/conftest.py), so none of it reaches another test.

Each runs in a test transaction that is rolled back (pytest-django's ``db``), which matters
little: what the tests change goes through the server thread, which commits. The tests only read
in their own thread; what must be committed there runs in a thread of its own.
"""

import datetime
import os
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tests.browser.helpers import AXE, CHROMIUM, DESKTOP, PASSWORD


def pytest_itemcollected(item):
    """Every test here is a browser test, marked as it is collected so that `-m "not browser"`
    (`make test-fast`) leaves it out."""
    if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
        item.add_marker(pytest.mark.browser)
        item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def demo_site(demo_database, django_db_blocker):
    """The demo site (a copy of the demo database), with an officer (a superuser), a translator
    and the members of the roles' groups, committed."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms.i18n.locales import TRANSLATORS
    from home.models import JointCallPage
    from media_library.models import VideoIndexPage, VideoPage

    demo_database()
    with django_db_blocker.unblock():
        # What Wagtail queued while the demo was built (search and reference indexes) is left
        # undone: the tests run the worker for the emails they cause, not for that.
        DBTaskResult.objects.filter(status="READY").delete()
        User = get_user_model()
        officer = User.objects.create_superuser("officer", "officer@example.eu", PASSWORD)
        translator = User.objects.create_user(
            "translator", "translator@example.eu", PASSWORD, first_name="Laura"
        )
        translator.groups.add(Group.objects.get(name=TRANSLATORS))
        # The roles of the documentation, each a member of its group only.
        members = {}
        for username, group in [
            ("officer-in-group", "Officers"),
            ("signature-manager", "Signature managers"),
        ]:
            members[username] = User.objects.create_user(
                username, f"{username}@example.eu", PASSWORD
            )
            members[username].groups.add(Group.objects.get(name=group))
        # A video on a platform, shown behind a consent placeholder (the demo's are files).
        index = VideoIndexPage.objects.get(locale__language_code="en")
        platform_video = index.add_child(
            instance=VideoPage(
                title="The Alliance on a video platform",
                slug="alliance-on-a-platform",
                date=datetime.date(2024, 5, 1),
                video_url="https://www.youtube.com/watch?v=abcdefghijk",
            )
        )
        platform_video.save_revision().publish()
        yield SimpleNamespace(
            officer=officer,
            translator=translator,
            group_officer=members["officer-in-group"],
            signature_manager=members["signature-manager"],
            call=JointCallPage.objects.get(locale__language_code="en"),
            platform_video=VideoPage.objects.get(pk=platform_video.pk),
        )


@pytest.fixture(scope="session")
def site_server(demo_site):
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    yield server
    server.stop()
    # A request thread that was still sending a file when the browser closed may keep its
    # database connection; the test database can only be dropped without it.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(scope="session")
def chromium(site_server):
    """Chromium, closed before the server stops (it may still be loading audio or video)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: `make test-deps` installs Debian's chromium.")
    if not AXE.exists():
        pytest.fail(f"No axe-core at {AXE}: `make test-deps` installs it.")
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the tests are
    # plain synchronous calls all the same. Only while the browser runs: the variable must not
    # reach the subprocesses of other tests (`check --deploy` refuses it).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def new_page(chromium, site_server):
    """Opens pages in fresh browser contexts (a visitor each) that reach the live server only:
    any other address (a video platform, say) is refused, the tests never touch the network."""
    contexts = []
    host = urlsplit(site_server.url).netloc

    def refuse_elsewhere(route):
        if urlsplit(route.request.url).netloc == host:
            route.continue_()
        else:
            route.abort()

    def open_page(locale="en-GB", viewport=DESKTOP, **options):
        context = chromium.new_context(
            base_url=site_server.url,
            locale=locale,
            viewport=viewport,
            bypass_csp=True,  # axe is injected into pages whose policy may refuse scripts
            **options,
        )
        # Generous: publishing or deleting a page in the admin makes or removes its copies in
        # 24 languages, which takes seconds on a busy two-core machine. Passing tests wait no
        # longer for it.
        context.set_default_timeout(45_000)
        context.route("**/*", refuse_elsewhere)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
