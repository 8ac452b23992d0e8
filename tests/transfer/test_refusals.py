"""What is refused, with a message for the officer, and changes nothing; the source's API and the
admin's views."""

import json
from types import SimpleNamespace

import pytest
import requests
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_transfer.auth import digest_for_source
from wagtail_transfer.models import IDMapping

from transfer.errors import TransferError
from transfer.importing import import_page
from transfer.urls import is_content

from .conftest import SECRET, SOURCE, InProcessSource
from .test_import import delete_everywhere

pytestmark = pytest.mark.usefixtures("transfer_settings")


def counts():
    return Page.objects.count(), IDMapping.objects.count(), get_image_model().objects.count()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("officer", "officer@example.eu", "pw")
    client.force_login(user)
    return client


def test_wrong_secret_is_refused_and_nothing_changes(site_tree, settings):
    settings.WAGTAILTRANSFER_SOURCES = {
        SOURCE: {"BASE_URL": "http://source.test/wagtail-transfer/", "SECRET_KEY": "wrong"}
    }
    before = counts()
    with pytest.raises(TransferError, match="secret key"):
        import_page(SOURCE, site_tree.en.joint_call.pk, client=InProcessSource())
    assert counts() == before


def test_unknown_source_is_refused(site_tree):
    with pytest.raises(TransferError, match="no source called “elsewhere”"):
        import_page("elsewhere", site_tree.en.joint_call.pk)


def test_unreachable_source_is_refused(site_tree, settings):
    # Port 9 (discard) of this machine: nothing listens, the connection is refused.
    settings.WAGTAILTRANSFER_SOURCES = {
        SOURCE: {"BASE_URL": "http://127.0.0.1:9/wagtail-transfer/", "SECRET_KEY": SECRET}
    }
    before = counts()
    with pytest.raises(TransferError, match="could not be reached"):
        import_page(SOURCE, site_tree.en.joint_call.pk)
    assert counts() == before


@pytest.mark.parametrize(
    "answer",
    [
        b"<html>Bad gateway</html>",
        b'{"objects": []}',
        b'{"ids_for_import": [], "mappings": [], "objects": [{"model": "no.such", "pk": 1}]}',
        b'{"ids_for_import": [["wagtailcore.page", 1]], "mappings": [], "objects": "x"}',
    ],
)
def test_malformed_answer_is_refused(site_tree, answer):
    page = site_tree.en.joint_call
    client = InProcessSource(recorded={f"/wagtail-transfer/api/pages/{page.pk}/": answer})
    before = counts()
    with pytest.raises(TransferError):
        import_page(SOURCE, page.pk, client=client)
    assert counts() == before


def test_page_that_cannot_be_placed_is_refused(site_tree):
    """An export whose page's parent is neither here nor in the export."""
    page = site_tree.en.joint_call
    client = InProcessSource()
    data = client.get_export(f"api/pages/{page.pk}/", str(page.pk))
    data["ancestors"] = []
    data["objects"] = [
        obj
        for obj in data["objects"]
        if obj["pk"] not in {site_tree.en.home.pk, site_tree.lv.home.pk}
        or obj["model"] != "home.alliancepage"
    ]
    # This instance has neither the page nor (as far as it knows) the source's home pages.
    delete_everywhere(page)
    IDMapping.objects.filter(
        local_id__in=[str(site_tree.en.home.pk), str(site_tree.lv.home.pk)]
    ).delete()
    before = counts()
    recorded = {f"/wagtail-transfer/api/pages/{page.pk}/": json.dumps(data).encode()}
    with pytest.raises(TransferError, match="could not be placed"):
        import_page(SOURCE, page.pk, client=InProcessSource(recorded=recorded))
    assert counts() == before


