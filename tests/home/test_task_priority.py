"""Signers' emails never wait behind Wagtail's housekeeping, and loading the demo leaves the
task queue clean: no flood of index updates, nothing that fails."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.base import DEFAULT_TASK_PRIORITY
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.tasks import update_reference_index_task

from home.factories import SignatureFactory
from home.models import JointCallPage
from home.tasks import email_tasks, send_signature_email
from tests.cms.test_demo import load_demo
from tests.home.signing import run_worker
from tests.home.test_email_worker import run_task_worker

HOUSEKEEPING = [insert_or_update_object_task, update_reference_index_task]


@pytest.mark.django_db
def test_signature_emails_run_before_housekeeping_queued_earlier(site_tree, settings):
    page = site_tree.en.story
    housekeeping = [
        task.enqueue(page._meta.app_label, page._meta.model_name, str(page.pk))
        for task in HOUSEKEEPING * 20
    ]
    signature = SignatureFactory(call=site_tree.en.joint_call)
    email = send_signature_email.enqueue(signature.pk, "confirmed")
    assert email.task.priority > DEFAULT_TASK_PRIORITY == housekeeping[0].task.priority

    run_task_worker(max_tasks=1)

    assert email_tasks().get(pk=email.id).status == TaskResultStatus.SUCCESSFUL
    waiting = DBTaskResult.objects.filter(pk__in=[result.id for result in housekeeping])
    assert set(waiting.values_list("status", flat=True)) == {TaskResultStatus.READY}


@pytest.mark.django_db
def test_an_email_tried_again_keeps_its_priority(site_tree, settings):
    settings.EMAIL_BACKEND = "tests.home.failing_mail.FailingEmailBackend"
    signature = SignatureFactory(call=site_tree.en.joint_call)
    send_signature_email.enqueue(signature.pk, "confirmed")
    run_worker()
    retry = email_tasks().get(status=TaskResultStatus.READY)
    assert retry.priority == send_signature_email.priority
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=30)


# -- the demo -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded into an empty site, as `make run` does after migrating (as in
    tests/cms/test_demo.py), with the task queue as the loader left it."""
    with django_db_blocker.unblock(), transaction.atomic():
        Site.objects.all().delete()
        Page.get_first_root_node().get_children().delete()
        # Deleting the test site queues tasks of its own, for pages then gone: not the loader's.
        DBTaskResult.objects.all().delete()
        load_demo()
        yield SimpleNamespace(english=Locale.objects.get(language_code="en"))
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_loading_the_demo_queues_no_index_updates_and_leaves_nothing_to_fail(demo):
    """The loader updates the search and reference indexes itself, once, at the end, for what
    still exists; it queues one purge of the HTTP cache, and the few other tasks succeed."""
    loaded = DBTaskResult.objects.all()
    paths = list(loaded.values_list("task_path", flat=True))
    assert not {task.module_path for task in HOUSEKEEPING} & set(paths), paths
    assert len(paths) < 10, paths

    run_worker()

    assert not loaded.exclude(status=TaskResultStatus.SUCCESSFUL).exists(), list(
        loaded.exclude(status=TaskResultStatus.SUCCESSFUL).values_list("task_path", "traceback")
    )
    # What the queued updates would have done is done: pages are found, references known.
    call = JointCallPage.objects.get(locale=demo.english)
    assert call.pk in [page.pk for page in Page.objects.live().search(call.title)]
    assert ReferenceIndex.get_references_to(call).exists()
