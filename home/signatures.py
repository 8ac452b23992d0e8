"""Signing the Joint Call: addresses, links, the counter and the life of a signature.

The rules this module keeps:

* one signature per email address and call, whatever the case, dots or ``+tags`` of the address;
  the database's unique constraint makes this hold under concurrent submissions;
* a signature and the task that emails its signer are saved in one transaction, so a signature
  is never left without its email, nor an email sent for a signature that was not saved;
* only confirmed signatures count, and the count is exact: it is counted in the database and
  cached under a version that every confirmation or withdrawal moves on.
"""

import contextlib
import hashlib
import hmac
import time
import unicodedata
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from .models import Signature

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

TOKEN_SALT = "home.signature"
REMINDER_INTERVAL = 15 * 60


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


def has_control_characters(text):
    """Control, format (such as right-to-left overrides), private-use or unassigned characters,
    which have no place in a name."""
    return any(unicodedata.category(character).startswith("C") for character in text)


# -- links in emails ------------------------------------------------------------------------


def make_token(signature, action):
    """A signed, timestamped token for a link of an email: "<action>.<signature id>" signed with
    the site's secret. Wagtail's page addresses allow only letters, digits, "-" and "_" in a path
    segment, so it is base64-encoded."""
    signed = signing.TimestampSigner(salt=TOKEN_SALT).sign(f"{action}.{signature.public_id.hex}")
    return urlsafe_base64_encode(signed.encode())


class InvalidLink(Exception):
    """The link is not one the site made."""


class ExpiredLink(Exception):
    """The link was the site's but is too old."""


def read_token(token, action, max_age=None):
    """The signature a link is for, or None if it no longer exists (withdrawn, purged)."""
    try:
        signed = urlsafe_base64_decode(token).decode()
        value = signing.TimestampSigner(salt=TOKEN_SALT).unsign(signed, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except (signing.BadSignature, ValueError, UnicodeDecodeError) as error:
        raise InvalidLink from error
    token_action, _dot, public_id = value.partition(".")
    if token_action != action:
        raise InvalidLink
    try:
        public_id = uuid.UUID(hex=public_id)
    except ValueError as error:
        raise InvalidLink from error
    return Signature.objects.filter(public_id=public_id, anonymised_at__isnull=True).first()


def confirmation_max_age():
    return settings.SIGNATURE_CONFIRMATION_DAYS * 24 * 3600


# -- the counter ----------------------------------------------------------------------------


def _version_key(call_key):
    return f"signatures:{call_key}:version"


def confirmed_count(call_key):
    """The number of confirmed signatures of a call, cached until it changes."""
    version = cache.get(_version_key(call_key))
    if version is None:
        version = int(time.time() * 1000)
        cache.add(_version_key(call_key), version, None)
        version = cache.get(_version_key(call_key), version)
    key = f"signatures:{call_key}:count:{version}"
    count = cache.get(key)
    if count is None:
        count = Signature.objects.filter(call_key=call_key).confirmed().count()
        cache.set(key, count, settings.SIGNATURE_COUNT_CACHE_SECONDS)
    return count


def count_changed(call_key):
    """Move the counter on to a new version once the change is committed."""

    def bump():
        try:
            cache.incr(_version_key(call_key))
        except ValueError:
            cache.set(_version_key(call_key), int(time.time() * 1000), None)

    transaction.on_commit(bump)


# -- rate limit -----------------------------------------------------------------------------


def client_address(request):
    """The visitor's address, as seen by the last trusted proxy."""
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request):
    """A keyed hash of the visitor's address: the rate limit never stores the address itself."""
    return hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()[:32]


def over_rate_limit(request, scope="sign"):
    """Count this request against its client's allowance for the current period."""
    period = settings.SIGNATURE_RATE_LIMIT_PERIOD
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{client_key(request)}:{window}"
    try:
        attempts = cache.incr(key)
    except ValueError:  # the first request of this client in this period
        if cache.add(key, 1, period):
            return False
        attempts = cache.incr(key)
    return attempts > settings.SIGNATURE_RATE_LIMIT


# -- the life of a signature ----------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """What signing needs of a Joint Call page, cached: see ``call_for``."""

    pk: int
    translation_key: uuid.UUID
    privacy_notice_version: str
    url: str
    thank_you_url: str

    def page(self):
        from .models import JointCallPage

        return JointCallPage.objects.get(pk=self.pk)


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
    from .models import JointCallPage

    call = cache.get(key)
    if call is None:
        pages = JointCallPage.objects.live().filter(translation_key=call_key)
        page = pages.filter(locale__language_code=language).first() or pages.first()
        if page is None:
            return None
        call = Call(
            pk=page.pk,
            translation_key=page.translation_key,
            privacy_notice_version=page.privacy_notice_version,
            url=page.url,
            thank_you_url=page.url + page.reverse_subpage("thank_you"),
        )
        cache.set(key, call, 3600)
    return call


def call_changed(sender, instance, **kwargs):
    """A Joint Call page was published or unpublished: forget what ``call_for`` cached (other
    processes forget it within LOCAL_CALL_SECONDS)."""
    keys = [_call_cache_key(instance.translation_key, code) for code, _name in settings.LANGUAGES]
    cache.delete_many(keys)
    for key in keys:
        _local_calls.pop(key, None)


@transaction.atomic
def sign(call, data, language):
    """Record a signature from the form's cleaned data and queue the email to its signer.

    Returns the signature and whether it is new. Signing again with an address that has signed
    changes nothing stored: the signer gets a new confirmation link (if not confirmed yet) or a
    reminder that their signature counts already.
    """
    from .tasks import send_signature_email

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
    try:
        with transaction.atomic():
            signature = Signature.objects.create(
                call_key=call.translation_key, email_normalised=normalised, **fields
            )
        created = True
    except IntegrityError:
        signature = Signature.objects.select_for_update().get(
            call_key=call.translation_key, email_normalised=normalised
        )
        created = False
    # Signing again sends at most one email per address in a while: the form cannot be used to
    # flood someone's mailbox.
    if created:
        send_signature_email.enqueue(signature.pk, "confirm")
    elif cache.add(f"signature-reminder:{signature.pk}", 1, REMINDER_INTERVAL):
        message = "already_signed" if signature.status == Signature.Status.CONFIRMED else "confirm"
        Signature.objects.filter(pk=signature.pk).update(email_status=Signature.EmailStatus.QUEUED)
        send_signature_email.enqueue(signature.pk, message)
    return signature, created


@transaction.atomic
def confirm(signature):
    """Count a signature. True if this confirmed it, False if it was confirmed already."""
    from .tasks import send_signature_email

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
    """However a signature is deleted (by its signer, an officer, the purge), recount."""
    if instance.status == Signature.Status.CONFIRMED:
        count_changed(instance.call_key)


def anonymise(queryset):
    """Erase the personal data of signatures but keep them in the count (end of retention)."""
    return queryset.filter(anonymised_at__isnull=True).update(
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