def test_admin_import_shows_the_refusal(admin_client, site_tree, settings):
    settings.WAGTAILTRANSFER_SOURCES = {
        SOURCE: {"BASE_URL": "http://127.0.0.1:9/wagtail-transfer/", "SECRET_KEY": SECRET}
    }
    before = counts()
    response = admin_client.post(
        reverse("wagtail_transfer_admin:import"),
        {"source": SOURCE, "source_page_id": site_tree.en.joint_call.pk, "dest_page_id": ""},
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtail_transfer_admin:choose_page")
    [message] = list(get_messages(response.wsgi_request))
    assert message.level_tag == "error"
    assert "Nothing was imported" in str(message) and "could not be reached" in str(message)
    assert counts() == before

    response = admin_client.post(
        reverse("wagtail_transfer_admin:import"), {"source": "elsewhere", "source_page_id": "1"}
    )
    message = list(get_messages(response.wsgi_request))[-1]
    assert "no source called" in str(message)


@pytest.mark.parametrize(
    "source_page_id, dest_page_id, says",
    [
        ("", "", "Choose a page"),
        ("²", "", "Choose a page"),  # a digit to str.isdigit(), not to int()
        ("1" * 5000, "", "Choose a page"),
        ("-1", "", "Choose a page"),
        ("1", "²", "destination page does not exist"),
        ("1", "9" * 5000, "destination page does not exist"),
    ],
)
def test_admin_import_refuses_an_id_that_is_not_one(
    admin_client, site_tree, settings, source_page_id, dest_page_id, says
):
    settings.WAGTAILTRANSFER_SOURCES = {
        SOURCE: {"BASE_URL": "http://127.0.0.1:9/wagtail-transfer/", "SECRET_KEY": SECRET}
    }
    before = counts()
    response = admin_client.post(
        reverse("wagtail_transfer_admin:import"),
        {"source": SOURCE, "source_page_id": source_page_id, "dest_page_id": dest_page_id},
    )
    assert response.status_code == 302
    [message] = list(get_messages(response.wsgi_request))
    assert message.level_tag == "error" and says in str(message), str(message)
    assert counts() == before


@pytest.mark.parametrize("object_id", ["abc", "²", "1" * 5000, "-1"])
def test_admin_import_of_a_snippet_refuses_an_id_that_is_not_one(
    admin_client, site_tree, settings, object_id
):
    settings.WAGTAILTRANSFER_SOURCES = {
        SOURCE: {"BASE_URL": "http://127.0.0.1:9/wagtail-transfer/", "SECRET_KEY": SECRET}
    }
    before = counts()
    response = admin_client.post(
        reverse("wagtail_transfer_admin:import"),
        {
            "source": SOURCE,
            "type": "model",
            "source_model": "wagtailimages.image",
            "source_model_object_id": object_id,
        },
    )
    assert response.status_code == 302
    [message] = list(get_messages(response.wsgi_request))
    assert message.level_tag == "error" and "There is no object" in str(message), str(message)
    assert counts() == before


def test_admin_import_succeeds_through_the_view(admin_client, site_tree, monkeypatch):
    monkeypatch.setattr("transfer.importing.SourceClient", InProcessSource)
    page = site_tree.en.joint_call
    response = admin_client.post(
        reverse("wagtail_transfer_admin:import"),
        {"source": SOURCE, "source_page_id": page.pk, "dest_page_id": ""},
    )
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[site_tree.en.home.pk])
    [message] = list(get_messages(response.wsgi_request))
    assert message.level_tag == "success"
    assert "en, lv" in str(message)


