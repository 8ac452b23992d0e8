"""Helpers for the sign-the-call tests: the form as a visitor fills it, the worker, the links."""

import io
import re
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.utils import translation

VALID = {
    "kind": "individual",
    "name": "Jane Doe",
    "organisation": "",
    "position": "",
    "country": "LV",
    "email": "jane.doe@example.eu",
    "consent": "on",
}


def sign(client, page, ip="192.0.2.10", **changes):
    """Submit the form of ``page`` as a visitor of its language does, from the page itself."""
    data = {**VALID, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    with translation.override(page.locale.language_code):
        url = page.submit_url
    return client.post(url, data, REMOTE_ADDR=ip, HTTP_SEC_FETCH_SITE="same-origin")


def run_worker():
    """Run every task that is due with `manage.py db_worker --batch`, then stop.

    The worker closes stale database connections between tasks; inside a test that would close
    the test's own transaction, so that one call is disabled here."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, startup_delay=False, interval=0, stdout=io.StringIO())


def link_path(message, action):
    """The path of a link of an email: /lv/kopigais-aicinajums/confirm/<token>/."""
    for url in re.findall(r"https?://[^/\s]+(/\S+/)", message.body):
        if f"/{action}/" in url:
            return url
    raise AssertionError(f"No {action} link in {message.body}")


def last_email_to(address):
    found = [message for message in mail.outbox if address in message.to]
    assert found, f"No email to {address}: {[m.to for m in mail.outbox]}"
    return found[-1]
