"""The links of the emails to signers: signed, timestamped tokens naming a signature and an
action (confirm, withdraw, see my data)."""

import uuid

from django.conf import settings
from django.core import signing
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from .models import Signature

# Part of every link already sent: changing it would break them.
TOKEN_SALT = "home.signature"  # noqa: S105 (a salt names a use of the key; it is no secret)


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