def test_import_needs_the_permission(client, site_tree, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw")
    client.force_login(user)
    response = client.post(reverse("wagtail_transfer_admin:import"), {"source": SOURCE})
    assert response.status_code == 302 and "login" in response.url


def test_chooser_proxy_without_accept_header(admin_client, monkeypatch):
    """wagtail-transfer's proxy answered 500 (KeyError: 'accept') here."""
    sent = {}

    def fake_get(url, headers, **kwargs):
        sent.update(url=url, headers=headers)
        return SimpleNamespace(
            content=b'{"items": []}', status_code=200, headers={"Content-Type": "application/json"}
        )

    monkeypatch.setattr("transfer.views.requests.get", fake_get)
    url = reverse("wagtail_transfer_admin:chooser_api_proxy", args=[SOURCE, ""])
    response = admin_client.get(url, {"child_of": "root"})
    assert response.status_code == 200
    assert json.loads(response.content) == {"items": []}
    assert sent["headers"]["Accept"] == "application/json"
    digest = digest_for_source(SOURCE, "child_of=root")
    assert sent["url"].endswith(f"api/chooser/pages/?child_of=root&digest={digest}")

    response = admin_client.get(url, HTTP_ACCEPT="text/html")
    assert sent["headers"]["Accept"] == "text/html"


def test_chooser_proxy_unreachable_and_unknown(admin_client, monkeypatch):
    def refused(*args, **kwargs):
        raise requests.ConnectionError("refused")

    monkeypatch.setattr("transfer.views.requests.get", refused)
    url = reverse("wagtail_transfer_admin:chooser_api_proxy", args=[SOURCE, ""])
    response = admin_client.get(url)
    assert response.status_code == 502
    assert "could not be reached" in json.loads(response.content)["message"]
    url = reverse("wagtail_transfer_admin:chooser_api_proxy", args=["elsewhere", ""])
    response = admin_client.get(url)
    assert response.status_code == 400
    assert "no source called" in json.loads(response.content)["message"]


def test_export_api_is_closed_without_a_secret(client, site_tree, settings):
    page = site_tree.en.joint_call
    settings.WAGTAILTRANSFER_SECRET_KEY = ""
    # Signed with the empty key: anyone could.
    settings.WAGTAILTRANSFER_SOURCES = {SOURCE: {"BASE_URL": "x", "SECRET_KEY": ""}}
    digest = digest_for_source(SOURCE, str(page.pk))
    response = client.get(f"/wagtail-transfer/api/pages/{page.pk}/", {"digest": digest})
    assert response.status_code == 403


PRIVATE = [
    "auth.user",
    "auth.group",
    "signatures.signature",
    "signatures.callsettings",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "axes.accessattempt",
    "axes.accesslog",
    "sessions.session",
    "django_tasks_db.dbtaskresult",
    "wagtailusers.userprofile",
]


@pytest.mark.parametrize("label", PRIVATE)
def test_export_api_serves_content_only(client, site_tree, label):
    """An allow-list: pages and what they show. Not accounts, signatures, the admin's history,
    login records, sessions or task results, however signed the request."""
    assert not is_content(label)
    body = json.dumps({label: [1]})
    digest = digest_for_source(SOURCE, body)
    response = client.post(
        f"/wagtail-transfer/api/objects/?digest={digest}", body, content_type="application/json"
    )
    assert response.status_code == 403
    digest = digest_for_source(SOURCE, label)
    response = client.get(f"/wagtail-transfer/api/models/{label}/", {"digest": digest})
    assert response.status_code == 403


def test_export_api_serves_the_content_a_page_shows(client, site_tree):
    image = site_tree.image
    body = json.dumps({"wagtailimages.image": [image.pk]})
    digest = digest_for_source(SOURCE, body)
    response = client.post(
        f"/wagtail-transfer/api/objects/?digest={digest}", body, content_type="application/json"
    )
    assert response.status_code == 200
    assert {obj["model"] for obj in response.json()["objects"]} == {"wagtailimages.image"}


def test_export_with_wrong_digest_is_refused(client, site_tree):
    page = site_tree.en.joint_call
    response = client.get(f"/wagtail-transfer/api/pages/{page.pk}/", {"digest": "0" * 40})
    assert response.status_code == 403


def test_exports_are_never_kept_by_a_shared_cache(client, site_tree):
    page = site_tree.en.joint_call
    digest = digest_for_source(SOURCE, str(page.pk))
    response = client.get(f"/wagtail-transfer/api/pages/{page.pk}/", {"digest": digest})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
