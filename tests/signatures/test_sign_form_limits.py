"""The sign form's limits: the size of what it takes and echoes, the names it lets through to the
public list, and the errors it shows."""

import pytest
from bs4 import BeautifulSoup

from signatures.models import Signature
from signatures.views import SIGN_FORM_MAX_BYTES
from tests.signatures.signing import sign

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_a_body_larger_than_the_form_allows_is_refused_with_413_and_not_echoed(client, site_tree):
    response = sign(client, site_tree.en.joint_call, name="A" * 1024 * 1024)
    assert response.status_code == 413
    assert len(response.content) < 100_000
    assert b"A" * 1000 not in response.content
    assert "too long" in soup(response).select_one("h1").get_text()
    assert not Signature.objects.exists()


def test_the_longest_valid_form_fits_within_the_limit(client, site_tree):
    # Every text field full of four-byte characters, percent-encoded: what a browser may send.
    response = sign(
        client,
        site_tree.en.joint_call,
        kind="city",
        name="𝐀" * 200,
        organisation="𝐁" * 300,
        position="𝐂" * 200,
    )
    assert response.status_code == 303
    assert Signature.objects.get().organisation == "𝐁" * 300
    assert SIGN_FORM_MAX_BYTES <= 16 * 1024


def test_a_too_long_value_is_refused_without_being_echoed(client, site_tree):
    response = sign(client, site_tree.en.joint_call, name="Z" * 5000, website=None)
    assert response.status_code == 400
    html = soup(response)
    assert html.select_one("#id_name_error").get_text().strip()
    assert html.select_one("#id_name").get("value", "") == ""
    assert b"Z" * 201 not in response.content


def test_invalid_choices_are_not_echoed(client, site_tree):
    response = sign(client, site_tree.en.joint_call, kind="<b>king</b>", country="QQ-country")
    assert response.status_code == 400
    assert b"king" not in response.content
    assert b"QQ-country" not in response.content


def test_an_invalid_email_address_is_said_once(client, site_tree):
    response = sign(client, site_tree.en.joint_call, email="not-an-address")
    assert response.status_code == 400
    errors = soup(response).select_one("#id_email_error").get_text()
    assert errors.count("Enter a valid email address.") == 1


def test_names_are_stored_in_composed_form(client, site_tree):
    # "José Nguyễn" typed with combining marks: e + circumflex + tilde is two marks.
    response = sign(client, site_tree.en.joint_call, name="Jose\u0301 Nguye\u0302\u0303n")
    assert response.status_code == 303
    assert Signature.objects.get().name == "José Nguyễn"


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "Jane\ufffdDoe"),
        ("name", "Z" + "\u0301" * 150 + "algo"),
        ("name", "x\u0300\u0301\u0302\u0303\u0304"),
        ("position", "Mayor" + "\u0336" * 40),
    ],
)
def test_unreadable_names_are_refused_with_a_clear_error(client, site_tree, field, value):
    changes = {field: value, "kind": "city", "organisation": "Rīga"}
    response = sign(client, site_tree.en.joint_call, **changes)
    assert response.status_code == 400
    error = soup(response).select_one(f"#id_{field}_error").get_text()
    assert "Please remove" in error
    assert not Signature.objects.exists()


@pytest.mark.parametrize("name", ["क्षत्रिय", "བསྒྲུབས", "Nguyễn Thị Ánh", "Ǹ̤g"])
def test_names_with_a_few_marks_per_letter_are_accepted(client, site_tree, name):
    assert sign(client, site_tree.en.joint_call, name=name).status_code == 303
