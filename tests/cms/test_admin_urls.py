"""Addresses outside the language trees (the admin, its API, files, the sitemap…) never get a
language prefix: a missing one is their own 404, not a redirect to ``/en/…``
(``cms.i18n.middleware.SiteLocaleMiddleware``)."""

import pytest
from django.conf import settings

from cms.i18n.middleware import outside_i18n_patterns

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin-urls", password="pw"))
    return client


def missing_page_id():
    from wagtail.models import Page

    return Page.objects.order_by("-pk").values_list("pk", flat=True).first() + 1000


def test_admin_api_answers_a_json_404_for_a_missing_page(officer, site_tree):
    response = officer.get(
        f"/admin/api/main/pages/{missing_page_id()}/", HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


def test_admin_api_answers_a_page_it_finds(officer, site_tree):
    response = officer.get(f"/admin/api/main/pages/{site_tree.en.story.pk}/")
    assert response.status_code == 200
    assert response.json()["id"] == site_tree.en.story.pk


@pytest.mark.parametrize(
    "path",
    [
        "/admin/pagez/",
        "/admin/pages/999999999/edit/",
        "/django-admin/no-such-thing/",
        "/documents/999999/missing.pdf",
        "/wagtail-transfer/no-such-thing/",
    ],
)
def test_a_mistyped_admin_address_is_a_404_not_a_redirect_under_en(officer, site_tree, path):
    response = officer.get(path)
    assert response.status_code == 404, (response.status_code, response.get("Location"))


def test_a_slash_missing_from_an_admin_address_is_added_without_a_language(officer, site_tree):
    response = officer.get("/admin/no-such-thing")
    assert response.status_code == 301
    assert response["Location"] == "/admin/no-such-thing/"


def test_anonymous_visitor_of_a_mistyped_admin_address_gets_no_language_redirect(client, site_tree):
    response = client.get("/admin/pagez/")
    # The admin asks for a login (its own redirect), never for /en/admin/….
    assert not response.get("Location", "").startswith("/en/")


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/anything/at/all/",
        "/django-admin/x/",
        "/documents/1/x.pdf",
        "/wagtail-transfer/api/",
        "/sitemap.xml",
        "/robots.txt",
        "/healthz",
        "/language/lv/",
        f"/{settings.STATIC_URL.lstrip('/')}cms/missing.css",
        f"/{settings.MEDIA_URL.lstrip('/')}images/missing.jpg",
    ],
)
def test_paths_outside_the_language_trees(path):
    assert outside_i18n_patterns(path)


@pytest.mark.parametrize("path", ["/", "/stories/", "/search/", "/administration/", "/healthzz"])
def test_paths_of_the_language_trees(path):
    assert not outside_i18n_patterns(path)


@pytest.mark.parametrize(
    "accept_language, expected",
    [("lv,en;q=0.8", "/lv/stories/"), ("de", "/de/stories/"), ("", "/en/stories/")],
)
def test_public_paths_without_a_prefix_still_go_to_the_visitor_language(
    client, site_tree, accept_language, expected
):
    response = client.get("/stories/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_the_language_cookie_still_decides_for_public_paths(client, site_tree):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lv"
    response = client.get("/stories/a-story-from-mons/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/lv/stories/a-story-from-mons/"
