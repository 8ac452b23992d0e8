from django.conf import settings
from django.db import models
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailmedia.edit_handlers import MediaChooserPanel

from cms.blocks import BaseBodyBlock
from cms.formatting import iso_duration
from cms.models import IndexPage, SitePage, image_field
from cms.seo.metadata import description
from cms.seo.structured_data import SCHEMA, plain

from .blocks import ChapterBlock, GuestBlock, seconds
from .feeds import podcast_feed

APPLE_CATEGORIES = [
    ("Government", "Government"),
    ("News/Politics", "News › Politics"),
    ("Society & Culture", "Society & Culture"),
    ("Education", "Education"),
    ("Business", "Business"),
    ("Science/Earth Sciences", "Science › Earth Sciences"),
]


class EpisodePage(RoutablePageMixin, SitePage):
    route_select_related = ["audio", "transcript_file"]

    episode_number = models.PositiveIntegerField(_("episode number"), null=True, blank=True)
    season_number = models.PositiveIntegerField(_("season number"), null=True, blank=True)
    date = models.DateField(_("publication date"))
    summary = models.TextField(_("summary"), max_length=1000)
    guests = StreamField([("guest", GuestBlock())], blank=True, verbose_name=_("guests"))
    audio = models.ForeignKey(
        settings.WAGTAILMEDIA["MEDIA_MODEL"],
        verbose_name=_("audio file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("show notes"))
    transcript = RichTextField(
        _("transcript"), blank=True, features=["bold", "italic", "link", "h3"]
    )
    transcript_file = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("transcript with timings (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chapters = StreamField([("chapter", ChapterBlock())], blank=True, verbose_name=_("chapters"))

    card_template = "podcasts/cards/episode_card.html"
    # Featured in a list ("Latest from a section"): its title, summary and player.
    featured_template = "podcasts/featured_episode.html"

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("episode_number"), FieldPanel("season_number"), FieldPanel("date")],
            heading=_("Episode"),
        ),
        FieldPanel("summary"),
        MediaChooserPanel("audio", media_type="audio"),
        FieldPanel("guests"),
        FieldPanel("body"),
        FieldPanel("chapters"),
        MultiFieldPanel(
            [FieldPanel("transcript"), FieldPanel("transcript_file")], heading=_("Transcript")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("guests"),
        index.SearchField("body"),
        index.SearchField("transcript"),
        index.FilterField("date"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        SynchronizedField("episode_number"),
        SynchronizedField("season_number"),
        SynchronizedField("date"),
        TranslatableField("summary"),
        TranslatableField("guests"),
        SynchronizedField("audio", overridable=False),
        TranslatableField("body"),
        TranslatableField("transcript"),
        SynchronizedField("transcript_file", overridable=False),
        TranslatableField("chapters"),
    ]

    parent_page_types = ["podcasts.PodcastShowPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("podcast episode")

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.select_related("audio")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["show"] = show = self.get_parent().specific
        context["feed_url"] = show.feed_url
        return context

    def get_cached_paths(self):
        return ["/", "chapters/", "transcript/"]

    def share_image(self):
        """The show's artwork."""
        return getattr(self.get_parent().specific, "artwork", None)

    def structured_data(self, request, site_settings, image):
        """schema.org PodcastEpisode, part of its show's series, with its audio."""
        show = self.get_parent().specific
        data = {
            "@context": SCHEMA,
            "@type": "PodcastEpisode",
            "name": self.title,
            "description": plain(self.summary),
            "datePublished": self.date.isoformat(),
            "url": self.get_full_url(request),
            "inLanguage": getattr(show, "audio_language", "") or self.locale.language_code,
            "partOfSeries": {
                "@type": "PodcastSeries",
                "name": show.title,
                "url": show.get_full_url(request),
            },
        }
        if self.episode_number:
            data["episodeNumber"] = self.episode_number
        if self.season_number:
            data["partOfSeason"] = {"@type": "PodcastSeason", "seasonNumber": self.season_number}
        if image:
            data["image"] = image["url"]
        if self.audio:
            media = {
                "@type": "AudioObject",
                "contentUrl": request.build_absolute_uri(self.audio.url),
            }
            if self.audio.mime_type:
                media["encodingFormat"] = self.audio.mime_type
            if self.audio.duration:
                media["duration"] = iso_duration(self.audio.duration)
                data["timeRequired"] = media["duration"]
            data["associatedMedia"] = media
        return data

    @path("chapters/", name="chapters")
    def chapters_json(self, request):
        """Podcasting 2.0 chapters (application/json+chapters)."""
        if not self.chapters:
            raise Http404
        data = {
            "version": "1.2.0",
            "title": self.title,
            "chapters": [
                {"startTime": seconds(block.value["start"]), "title": block.value["title"]}
                for block in self.chapters
            ],
        }
        return JsonResponse(
            data,
            content_type="application/json+chapters",
            json_dumps_params={"ensure_ascii": False},
        )

    @path("transcript/", name="transcript")
    def transcript_html(self, request):
        """The transcript alone, as the HTML transcript of the podcast feed."""
        if not self.transcript:
            raise Http404
        return render(request, "podcasts/transcript.html", {"page": self})


class PodcastShowPage(RoutablePageMixin, IndexPage):
    """A podcast show, such as Regio Waves, listing its episodes, with its RSS feed."""

    route_select_related = ["artwork"]

    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])
    artwork = image_field(_("artwork"))
    category = models.CharField(
        _("category"), max_length=50, choices=APPLE_CATEGORIES, default="Government"
    )
    audio_language = models.CharField(
        _("language of the episodes"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    author = models.CharField(
        _("author"), max_length=200, default="European Committee of the Regions"
    )
    owner_name = models.CharField(_("owner"), max_length=200, blank=True)
    owner_email = models.EmailField(
        _("owner email"),
        blank=True,
        help_text=_("Podcast directories write to this address to confirm who owns the show."),
    )
    copyright = models.CharField(_("copyright"), max_length=200, blank=True)
    explicit = models.BooleanField(_("explicit content"), default=False)
    podcast_locked = models.BooleanField(
        _("locked"),
        default=True,
        help_text=_("Forbid other podcast hosts to import this show (podcast:locked)."),
    )

    listed_model = EpisodePage
    listed_order = ("-date", "-pk")
    card_template = "podcasts/cards/show_card.html"

    content_panels = IndexPage.content_panels + [FieldPanel("description"), FieldPanel("artwork")]
    settings_panels = IndexPage.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("audio_language"),
                FieldPanel("author"),
                FieldPanel("owner_name"),
                FieldPanel("owner_email"),
                FieldPanel("copyright"),
                FieldPanel("explicit"),
                FieldPanel("podcast_locked"),
            ],
            heading=_("Podcast directories"),
        )
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    translatable_fields = IndexPage.translatable_fields + [
        TranslatableField("description"),
        SynchronizedField("artwork"),
        SynchronizedField("category", overridable=False),
        SynchronizedField("audio_language", overridable=False),
        SynchronizedField("author", overridable=False),
        SynchronizedField("owner_name", overridable=False),
        SynchronizedField("owner_email", overridable=False),
        TranslatableField("copyright"),
        SynchronizedField("explicit"),
        SynchronizedField("podcast_locked"),
    ]

    parent_page_types = ["podcasts.PodcastIndexPage"]
    subpage_types = ["podcasts.EpisodePage"]

    class Meta:
        verbose_name = _("podcast show")

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.select_related("artwork")

    def share_image(self):
        return self.artwork

    def structured_data(self, request, site_settings, image):
        """schema.org PodcastSeries, with its feed."""
        data = {
            "@context": SCHEMA,
            "@type": "PodcastSeries",
            "name": self.title,
            "description": plain(self.description) or description(self),
            "url": self.get_full_url(request),
            "webFeed": request.build_absolute_uri(self.feed_url),
            "inLanguage": self.audio_language or self.locale.language_code,
            "author": {"@type": "Organization", "name": self.author},
        }
        if image:
            data["image"] = image["url"]
        return data

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed")

    def get_cached_paths(self):
        return ["/", "feed/"]

    @path("feed/", name="feed")
    def feed(self, request):
        """The show's RSS feed in this language, for podcast apps and directories."""
        episodes = (
            EpisodePage.objects.child_of(self)
            .live()
            .select_related("audio", "transcript_file")
            .order_by("date", "pk")
        )
        return HttpResponse(
            podcast_feed(self, episodes, request), content_type="application/rss+xml"
        )


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
        context["latest_episodes"] = self.cached_list("latest-episodes", lambda: self.latest(6))
        return context
