from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import BadRequest, ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailmedia.edit_handlers import MediaChooserPanel
from wagtailmedia.models import AbstractMedia

from cms.formatting import iso_duration
from cms.models import IndexPage, SitePage, image_field
from cms.numbers import whole_number
from cms.seo.structured_data import SCHEMA

from .embeds import allowed_platforms, is_allowed_platform, platform_embed
from .forms import VideoPageForm
from .media_files import MediaFileError, read_media_file


class CustomMedia(AbstractMedia):
    """An audio or video file. What the file says of itself — its type, size and duration — is
    read from it when it is uploaded, never typed, and a file that is not what it claims to be is
    refused."""

    file_size = models.PositiveBigIntegerField(_("file size"), null=True, editable=False)
    mime_type = models.CharField(_("file type"), max_length=100, blank=True, editable=False)

    admin_form_fields = ("title", "file", "collection", "thumbnail", "tags")

    class Meta(AbstractMedia.Meta):
        verbose_name = _("media file")
        verbose_name_plural = _("media files")

    def clean(self, *args, **kwargs):
        try:
            self.read_file_details()
        except MediaFileError as error:
            raise ValidationError({"file": str(error)}) from error
        super().clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.read_file_details()
        super().save(*args, **kwargs)

    def read_file_details(self):
        """Type, size, duration of a newly uploaded file; raises MediaFileError if the file is
        not what it should be."""
        if not self.file or getattr(self.file, "_committed", True) or self._read_file is self.file:
            return
        details = read_media_file(self.file, self.type)
        self.duration = details.duration
        self.file_size = details.size
        self.mime_type = details.mime_type
        self.width, self.height = details.width, details.height
        self._read_file = self.file

    _read_file = None

    @property
    def sources(self):
        return [{"src": self.url, "type": self.mime_type or "application/octet-stream"}]


@register_snippet
class VideoSeries(TranslatableMixin, models.Model):
    """A series the videos belong to, such as "EU is Cohesion"."""

    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("name")]
    translatable_fields = [TranslatableField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("video series")
        verbose_name_plural = _("video series")
        ordering = ["name"]

    def __str__(self):
        return self.name


class VideoPage(SitePage):
    """One video of the media library, with a page of its own that can be shared: an uploaded
    file (with captions in several languages) or a video on a platform, which loads only when
    the visitor asks for it."""

    route_select_related = ["poster", "series", "video"]

    date = models.DateField(_("date"))
    series = models.ForeignKey(
        VideoSeries,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="videos",
    )
    poster = image_field(_("poster image"))
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )
    video = models.ForeignKey(
        settings.WAGTAILMEDIA["MEDIA_MODEL"],
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.URLField(
        _("video on a platform"),
        blank=True,
        help_text=_("The address of the video on YouTube or another platform, if not uploaded."),
    )
    transcript = RichTextField(
        _("transcript"), blank=True, features=["bold", "italic", "link", "h3"]
    )

    card_template = "media_library/cards/video_card.html"
    # Featured in a list ("Latest from a section"): its player, title and description.
    featured_template = "media_library/featured_video.html"
    og_type = "video.other"
    base_form_class = VideoPageForm

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("series")], heading=_("About")),
        FieldPanel("poster"),
        FieldPanel("description"),
        MultiFieldPanel(
            [MediaChooserPanel("video", media_type="video"), FieldPanel("video_url")],
            heading=_("Video"),
        ),
        InlinePanel("captions", label=_("Captions (WebVTT), one file per language")),
        FieldPanel("transcript"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("transcript"),
        index.FilterField("date"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("series"),
        SynchronizedField("poster"),
        TranslatableField("description"),
        SynchronizedField("video", overridable=False),
        SynchronizedField("video_url", overridable=False),
        SynchronizedField("captions"),
        TranslatableField("transcript"),
    ]

    parent_page_types = ["media_library.VideoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video")

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.select_related("poster", "series")

    def clean(self):
        super().clean()
        if self.video_id and self.video.type != "video":
            raise ValidationError({"video": _("Choose a video file, not an audio file.")})
        if self.video_url and not is_allowed_platform(self.video_url):
            raise ValidationError(
                {
                    "video_url": _(
                        "Videos from this address cannot be played on the site. Give the "
                        "address of a video on one of these platforms: %(platforms)s, or "
                        "upload the video file."
                    )
                    % {"platforms": ", ".join(name for name, _hosts in allowed_platforms())}
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.player_context())
        return context

    def player_context(self):
        """What the player (media_library/video_player.html) needs besides the page: the embed
        of a platform video, and the platform's name (else its address)."""
        if self.video_id or not self.video_url:
            return {}
        embed = platform_embed(self.video_url)
        provider = (embed and embed.provider_name) or urlsplit(self.video_url).hostname
        return {"embed": embed, "provider": provider}

    def share_image(self):
        return self.poster

    def structured_data(self, request, site_settings, image):
        """schema.org VideoObject: what search engines show of the video."""
        data = {
            "@context": SCHEMA,
            "@type": "VideoObject",
            "name": self.title,
            "description": strip_tags(self.description) or self.title,
            "uploadDate": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
        }
        if self.poster:
            data["thumbnailUrl"] = request.build_absolute_uri(
                self.poster.get_rendition("fill-1280x720").url
            )
        if self.video:
            data["contentUrl"] = request.build_absolute_uri(self.video.url)
            if self.video.duration:
                data["duration"] = iso_duration(self.video.duration)
        elif self.video_url:
            data["embedUrl"] = self.video_url
        return data


class VideoCaption(Orderable):
    """Captions of an uploaded video in one language."""

    page = ParentalKey(VideoPage, on_delete=models.CASCADE, related_name="captions")
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    file = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("WebVTT file"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("language"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("captions")
        verbose_name_plural = _("captions")

    def clean(self):
        super().clean()
        if self.file_id and not self.file.filename.lower().endswith(".vtt"):
            raise ValidationError({"file": _("Captions must be a WebVTT (.vtt) file.")})

    @property
    def language_name(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)


class VideoIndexPage(IndexPage):
    """The media library: every video, newest first, filtered by series."""

    listed_model = VideoPage
    listed_order = ("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        series = self.cached_list(
            "video-series",
            lambda: VideoSeries.objects.filter(
                locale_id=self.locale_id, videos__in=VideoPage.objects.child_of(self).live()
            ).distinct(),
        )
        chosen = request.GET.get("series", "")
        self.chosen_series = whole_number(chosen)
        if chosen and self.chosen_series not in {each.pk for each in series}:
            raise BadRequest("Unknown series")
        context = super().get_context(request, *args, **kwargs)
        context["series_list"] = series
        context["chosen_series"] = self.chosen_series
        context["query"] = f"series={chosen}" if chosen else ""
        return context

    def listing_variant(self):
        return str(getattr(self, "chosen_series", None) or "")

    def listed_pages(self):
        pages = super().listed_pages()
        if getattr(self, "chosen_series", None):
            pages = pages.filter(series_id=self.chosen_series)
        return pages

    parent_page_types = ["home.AlliancePage"]
    subpage_types = ["media_library.VideoPage"]

    class Meta:
        verbose_name = _("media library")
