from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.i18n.locales import language_codes
from cms.models import IndexPage, SitePage
from cms.seo.metadata import description
from cms.seo.structured_data import SCHEMA, landing_page, organization, plain

from .files import check_file_content, count_pages

LANGUAGE_NAMES = dict(settings.LANGUAGES)


class CustomDocument(AbstractDocument):
    """A file of the document library. Its page count (for PDFs) is read from the file when it
    is saved; a PDF that cannot be read is still stored, without a page count."""

    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        super().clean()
        if self.file and not getattr(self.file, "_committed", True):
            check_file_content(self.file)

    def _set_document_file_metadata(self):
        super()._set_document_file_metadata()
        self.page_count = count_pages(self.file)

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):
            self._set_document_file_metadata()
        super().save(*args, **kwargs)


PROTOCOL_ORDER = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}


class DocumentPage(SitePage):
    """A publication with one file per language."""

    date = models.DateField(_("publication date"))
    summary = RichTextField(_("summary"), blank=True, features=["bold", "italic", "link"])

    card_template = "documents/cards/document_card.html"
    og_type = "article"

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        InlinePanel("language_versions", label=_("Language versions"), min_num=1),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("date"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("summary"),
        SynchronizedField("language_versions"),
    ]

    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("document")

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.prefetch_related(
            Prefetch(
                "language_versions",
                queryset=DocumentLanguageVersion.objects.select_related("document"),
            )
        )

    def structured_data(self, request, site_settings, image):
        """schema.org DigitalDocument, with its file in each language."""
        versions = list(self.language_versions.select_related("document"))
        return {
            "@context": SCHEMA,
            "@type": "DigitalDocument",
            "name": self.title,
            "description": plain(self.summary) or description(self),
            "datePublished": self.date.isoformat(),
            "url": self.get_full_url(request),
            "inLanguage": [version.language for version in versions] or self.locale.language_code,
            "publisher": organization(site_settings, landing_page(self), request),
            "encoding": [
                {
                    "@type": "MediaObject",
                    "name": version.title or self.title,
                    "inLanguage": version.language,
                    "contentUrl": request.build_absolute_uri(version.document.url),
                    "encodingFormat": version.document.file_extension,
                }
                for version in versions
            ],
        }

    def sorted_language_versions(self):
        """The language versions in EU protocol order, the visitor's own language first, with
        their files (in the query of ``listing_queryset`` when a list fetched the page), each
        with the title it shows (``shown_title``): its own, else the page's if the version is in
        the language of the page's text, else none."""
        visitor_language = get_language()
        versions = self.language_versions.all()
        if "language_versions" not in getattr(self, "_prefetched_objects_cache", {}):
            versions = versions.select_related("document")
        # An alias shows the text of the page in the source language.
        text_language = (
            settings.LANGUAGE_CODE if self.alias_of_id else language_codes().get(self.locale_id)
        )
        versions = sorted(
            versions,
            key=lambda version: (
                version.language != visitor_language,
                PROTOCOL_ORDER.get(version.language, len(PROTOCOL_ORDER)),
                version.sort_order or 0,
            ),
        )
        for version in versions:
            version.shown_title = version.title or (
                self.title if version.language == text_language else ""
            )
        return versions


class DocumentLanguageVersion(Orderable):
    """The file of a document in one language, with the document's title in that language."""

    page = ParentalKey(DocumentPage, on_delete=models.CASCADE, related_name="language_versions")
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    title = models.CharField(
        _("title in this language"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty if it is the same as the page title."),
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("language"), FieldPanel("title"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")

    def __str__(self):
        return f"{self.page} ({self.language})"

    @property
    def language_name(self):
        return LANGUAGE_NAMES.get(self.language, self.language)

    @property
    def file_type(self):
        return self.document.file_extension.upper()

    @property
    def file_size(self):
        return self.document.get_file_size()


class DocumentIndexPage(IndexPage):
    listed_model = DocumentPage
    listed_order = ("-date", "-pk")

    parent_page_types = ["home.AlliancePage"]
    subpage_types = ["documents.DocumentPage"]

    class Meta:
        verbose_name = _("document index")
