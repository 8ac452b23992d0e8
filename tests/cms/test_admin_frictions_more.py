"""More small frictions of the admin (issue 13, part 9), each held by a test: the alt text's
segment labelled as such in the translation editor, images without alt text not taken for
uploaded, "Approve and publish" saying it published, the page chooser in the edited page's
language, and no 500 when saving an edited page fails."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file_jpeg
from wagtail.models import Collection, Locale, UploadedFile
from wagtail_localize.models import Translation

from home.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def translation_editor_segments(client, page, language_code):
    """The segments localize's translation editor shows for ``page`` in ``language_code``."""
    locale = Locale.objects.get(language_code=language_code)
    submit = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
    assert client.post(submit, {"locales": [locale.pk]}).status_code == 302
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    editor = client.get(
        reverse("wagtailadmin_pages:edit", args=(translation.get_target_instance().pk,))
    )
    assert editor.status_code == 200
    props = BeautifulSoup(editor.content, "html.parser").select_one(".js-translation-editor")
    return json.loads(props["data-props"])["segments"]


@pytest.fixture
def illustrated_story(site_tree):
    from cms.locales import sync_locale_trees

    image = site_tree.image
    page = StoryPageFactory(
        parent=site_tree.en.story_index,
        title="Prague against floods",
        slug="prague-floods",
        body=[
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": image.pk,
                        "alt_text": "A flood barrier on the Vltava",
                        "decorative": False,
                    },
                    "caption": "The new barrier",
                    "credit": "",
                },
            },
            {
                "type": "image_downloads",
                "value": {
                    "heading": "Logos",
                    # As the editor saves list items (localize skips the older format).
                    "images": [
                        {
                            "type": "item",
                            "id": "5d1b0f5e-3f5a-4c55-9d3c-1c0c2f1e4a01",
                            "value": {
                                "image": {
                                    "image": image.pk,
                                    "alt_text": "The logo of the Alliance",
                                    "decorative": False,
                                },
                                "licence": "CC BY 4.0",
                            },
                        }
                    ],
                },
            },
            {"type": "paragraph", "value": "<p>Prague <b>keeps</b> the river out.</p>"},
        ],
    )
    sync_locale_trees()
    return page


def test_alt_text_segment_is_labelled_alternative_text(admin_client, illustrated_story):
    segments = {
        segment["source"]: segment["location"]
        for segment in translation_editor_segments(admin_client, illustrated_story, "lv")
        if segment["type"] == "string"
    }
    alt_text = segments["A flood barrier on the Vltava"]
    assert (alt_text["field"], alt_text["subField"]) == ("Image", "Alternative text")
    assert segments["The logo of the Alliance"]["subField"] == "Alternative text"
    # Other segments keep localize's labels.
    assert segments["The new barrier"]["subField"] == "Caption"
    assert segments["CC BY 4.0"]["subField"] == "Images"


def test_the_page_editor_labels_the_alt_text_in_full():
    from cms.blocks import FigureBlock

    image_block = FigureBlock().child_blocks["image"]
    assert image_block.child_blocks["alt_text"].label == "Alternative text"
    # Stored and migrated as Wagtail's own ImageBlock: no migration for a label.
    assert image_block.deconstruct()[0] == "wagtail.images.blocks.ImageBlock"


# Images: uploaded without alt text, an image is not saved, and the admin says so.


def test_add_images_says_an_upload_is_saved_only_with_its_alt_text(admin_client, site_tree):
    html = admin_client.get(reverse("wagtailimages:add_multiple")).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    item = BeautifulSoup(
        soup.select_one("template#upload-list-item").decode_contents(), "html.parser"
    )
    message = item.select_one(".status-msg.success").get_text()
    assert "not saved yet" in message and "alternative text" in message
    assert "Upload successful" not in item.select_one(".status-msg.success").get_text()
    assert item.select_one(".status-msg.update-success").get_text() == "Image saved."
    # Still Wagtail's page: its upload field, its list and its script.
    assert soup.select_one("input#fileupload[data-url]")
    assert soup.select_one("#upload-list")
    assert "wagtailimages/js/add-multiple.js" in html


def test_an_upload_without_alt_text_is_no_image_until_it_is_given(admin_client, site_tree):
    images = get_image_model().objects
    before = images.count()
    jpeg = get_test_image_file_jpeg().file.getvalue()
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("bridge.jpg", jpeg, content_type="image/jpeg"),
            "title": "Mayors on a bridge",
            "collection": Collection.get_first_root_node().pk,
        },
    )
    answer = json.loads(response.content)
    # Kept aside as an UploadedFile, with the form asking for the alternative text.
    assert answer["success"] is True and "image_id" not in answer
    upload = UploadedFile.objects.get(pk=answer["uploaded_file_id"])
    assert images.count() == before
    form = BeautifulSoup(answer["form"], "html.parser")
    assert form.select_one('textarea[name$="-description"], input[name$="-description"]')

    # Not in the images, nor in the chooser.
    assert (
        "Mayors on a bridge"
        not in admin_client.get(reverse("wagtailimages:index")).content.decode()
    )
    assert (
        "Mayors on a bridge"
        not in admin_client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    )

    # The form sent back without alt text: still not saved, and told why.
    edit = reverse("wagtailimages:create_multiple_from_uploaded_image", args=(upload.pk,))
    prefix = f"uploaded-image-{upload.pk}"
    fields = {
        f"{prefix}-title": "Mayors on a bridge",
        f"{prefix}-collection": Collection.get_first_root_node().pk,
        f"{prefix}-description": "",
    }
    answer = json.loads(admin_client.post(edit, fields).content)
    assert answer["success"] is False
    assert "This field is required" in answer["form"]
    assert images.count() == before
    assert UploadedFile.objects.filter(pk=upload.pk).exists()

    # With its alternative text it becomes an image.
    fields[f"{prefix}-description"] = "Three mayors on a bridge over the Danube"
    answer = json.loads(admin_client.post(edit, fields).content)
    assert answer["success"] is True
    image = images.get(pk=answer["image_id"])
    assert image.default_alt_text == "Three mayors on a bridge over the Danube"
    assert not UploadedFile.objects.filter(pk=upload.pk).exists()
