"""The signatures admin speaks to officers: labels, names, Yes or No, times with their zone, one
public-list control, and a dashboard chart."""

import csv
import datetime
import io
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from signatures.factories import SignatureFactory
from signatures.models import Signature

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
# 09:15:07.123456 UTC on 5 December 2026 is 10:15 in Brussels (CET, UTC+1).
SIGNED = datetime.datetime(2026, 12, 5, 9, 15, 7, 123456, tzinfo=datetime.UTC)


@pytest.fixture
def person(site_tree):
    return SignatureFactory(
        call=site_tree.en.joint_call,
        kind="individual",
        name="Jānis Bērziņš",
        country="LV",
        language="lv",
        show_on_wall=False,
        created_at=SIGNED,
        confirmed_at=SIGNED,
    )


def listing_rows(admin_client, query=None):
    response = admin_client.get(reverse("signatures:index"), query or {})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headers = [th.get_text(" ", strip=True) for th in soup.select("thead th")]
    return headers, [
        [td.get_text(" ", strip=True) for td in row.select("td")] for row in soup.select("tbody tr")
    ]


def test_the_listing_shows_labels_names_yes_no_and_zoned_times(admin_client, person):
    headers, rows = listing_rows(admin_client)
    (row,) = rows
    assert "On the public list" in headers and "Signed at" in headers
    assert "Hidden from the public list" not in headers
    assert {"Individual", "Latvia", "Confirmed", "No", "2026-12-05 10:15 CET"} <= set(row)
    assert not {"False", "individual", "LV", "confirmed"} & set(row)


def test_on_the_public_list_follows_type_consent_status_and_moderation(site_tree):
    call = site_tree.en.joint_call
    city = SignatureFactory(call=call, kind="city", organisation="Rīga", show_on_wall=False)
    consenting = SignatureFactory(call=call, kind="individual", show_on_wall=True)
    private = SignatureFactory(call=call, kind="individual", show_on_wall=False)
    hidden = SignatureFactory(call=call, kind="region", hidden_from_wall=True)
    pending = SignatureFactory(call=call, kind="city", status="pending", confirmed_at=None)
    expected = {city.pk: True, consenting.pk: True, private.pk: False}
    expected |= {hidden.pk: False, pending.pk: False}
    assert {s.pk: s.on_public_list for s in Signature.objects.all()} == expected
    # The property says what the public list shows.
    assert set(Signature.objects.on_wall().values_list("pk", flat=True)) == {
        pk for pk, shown in expected.items() if shown
    }


def test_the_public_list_filter(admin_client, site_tree, person):
    SignatureFactory(call=site_tree.en.joint_call, kind="city", organisation="Rīga")
    for value, names in (("true", ["Rīga"]), ("false", ["Jānis Bērziņš"])):
        response = admin_client.get(reverse("signatures:index"), {"on_public_list": value})
        soup = BeautifulSoup(response.content, "html.parser")
        shown = [
            row.select_one("td.title a").get_text(strip=True) for row in soup.select("tbody tr")
        ]
        assert shown == names


def test_the_edit_form_has_one_moderation_control_that_explains_itself(admin_client, person):
    response = admin_client.get(reverse("signatures:edit", args=(person.pk,)))
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('input[name="hidden_from_wall"]')
    assert not soup.select_one('[name="show_on_wall"]')
    text = soup.get_text(" ", strip=True)
    assert "Institutions are always on the public list" in text
    # The country's empty choice has a label, not a separator.
    options = soup.select('select[name="country"] option')
    assert options[0]["value"] == "" and options[0].get_text(strip=True) == "Choose a country"


