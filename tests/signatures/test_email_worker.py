"""Signers' emails survive a mail server that hangs and a worker that dies, and what the worker
keeps of a failed email (task results, logs) holds neither the signer's address nor name."""

import datetime
import io
import logging
import smtplib
import time
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, Page, Site

from home.factories import AlliancePageFactory, JointCallPageFactory
from signatures.factories import SignatureFactory
from signatures.models import Signature
from signatures.services import erase
from signatures.tasks import email_tasks, recover_lost_emails, send_signature_email
from tests.servers import PYTHON, running
from tests.signatures.signing import run_worker
from tests.signatures.smtp import SMTPServer

ADDRESS = "jane.doe@example.eu"
NAME = "Jane Doe"


def pending_signature(call, **fields):
    return SignatureFactory(
        call=call,
        name=NAME,
        email=ADDRESS,
        status=Signature.Status.PENDING,
        confirmed_at=None,
        email_status=Signature.EmailStatus.QUEUED,
        **fields,
    )


def wait_until(condition, seconds=60, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"The worker stopped: {process.stdout.read()}")
        time.sleep(0.1)
    raise TimeoutError("Still waiting")


def run_task_worker(**options):
    """`manage.py task_worker --batch` in this process (see tests/home/signing.run_worker)."""
    output = io.StringIO()
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "task_worker",
            batch=True,
            startup_delay=False,
            interval=0,
            reload=False,
            stdout=output,
            **options,
        )
    return output.getvalue()


def make_lost(result, minutes_ago, worker="dead-worker"):
    """A task a worker took ``minutes_ago`` and never finished."""
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        worker_ids=[worker],
    )


# -- a mail server that never answers --------------------------------------------------------------


def test_the_smtp_timeout_comes_from_the_environment_and_defaults_to_ten_seconds(settings):
    assert settings.EMAIL_TIMEOUT == 10


@pytest.mark.django_db
def test_a_mail_server_that_never_answers_fails_the_email_which_is_tried_again(site_tree):
    signature = pending_signature(site_tree.en.joint_call)
    send_signature_email.enqueue(signature.pk, "confirm")
    with (
        SMTPServer(stall=1) as server,
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=server.port,
            EMAIL_TIMEOUT=0.5,
        ),
    ):
        run_worker()
    signature.refresh_from_db()
    assert signature.email_status == Signature.EmailStatus.RETRYING
    assert "timed out" in signature.email_error
    failed, retry = email_tasks().order_by("enqueued_at")
    assert failed.status == TaskResultStatus.FAILED
    assert failed.exception_class_path == "signatures.tasks.EmailNotSent"
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs["args"] == [signature.pk, "confirm", 2]


# -- a worker that dies ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_email_whose_worker_died_is_queued_again_as_its_next_attempt(site_tree, settings):
    settings.SIGNATURE_EMAIL_STUCK_MINUTES = 10
    call = site_tree.en.joint_call
    lost = pending_signature(call)
    lost_task = send_signature_email.enqueue(lost.pk, "confirm")
    make_lost(lost_task, minutes_ago=11)
    # Taken 11 minutes ago by the worker asking: it is running it, and it is left alone.
    own = SignatureFactory(call=call)
    own_task = send_signature_email.enqueue(own.pk, "confirmed")
    make_lost(own_task, minutes_ago=11, worker="this-worker")
    # Taken a minute ago: still being sent.
    recent = SignatureFactory(call=call)
    recent_task = send_signature_email.enqueue(recent.pk, "confirmed")
    make_lost(recent_task, minutes_ago=1)

    assert recover_lost_emails(current_worker_id="this-worker") == 1

    statuses = dict(email_tasks().values_list("id", "status"))
    assert statuses.pop(lost_task.db_result.pk) == TaskResultStatus.FAILED
    assert statuses.pop(own_task.db_result.pk) == TaskResultStatus.RUNNING
    assert statuses.pop(recent_task.db_result.pk) == TaskResultStatus.RUNNING
    [again] = statuses
    assert email_tasks().get(pk=again).args_kwargs["args"] == [lost.pk, "confirm", 2]
    assert "stopped while running this task" in email_tasks().get(pk=lost_task.id).traceback
    # Once is enough: the failed task is not queued a second time.
    assert recover_lost_emails(current_worker_id="this-worker") == 0


@pytest.mark.django_db
def test_an_email_lost_too_often_fails_for_good(site_tree, settings):
    settings.SIGNATURE_EMAIL_MAX_ATTEMPTS = 3
    signature = pending_signature(site_tree.en.joint_call)
    make_lost(send_signature_email.enqueue(signature.pk, "confirm", 3), minutes_ago=60)
    assert recover_lost_emails() == 0
    signature.refresh_from_db()
    assert signature.email_status == Signature.EmailStatus.FAILED
    assert not email_tasks().filter(status=TaskResultStatus.READY).exists()


@pytest.mark.django_db
def test_the_task_worker_sends_a_lost_email_when_it_starts(site_tree, settings, caplog):
    settings.SIGNATURE_EMAIL_STUCK_MINUTES = 5
    signature = pending_signature(site_tree.en.joint_call)
    make_lost(send_signature_email.enqueue(signature.pk, "confirm"), minutes_ago=6)
    run_task_worker()
    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    signature.refresh_from_db()
    assert signature.email_status == Signature.EmailStatus.SENT
    assert "Queued again 1 email" in caplog.text


