"""Every StreamField block of the site: described for officers, previewable, rendered."""

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock

from cms.blocks import TableOfContentsBlock

OUR_PACKAGES = {app.split(".")[0] for app in settings.PROJECT_APPS}


def walk(block):
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from walk(child)
    if isinstance(block, blocks.ListBlock):
        yield from walk(block.child_block)


def our_blocks():
    """Each block of our own (not Wagtail's field blocks), once per class."""
    found = {}
    for config in apps.get_app_configs():
        if config.name not in settings.PROJECT_APPS:
            continue
        for model in config.get_models():
            for field in model._meta.get_fields():
                if isinstance(field, StreamField):
                    for block in walk(field.stream_block):
                        if isinstance(block, blocks.StreamBlock | ImageBlock):
                            # ImageBlock: Wagtail's (cms.blocks.AltTextImageBlock relabels it).
                            continue
                        if type(block).__module__.split(".")[0] in OUR_PACKAGES:
                            found.setdefault(type(block), block)
    return list(found.values())


BLOCKS = our_blocks()


def test_every_block_of_ours_is_found():
    names = {type(block).__name__ for block in BLOCKS}
    assert {
        "HeadingBlock",
        "ParagraphBlock",
        "FigureBlock",
        "QuoteBlock",
        "CallToActionBlock",
        "VideoBlock",
        "DocumentListBlock",
        "ImageDownloadsBlock",
        "LatestPagesBlock",
        "TableOfContentsBlock",
        "PrinciplesBlock",
        "JointCallTeaserBlock",
        "GuestBlock",
        "SocialLinkBlock",
    } <= names


@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: type(block).__name__)
def test_block_is_described_for_officers(block):
    name = type(block).__name__
    expected_template = "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")
    assert block.meta.template.endswith(f"/{expected_template}.html")
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.label


@pytest.mark.django_db
@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: type(block).__name__)
def test_block_renders_its_preview_value(block, site_tree, rf):
    value = block.get_preview_value()
    page = site_tree.en.home
    if isinstance(block, TableOfContentsBlock):
        page.body = [{"type": "heading", "value": {"text": "Our principles", "level": "h2"}}]
    else:
        assert value not in (None, "", {}, []), "no preview value"
    html = block.render(value, context={"page": page, "request": rf.get("/")})
    assert html.strip(), "renders nothing"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "block",
    [block for block in BLOCKS if block.is_previewable],
    ids=lambda block: type(block).__name__,
)
def test_block_preview_in_the_admin(block, site_tree, admin_client):
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    assert b"/static/css/site.css" in response.content


@pytest.mark.django_db
def test_table_of_contents_lists_every_section_of_the_page(site_tree, rf):
    page = site_tree.en.home
    page.body = [
        {"type": "table_of_contents", "value": None},
        {"type": "heading", "value": {"text": "Kas ir Kohēzijas alianse?", "level": "h2"}},
        {"type": "heading", "value": {"text": "A subheading", "level": "h3"}},
        {"type": "quote", "value": {"quote": "Cohesion matters", "attribution": ""}},
        {
            "type": "latest_pages",
            "value": {"heading": "Ιστορίες", "index_page": site_tree.en.story_index.pk, "count": 3},
        },
    ]
    toc = page.body[0]
    html = toc.block.render(toc.value, context={"page": page, "request": rf.get("/")})
    assert 'href="#kas-ir-kohezijas-alianse"' in html
    assert 'href="#istories"' in html
    assert "A subheading" not in html
