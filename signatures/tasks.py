"""Emails to signers, sent by the task worker (`manage.py task_worker`).

The emails go before Wagtail's housekeeping (search and reference index updates, cache purges):
their tasks have a higher priority, and the worker takes the highest first. What the worker
logs and stores of a failed email (the task's result, its traceback) never holds the signer's
address or name: they must be gone when the signer withdraws.
"""

import datetime
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.models import Page

from .models import Signature
from .tokens import make_token

logger = logging.getLogger(__name__)

MESSAGES = {"confirm", "already_signed", "confirmed", "reminder"}

# Tasks run highest priority first (-100 to 100); Wagtail's own tasks have 0.
EMAIL_PRIORITY = 50

# At most one reminder that a signature counts already, per signature, in this many seconds.
REMINDER_INTERVAL = 15 * 60

EMAIL_ADDRESS = re.compile(r"[^\s<>()\[\]{}'\",;:]+@[^\s<>()\[\]{}'\",;:]+")


class EmailNotSent(Exception):
    """An email to a signer failed; the message says why, without the signer's data."""


def redact(text, signature):
    """``text`` without the signer's address, name or any other email address (as written, or
    as Python shows it inside bytes: a server's answer is bytes)."""
    for value in (signature.email, signature.email_normalised, signature.name):
        if not value or len(value) < 2:
            continue
        for form in {value, repr(value.encode())[2:-1]}:
            text = re.sub(re.escape(form), "[redacted]", text, flags=re.IGNORECASE)
    return EMAIL_ADDRESS.sub("[address]", text)


def call_page_for(signature):
    """The Joint Call page in the signer's language, or in any language it exists in."""
    pages = Page.objects.live().filter(translation_key=signature.call_key)
    page = (
        pages.filter(locale__language_code=signature.language).first()
        or pages.order_by("pk").first()
    )
    return page.specific if page else None


def build_email(signature, message):
    page = call_page_for(signature)
    base = page.get_full_url()

    def link(route, action):
        return base + page.reverse_subpage(route, args=(make_token(signature, action),))

    context = {
        "signature": signature,
        "page": page,
        "confirm_url": link("confirm", "confirm"),
        "withdraw_url": link("withdraw", "withdraw"),
        "data_url": link("my_data", "data"),
        "confirmation_days": settings.SIGNATURE_CONFIRMATION_DAYS,
    }
    with translation.override(signature.language):
        subject = render_to_string(f"signatures/emails/{message}_subject.txt", context).strip()
        body = render_to_string(f"signatures/emails/{message}.txt", context)
    return EmailMessage(subject, body, to=[signature.email])


def retry_delay(attempt):
    """1, 4, 16, 64… minutes, at most a day."""
    return datetime.timedelta(minutes=min(4 ** (attempt - 1), 24 * 60))


@task(priority=EMAIL_PRIORITY)
def send_signature_email(signature_id, message, attempt=1):
    """Email a signer. If the mail server fails, the signature stays as it is and the email is
    tried again later, up to SIGNATURE_EMAIL_MAX_ATTEMPTS times; an officer can send it again."""
    if message not in MESSAGES:
        raise ValueError(f"Unknown message {message!r}")
    signature = Signature.objects.filter(pk=signature_id, anonymised_at__isnull=True).first()
    if signature is None or not signature.email:
        return "nothing to send: the signature was withdrawn"
    if message == "reminder":
        # Someone signed again with this address: a new confirmation link, or word that the
        # signature counts already, at most once in a while, so that the form cannot be used
        # to flood someone's mailbox.
        if not cache.add(f"signature-reminder:{signature.pk}", 1, REMINDER_INTERVAL):
            return "nothing to send: reminded recently"
        confirmed = signature.status == Signature.Status.CONFIRMED
        message = "already_signed" if confirmed else "confirm"
    try:
        build_email(signature, message).send()
    except Exception as error:
        # The mail server's answer may quote the address (SMTPRecipientsRefused does): only a
        # redacted copy is kept, and the exception raised leaves the original out (from None).
        reason = redact(f"{type(error).__name__}: {error}", signature)
        failed_for_good = attempt >= settings.SIGNATURE_EMAIL_MAX_ATTEMPTS
        Signature.objects.filter(pk=signature.pk).update(
            email_attempts=F("email_attempts") + 1,
            email_error=f"{timezone.now():%Y-%m-%d %H:%M} {reason}"[:2000],
            email_status=(
                Signature.EmailStatus.FAILED if failed_for_good else Signature.EmailStatus.RETRYING
            ),
        )
        if not failed_for_good:
            send_signature_email.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
                signature.pk, message, attempt + 1
            )
        logger.warning("Email %s to signature %s failed: %s", message, signature.pk, reason)
        raise EmailNotSent(f"Email {message} to signature {signature.pk}: {reason}") from None
    Signature.objects.filter(pk=signature.pk).update(
        email_attempts=F("email_attempts") + 1,
        email_status=Signature.EmailStatus.SENT,
        email_error="",
    )
    return "sent"


