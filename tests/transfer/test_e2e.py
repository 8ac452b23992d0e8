"""End to end: two real instances, each a server process with its own PostgreSQL database and
media folder, on 127.0.0.1. Staging has the demo content; production is new (migrated, nothing
else). An officer logs in to production's admin and imports, through the real HTTP API, the
Joint Call and the Joint Call document (every language version); then again after an edit on
staging; and with a wrong secret.

Staging's WAGTAILADMIN_BASE_URL is left at the test settings' http://testserver, an address
production cannot reach: its files must come by the address production knows staging at.

Staging is a copy of the demo database and its files, production a copy of the migrated
database (tests/helpers_databases.py): made in seconds once those are built.
"""

import json
import os
import re
import socket
import subprocess
import sys
import time
from html import unescape
from pathlib import Path

import pytest
import requests
from django.conf import settings

from tests.helpers_databases import (
    base_name,
    copy_of_demo,
    copy_of_migrated,
    drop_database,
    server_url,
)

ROOT = Path(__file__).resolve().parents[2]
STAGING_SECRET = "staging-secret-e2e"
PASSWORD = "officer-password"
JOINT_CALL = "/home/joint-call/"
DOCUMENT = "/home/documents/joint-call-2024/"


def instance_env(database, media_root, **extra):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=server_url(database),
        TEST_MEDIA_ROOT=str(media_root),
        PYTHONPATH=str(ROOT),
        **extra,
    )
    return env


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def shell(env, code):
    output = manage(env, "shell", "-c", code)
    return json.loads(output.strip().splitlines()[-1])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Instance:
    def __init__(self, name, database, media_root, **env):
        self.name = name
        self.database = database
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = instance_env(database, media_root, **env)
        self.log = open(media_root.parent / f"{name}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"{self.name} stopped: see {self.log.name}"
            try:
                requests.get(f"{self.url}/admin/login/", timeout=2)
                return
            except requests.ConnectionError:
                time.sleep(0.3)
        raise AssertionError(f"{self.name} did not start")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def dump(self):
        return shell(self.env, "from tests.transfer.e2e_instance import dump; dump()")


@pytest.fixture(scope="module")
def instances(tmp_path_factory):
    run = f"{base_name()}_e2e_{os.getpid()}"
    tmp = tmp_path_factory.mktemp("transfer-e2e")
    staging_media, production_media = tmp / "staging-media", tmp / "production-media"
    production_media.mkdir()
    copy_of_demo(f"{run}_staging", staging_media)
    copy_of_migrated(f"{run}_production")
    staging = Instance(
        "staging", f"{run}_staging", staging_media, WAGTAILTRANSFER_SECRET_KEY=STAGING_SECRET
    )
    sources = {
        "staging": {"BASE_URL": f"{staging.url}/wagtail-transfer/", "SECRET_KEY": STAGING_SECRET},
        "staging_wrong_secret": {
            "BASE_URL": f"{staging.url}/wagtail-transfer/",
            "SECRET_KEY": "not-the-secret",
        },
    }
    production_env = {
        "WAGTAILTRANSFER_SECRET_KEY": "production-secret-e2e",
        "WAGTAILTRANSFER_SOURCES": json.dumps(sources),
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }
    production = Instance("production", f"{run}_production", production_media, **production_env)
    try:
        manage(production.env, "createsuperuser", "--noinput", "--username", "officer",
               "--email", "officer@example.eu")  # fmt: skip
        staging.wait()
        production.wait()
        yield staging, production
    finally:
        staging.stop()
        production.stop()
        drop_database(f"{run}_staging")
        drop_database(f"{run}_production")


def officer_session(production):
    session = requests.Session()
    login = session.get(f"{production.url}/admin/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    response = session.post(
        f"{production.url}/admin/login/",
        {"username": "officer", "password": PASSWORD, "csrfmiddlewaretoken": token},
        timeout=30,
    )
    assert response.status_code == 200 and "/admin/login/" not in response.url
    return session


def import_through_admin(session, production, source, page_id):
    response = session.post(
        f"{production.url}/admin/wagtail-transfer/import/",
        {
            "source": source,
            "source_page_id": page_id,
            "dest_page_id": "",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        timeout=120,
    )
    assert response.status_code == 200, response.text[-2000:]
    return admin_messages(response.text)


def admin_messages(html):
    """The text of the messages the admin shows on a page."""
    found = re.findall(r'<li class="(success|error|warning)[^"]*"[^>]*>(.*?)</li>', html, re.S)
    return " ".join(
        f"[{level}] " + unescape(re.sub(r"<[^>]+>", " ", text)).strip() for level, text in found
    )


def same_pages(staging_dump, production_dump, keys):
    for key in keys:
        staging_page = {k: v for k, v in staging_dump["pages"][key].items() if k != "pk"}
        production_page = {k: v for k, v in production_dump["pages"][key].items() if k != "pk"}
        if staging_page["type"] == "home.alliancepage":
            # Created as the place of what was imported; its own content is not transferred.
            staging_page.pop("body", None), production_page.pop("body", None)
        assert production_page == staging_page, key


@pytest.mark.stack
def test_staging_to_production(instances):
    staging, production = instances
    staging_before = staging.dump()
    production_empty = production.dump()
    ids = shell(
        staging.env,
        f"from tests.transfer.e2e_instance import ids; ids({JOINT_CALL!r}, {DOCUMENT!r})",
    )
    session = officer_session(production)

    # A wrong secret is refused, with a message, and production does not change.
    message = import_through_admin(session, production, "staging_wrong_secret", ids[JOINT_CALL])
    assert "[error] Nothing was imported" in message, message
    assert "is not its WAGTAILTRANSFER_SECRET_KEY" in message
    assert production.dump() == production_empty

    # The Joint Call document, then the Joint Call (whose full text links to the document), each
    # in the languages it has on staging: the document in English and Latvian, the Joint Call (a
    # section page, which the demo translates) in all 24.
    every_language = ", ".join(sorted(code for code, _name in settings.LANGUAGES))
    for page, languages in ((DOCUMENT, "en, lv"), (JOINT_CALL, every_language)):
        message = import_through_admin(session, production, "staging", ids[page])
        assert f"imported from staging in {languages}:" in message, message
    first = production.dump()

    staging_keys = {
        (state["translation_key"], state["locale"]): key
        for key, state in staging_before["pages"].items()
    }
    production_pages = {
        (state["translation_key"], state["locale"]): key
        for key, state in first["pages"].items()
        if state["type"] != "wagtailcore.page"
    }
    assert len(production_pages) == 6 + 24  # home, documents, document; the Joint Call
    assert set(production_pages) <= set(staging_keys)
    assert {staging_keys[key] for key in production_pages} == set(production_pages.values())
    same_pages(staging_before, first, production_pages.values())
    languages = {state["locale"] for state in first["pages"].values()}
    assert languages == {code for code, _name in settings.LANGUAGES}
    # Production's site is the new home page, with the contact details and links of staging's
    # settings (the privacy page, not transferred, is left empty).
    staging_settings = staging_before["site_settings"]
    assert first["site_settings"] == {**staging_settings, "privacy_page": None}
    assert first["site_settings"]["contact_email"]
    # Every other language (22) has the three other pages as aliases of the English ones.
    assert first["aliases"] == 22 * 3
    # The document's three… language versions, with the files' very bytes.
    document_versions = [
        state["language_versions"]
        for state in first["pages"].values()
        if state["type"] == "documents.documentpage"
    ]
    assert len(document_versions) == 2 and all(len(v) >= 2 for v in document_versions)

    # Edited on staging, imported again: updated in place, nothing duplicated.
    shell(staging.env, "from tests.transfer.e2e_instance import edit_joint_call; edit_joint_call()")
    staging_after = staging.dump()
    message = import_through_admin(session, production, "staging", ids[JOINT_CALL])
    assert "0 page(s) created" in message, message
    second = production.dump()
    assert second["count"] == first["count"]
    for key in production_pages.values():
        assert second["pages"][key]["pk"] == first["pages"][key]["pk"]
    same_pages(staging_after, second, production_pages.values())
    titles = {
        second["pages"][key]["title"]
        for key in production_pages.values()
        if second["pages"][key]["type"] == "home.jointcallpage"
    }
    assert titles and all(title.endswith("(2027)") for title in titles)

    # Wrong secret again, after the imports: nothing changes.
    message = import_through_admin(session, production, "staging_wrong_secret", ids[DOCUMENT])
    assert "[error] Nothing was imported" in message, message
    assert production.dump() == second
