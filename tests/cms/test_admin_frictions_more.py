"""More small frictions of the admin (issue 13, part 9), each held by a test: the alt text's
segment labelled as such in the translation editor, images without alt text not taken for
uploaded, "Approve and publish" saying it published, the page chooser in the edited page's
language, and no 500 when saving an edited page fails."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale
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
