"""StreamField blocks shared by every page type.

Each block renders with its own template in ``cms/templates/cms/blocks/``, named after the block.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from .formatting import anchor
from .i18n.localized import localized

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


# A page chooser of a block is optional: when its page is deleted (or unpublished) the block
# shows nothing on the live site, and the page holding it can still be published. (Required, the
# block made the next publication of that page fail with "This field is required" until an
# officer found the emptied block; dropping the block instead would lose its text and settings.)
MISSING_PAGE_HELP = _("If this page is deleted or unpublished, the block is not shown.")


def live_target(page):
    """The chosen page if it still exists and is live, else None."""
    return page if page is not None and page.live else None


def first_instance(model_path):
    """The first stored object of a model, for block previews in the admin."""
    from django.apps import apps

    return apps.get_model(model_path).objects.order_by("pk").first()


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )

    class Meta:
        template = "cms/blocks/heading_block.html"
        icon = "title"
        label = _("Heading")
        preview_value = {"text": "What is the Cohesion Alliance?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "cms/blocks/paragraph_block.html"
        icon = "pilcrow"
        label = _("Paragraph")
        preview_value = (
            "<p>Cohesion policy unites and holds Europe together; it mobilises and involves "
            "everyone on the path to a better quality of life for all.</p>"
        )


ALT_TEXT_LABEL = _("Alternative text")


class AltTextImageBlock(ImageBlock):
    """Wagtail's ImageBlock, its alt text labelled "Alternative text": in the page editor, and in
    wagtail-localize's translation editor, which names the alt text's segment after it
    (``alt_text_segment_label`` in cms/wagtail_hooks.py) rather than after the image.
    It is stored, and deconstructs, as Wagtail's ImageBlock."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        self.child_blocks["alt_text"].label = ALT_TEXT_LABEL


class FigureBlock(blocks.StructBlock):
    image = AltTextImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    def get_preview_value(self):
        image = first_instance("wagtailimages.Image")
        if image is None:
            return self.get_default()
        return self.to_python(
            {
                "image": {"image": image.pk, "alt_text": image.title, "decorative": False},
                "caption": "Cohesion policy at work",
                "credit": "",
            }
        )

    class Meta:
        template = "cms/blocks/figure_block.html"
        icon = "image"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        template = "cms/blocks/quote_block.html"
        icon = "openquote"
        label = _("Quote")
        preview_value = {
            "quote": "Cohesion policy must remain available to all regions.",
            "attribution": "#CohesionAlliance",
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=1000)
    page = blocks.PageChooserBlock(label=_("Page"), required=False, help_text=MISSING_PAGE_HELP)
    link_label = blocks.CharBlock(label=_("Link label"), max_length=100)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["target"] = live_target(value["page"])
        return context

    def get_preview_value(self):
        return self.to_python(
            {
                "heading": "Sign the Joint Call",
                "text": "Join more than 12,000 signatories.",
                "page": getattr(first_instance("wagtailcore.Page"), "pk", None),
                "link_label": "Sign the call",
            }
        )

    class Meta:
        template = "cms/blocks/call_to_action_block.html"
        icon = "pick"
        label = _("Call to action")


class VideoBlock(blocks.StructBlock):
    """A video of the media library, shown with the player of its own page (its uploaded file
    with captions, or its platform video behind the click-to-load consent)."""

    video = blocks.PageChooserBlock(
        label=_("Video"),
        page_type="media_library.VideoPage",
        required=False,
        help_text=MISSING_PAGE_HELP,
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        target = live_target(value["video"])
        context["target"] = target
        if target is not None:
            # The video in the visitor's language, with what its page's player needs.
            video = localized(target)
            context["video"] = video
            context.update(video.player_context())
        return context

    def get_preview_value(self):
        return self.to_python(
            {
                "video": getattr(first_instance("media_library.VideoPage"), "pk", None),
                "caption": "Cohesion policy at work",
            }
        )

    class Meta:
        template = "cms/blocks/video_block.html"
        icon = "media"
        label = _("Video")


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    documents = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("document", DocumentChooserBlock(label=_("File"))),
                (
                    "description",
                    blocks.CharBlock(label=_("Description"), required=False, max_length=300),
                ),
            ],
            label=_("Download"),
        ),
        label=_("Files"),
    )

    def get_preview_value(self):
        document = first_instance("wagtaildocs.Document")
        items = [{"document": document.pk, "description": ""}] if document else []
        return self.to_python({"heading": "Downloads", "documents": items})

    class Meta:
        template = "cms/blocks/document_list_block.html"
        icon = "doc-full"
        label = _("Downloadable files")


class ImageDownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    images = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("image", AltTextImageBlock(label=_("Image"))),
                ("licence", blocks.CharBlock(label=_("Licence"), required=False, max_length=200)),
            ],
            label=_("Image"),
        ),
        label=_("Images"),
    )

    def get_preview_value(self):
        image = first_instance("wagtailimages.Image")
        items = []
        if image:
            items = [
                {
                    "image": {"image": image.pk, "alt_text": image.title, "decorative": False},
                    "licence": "CC BY 4.0",
                }
            ]
        return self.to_python({"heading": "Logos", "images": items})

    class Meta:
        template = "cms/blocks/image_downloads_block.html"
        icon = "image"
        label = _("Downloadable images")


