"""Wagtail's autosave and Publish on a new page (cms/editing/autosave.py): the requests of one "add
page" form make one page, Publish wins, no admin answer is a 500, and a draft nobody publishes
has no copies in the other languages."""

from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization

from home.models import StoryPage
from tests.helpers_admin import page_form, publish_through_editor

pytestmark = pytest.mark.django_db

FIELDS = {"title": "Turku", "slug": "turku", "date": "2024-05-02", "summary": "How Turku cuts."}


@pytest.fixture
def officer(client, django_user_model):
    user = django_user_model.objects.create_user("officer-autosave", password="pw")
    user.groups.add(Group.objects.get(name="Officers"))
    client.force_login(user)
    return client


@pytest.fixture
def form(officer, site_tree):
    """The "add story" form as the browser has it, filled in."""
    url = reverse("wagtailadmin_pages:add", args=("home", "storypage", site_tree.en.story_index.pk))
    data = page_form(officer, url, StoryPage)
    assert data.get("creation_token")
    data.update(FIELDS)
    return url, data


def autosave(client, url, data):
    """What Wagtail's autosave sends: the form, without a button, asking for JSON."""
    return client.post(url, data, HTTP_ACCEPT="application/json")


def publish(client, url, data, **changes):
    data = data.copy()
    data.update(changes)
    data["action-publish"] = "action-publish"
    return client.post(url, data)


def stories(site_tree):
    return StoryPage.objects.child_of(site_tree.en.story_index).filter(slug="turku")


def copies(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def synchronised_locales(page):
    return LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).count()


def test_publish_after_an_autosave_publishes_the_autosaved_page(officer, site_tree, form):
    url, data = form
    saved = autosave(officer, url, data)
    assert saved.status_code == 200 and saved.json()["success"]
    draft = stories(site_tree).get()
    assert not draft.live

    # The editor had not switched to the new page yet: Publish posts the create form again.
    response = publish(officer, url, data, title="Turku cuts its emissions")
    assert response.status_code == 302, response.context and response.context["form"].errors
    page = stories(site_tree).get()
    assert page.pk == draft.pk and page.live and not page.has_unpublished_changes
    assert page.title == "Turku cuts its emissions"
    assert copies(page).count() == synchronised_locales(page)


def test_an_autosave_after_publish_saves_nothing(officer, site_tree, form):
    url, data = form
    response = publish(officer, url, data, title="Turku cuts its emissions")
    assert response.status_code == 302
    page = stories(site_tree).get()
    revisions = page.revisions.count()

    late = autosave(officer, url, data)  # the form as it was before Publish
    assert late.status_code == 400
    assert late.json()["error_code"] == "invalid_revision"
    page = stories(site_tree).get()
    assert page.title == "Turku cuts its emissions" and page.live
    assert not page.has_unpublished_changes and page.revisions.count() == revisions


def test_repeated_autosaves_of_the_create_form_make_one_draft(officer, site_tree, form):
    url, data = form
    for title in ("Turku", "Turku cuts"):
        response = autosave(officer, url, {**data.dict(), "title": title})
        assert response.status_code == 200 and response.json()["success"]
    draft = stories(site_tree).get()
    assert draft.get_latest_revision_as_object().title == "Turku cuts"


def test_another_form_with_the_same_slug_is_still_refused(officer, site_tree, form):
    url, data = form
    assert publish(officer, url, data).status_code == 302
    other = page_form(officer, url, StoryPage)
    assert other["creation_token"] != data["creation_token"]
    other.update(FIELDS)
    response = publish(officer, url, other)
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert stories(site_tree).count() == 1


def failing_full_clean(*args, **kwargs):
    raise ValidationError({"slug": ["The slug 'turku' is already in use within the parent page"]})


def test_a_validation_error_while_saving_is_json_for_an_autosave(officer, site_tree, form):
    url, data = form
    with mock.patch.object(StoryPage, "full_clean", failing_full_clean):
        response = autosave(officer, url, data)
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert not stories(site_tree).exists()


def test_a_validation_error_while_saving_is_a_form_error_for_publish(officer, site_tree, form):
    url, data = form
    with mock.patch.object(StoryPage, "full_clean", failing_full_clean):
        response = publish(officer, url, data)
    assert response.status_code == 200
    assert "already in use" in str(response.context["form"].errors["slug"])
    assert not stories(site_tree).exists()
    # The form shown again keeps its token: its next request still makes one page.
    assert f'value="{data["creation_token"]}"' in response.content.decode()


def test_a_draft_has_no_copies_until_it_is_first_published(officer, site_tree, form):
    url, data = form
    assert autosave(officer, url, data).json()["success"]
    draft = stories(site_tree).get()
    assert copies(draft).count() == 0
    assert synchronised_locales(draft) > 0

    response = publish_through_editor(officer, draft.specific, **FIELDS)
    assert response.status_code == 302
    assert copies(draft).count() == synchronised_locales(draft)
    latvian = copies(draft).get(locale__language_code="lv")
    assert latvian.alias_of_id == draft.pk and latvian.live

    # Publishing again makes no more of them.
    assert publish_through_editor(officer, draft.specific, **FIELDS).status_code == 302
    assert copies(draft).count() == synchronised_locales(draft)
