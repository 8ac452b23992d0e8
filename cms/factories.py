"""Factories shared by the apps' factories, the tests and the demo loader."""

from pathlib import Path

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory
from wagtail.models import Collection
from wagtailmedia.models import get_media_model


def root_collection():
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    collection = factory.LazyFunction(root_collection)


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(filename="document.pdf", data=b"%PDF-1.4\n%%EOF\n")


DEMO_ASSETS = Path(__file__).resolve().parent / "demo" / "assets"
MEDIA_SAMPLES = {
    "audio": Path("audio/regio-waves-1.mp3"),
    "video": Path("video/cohesion-alliance-join-us.mp4"),
}


class MediaFactory(DjangoModelFactory):
    """A real, short audio file (or, with ``type="video"``, a video file)."""

    title = factory.Sequence(lambda n: f"Recording {n}")
    type = "audio"
    collection = factory.LazyFunction(root_collection)
    file = factory.LazyAttribute(
        lambda media: ContentFile(
            (DEMO_ASSETS / MEDIA_SAMPLES[media.type]).read_bytes(),
            name=MEDIA_SAMPLES[media.type].name,
        )
    )

    class Meta:
        model = get_media_model()


class PageFactory(wagtail_factories.PageFactory):
    """Pages saved with a published revision, as the admin saves them."""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        page.save_revision().publish()
        return page
