import datetime

import factory
from factory.django import DjangoModelFactory

from cms.factories import DocumentFactory, PageFactory

from .models import DocumentIndexPage, DocumentLanguageVersion, DocumentPage


class DocumentIndexPageFactory(PageFactory):
    title = "Documents"

    class Meta:
        model = DocumentIndexPage


class DocumentPageFactory(PageFactory):
    title = factory.Faker("sentence", nb_words=6)
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    summary = "<p>A document of the #CohesionAlliance.</p>"

    class Meta:
        model = DocumentPage


class DocumentLanguageVersionFactory(DjangoModelFactory):
    """Build (not create) versions and pass them as ``language_versions`` to DocumentPageFactory,
    so that the page's published revision holds them."""

    language = "en"
    title = ""
    # Saved even when the version is only built: the page saves the version with it.
    document = factory.LazyFunction(DocumentFactory)

    class Meta:
        model = DocumentLanguageVersion
