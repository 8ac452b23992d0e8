"""`make run` (``cms.settings.dev``, SQLite, `manage.py runserver`): requests that once ended in a
500 there. The requests go to the handler runserver builds, in a subprocess with the dev settings
and an SQLite file of its own (tests/cms/dev_server_probe.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PROBE = Path(__file__).with_name("dev_server_probe.py")
pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def dev_answers(tmp_path_factory):
    urls = [
        "/en/search/?query=%22",
        "/en/search/?query=%22cohesion",
        "/en/search/?query=cohesion",
        "/en/search/?query=%22cohesion%22",
        "/static/../cms/settings/base.py",
        "/static/%2e%2e/cms/settings/base.py",
        "/static/css/site.css",
        "/media/../cms/settings/base.py",
    ]
    database = tmp_path_factory.mktemp("dev") / "db.sqlite3"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(database.parent / "media"),
    }
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            f"import runpy; runpy.run_path({str(PROBE)!r})",
        ],
        input=json.dumps(urls),
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_search_with_a_double_quote_is_a_page_of_results(dev_answers):
    answer = dev_answers["/en/search/?query=%22"]
    assert answer["status"] == 200, answer["body"][-2000:]
    assert "0 results" in answer["body"]
    assert "No page matches your search" in answer["body"]


def test_searching_still_finds_pages_quoted_or_not(dev_answers):
    for query in ("cohesion", "%22cohesion%22", "%22cohesion"):
        answer = dev_answers[f"/en/search/?query={query}"]
        assert answer["status"] == 200
        assert "Cohesion policy for every region" in answer["body"]


def test_a_path_out_of_the_static_or_media_folders_is_a_client_error(dev_answers):
    for url in (
        "/static/../cms/settings/base.py",
        "/static/%2e%2e/cms/settings/base.py",
        "/media/../cms/settings/base.py",
    ):
        answer = dev_answers[url]
        assert 400 <= answer["status"] < 500, (url, answer["body"][-2000:])
        assert 'env.db("DATABASE_URL"' not in answer["body"]  # a line of the file
    # Static files are still served.
    assert dev_answers["/static/css/site.css"]["status"] == 200
