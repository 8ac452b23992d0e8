from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.blocks import (
    MISSING_PAGE_HELP,
    BaseBodyBlock,
    LatestPagesBlock,
    first_instance,
    live_target,
)
from cms.i18n.localized import localized
from signatures.services import call_key_of_page, signatory_count


class PrinciplesBlock(blocks.StructBlock):
    """The numbered principles of the Joint Call."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    introduction = blocks.RichTextBlock(
        label=_("Introduction"), required=False, features=["bold", "italic", "link"]
    )
    principles = blocks.ListBlock(
        blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Principle")),
        label=_("Principles"),
        min_num=1,
    )

    class Meta:
        template = "home/blocks/principles_block.html"
        icon = "list-ol"
        label = _("Numbered principles")
        preview_value = {
            "heading": "Our principles",
            "introduction": "<p>A renewed cohesion policy post-2027 based on:</p>",
            "principles": [
                "<p>A policy for all regions, cities and municipalities.</p>",
                "<p>A policy based on local solutions.</p>",
            ],
        }


class JointCallTeaserBlock(blocks.StructBlock):
    """A short presentation of the Joint Call with its live signatory count."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    text = blocks.RichTextBlock(
        label=_("Text"), required=False, features=["bold", "italic", "link"]
    )
    page = blocks.PageChooserBlock(
        label=_("Joint Call page"),
        page_type="home.JointCallPage",
        required=False,
        help_text=MISSING_PAGE_HELP,
    )
    show_principles = blocks.BooleanBlock(
        label=_("Show the principles of the call"), required=False, default=True
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        call_page = localized(live_target(value["page"]))
        context["call_page"] = call_page
        if call_page and value["show_principles"]:
            context["principles"] = [
                block for block in call_page.body if block.block_type == "principles"
            ]
        return context

    def rendering_variant(self, value):
        """The count of signatories changes with signatures, not with publications: a rendering
        is kept for each count (``cms.caching.rendering``)."""
        call_key = call_key_of_page(value.get("page"))
        return str(signatory_count(call_key)) if call_key else ""

    def get_preview_value(self):
        page = first_instance("home.JointCallPage")
        return self.to_python(
            {
                "heading": "Joint Call",
                "text": "<p>Sign the Joint Call for a strong cohesion policy.</p>",
                "page": getattr(page, "pk", None),
                "show_principles": True,
            }
        )

    class Meta:
        template = "home/blocks/joint_call_teaser_block.html"
        icon = "pick"
        label = _("Joint Call teaser")


class AllianceBodyBlock(BaseBodyBlock):
    joint_call_teaser = JointCallTeaserBlock()
    latest_pages = LatestPagesBlock()


class JointCallBodyBlock(BaseBodyBlock):
    principles = PrinciplesBlock()
