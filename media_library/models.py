from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailmedia.edit_handlers import MediaChooserPanel

from cms.models import IndexPage, ListedPage, image_field, page_translatable_fields


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


class VideoPage(ListedPage, Page):
    """One video of the media library, with a page of its own that can be shared."""

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
        "wagtailmedia.Media",
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

    card_template = "media_library/cards/video_card.html"

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("series")], heading=_("About")),
        FieldPanel("poster"),
        FieldPanel("description"),
        MultiFieldPanel(
            [MediaChooserPanel("video", media_type="video"), FieldPanel("video_url")],
            heading=_("Video"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.FilterField("date"),
    ]
    translatable_fields = page_translatable_fields(
        SynchronizedField("date"),
        TranslatableField("series"),
        SynchronizedField("poster"),
        TranslatableField("description"),
        SynchronizedField("video"),
        SynchronizedField("video_url"),
    )

    parent_page_types = ["media_library.VideoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video")

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.select_related("poster", "series")


class VideoIndexPage(IndexPage):
    """The media library."""

    listed_model = VideoPage
    listed_order = ("-date", "-pk")

    parent_page_types = ["home.AlliancePage"]
    subpage_types = ["media_library.VideoPage"]

    class Meta:
        verbose_name = _("media library")
