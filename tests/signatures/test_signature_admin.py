"""Officers' tools: the signatures view, exports, moderation, erasure, resending, dashboard."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from openpyxl import load_workbook

from signatures.factories import SignatureFactory
from signatures.models import Signature
from tests.signatures.signing import last_email_to, run_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def signatures(site_tree):
    call = site_tree.en.joint_call
    return {
        "lv_city": SignatureFactory(
            call=call, kind="city", organisation="Rīga", name="Anna", country="LV", language="lv"
        ),
        "fr_region": SignatureFactory(
            call=call, kind="region", organisation="Bretagne", name="Jean", country="FR"
        ),
        "lv_person": SignatureFactory(call=call, name="Jānis Bērziņš", country="LV"),
        "pending": SignatureFactory(
            call=call, name="Pending Person", country="LV", status="pending", confirmed_at=None
        ),
    }


def exported_rows(admin_client, query):
    response = admin_client.get(reverse("signatures:index"), {**query, "export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content)))


def test_officer_filters_and_the_export_contains_what_the_filters_show(admin_client, signatures):
    query = {"country": "LV", "status": "confirmed"}
    listing = admin_client.get(reverse("signatures:index"), query)
    assert listing.status_code == 200
    rows = BeautifulSoup(listing.content, "html.parser").select("tbody tr")
    shown = {row.select_one("td.title a").get_text(strip=True) for row in rows}
    assert shown == {"Rīga", "Jānis Bērziņš"}
    rows = exported_rows(admin_client, query)
    assert sorted(row["Name"] for row in rows) == ["Anna", "Jānis Bērziņš"]
    assert {row["Email"] for row in rows} == {
        signatures["lv_city"].email,
        signatures["lv_person"].email,
    }


def test_officer_searches_and_filters_by_type_and_date(admin_client, signatures):
    index = reverse("signatures:index")
    assert [r["Name"] for r in exported_rows(admin_client, {"q": "bretagne"})] == ["Jean"]
    assert [r["Name"] for r in exported_rows(admin_client, {"kind": "city"})] == ["Anna"]
    assert len(exported_rows(admin_client, {"created_at_from": "2000-01-01"})) == 4
    assert exported_rows(admin_client, {"created_at_to": "2000-01-01"}) == []
    assert admin_client.get(index, {"kind": "nonsense"}).status_code == 200


def test_xlsx_export(admin_client, signatures):
    response = admin_client.get(reverse("signatures:index"), {"export": "xlsx", "kind": "region"})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book.active.values)
    assert rows[0][:3] == ("Reference", "Signatory type", "Name")
    assert [row[2] for row in rows[1:]] == ["Jean"]


def test_officer_hides_a_signature_from_the_public_list(admin_client, site_tree, signatures):
    signature = signatures["lv_person"]
    url = reverse("signatures:edit", args=(signature.pk,))
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "hidden_from_wall": "on",
            "show_on_wall": "on",
            "kind": signature.kind,
            "name": signature.name,
            "organisation": "",
            "position": "",
            "country": "LV",
        },
    )
    assert response.status_code == 302
    signature.refresh_from_db()
    assert signature.hidden_from_wall and signature.status == "confirmed"
    wall = admin_client.get(site_tree.en.joint_call.signatories_url).content.decode()
    assert "Jānis Bērziņš" not in wall


def test_officer_erases_a_signature_and_the_count_follows(
    admin_client, client, site_tree, signatures, django_capture_on_commit_callbacks
):
    page = site_tree.en.joint_call

    def count():
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        return soup.select_one(".signatory-count .ecl-fact-figures__value").get_text()

    assert count() == "12,003"
    url = reverse("signatures:delete", args=(signatures["fr_region"].pk,))
    assert admin_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url).status_code == 302
    assert not Signature.objects.filter(pk=signatures["fr_region"].pk).exists()
    assert count() == "12,002"


def test_officers_cannot_make_up_signatures(admin_client, signatures):
    # Wagtail answers a permission refusal with a redirect to the dashboard and a message.
    response = admin_client.get(reverse("signatures:add"))
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    response = admin_client.post(reverse("signatures:add"), {"name": "Made up", "kind": "city"})
    assert response.status_code == 302
    assert not Signature.objects.filter(name="Made up").exists()
    listing = admin_client.get(reverse("signatures:index")).content.decode()
    assert reverse("signatures:add") not in listing


def test_officer_sends_a_confirmation_email_again(admin_client, signatures):
    signature = signatures["pending"]
    url = reverse("signatures:resend", args=(signature.pk,))
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url).status_code == 302
    run_worker()
    assert (
        last_email_to(signature.email).subject == "Please confirm your signature of the Joint Call"
    )
    signature.refresh_from_db()
    assert signature.email_status == Signature.EmailStatus.SENT


def test_editors_without_permission_see_no_signatures(client, signatures, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("signatures:index")).status_code in (302, 403)
    assert client.get(
        reverse("signatures:resend", args=(signatures["pending"].pk,))
    ).status_code in (
        302,
        403,
    )
    assert "Joint Call signatures" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_shows_totals_and_charts(admin_client, signatures):
    response = admin_client.get(reverse("wagtailadmin_home"))
    soup = BeautifulSoup(response.content, "html.parser")
    panel = soup.select_one('section[aria-labelledby="signatures-panel-heading"]')
    assert "3 confirmed" in panel.get_text(" ", strip=True).replace("\xa0", " ")
    assert "1 waiting for confirmation" in panel.get_text(" ", strip=True)
    countries = [row.th.get_text() for row in panel.select("table")[1].select("tbody tr")]
    assert countries == ["Latvia", "France"]
    assert len(panel.select("table")[0].select("tbody tr")) == 30


FORMULAS = ['=HYPERLINK("https://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3"]


def test_the_csv_export_neutralises_cells_a_spreadsheet_would_run_as_formulas(
    admin_client, site_tree
):
    call = site_tree.en.joint_call
    for formula in FORMULAS:
        SignatureFactory(call=call, name=formula, organisation=formula, position="\t" + formula)
    SignatureFactory(call=call, name="Jane Doe-Smith", organisation="", position="")
    rows = exported_rows(admin_client, {})
    by_name = {row["Name"]: row for row in rows}
    assert set(by_name) == {"'" + formula for formula in FORMULAS} | {"Jane Doe-Smith"}
    for formula in FORMULAS:
        row = by_name["'" + formula]
        assert row["Organisation or authority"] == "'" + formula
        assert row["Position"] == "'\t" + formula
    # Everything else is written as it was.
    assert by_name["Jane Doe-Smith"]["Organisation or authority"] == ""
    assert all(
        not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r.values()
    )
    # The XLSX export keeps the text as it is, as text (never a formula).
    response = admin_client.get(reverse("signatures:index"), {"export": "xlsx"})
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = {cell.value: cell.data_type for row in book.active.iter_rows() for cell in row[2:3]}
    for formula in FORMULAS:
        assert cells[formula] == "s"