def test_inspect_shows_what_officers_need_and_no_internal_field(admin_client, person):
    response = admin_client.get(reverse("signatures:inspect", args=(person.pk,)))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    fields = {
        dt.get_text(" ", strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in soup.select("dt")
    }
    assert fields["Signatory type"] == "Individual"
    assert fields["Country"] == "Latvia"
    assert fields["Language"] == "latviešu"
    assert fields["Status"] == "Confirmed"
    assert fields["On the public list"] == "No"
    assert fields["Hide from the public list"] == "No"
    assert fields["Signed at"] == "2026-12-05 10:15 CET"
    assert fields["Personal data erased at"] == "—"
    text = soup.get_text(" ", strip=True)
    for internal in ("Call", "Email attempts", "Public id", "Email normalised"):
        assert internal not in fields
    assert str(person.public_id) not in text and str(person.call_key) not in text


def test_the_country_is_named_in_the_officers_language(admin_client, admin_user, person):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    _, rows = listing_rows(admin_client)
    assert "Lettland" in rows[0]


def export(admin_client, export_format):
    response = admin_client.get(reverse("signatures:index"), {"export": export_format})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_the_csv_export_is_readable(admin_client, person):
    content = export(admin_client, "csv").decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(content))
    assert row["Reference"] == str(person.public_id)
    assert row["Signatory type"] == "Individual"
    assert row["Country"] == "Latvia"
    assert row["Language"] == "latviešu"
    assert row["Status"] == "Confirmed"
    assert row["Source"] == "Signed on this site"
    assert row["On the public list"] == "No"
    assert row["Hidden by an officer"] == "No"
    assert row["Wants news"] in ("Yes", "No")
    assert row["Signed at (Europe/Brussels)"] == "2026-12-05 10:15:07+01:00"
    assert row["Confirmed at (Europe/Brussels)"] == "2026-12-05 10:15:07+01:00"


def test_the_xlsx_export_is_readable(admin_client, person):
    book = load_workbook(io.BytesIO(export(admin_client, "xlsx")))
    header, values = [[cell.value for cell in row] for row in book.active.iter_rows()]
    row = dict(zip(header, values, strict=True))
    assert row["Signatory type"] == "Individual" and row["Country"] == "Latvia"
    assert row["On the public list"] == "No"
    # A date cell, in the time zone its heading names, to the second.
    assert row["Signed at (Europe/Brussels)"] == datetime.datetime(2026, 12, 5, 10, 15, 7)


def test_the_dashboard_draws_a_chart_with_a_table_for_screen_readers(admin_client, site_tree):
    call = site_tree.en.joint_call
    today = timezone.localtime().replace(hour=12)
    for days_ago, count in ((0, 3), (2, 1)):
        for _ in range(count):
            when = today - datetime.timedelta(days=days_ago)
            SignatureFactory(call=call, kind="city", country="LV", confirmed_at=when)
    SignatureFactory(call=call, kind="individual", country="FR", confirmed_at=today)
    response = admin_client.get(reverse("wagtailadmin_home"))
    soup = BeautifulSoup(response.content, "html.parser")
    panel = soup.select_one('section[aria-labelledby="signatures-panel-heading"]')
    svg = panel.select_one("svg")
    assert svg["role"] == "img"
    labelled_by = svg["aria-labelledby"].split()
    assert [panel.select_one(f"#{id_}").name for id_ in labelled_by] == ["title", "desc"]
    assert "5 confirmed" in svg.desc.get_text()
    bars = svg.select("rect")
    assert len(bars) == 30
    heights = [float(bar["height"]) for bar in bars]
    assert heights[-1] == max(heights) > heights[-3] > 0 == heights[-2]
    # No script, no address elsewhere.
    assert not panel.select("script") and "http" not in str(svg).replace(svg["xmlns"], "")
    # The same figures as a table, for screen readers.
    by_day = panel.select("table")[0]
    assert "w-sr-only" in by_day["class"]
    assert [row.td.get_text() for row in by_day.select("tbody tr")][-3:] == ["1", "0", "4"]
    # Totals per country and per type.
    countries = [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in panel.select("table")[1].select("tbody tr")
    ]
    assert countries == [["Latvia", "4"], ["France", "1"]]
    kinds = [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in panel.select("table")[2].select("tbody tr")
    ]
    assert kinds == [["City or municipality", "4"], ["Individual", "1"]]


def test_the_dashboard_dates_follow_the_officers_language(admin_client, admin_user, site_tree):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    soup = BeautifulSoup(admin_client.get(reverse("wagtailadmin_home")).content, "html.parser")
    last = soup.select("section[aria-labelledby='signatures-panel-heading'] table")[0]
    day = last.select("tbody tr th")[-1].get_text()
    assert day == timezone.localdate().strftime("%d.%m.%Y")
