import datetime

import factory

from cms.factories import PageFactory

from .models import AlliancePage, ContentPage, JointCallPage, StoryIndexPage, StoryPage


class AlliancePageFactory(PageFactory):
    title = "Cohesion Alliance"
    introduction = factory.Faker("paragraph")

    class Meta:
        model = AlliancePage


class JointCallPageFactory(PageFactory):
    title = "Joint Call"
    introduction = "<p>Cohesion policy unites Europe and holds it together.</p>"
    signatory_baseline = 12000

    class Meta:
        model = JointCallPage


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
