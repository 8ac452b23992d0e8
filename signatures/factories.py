import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import Signature


class SignatureFactory(DjangoModelFactory):
    """A confirmed signature of ``call`` (a Joint Call page) by an individual on the public list."""

    class Params:
        call = None

    call_key = factory.LazyAttribute(lambda signature: signature.call.translation_key)
    kind = "individual"
    name = factory.Sequence(lambda n: f"Signer {n}")
    country = "BE"
    email = factory.Sequence(lambda n: f"signer{n}@example.eu")
    email_normalised = factory.LazyAttribute(lambda signature: signature.email.lower())
    language = "en"
    privacy_notice_version = "1"
    status = Signature.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
    show_on_wall = True

    class Meta:
        model = Signature
