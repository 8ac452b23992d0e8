"""Signers' emails never wait behind Wagtail's housekeeping, and loading the demo leaves the
task queue clean: no flood of index updates, nothing that fails."""

import datetime

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.base import DEFAULT_TASK_PRIORITY
from django_tasks_db.models import DBTaskResult
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.tasks import update_reference_index_task

from signatures.factories import SignatureFactory
from signatures.tasks import email_tasks, send_signature_email
from tests.signatures.signing import run_worker
from tests.signatures.test_email_worker import run_task_worker

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
    settings.EMAIL_BACKEND = "tests.signatures.failing_mail.FailingEmailBackend"
    signature = SignatureFactory(call=site_tree.en.joint_call)
    send_signature_email.enqueue(signature.pk, "confirmed")
    run_worker()
    retry = email_tasks().get(status=TaskResultStatus.READY)
    assert retry.priority == send_signature_email.priority
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=30)
