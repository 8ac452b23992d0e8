import datetime

import factory

from cms.factories import PageFactory
from signatures.models import CallSettings

from .models import (
    AlliancePage,
    ContentPage,
    JointCallPage,
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
