import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from cms.factories import PageFactory

from .models import (
    AlliancePage,
    CallSettings,
    ContentPage,
    JointCallPage,
    Signature,
    StoryIndexPage,
    StoryPage,
)


class AlliancePageFactory(PageFactory):
    title = "Cohesion Alliance"
    introduction = factory.Faker("paragraph")

    class Meta:
        model = AlliancePage


class JointCallPageFactory(PageFactory):
    """A Joint Call page with its call's settings: 12,000 earlier signatories unless
    ``call_settings`` says otherwise (``call_settings={"signatory_baseline": 0}``)."""

    title = "Joint Call"
    introduction = "<p>Cohesion policy unites Europe and holds it together.</p>"

    class Meta:
        model = JointCallPage
        skip_postgeneration_save = True

    @factory.post_generation
    def call_settings(page, create, extracted, **kwargs):
        if not create:
            return
        values = {"signatory_baseline": 12000, **(extracted or {}), **kwargs}
        CallSettings.objects.update_or_create(call_key=page.translation_key, defaults=values)


class StoryIndexPageFactory(PageFactory):
    title = "Stories"

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(PageFactory):
    title = factory.Faker("sentence", nb_words=6)
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    summary = factory.Faker("paragraph")
    region = factory.Faker("city")
    country = "BE"

    class Meta:
        model = StoryPage


class ContentPageFactory(PageFactory):
    title = factory.Faker("sentence", nb_words=3)
    introduction = factory.Faker("paragraph")

    class Meta:
        model = ContentPage


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
