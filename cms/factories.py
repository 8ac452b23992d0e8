"""Factories shared by the apps' factories, the tests and the demo loader."""

import factory
import wagtail_factories
from wagtail.models import Collection


def root_collection():
    return Collection.get_first_root_node()


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    collection = factory.LazyFunction(root_collection)


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(root_collection)
    file = factory.django.FileField(filename="document.pdf", data=b"%PDF-1.4\n%%EOF\n")


class PageFactory(wagtail_factories.PageFactory):
    """Pages saved with a published revision, as the admin saves them."""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        page.save_revision().publish()
        return page
