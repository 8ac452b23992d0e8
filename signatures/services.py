"""Signing the Joint Call: addresses, the call's settings and the life of a signature.

The rules this module keeps:

* one signature per email address and call, whatever the case, dots or ``+tags`` of the address;
  the database's unique constraint makes this hold under concurrent submissions;
* a signature and the task that emails its signer are saved in one transaction, so a signature
  is never left without its email, nor an email sent for a signature that was not saved;
* only confirmed signatures count, and the count is exact: it is counted in the database and
  cached under a version that every confirmation or withdrawal moves on.
"""

import contextlib
import time
import unicodedata
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page

from cms.caching.fragments import for_content_version
from cms.caching.frontend import pages_showing, purge_pages

from .counter import confirmed_count, count_changed
from .models import CallSettings, Signature
from .tasks import send_signature_email

# Providers where "first.last+news@gmail.com" reaches "firstlast@gmail.com".
DOTS_IGNORED = {"gmail.com", "googlemail.com"}
SUBADDRESSING = DOTS_IGNORED | {
    "outlook.com",
    "hotmail.com",
    "live.com",
    "icloud.com",
    "me.com",
    "fastmail.com",
    "proton.me",
    "protonmail.com",
}
DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}


def normalise_email(address):
    """The mailbox an address reaches, to recognise the same signer: "Jane.Doe+eu@GMail.com" and
    "janedoe@gmail.com" are one signer."""
    local, _at, domain = address.strip().rpartition("@")
    domain = domain.lower().rstrip(".")
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    domain = DOMAIN_ALIASES.get(domain, domain)
    local = unicodedata.normalize("NFC", local).lower()
    if domain in SUBADDRESSING:
        local = local.split("+", 1)[0]
    if domain in DOTS_IGNORED:
        local = local.replace(".", "")
    return f"{local}@{domain}"


# -- the life of a signature ----------------------------------------------------------------


def _settings_cache_key(call_key):
    return f"call-settings:{call_key}"


def call_settings_for(call_key):
    """The settings of a call, cached until they change. A call whose settings were never saved
    (its page was made before them) has the defaults, unsaved."""
    key = _settings_cache_key(call_key)
    found = cache.get(key)
    if found is None:
        found = CallSettings.objects.filter(call_key=call_key).first() or CallSettings(
            call_key=call_key
        )
        cache.set(key, found, 3600)
    return found


def signatory_count(call_key):
    """The number of signatories a call shows: its earlier signatories (its settings) plus its
    confirmed signatures in every language."""
    return call_settings_for(call_key).signatory_baseline + confirmed_count(call_key)


def call_key_of_page(page_id):
    """The call (translation key) of the Joint Call page ``page_id``, or None: found once per
    content version."""
    if not page_id:
        return None
    found = for_content_version(
        f"call-key-of-page:{page_id}",
        lambda: (
            Page.objects.filter(pk=page_id).values_list("translation_key", flat=True).first() or ""
        ),
    )
    return found or None


def ensure_call_settings(sender, instance, **kwargs):
    """Every Joint Call has its settings from its first save (in any language)."""
    CallSettings.objects.get_or_create(call_key=instance.translation_key)


def call_settings_changed(sender, instance, **kwargs):
    """Forget what was cached of the call and purge its pages in every language from the HTTP
    cache once the change is committed: the count and the form depend on the settings."""
    forget_call(instance.call_key)

    def purge():
        pages = list(Page.objects.live().filter(translation_key=instance.call_key).specific())
        related = set()
        for page in pages[:1]:
            related.update(pages_showing(page))
        purge_pages([*pages, *related])

    transaction.on_commit(purge)


@dataclass(frozen=True)
class Call:
    """What signing needs of a Joint Call page and its settings, cached: see ``call_for``."""

    pk: int
    translation_key: uuid.UUID
    privacy_notice_version: str
    signing_open: bool
    url: str
    thank_you_url: str

    page_model: type

    def page(self):
        return self.page_model.objects.get(pk=self.pk)


def _call_cache_key(call_key, language):
    return f"joint-call:{call_key}:{language}"


# What call_for found, in this process, for a few seconds: the sign-the-call endpoint is the
# busiest of the site and a Joint Call page changes rarely.
_local_calls = {}
LOCAL_CALL_SECONDS = 10


def call_for(call_key, language):
    """The live Joint Call page with this translation key, in this language if it has one."""
    key = _call_cache_key(call_key, language)
    found = _local_calls.get(key)
    if found and found[0] > time.monotonic():
        return found[1]
    call = _shared_call_for(call_key, language, key)
    if call is not None:
        _local_calls[key] = (time.monotonic() + LOCAL_CALL_SECONDS, call)
    return call


def forget_calls():
    """Empty this process's memory of calls (the tests start each with an empty cache)."""
    _local_calls.clear()


