"""Private pages (the admin's "Privacy" setting: signed-in users, a password, groups) stay
private, though the check costs no query while no page is private
(SitePage.get_view_restrictions)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def restriction_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q for q in queries if "wagtailcore_pageviewrestriction" in q["sql"]]


def test_no_query_while_no_page_is_private(client, site_tree):
    url = site_tree.lv.story.url
    client.get(url)
    response, queries = restriction_queries(client, url)
    assert response.status_code == 200
    assert queries == []


def test_a_page_made_private_asks_visitors_to_sign_in(
    client, site_tree, django_capture_on_commit_callbacks
):
    story, index = site_tree.en.story, site_tree.en.story_index
    assert client.get(story.url).status_code == 200  # "no page is private", cached
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.LOGIN
        )
    for url in (index.url, story.url):  # the page and what is below it
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"]
    assert client.get(site_tree.en.home.url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert client.get(story.url).status_code == 200


def test_a_password_protected_page_shows_the_password_form(
    client, site_tree, django_capture_on_commit_callbacks
):
    story = site_tree.lv.story
    client.get(story.url)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=story, restriction_type=PageViewRestriction.PASSWORD, password="cohesion 2027"
        )
    response = client.get(story.url)
    templates = [template.name for template in response.templates]
    assert "wagtailcore/password_required.html" in templates
    assert "home/story_page.html" not in templates
    assert b'name="password"' in response.content
