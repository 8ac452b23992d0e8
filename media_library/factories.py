import datetime

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from cms.factories import PageFactory

from .models import VideoIndexPage, VideoPage, VideoSeries


class VideoSeriesFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Series {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = VideoSeries


class VideoIndexPageFactory(PageFactory):
    title = "Media library"

    class Meta:
        model = VideoIndexPage


class VideoPageFactory(PageFactory):
    title = factory.Faker("sentence", nb_words=6)
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    description = factory.LazyFunction(lambda: "<p>A video of the #CohesionAlliance.</p>")

    class Meta:
        model = VideoPage
