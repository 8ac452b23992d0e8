"""The production stack on 127.0.0.1: two gunicorn app servers sharing PostgreSQL and Redis,
the task worker, and Varnish in front with the site's rules (deploy/varnish/cache.vcl).

An editor publishes on one app server; the next request through Varnish, and to the other app
server directly, shows the change; once the worker has warmed the caches again, the next visitor
gets the new page from Varnish (a hit) without waiting for a render."""

import os
import re
import shutil
import tempfile
import uuid

import pytest
import redis
import requests
from django.contrib.auth import get_user_model
from django.db import connection
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, Page, Site

from home.factories import AlliancePageFactory, StoryIndexPageFactory, StoryPageFactory
from tests.servers import PYTHON, free_port, running, varnish

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.stack]

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def tree(transactional_db):
    """A landing page with a story index and a story, committed for the other processes."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=english)
    )
    home = AlliancePageFactory(parent=root, slug="scale-out-home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    stories = StoryIndexPageFactory(parent=home, title="Stories", show_in_menus=True)
    story = StoryPageFactory(parent=stories, title="Cohesion in Latgale")
    get_user_model().objects.create_superuser("editor", "editor@example.eu", "a long passphrase")
    return story


@pytest.fixture
def shared_environment():
    """What the app servers and the worker share: database, Redis cache, media directory."""
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.fail(f"Redis is not running at {REDIS_URL} (.ci/run starts it)")
    database = connection.settings_dict
    media = tempfile.mkdtemp(prefix="scale-out-media-")
    yield {
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "TEST_SHARED_REDIS_URL": REDIS_URL,
        "TEST_SHARED_CACHE_PREFIX": f"scale-out-{uuid.uuid4().hex}",
        "TEST_MEDIA_ROOT": media,
    }
    shutil.rmtree(media, ignore_errors=True)


def app_server(port, environment):
    command = [str(PYTHON), "-m", "gunicorn", "cms.wsgi", "-c", "gunicorn.conf.py"]
    return running(
        command,
        ready_url=f"http://127.0.0.1:{port}/healthz",
        env={**environment, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1"},
    )


def title_of(response):
    assert response.status_code == 200, response.status_code
    return re.search(r"<h1[^>]*>\s*(.*?)\s*</h1>", response.text, re.S).group(1)


def test_a_publication_on_one_app_server_purges_for_both(tree, shared_environment):
    story = tree
    port_a, port_b = free_port(), free_port()
    with varnish([port_a, port_b]) as cache:
        environment = {**shared_environment, "FRONTEND_CACHE_URLS": cache}
        worker = [str(PYTHON), "manage.py", "task_worker", "--interval", "0.2"]
        # What building the tree queued is not this test's business.
        DBTaskResult.objects.all().delete()
        with (
            app_server(port_a, environment),
            app_server(port_b, environment),
            running(worker, env=environment),
        ):
            visitor = requests.Session()
            # The site's own address, as visitors ask for it (Varnish keeps a copy per host).
            visitor.headers["Host"] = "localhost"
            story_url = cache + story.url
            index_url = cache + story.get_parent().url

            first = visitor.get(story_url)
            assert first.headers["X-Cache"] == "MISS"
            assert "public" in first.headers["Cache-Control"]
            again = visitor.get(story_url)
            assert again.headers["X-Cache"] == "HIT", (first.headers, again.headers)
            assert title_of(again) == "Cohesion in Latgale"
            assert "Cohesion in Latgale" in visitor.get(index_url).text
            assert visitor.get(index_url).headers["X-Cache"] == "HIT"

            # A draft saved here, published by an editor through app server A's admin.
            story.title = "Cohesion in Latgale and Vidzeme"
            story.save_revision()
            editor = requests.Session()
            admin_a = f"http://127.0.0.1:{port_a}/admin/"
            editor.get(admin_a + "login/")
            login = editor.post(
                admin_a + "login/",
                data={
                    "username": "editor",
                    "password": "a long passphrase",
                    "csrfmiddlewaretoken": editor.cookies["csrftoken"],
                },
            )
            assert login.url.rstrip("/") == admin_a.rstrip("/"), login.url
            explorer = admin_a + f"pages/{story.get_parent().pk}/"
            publish_url = admin_a + f"bulk/wagtailcore/page/publish/?id={story.pk}&next={explorer}"
            published = editor.post(
                publish_url,
                data={"csrfmiddlewaretoken": editor.cookies["csrftoken"]},
                allow_redirects=False,
            )
            assert published.status_code == 302, published.text[:2000]
            assert published.headers["Location"] == explorer

            # Both app servers and the cache show it (the purge comes from the worker).
            direct_b = f"http://127.0.0.1:{port_b}{story.url}"
            assert title_of(requests.get(direct_b)) == "Cohesion in Latgale and Vidzeme"
            wait_until_changed(visitor, story_url, "Cohesion in Latgale and Vidzeme")
            assert "Cohesion in Latgale and Vidzeme" in visitor.get(index_url).text

            # Published again: once the worker has purged and warmed, visitors get hits.
            story.title = "Cohesion in Latgale, Vidzeme and Zemgale"
            story.save_revision()
            published = editor.post(
                publish_url,
                data={"csrfmiddlewaretoken": editor.cookies["csrftoken"]},
                allow_redirects=False,
            )
            assert published.status_code == 302, published.text[:2000]
            wait_for_the_worker()
            for url in (story_url, index_url):
                warm = visitor.get(url)
                assert warm.headers["X-Cache"] == "HIT", (url, warm.headers)
                assert "Cohesion in Latgale, Vidzeme and Zemgale" in warm.text

            # A signed-in editor never gets, nor leaves, a shared copy.
            wait_for_the_worker()
            visitor.get(story_url)
            assert visitor.get(story_url).headers["X-Cache"] == "HIT"
            through_cache = editor.get(story_url)
            assert "private" in through_cache.headers["Cache-Control"]
            assert visitor.get(story_url).headers["X-Cache"] == "HIT"


def wait_for_the_worker(seconds=30):
    import time

    deadline = time.monotonic() + seconds
    while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
        assert time.monotonic() < deadline, "The task worker is stuck"
        time.sleep(0.1)


def wait_until_changed(session, url, text, seconds=20):
    """The purge is sent by the task worker right after the publication is committed."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        response = session.get(url)
        if text in response.text:
            return response
        time.sleep(0.1)
    raise AssertionError(f"{url} still shows the old page after {seconds} s")
