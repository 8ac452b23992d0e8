from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BaseBodyBlock
from cms.models import IndexPage, ListedPage, image_field, page_translatable_fields

from .blocks import AllianceBodyBlock, JointCallBodyBlock


class AlliancePage(Page):
    """The landing page of each locale: the Alliance's story and the latest from every section."""

    introduction = models.TextField(_("introduction"), blank=True)
    hero_image = image_field(_("hero image"))
    body = StreamField(AllianceBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = page_translatable_fields(
        TranslatableField("introduction"),
        SynchronizedField("hero_image"),
        TranslatableField("body"),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.JointCallPage",
        "home.StoryIndexPage",
        "home.ContentPage",
        "media_library.VideoIndexPage",
        "podcasts.PodcastIndexPage",
        "documents.DocumentIndexPage",
    ]

    class Meta:
        verbose_name = _("Alliance page")


class JointCallPage(Page):
    """The Joint Call: its principles, its full text and the place where visitors sign it."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(JointCallBodyBlock(), blank=True, verbose_name=_("principles and call"))
    full_text = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("full text"))
    signatory_baseline = models.PositiveIntegerField(
        _("earlier signatories"),
        default=0,
        help_text=_(
            "Signatories collected before this site (on paper or on the earlier site), "
            "added to the confirmed signatures in the public count."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("full_text"),
        FieldPanel("signatory_baseline"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("full_text"),
    ]
    translatable_fields = page_translatable_fields(
        TranslatableField("introduction"),
        TranslatableField("body"),
        TranslatableField("full_text"),
        SynchronizedField("signatory_baseline"),
    )

    parent_page_types = ["home.AlliancePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Joint Call page")

    @property
    def signatory_count(self):
        return self.signatory_baseline


class StoryPage(ListedPage, Page):
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), max_length=500)
    hero_image = image_field(_("hero image"))
    region = models.CharField(_("region or city"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    body = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("body"))

    card_template = "home/cards/story_card.html"

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("region"), FieldPanel("country")],
            heading=_("Where and when"),
        ),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("region"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = page_translatable_fields(
        SynchronizedField("date"),
        TranslatableField("summary"),
        SynchronizedField("hero_image"),
        TranslatableField("region"),
        SynchronizedField("country"),
        TranslatableField("body"),
    )

    parent_page_types = ["home.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.select_related("hero_image")


class StoryIndexPage(IndexPage):
    listed_model = StoryPage
    listed_order = ("-date", "-pk")

    parent_page_types = ["home.AlliancePage"]
    subpage_types = ["home.StoryPage"]

    class Meta:
        verbose_name = _("story index")


class ContentPage(Page):
    """A plain page: privacy notice, contact, the branding toolkit, "find out why"…"""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = page_translatable_fields(
        TranslatableField("introduction"),
        TranslatableField("body"),
    )

    parent_page_types = ["home.AlliancePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
