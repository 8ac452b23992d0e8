from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailmedia.edit_handlers import MediaChooserPanel

from cms.blocks import BaseBodyBlock
from cms.models import IndexPage, ListedPage, image_field, page_translatable_fields

from .blocks import GuestBlock


class EpisodePage(ListedPage, Page):
    episode_number = models.PositiveIntegerField(_("episode number"), null=True, blank=True)
    date = models.DateField(_("publication date"))
    summary = models.TextField(_("summary"), max_length=1000)
    guests = StreamField([("guest", GuestBlock())], blank=True, verbose_name=_("guests"))
    audio = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("audio file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("show notes"))

    card_template = "podcasts/cards/episode_card.html"

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("episode_number"), FieldPanel("date")], heading=_("Episode")),
        FieldPanel("summary"),
        MediaChooserPanel("audio", media_type="audio"),
        FieldPanel("guests"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("guests"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = page_translatable_fields(
        SynchronizedField("episode_number"),
        SynchronizedField("date"),
        TranslatableField("summary"),
        TranslatableField("guests"),
        SynchronizedField("audio"),
        TranslatableField("body"),
    )

    parent_page_types = ["podcasts.PodcastShowPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("podcast episode")

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.select_related("audio")


class PodcastShowPage(ListedPage, IndexPage):
    """A podcast show, such as Regio Waves, listing its episodes."""

    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    artwork = image_field(_("artwork"))

    listed_model = EpisodePage
    listed_order = ("-date", "-pk")
    card_template = "podcasts/cards/show_card.html"

    content_panels = IndexPage.content_panels + [FieldPanel("description"), FieldPanel("artwork")]
    search_fields = Page.search_fields + [index.SearchField("description")]
    translatable_fields = IndexPage.translatable_fields + [
        TranslatableField("description"),
        SynchronizedField("artwork"),
    ]

    parent_page_types = ["podcasts.PodcastIndexPage"]
    subpage_types = ["podcasts.EpisodePage"]

    class Meta:
        verbose_name = _("podcast show")

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.select_related("artwork")


class PodcastIndexPage(IndexPage):
    """All podcast shows; its "latest" are the newest episodes of every show."""

    listed_model = PodcastShowPage
    listed_order = ("path",)

    parent_page_types = ["home.AlliancePage"]
    subpage_types = ["podcasts.PodcastShowPage"]

    class Meta:
        verbose_name = _("podcasts")

    def latest(self, limit):
        episodes = EpisodePage.objects.descendant_of(self).live()
        return EpisodePage.listing_queryset(episodes).order_by("-date", "-pk")[:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_episodes"] = self.latest(6)
        return context
