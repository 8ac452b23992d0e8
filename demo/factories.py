"""A factory for audio and video files, with the demo's recordings (the tests use it too)."""

import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from wagtailmedia.models import get_media_model

from cms.factories import root_collection

from .files import ASSETS

MEDIA_SAMPLES = {
    "audio": ASSETS / "audio" / "regio-waves-1.mp3",
    "video": ASSETS / "video" / "cohesion-alliance-join-us.mp4",
}


class MediaFactory(DjangoModelFactory):
    """A real, short audio file (or, with ``type="video"``, a video file)."""

    title = factory.Sequence(lambda n: f"Recording {n}")
    type = "audio"
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttribute(
        lambda media: ContentFile(
            MEDIA_SAMPLES[media.type].read_bytes(), name=MEDIA_SAMPLES[media.type].name
        )
    )

    class Meta:
        model = get_media_model()
