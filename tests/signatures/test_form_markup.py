"""The sign form, its results and the filters in the Europa Component Library's markup: ECL's
form groups, inputs, selects, radios, checkboxes, required marks, help and errors tied to their
inputs, and notifications for what a form answers."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.utils import translation

from signatures.factories import SignatureFactory
from signatures.forms import LongSelect, country_choices
from tests.signatures.signing import sign

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def group_of(form, name):
    """The ECL form group that holds the field ``name``."""
    return form.select_one(f'[name="{name}"]').find_parent(class_="ecl-form-group")


def test_sign_form_is_made_of_ecl_form_groups(client, site_tree):
    form = soup(client.get(site_tree.en.joint_call.url)).select_one("form.form")
    for name in ("name", "organisation", "position", "email"):
        field = form.select_one(f'input[name="{name}"]')
        assert "ecl-text-input" in field["class"], name
        label = group_of(form, name).select_one("label.ecl-form-label")
        assert label["for"] == field["id"]
    country = form.select_one('select[name="country"]')
    assert "ecl-select" in country["class"]
    assert country.parent.select_one(".ecl-select__icon svg[aria-hidden='true']")
    kinds = group_of(form, "kind")
    assert kinds.name == "fieldset" and kinds.legend
    for radio in kinds.select('input[name="kind"]'):
        assert "ecl-radio__input" in radio["class"]
        label = kinds.select_one(f'label[for="{radio["id"]}"]')
        assert label.select_one(".ecl-radio__box") and label.select_one(".ecl-radio__text")
    for name in ("consent", "show_on_wall", "news_opt_in"):
        checkbox = form.select_one(f'input[name="{name}"]')
        assert "ecl-checkbox__input" in checkbox["class"]
        label = form.select_one(f'label[for="{checkbox["id"]}"]')
        assert "ecl-checkbox__label" in label["class"] and label.select_one(".ecl-checkbox__box")


def test_required_fields_are_marked_and_help_texts_described(client, site_tree):
    form = soup(client.get(site_tree.en.joint_call.url)).select_one("form.form")
    required = {"kind", "name", "country", "email", "consent"}
    for name in required | {"organisation", "position", "show_on_wall", "news_opt_in"}:
        mark = group_of(form, name).select_one(".ecl-form-label__required")
        assert (mark is not None) == (name in required), name
        if mark:
            assert mark.get_text() == "*" and mark["aria-label"] == "required"
    assert "asterisk (*)" in form.select_one(".form__required-note").get_text()
    email = form.select_one('input[name="email"]')
    assert email["aria-describedby"] == "id_email_helptext"
    assert form.select_one("#id_email_helptext.ecl-help-block").get_text().strip()


def test_errors_are_ecl_feedback_next_to_invalid_fields_and_a_summary_on_top(client, site_tree):
    response = sign(client, site_tree.en.joint_call, kind="", name="", country="", consent=None)
    html = soup(response)
    summary = html.select_one("#form-errors")
    assert {"ecl-notification", "ecl-notification--error"} <= set(summary["class"])
    assert summary["role"] == "alert" and summary["tabindex"] == "-1"
    assert [link["href"] for link in summary.select("a")] == [
        "#id_kind_0",
        "#id_name",
        "#id_country",
        "#id_consent",
    ]
    for field in ("kind", "name", "country", "consent"):
        assert "ecl-feedback-message" in html.select_one(f"#id_{field}_error")["class"]
    assert "ecl-text-input--invalid" in html.select_one("#id_name")["class"]
    assert "ecl-text-input--invalid" not in html.select_one("#id_email")["class"]
    assert "ecl-select__container--invalid" in html.select_one("#id_country").parent["class"]
    assert html.select_one("#id_consent").find_parent(class_="ecl-checkbox--invalid")
    kinds = html.select_one("fieldset.ecl-form-group")
    assert kinds["aria-describedby"] == "id_kind_error"
    assert len(kinds.select(".ecl-radio__box--invalid")) == 8


@pytest.mark.parametrize(
    "route, variant",
    [("thank_you", "success"), ("confirm", "error")],
)
def test_what_signing_answers_is_an_ecl_notification(client, site_tree, route, variant):
    page = site_tree.en.joint_call
    url = page.url + page.reverse_subpage(
        route, args=("no-such-token",) if route != "thank_you" else ()
    )
    notification = soup(client.get(url)).select_one("main .ecl-notification")
    assert f"ecl-notification--{variant}" in notification["class"]
    assert notification.select_one(".ecl-notification__description").get_text().strip()


def test_signatory_filters_are_ecl_fields_with_their_buttons_together(client, site_tree):
    call = site_tree.en.joint_call
    SignatureFactory(call=call, kind="city", organisation="Rīgas pilsēta", country="LV")
    html = soup(client.get(call.signatories_url))
    filters = html.select_one("form.filters")
    assert "ecl-select" in filters.select_one('select[name="kind"]')["class"]
    assert "ecl-select" in filters.select_one('select[name="country"]')["class"]
    assert filters.select_one('input[name="q"]')["class"] == ["ecl-text-input"]
    actions = filters.select_one(".filters__actions")
    assert actions.select_one("button.ecl-button--primary[type='submit']")
    assert actions.select_one("a.ecl-link--secondary")["href"] == call.signatories_url


def test_unknown_filters_are_an_ecl_error_notification(client, site_tree):
    call = site_tree.en.joint_call
    response = client.get(call.signatories_url, {"kind": "king"})
    assert response.status_code == 400
    notification = soup(response).select_one(".ecl-notification--error")
    assert notification.select_one('a[href="#id_kind"]')


def test_media_library_filter_is_an_ecl_select(client, site_tree):
    html = soup(client.get(site_tree.en.video_index.url))
    select = html.select_one("form.filters select#id_series")
    assert "ecl-select" in select["class"]
    assert select.parent["class"] == ["ecl-select__container"]
    assert html.select_one("form.filters .filters__actions button.ecl-button")


@pytest.mark.parametrize("value", [None, "", "LV", "XX"])
def test_the_country_list_is_django_select_written_quicker(value):
    """signatures.forms.LongSelect: Django's select, options and all, without its templates."""

    def parsed(html):
        select = BeautifulSoup(html, "html.parser").select_one("select")
        options = [(o["value"], o.has_attr("selected"), o.get_text()) for o in select("option")]
        return select.attrs, options

    attrs = {"id": "id_country", "class": "ecl-select", "aria-describedby": "id_country_error"}
    with translation.override("lv"):
        choices = country_choices("lv")
        django_select = forms.Select(choices=choices).render("country", value, dict(attrs))
        long_select = LongSelect(choices=choices).render("country", value, dict(attrs))
    assert parsed(long_select) == parsed(django_select)
    assert sum(selected for _, selected, _ in parsed(long_select)[1]) == (value != "XX")
