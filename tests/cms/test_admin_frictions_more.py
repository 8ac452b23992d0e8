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
    from cms.i18n.locales import sync_locale_trees

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


# Workflows: "Approve and publish" says the page was published.


@pytest.fixture
def approval_workflow(site_tree):
    """A one-task workflow on the English stories, as an administrator would set one up."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    workflow = Workflow.objects.create(name="Stories approval", active=True)
    task = GroupApprovalTask.objects.create(name="Approve the story")
    task.groups.set([Group.objects.get_or_create(name="Moderators")[0]])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=site_tree.en.story_index, defaults={"workflow": workflow}
    )
    return workflow


def test_approve_and_publish_says_the_page_was_published(
    admin_client, site_tree, approval_workflow
):
    from home.models import StoryPage
    from tests.helpers_admin import page_form

    story = site_tree.en.story
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    data = page_form(admin_client, url, StoryPage)
    data["action-submit"] = "action-submit"
    assert admin_client.post(url, data).status_code == 302
    assert StoryPage.objects.get(pk=story.pk).current_workflow_state is not None

    data = page_form(admin_client, url, StoryPage)
    data.update(
        {
            "title": "A story from Mons, approved",
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
        }
    )
    response = admin_client.post(url, data, follow=True)
    assert response.status_code == 200
    story = StoryPage.objects.get(pk=story.pk)
    assert story.live and story.title == "A story from Mons, approved"
    assert story.current_workflow_state is None
    said = [str(message) for message in response.context["messages"]]
    assert "Page 'A story from Mons, approved' has been published." in said
    assert not any("has been updated" in message for message in said)


# The edit view: a ValidationError while saving is no 500.


def race_for_the_slug(monkeypatch, page, slug):
    """Another officer's page takes ``slug`` under the same parent after the form's checks,
    just before ``page`` is saved (two officers publishing at once)."""
    from home.models import StoryPage

    original = StoryPage.full_clean
    raced = []

    def full_clean(self, *args, **kwargs):
        if self.pk == page.pk and not raced:
            raced.append(StoryPageFactory(parent=page.get_parent(), slug=slug, title="Other"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(StoryPage, "full_clean", full_clean)
    return raced


def test_a_slug_taken_while_publishing_an_edit_is_a_form_error(
    admin_client, site_tree, monkeypatch
):
    from home.models import StoryPage
    from tests.helpers_admin import publish_through_editor

    story = site_tree.en.story
    live_revision = story.live_revision_id
    raced = race_for_the_slug(monkeypatch, story, "taken")
    response = publish_through_editor(admin_client, story, title="Renamed", slug="taken")
    assert raced, "the race did not happen"
    assert response.status_code == 200
    assert "already in use" in str(response.context["form"].errors["slug"])
    assert 'value="Renamed"' in response.content.decode()  # what was typed is kept
    story = StoryPage.objects.get(pk=story.pk)
    assert (story.title, story.slug) == ("A story from Mons", site_tree.en.story.slug)
    assert story.live_revision_id == live_revision


def test_a_validation_error_while_autosaving_an_edit_is_json(admin_client, site_tree):
    from unittest import mock

    from django.core.exceptions import ValidationError

    from home.models import StoryPage
    from tests.helpers_admin import page_form

    draft = StoryPageFactory(parent=site_tree.en.story_index, slug="draft", live=False)
    url = reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    data = page_form(admin_client, url, StoryPage)
    data["title"] = "Autosaved"

    def failing_full_clean(*args, **kwargs):
        raise ValidationError({"slug": ["The slug 'draft' is already in use"]})

    revisions = draft.revisions.count()
    with mock.patch.object(StoryPage, "full_clean", failing_full_clean):
        response = admin_client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    draft = StoryPage.objects.get(pk=draft.pk)
    assert draft.title != "Autosaved" and draft.revisions.count() == revisions


# The page chooser searches in the language of the page being edited.


def chooser_search(client, q, referer=None, **params):
    headers = {"HTTP_REFERER": f"http://testserver{referer}"} if referer else {}
    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": q, **params}, **headers)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {int(link["data-id"]) for link in soup.select("a.choose-page")}


def test_page_chooser_search_defaults_to_the_edited_pages_language(admin_client, site_tree):
    en_show, lv_show = site_tree.en.show, site_tree.lv.show
    everywhere = chooser_search(admin_client, "Regio Waves")
    assert {en_show.pk, lv_show.pk} <= everywhere  # opened from elsewhere: every language

    lv_editor = reverse("wagtailadmin_pages:edit", args=(site_tree.lv.story.pk,))
    assert chooser_search(admin_client, "Regio Waves", referer=lv_editor) == {lv_show.pk}
    lv_add = reverse(
        "wagtailadmin_pages:add", args=("home", "storypage", site_tree.lv.story_index.pk)
    )
    assert chooser_search(admin_client, "Regio Waves", referer=lv_add) == {lv_show.pk}
    en_editor = reverse("wagtailadmin_pages:edit", args=(site_tree.en.story.pk,))
    assert chooser_search(admin_client, "Regio Waves", referer=en_editor) == {en_show.pk}
    # The language chosen in the chooser wins.
    found = chooser_search(admin_client, "Regio Waves", referer=en_editor, locale="lv")
    assert found == {lv_show.pk}
