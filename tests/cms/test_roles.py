"""Each group, each action, through the real admin views: what Officers, Signature managers,
Translators and visitors can and cannot do (the groups of cms/migrations/0006_roles.py)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from home.models import StoryPage
from signatures.factories import SignatureFactory
from signatures.models import Signature
from tests.helpers_admin import create_page_through_admin, publish_through_editor

pytestmark = pytest.mark.django_db


def member_of(django_user_model, group):
    user = django_user_model.objects.create_user(group.lower().replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def officer(client, django_user_model):
    client.force_login(member_of(django_user_model, "Officers"))
    return client


@pytest.fixture
def signature_manager(client, django_user_model):
    client.force_login(member_of(django_user_model, "Signature managers"))
    return client


@pytest.fixture
def translator(client, django_user_model):
    client.force_login(member_of(django_user_model, "Translators"))
    return client


def refused(response):
    """Wagtail answers a forbidden admin view with 403, or a redirect to the dashboard (or to
    the login) with "Sorry, you do not have permission"."""
    return response.status_code == 403 or (
        response.status_code == 302 and "/edit/" not in response["Location"]
    )


def delete(client, page):
    return client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))


def test_officer_creates_publishes_moves_and_deletes_content_in_every_language(officer, site_tree):
    story = create_page_through_admin(
        officer,
        site_tree.en.story_index,
        StoryPage,
        {"title": "Turku", "slug": "turku", "date": "2024-05-02", "summary": "How Turku cuts."},
    )
    assert story.live
    latvian = site_tree.lv.story
    assert publish_through_editor(officer, latvian, title="Stāsts (labots)").status_code == 302
    assert StoryPage.objects.get(pk=latvian.pk).title == "Stāsts (labots)"
    # Moving takes the "move" form and its confirmation.
    destination = site_tree.en.story_index
    other_story = site_tree.en.story
    move = reverse("wagtailadmin_pages:move_confirm", args=(story.pk, destination.pk))
    assert officer.get(move).status_code == 200
    assert delete(officer, other_story).status_code == 302
    assert not Page.objects.filter(pk=other_story.pk).exists()


@pytest.mark.parametrize("name", ["home", "joint_call", "story_index", "document_index"])
def test_officer_cannot_delete_the_pages_that_hold_up_the_site(officer, site_tree, name):
    for page in (getattr(site_tree.en, name), getattr(site_tree.lv, name)):
        assert refused(officer.get(reverse("wagtailadmin_pages:delete", args=(page.pk,))))
        assert refused(delete(officer, page))
        assert Page.objects.filter(pk=page.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/users/",
        "/admin/groups/",
        "/admin/settings/cms/sitesettings/",
        "/admin/locales/",
        "/admin/sites/",
        "/admin/signatures/calls/",
    ],
)
def test_officer_has_no_users_groups_settings_or_call_settings(officer, url):
    assert refused(officer.get(url))


def test_officer_sees_and_exports_signatures_but_changes_none(officer, site_tree):
    signature = SignatureFactory(call=site_tree.en.joint_call, name="Anna Ozola")
    assert officer.get(reverse("signatures:index")).status_code == 200
    export = officer.get(reverse("signatures:index"), {"export": "csv"})
    assert export.status_code == 200
    assert "Anna Ozola" in b"".join(export.streaming_content).decode("utf-8-sig")
    edit = reverse("signatures:edit", args=(signature.pk,))
    assert refused(officer.post(edit, {"name": "Changed", "kind": "individual", "country": "LV"}))
    assert refused(officer.post(reverse("signatures:delete", args=(signature.pk,))))
    assert Signature.objects.get(pk=signature.pk).name == "Anna Ozola"


def test_signature_manager_manages_signatures_and_calls_but_no_pages(signature_manager, site_tree):
    signature = SignatureFactory(call=site_tree.en.joint_call, name="Anna Ozola")
    assert signature_manager.get(reverse("signatures:index")).status_code == 200
    assert signature_manager.get(reverse("signatures:index"), {"export": "xlsx"}).status_code == 200
    assert signature_manager.get(reverse("call_settings:index")).status_code == 200
    assert (
        signature_manager.post(reverse("signatures:delete", args=(signature.pk,))).status_code
        == 302
    )
    assert not Signature.objects.filter(pk=signature.pk).exists()
    story = site_tree.en.story
    assert refused(signature_manager.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))))
    assert refused(delete(signature_manager, story))
    assert Page.objects.filter(pk=story.pk).exists()


def test_translator_reads_the_english_tree_and_translates_but_never_deletes(translator, site_tree):
    english = site_tree.en
    explorer = translator.get(reverse("wagtailadmin_explore", args=(english.home.pk,)))
    assert explorer.status_code == 200
    listed = BeautifulSoup(explorer.content, "html.parser").get_text()
    assert english.story_index.title in listed and english.joint_call.title in listed
    # The admin API the translation editor's page chooser asks.
    detail = translator.get(f"/admin/api/main/pages/{english.story.pk}/")
    assert detail.status_code == 200 and detail.json()["id"] == english.story.pk
    assert refused(translator.get(reverse("wagtailadmin_pages:edit", args=(english.story.pk,))))
    assert publish_through_editor(translator, site_tree.lv.story).status_code == 302
    for page in (site_tree.lv.story, english.story):
        assert refused(delete(translator, page))
        assert Page.objects.filter(pk=page.pk).exists()
    assert refused(translator.get(reverse("signatures:index")))


def test_visitors_reach_no_admin_view(client, site_tree):
    for url in (
        reverse("wagtailadmin_pages:edit", args=(site_tree.en.story.pk,)),
        reverse("signatures:index"),
        reverse("call_settings:index"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert delete(client, site_tree.en.story).status_code == 302
    assert Page.objects.filter(pk=site_tree.en.story.pk).exists()


def test_the_status_report_leads_each_role_where_it_may_go(translator, admin_client, site_tree):
    story = site_tree.en.story

    def link_of(client):
        soup = BeautifulSoup(client.get(reverse("translation_status")).content, "html.parser")
        return soup.find("a", string=story.title)["href"]

    target = link_of(translator)
    assert target == reverse("wagtail_localize:submit_page_translation", args=(story.pk,))
    assert translator.get(target).status_code == 200
    assert link_of(admin_client) == reverse("wagtailadmin_pages:edit", args=(story.pk,))