# -- emails whose worker died ----------------------------------------------------------------------


def stuck_since():
    """Emails queued or running since before this moment are stuck."""
    return timezone.now() - datetime.timedelta(minutes=settings.SIGNATURE_EMAIL_STUCK_MINUTES)


def email_tasks():
    return DBTaskResult.objects.filter(task_path=send_signature_email.module_path)


def stuck_email_tasks():
    """Emails waiting to be sent for longer than SIGNATURE_EMAIL_STUCK_MINUTES: due (or queued
    without a date) before then and not taken by a worker, or taken by one before then and not
    finished (its worker died, or hangs)."""
    since = stuck_since()
    return email_tasks().filter(
        Q(status=TaskResultStatus.READY, run_after__lt=since)
        | Q(status=TaskResultStatus.READY, run_after=get_date_max(), enqueued_at__lt=since)
        | Q(status=TaskResultStatus.RUNNING, started_at__lt=since)
    )


def recover_lost_emails(current_worker_id=None):
    """Mark the email tasks a worker took more than SIGNATURE_EMAIL_STUCK_MINUTES ago and never
    finished as failed, and queue each email again (as its next attempt): their worker died
    (killed, out of memory, the machine restarted). ``current_worker_id``: the worker calling,
    whose own tasks are left alone. Returns how many were queued again.

    A running email cannot legitimately take that long: each step of talking to the mail server
    gives up after EMAIL_TIMEOUT seconds."""
    recovered = 0
    with transaction.atomic():
        lost = (
            email_tasks()
            .filter(status=TaskResultStatus.RUNNING, started_at__lt=stuck_since())
            .select_for_update(skip_locked=True)
        )
        for result in lost:
            if current_worker_id and result.worker_ids[-1:] == [current_worker_id]:
                continue
            result.status = TaskResultStatus.FAILED
            result.finished_at = timezone.now()
            result.exception_class_path = f"{EmailNotSent.__module__}.{EmailNotSent.__qualname__}"
            worker = (result.worker_ids or ["?"])[-1]
            result.traceback = (
                f"The worker {worker} stopped while running this task "
                f"(started {result.started_at:%Y-%m-%d %H:%M:%S}): it is queued again."
            )
            result.save(
                update_fields=["status", "finished_at", "exception_class_path", "traceback"]
            )
            args = result.args_kwargs["args"]
            kwargs = result.args_kwargs["kwargs"]
            signature_id, message = args[0], args[1]
            attempt = (args[2] if len(args) > 2 else kwargs.get("attempt", 1)) + 1
            if attempt > settings.SIGNATURE_EMAIL_MAX_ATTEMPTS:
                Signature.objects.filter(pk=signature_id).update(
                    email_status=Signature.EmailStatus.FAILED,
                    email_error=f"{timezone.now():%Y-%m-%d %H:%M} The worker stopped "
                    f"while sending the email, {attempt - 1} times.",
                )
                logger.warning(
                    "Email %s to signature %s lost by its worker, not tried again: "
                    "%s attempts made",
                    message,
                    signature_id,
                    attempt - 1,
                )
                continue
            send_signature_email.enqueue(signature_id, message, attempt)
            recovered += 1
            logger.warning(
                "Email %s to signature %s lost by worker %s: queued again",
                message,
                signature_id,
                worker,
            )
    return recovered