class LatestPagesBlock(blocks.StructBlock):
    """The newest pages of a section (stories, videos, episodes, documents), with a link to
    see more; a page of the section may be featured first, in full (a video with its player, an
    episode with its summary and player)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    index_page = blocks.PageChooserBlock(
        label=_("Section"),
        page_type=[
            "home.StoryIndexPage",
            "media_library.VideoIndexPage",
            "podcasts.PodcastIndexPage",
            "podcasts.PodcastShowPage",
            "documents.DocumentIndexPage",
        ],
        required=False,
        help_text=MISSING_PAGE_HELP,
    )
    featured = blocks.PageChooserBlock(
        label=_("Featured"),
        page_type=[
            "home.StoryPage",
            "media_library.VideoPage",
            "podcasts.EpisodePage",
            "documents.DocumentPage",
        ],
        required=False,
        help_text=_(
            "Optional: a page of the section to show first and in full (a video with its "
            "player, an episode with its summary and player). If it is deleted or unpublished, "
            "the newest are shown without it."
        ),
    )
    count = blocks.IntegerBlock(label=_("Number of items"), default=3, min_value=1, max_value=12)

    # A page chooser that the block does without (see ``lost_its_page``).
    optional_pages = ("featured",)

    def get_context(self, value, parent_context=None):
        # Lazy: the template caches what they make, and asks for them only when its cache misses.
        context = super().get_context(value, parent_context)
        context["target"] = live_target(value["index_page"])
        index = SimpleLazyObject(lambda: localized(value["index_page"]))
        context["index"] = index
        chosen = live_target(value["featured"])
        count = value["count"]
        if chosen is None:
            context["featured"] = None
            context["items"] = SimpleLazyObject(lambda: list(index.latest(count)))
        else:
            context["featured"] = SimpleLazyObject(lambda: featured_page(chosen))
            context["items"] = SimpleLazyObject(
                lambda: [
                    item
                    for item in index.latest(count + 1)
                    if item.translation_key != chosen.translation_key
                ][:count]
            )
        return context

    def get_preview_value(self):
        index = first_instance("home.StoryIndexPage")
        return self.to_python(
            {"heading": "Stories", "index_page": getattr(index, "pk", None), "count": 3}
        )

    class Meta:
        template = "cms/blocks/latest_pages_block.html"
        icon = "list-ul"
        label = _("Latest from a section")


def featured_page(page):
    """A page to feature, in the visitor's language if it is translated, with what its card
    needs (``listing_queryset``)."""
    model = page.specific_class
    pages = model.listing_queryset(model.objects.live())
    return (
        pages.filter(translation_key=page.translation_key, locale__language_code=get_language())
        .order_by()
        .first()
        or pages.filter(pk=page.pk).first()
    )


class LinkBlock(blocks.StructBlock):
    """A link on its own ("More about the Alliance"): to a page, or to a section of the page it
    is on."""

    label = blocks.CharBlock(label=_("Link label"), max_length=100)
    page = blocks.PageChooserBlock(label=_("Page"), required=False, help_text=MISSING_PAGE_HELP)
    section = blocks.CharBlock(
        label=_("Or a section of this page"),
        required=False,
        max_length=200,
        help_text=_("The heading of the section, as it is written on this page."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not value["page"] and not value["section"]:
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page, or name a section."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["target"] = live_target(value.get("page"))
        return context

    class Meta:
        template = "cms/blocks/link_block.html"
        icon = "link"
        label = _("Link")
        preview_value = {
            "label": "More about the Alliance",
            "page": None,
            "section": "Our principles",
        }


def section_headings(stream):
    """(anchor, text) of every top-level section of a StreamField, in order."""
    for block in stream:
        value = block.value
        if block.block_type == "heading":
            if value["level"] == "h2":
                yield anchor(value["text"]), value["text"]
        elif (
            isinstance(value, blocks.StructValue)
            and value.get("heading")
            and not lost_its_page(value)
        ):
            yield anchor(value["heading"]), value["heading"]


def lost_its_page(value):
    """Whether a block (a StructValue) links to a page that is gone: it then shows nothing (a
    page it does without, such as a featured page, does not count)."""
    optional = getattr(value.block, "optional_pages", ())
    return any(
        isinstance(child, blocks.PageChooserBlock)
        and name not in optional
        and live_target(value.get(name)) is None
        for name, child in value.block.child_blocks.items()
    )


class TableOfContentsBlock(blocks.StaticBlock):
    """Links to every section of the page it is on."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        body = getattr(page, "body", None)
        context["sections"] = list(section_headings(body)) if body else []
        return context

    @property
    def is_previewable(self):
        # It lists the sections of the page it is on: on its own it has nothing to show.
        return False

    class Meta:
        template = "cms/blocks/table_of_contents_block.html"
        icon = "list-ol"
        label = _("Table of contents")
        admin_text = _("Lists the section headings of this page.")
        preview_value = None


class BaseBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    documents = DocumentListBlock()
    image_downloads = ImageDownloadsBlock()
    table_of_contents = TableOfContentsBlock()
    link = LinkBlock()
