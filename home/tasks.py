"""Emails to signers, sent by the task worker (`manage.py db_worker`)."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from .models import JointCallPage, Signature
from .signatures import make_token

logger = logging.getLogger(__name__)

MESSAGES = {"confirm", "already_signed", "confirmed"}


def call_page_for(signature):
    """The Joint Call page in the signer's language, or in any language it exists in."""
    pages = JointCallPage.objects.live().filter(translation_key=signature.call_key)
    return (
        pages.filter(locale__language_code=signature.language).first()
        or pages.order_by("pk").first()
    )


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
        subject = render_to_string(f"home/emails/{message}_subject.txt", context).strip()
        body = render_to_string(f"home/emails/{message}.txt", context)
    return EmailMessage(subject, body, to=[signature.email])


def retry_delay(attempt):
    """1, 4, 16, 64… minutes, at most a day."""
    return datetime.timedelta(minutes=min(4 ** (attempt - 1), 24 * 60))


@task()
def send_signature_email(signature_id, message, attempt=1):
    """Email a signer. If the mail server fails, the signature stays as it is and the email is
    tried again later, up to SIGNATURE_EMAIL_MAX_ATTEMPTS times; an officer can send it again."""
    if message not in MESSAGES:
        raise ValueError(f"Unknown message {message!r}")
    signature = Signature.objects.filter(pk=signature_id, anonymised_at__isnull=True).first()
    if signature is None or not signature.email:
        return "nothing to send: the signature was withdrawn"
    try:
        build_email(signature, message).send()
    except Exception as error:
        failed_for_good = attempt >= settings.SIGNATURE_EMAIL_MAX_ATTEMPTS
        Signature.objects.filter(pk=signature.pk).update(
            email_attempts=F("email_attempts") + 1,
            email_error=f"{timezone.now():%Y-%m-%d %H:%M} {type(error).__name__}: {error}"[:2000],
            email_status=(
                Signature.EmailStatus.FAILED if failed_for_good else Signature.EmailStatus.RETRYING
            ),
        )
        if not failed_for_good:
            send_signature_email.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
                signature.pk, message, attempt + 1
            )
        logger.warning("Email %s to signature %s failed: %s", message, signature.pk, error)
        raise
    Signature.objects.filter(pk=signature.pk).update(
        email_attempts=F("email_attempts") + 1,
        email_status=Signature.EmailStatus.SENT,
        email_error="",
    )
    return "sent"
