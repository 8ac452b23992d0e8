"""Deleting a page other pages link to: the confirmation names them (once each, not once per
language copy), the links disappear from the live site without breaking it, and the pages that
linked to it can be published again (cms/editing/references.py, the page-link blocks of
cms/blocks.py and home/blocks.py)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, ReferenceIndex
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContentPage
from tests.helpers_admin import page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, django_user_model):
    user = django_user_model.objects.create_user("officer-deleting", password="pw")
    user.groups.add(Group.objects.get(name="Officers"))
    client.force_login(user)
    return client


@pytest.fixture
def administrator(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin-deleting", password="pw"))
    return client


def call_to_action(page, heading="Sign now, Mons"):
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading,
            "text": "Read how Mons did it.",
            "page": page.pk,
            "link_label": "Sign now",
        },
    }


def index_references(*pages):
    """Wagtail keeps its reference index in a background task: bring it up to date now."""
    for page in pages:
        for copy in Page.objects.filter(translation_key=page.translation_key):
            ReferenceIndex.create_or_update_for_object(copy.specific)


@pytest.fixture
def referrer(site_tree):
    """The privacy page (in English and Latvian, and as an alias in 22 more languages) with a
    call to action to the story from Mons (to its Latvian translation in Latvian)."""
    en, lv = site_tree.en.content, site_tree.lv.content
    en.body = [
        {"type": "paragraph", "value": "<p>Our privacy notice.</p>"},
        call_to_action(site_tree.en.story),
    ]
    en.save_revision().publish()
    lv.body = [
        {"type": "paragraph", "value": "<p>Mūsu privātuma paziņojums.</p>"},
        call_to_action(site_tree.lv.story, heading="Parakstiet, Monsa"),
    ]
    lv.save_revision().publish()
    index_references(en, site_tree.en.story, site_tree.en.home)
    assert Page.objects.filter(translation_key=en.translation_key, alias_of__isnull=False).exists()
    return en


def confirmation(client, page):
    response = client.get(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_confirmation_names_each_referring_page_once(officer, site_tree, referrer):
    story = site_tree.en.story
    copies = Page.objects.filter(translation_key=story.translation_key).exclude(pk=story.pk)
    assert copies.count() > 2  # the Latvian translation and the aliases

    page = confirmation(officer, story)
    warning = page.select_one("[data-deletion-referrers]")
    assert warning is not None
    # The privacy page links to the story in English, Latvian and 22 aliases: listed once, by its
    # English title, with a link to its editor.
    links = [(a.get_text(strip=True), a["href"]) for a in warning.select("li a")]
    assert links == [("Privacy", reverse("wagtailadmin_pages:edit", args=(referrer.pk,)))]
    assert "1 page or item links to this page" in warning.get_text(" ", strip=True)
    said = page.select_one("[data-deletion-copies]").get_text(" ", strip=True)
    assert f"({copies.count()})" in said


def test_the_confirmation_of_a_page_nothing_links_to_warns_of_nothing(officer, site_tree):
    page = confirmation(officer, site_tree.en.episode)
    assert page.select_one("[data-deletion-referrers]") is None
    assert page.select_one("form[method=POST]") is not None


def test_a_link_to_a_subpage_counts(administrator, site_tree, referrer):
    # Deleting the story index deletes the story: the privacy page's link breaks too (and the
    # landing page's "Latest stories" section goes).
    page = confirmation(administrator, site_tree.en.story_index)
    titles = [a.get_text(strip=True) for a in page.select("[data-deletion-referrers] li a")]
    assert sorted(titles) == ["Cohesion Alliance", "Privacy"]


def test_after_deletion_the_referrer_renders_without_the_link_and_publishes_again(
    officer, client, site_tree, referrer
):
    story, lv_story = site_tree.en.story, site_tree.lv.story
    response = officer.post(reverse("wagtailadmin_pages:delete", args=(story.pk,)))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=story.pk).exists()
    assert not Page.objects.filter(pk=lv_story.pk).exists()

    for page in (referrer, site_tree.lv.content):
        html = client.get(page.url)
        assert html.status_code == 200
        soup = BeautifulSoup(html.content, "html.parser")
        assert soup.select(".call-to-action") == []
        assert "Sign now" not in soup.get_text()
        assert "privātuma" in soup.get_text() or "privacy" in soup.get_text()

    # The editor, as the browser submits it: the call to action is still there, with its page
    # chooser empty (the page is gone). Publishing works, and keeps the block's text.
    url = reverse("wagtailadmin_pages:edit", args=(referrer.pk,))
    data = page_form(officer, url, ContentPage)
    data.update(
        nested_form_data(
            {
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>Our privacy notice.</p>")),
                        (
                            "call_to_action",
                            {
                                "heading": "Sign now, Mons",
                                "text": "Read how Mons did it.",
                                "page": "",
                                "link_label": "Sign now",
                            },
                        ),
                    ]
                )
            }
        )
    )
    data["action-publish"] = "action-publish"
    response = officer.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    referrer.refresh_from_db()
    block = referrer.body[1]
    assert block.block_type == "call_to_action"
    assert block.value["heading"] == "Sign now, Mons" and block.value["page"] is None
    assert client.get(referrer.url).status_code == 200


def test_landing_page_blocks_whose_page_is_gone_show_nothing(
    administrator, client, site_tree, django_capture_on_commit_callbacks
):
    home = site_tree.en.home
    before = BeautifulSoup(client.get(home.url).content, "html.parser")
    assert before.select(".joint-call-teaser")
    assert "Stories" in [h.get_text(strip=True) for h in before.select(".latest h2")]

    for page in (site_tree.en.story_index, site_tree.en.joint_call):
        # Committed, as in the admin: the blocks rendered before are then out of date.
        with django_capture_on_commit_callbacks(execute=True):
            response = administrator.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
        assert response.status_code == 302
    client.logout()
    response = client.get(home.url)
    assert response.status_code == 200
    after = BeautifulSoup(response.content, "html.parser")
    assert after.select(".joint-call-teaser") == []
    headings = [h.get_text(strip=True) for h in after.select(".latest h2")]
    assert "Stories" not in headings and "Media library" in headings
    # Nor does the table of contents point to them.
    contents = [a["href"] for a in after.select(".ecl-inpage-navigation a")]
    assert "#media-library" in contents
    assert "#joint-call" not in contents and "#stories" not in contents


def test_an_unpublished_target_shows_nothing_either(client, site_tree, referrer):
    site_tree.en.story.unpublish()
    response = client.get(referrer.url)
    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").select(".call-to-action") == []
