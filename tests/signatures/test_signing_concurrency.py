"""On PostgreSQL, with real transactions: concurrent submissions and confirmations lose nothing
and double nothing."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, Page, Site

from home.factories import AlliancePageFactory, JointCallPageFactory
from home.models import JointCallPage
from signatures.models import Signature
from signatures.tokens import make_token
from tests.signatures.signing import run_worker, sign

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def call_page(transactional_db):
    """A landing page and its Joint Call, committed (earlier transactional tests may have
    emptied the database, root page included)."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=english)
    )
    home = AlliancePageFactory(parent=root, slug="concurrency-home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return JointCallPageFactory(parent=home, call_settings={"signatory_baseline": 12000})


def run_concurrently(function, arguments, workers):
    def call(argument):
        try:
            return function(argument)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(call, arguments))


def test_50_concurrent_submissions_of_one_address_make_one_signature(call_page):
    barrier = threading.Barrier(50)

    def submit(n):
        barrier.wait()
        address = "Jane.Doe@Example.eu" if n % 2 else "jane.doe@example.EU"
        return sign(Client(), call_page, email=address, ip=f"10.0.0.{n}").status_code

    statuses = run_concurrently(submit, range(50), workers=50)
    assert statuses == [303] * 50
    assert Signature.objects.count() == 1
    # Each submission queues one email task (the same work whether the address had signed or
    # not); the worker sends the confirmation and at most one reminder.
    tasks = DBTaskResult.objects.filter(task_path="signatures.tasks.send_signature_email")
    assert tasks.count() == 50
    run_worker()
    assert 1 <= len(mail.outbox) <= 2
    assert {message.to[0].lower() for message in mail.outbox} == {"jane.doe@example.eu"}


def test_200_concurrent_signatures_count_exactly_200_once_confirmed(call_page):
    def submit(n):
        return sign(
            Client(), call_page, email=f"signer{n}@example.eu", ip=f"10.1.{n // 250}.{n % 250}"
        ).status_code

    assert run_concurrently(submit, range(200), workers=40) == [303] * 200
    assert Signature.objects.count() == 200
    email_tasks = DBTaskResult.objects.filter(task_path="signatures.tasks.send_signature_email")
    assert email_tasks.count() == 200
    call_page = JointCallPage.objects.get(pk=call_page.pk)
    assert call_page.signatory_count == 12000  # nothing counts before confirmation

    base = call_page.url + "confirm/"

    def confirm(signature):
        return Client().post(base + make_token(signature, "confirm") + "/").status_code

    signatures = list(Signature.objects.all())
    # Everyone confirms at once, and a few twice.
    assert set(run_concurrently(confirm, signatures + signatures[:20], workers=40)) == {200}
    assert Signature.objects.filter(status="confirmed").count() == 200
    assert call_page.signatory_count == 12200
    assert b"12,200" in Client().get(call_page.url).content