@pytest.mark.django_db
def test_the_dashboard_shows_emails_stuck_in_the_queue(admin_client, site_tree, settings):
    settings.SIGNATURE_EMAIL_STUCK_MINUTES = 10
    call = site_tree.en.joint_call
    waiting = send_signature_email.enqueue(SignatureFactory(call=call).pk, "confirmed")
    DBTaskResult.objects.filter(pk=waiting.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=30)
    )
    make_lost(send_signature_email.enqueue(SignatureFactory(call=call).pk, "confirm"), 12)
    # Neither stuck: just queued, and a retry due in an hour.
    send_signature_email.enqueue(SignatureFactory(call=call).pk, "confirm")
    send_signature_email.using(run_after=timezone.now() + datetime.timedelta(hours=1)).enqueue(
        SignatureFactory(call=call).pk, "confirm", 2
    )
    SignatureFactory(call=call, email_status=Signature.EmailStatus.FAILED)

    response = admin_client.get(reverse("wagtailadmin_home"))
    text = " ".join(response.content.decode().split())
    assert "2 emails have waited more than 10 minutes to be sent" in text
    assert "1 email could not be sent." in text


# -- nothing personal in task results and logs -----------------------------------------------------


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses the recipient, quoting the address (and, why not, the name)."""

    def send_messages(self, email_messages):
        recipient = email_messages[0].to[0]
        raise smtplib.SMTPRecipientsRefused(
            {recipient: (550, f"5.1.1 <{recipient}> ({NAME}): unknown user".encode())}
        )


@pytest.mark.django_db
def test_a_failed_email_leaves_no_address_or_name_in_task_results_or_logs(site_tree, caplog):
    signature = pending_signature(site_tree.en.joint_call)
    send_signature_email.enqueue(signature.pk, "confirm")
    caplog.set_level(logging.DEBUG)
    with override_settings(EMAIL_BACKEND="tests.signatures.test_email_worker.RefusingBackend"):
        output = run_task_worker()
    signature.refresh_from_db()
    assert signature.email_status == Signature.EmailStatus.RETRYING
    assert "SMTPRecipientsRefused" in signature.email_error
    assert ADDRESS not in signature.email_error
    failed = email_tasks().get(status=TaskResultStatus.FAILED)
    assert "SMTPRecipientsRefused" in failed.traceback
    assert "EmailNotSent" in caplog.text
    # The signer withdraws: nothing the worker kept or logged names them.
    erase(signature)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {DBTaskResult._meta.db_table}")
        rows = " ".join(str(value) for row in cursor.fetchall() for value in row)
    for trace in (rows, caplog.text, output):
        assert "jane" not in trace.lower(), trace
        assert NAME.lower() not in trace.lower(), trace
        assert "example.eu" not in trace, trace


# -- the real thing: a worker process killed while it sends ----------------------------------------


@pytest.fixture
def call_page(transactional_db):
    """A Joint Call page on the default site, committed for the worker processes."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=english)
    )
    home = AlliancePageFactory(parent=root, slug="worker-home")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return JointCallPageFactory(parent=home)


def worker_environment(port, **variables):
    database = connection.settings_dict
    return {
        "DJANGO_SETTINGS_MODULE": "tests.signatures.worker_settings",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "LOG_LEVEL": "INFO",
        **variables,
    }


WORKER = [str(PYTHON), "manage.py", "task_worker", "--interval", "0.2", "--no-startup-delay"]


@pytest.mark.stack
@pytest.mark.django_db(transaction=True)
def test_an_email_whose_worker_was_killed_mid_send_is_sent_once_by_the_next_worker(call_page):
    signature = pending_signature(call_page)
    task = send_signature_email.enqueue(signature.pk, "confirm")
    with SMTPServer(stall=1) as server:
        # The first worker connects to the mail server, which never answers; it is killed.
        first = worker_environment(server.port, EMAIL_TIMEOUT="600")
        with running([*WORKER, "--no-reload"], env=first) as worker:
            assert server.stalled.wait(60), worker.stdout
            wait_until(
                lambda: email_tasks().get(pk=task.id).status == TaskResultStatus.RUNNING,
                process=worker,
            )
            worker.kill()
            worker.wait(30)
        assert email_tasks().get(pk=task.id).status == TaskResultStatus.RUNNING
        signature.refresh_from_db()
        assert signature.email_status == Signature.EmailStatus.QUEUED
        assert server.messages == []

        # The next worker finds the email its worker lost, and sends it.
        second = worker_environment(
            server.port, SIGNATURE_EMAIL_STUCK_MINUTES="0.01", EMAIL_TIMEOUT="30"
        )
        with running([*WORKER, "--no-reload", "--sweep-interval", "0.2"], env=second) as worker:
            wait_until(
                lambda: (
                    Signature.objects.get(pk=signature.pk).email_status
                    == Signature.EmailStatus.SENT
                ),
                process=worker,
            )
            # Several more sweeps: it is not sent again.
            time.sleep(1)
            assert worker.poll() is None
        sent = [message for message in server.messages if message["to"] == [ADDRESS]]
        assert len(sent) == 1
        assert b"confirm" in sent[0]["data"]

    results = {result.status: result for result in email_tasks()}
    assert sorted(results) == [TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]
    assert results[TaskResultStatus.FAILED].pk == task.db_result.pk
    assert results[TaskResultStatus.SUCCESSFUL].args_kwargs["args"] == [
        signature.pk,
        "confirm",
        2,
    ]
    assert email_tasks().count() == 2