def _shared_call_for(call_key, language, key):
    call = cache.get(key)
    if call is None:
        # The call's pages are its translations: they share its translation key.
        pages = Page.objects.live().filter(translation_key=call_key)
        page = pages.filter(locale__language_code=language).first() or pages.first()
        if page is None:
            return None
        page = page.specific
        call_settings = call_settings_for(call_key)
        call = Call(
            pk=page.pk,
            page_model=type(page),
            translation_key=page.translation_key,
            privacy_notice_version=call_settings.privacy_notice_version,
            signing_open=call_settings.signing_open,
            url=page.url,
            thank_you_url=page.url + page.reverse_subpage("thank_you"),
        )
        cache.set(key, call, 3600)
    return call


def forget_call(call_key):
    """Forget what ``call_for`` and ``call_settings_for`` cached of a call (other processes
    forget their own memory of it within LOCAL_CALL_SECONDS)."""
    keys = [_call_cache_key(call_key, code) for code, _name in settings.LANGUAGES]
    cache.delete_many([*keys, _settings_cache_key(call_key)])
    for key in keys:
        _local_calls.pop(key, None)


def call_changed(sender, instance, **kwargs):
    """A Joint Call page was published or unpublished."""
    forget_call(instance.translation_key)


@transaction.atomic
def sign(call, data, language):
    """Record a signature from the form's cleaned data and queue the email to its signer.

    Returns the signature and whether it is new. Signing again with an address that has signed
    changes nothing stored: the signer gets a new confirmation link (if not confirmed yet) or a
    reminder that their signature counts already, at most one in REMINDER_INTERVAL seconds.
    """
    normalised = normalise_email(data["email"])
    fields = {
        "kind": data["kind"],
        "name": data["name"],
        "organisation": data.get("organisation", ""),
        "position": data.get("position", ""),
        "country": data["country"],
        "email": data["email"],
        "language": language,
        "privacy_notice_version": call.privacy_notice_version,
        "show_on_wall": data.get("show_on_wall", False),
        "news_opt_in": data.get("news_opt_in", False),
    }
    # Both paths do the same work — one insert that does nothing if the address has signed, one
    # select, one task — so that the time the answer takes does not tell whether an address had
    # signed. The worker decides whether a reminder is due (see ``tasks.send_signature_email``).
    candidate = Signature(call_key=call.translation_key, email_normalised=normalised, **fields)
    Signature.objects.bulk_create([candidate], ignore_conflicts=True)
    signature = Signature.objects.select_for_update().get(
        call_key=call.translation_key, email_normalised=normalised
    )
    created = signature.public_id == candidate.public_id
    send_signature_email.enqueue(signature.pk, "confirm" if created else "reminder")
    return signature, created


@transaction.atomic
def confirm(signature):
    """Count a signature. True if this confirmed it, False if it was confirmed already."""
    confirmed = Signature.objects.filter(pk=signature.pk, status=Signature.Status.PENDING).update(
        status=Signature.Status.CONFIRMED, confirmed_at=timezone.now()
    )
    if confirmed:
        count_changed(signature.call_key)
        send_signature_email.enqueue(signature.pk, "confirmed")
    return bool(confirmed)


def erase(signature):
    """Withdraw a signature: it no longer counts and nothing about its signer is kept."""
    deleted, _by_model = Signature.objects.filter(pk=signature.pk).delete()
    return bool(deleted)


def signature_deleted(sender, instance, **kwargs):
    """However a signature is deleted (by its signer, an officer, the purge), recount and
    forget it in the admin's history."""
    if instance.status == Signature.Status.CONFIRMED:
        count_changed(instance.call_key)
    forget_signatures([instance.pk])


def forget_signatures(signature_ids):
    """Forget what else the site recorded of these signatures: the admin's history keeps who did
    what, when (labels written before labels stopped carrying names, and any data, go), and the
    results of their email tasks go (tracebacks written before errors were redacted may quote
    an address)."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Signature),
        object_id__in=[str(pk) for pk in signature_ids],
    ).update(label=gettext("Signature (erased)"), data={})
    for pk in signature_ids:
        DBTaskResult.objects.filter(
            task_path=send_signature_email.module_path, args_kwargs__args__0=pk
        ).delete()


def anonymise(queryset):
    """Erase the personal data of signatures but keep them in the count (end of retention)."""
    with transaction.atomic():
        ids = list(queryset.filter(anonymised_at__isnull=True).values_list("pk", flat=True))
        erased = Signature.objects.filter(pk__in=ids).update(
            name="",
            organisation="",
            position="",
            email=None,
            email_normalised=None,
            show_on_wall=False,
            news_opt_in=False,
            email_error="",
            anonymised_at=timezone.now(),
        )
        forget_signatures(ids)
    return erased


def log_call_action(call_settings, action, user=None, **data):
    """Record an action on a call's signatures (erasure, import) in the admin's history of the
    call's settings: who (the admin user, or the command that ran), what and how many."""
    if call_settings.pk is None:
        call_settings.save()
    return log(instance=call_settings, action=action, user=user, data=data)
