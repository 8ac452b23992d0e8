import datetime

import factory

from cms.factories import PageFactory

from .models import EpisodePage, PodcastIndexPage, PodcastShowPage


class PodcastIndexPageFactory(PageFactory):
    title = "Podcasts"

    class Meta:
        model = PodcastIndexPage


class PodcastShowPageFactory(PageFactory):
    title = "Regio Waves"
    introduction = "The podcast that travels to Europe's regions."

    class Meta:
        model = PodcastShowPage


class EpisodePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Episode {n}")
    episode_number = factory.Sequence(lambda n: n + 1)
    date = factory.Sequence(lambda n: datetime.date(2023, 1, 1) + datetime.timedelta(days=n))
    summary = factory.Faker("paragraph")

    class Meta:
        model = EpisodePage
