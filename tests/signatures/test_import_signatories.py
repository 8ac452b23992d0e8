import csv
import io

import pytest
from django.core.management import CommandError, call_command

from signatures.factories import SignatureFactory
from signatures.models import Signature

pytestmark = pytest.mark.django_db

HEADER = ["kind", "name", "organisation", "position", "country", "email", "language",
          "signed_at", "show_on_wall", "news_opt_in"]  # fmt: skip


def write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def test_import_counts_good_rows_and_reports_the_rejected(tmp_path, site_tree, client):
    call = site_tree.en.joint_call
    SignatureFactory(call=call, email="already@example.eu")
    source = write_csv(
        tmp_path / "legacy.csv",
        [
            [
                "region",
                "Marie",
                "Région Occitanie",
                "President",
                "FR",
                "marie@example.eu",
                "fr",
                "2019-05-02",
                "",
                "",
            ],
            [
                "individual",
                "Γιάννης",
                "",
                "",
                "GR",
                "yannis@example.eu",
                "el",
                "2020-01-01",
                "yes",
                "no",
            ],
            ["city", "No org", "", "", "BE", "noorg@example.eu", "fr", "", "", ""],
            ["individual", "Bad email", "", "", "BE", "not-an-email", "en", "", "", ""],
            ["individual", "Bad country", "", "", "XX", "bc@example.eu", "en", "", "", ""],
            ["individual", "Dup in file", "", "", "BE", "Marie@Example.eu", "fr", "", "", ""],
            ["individual", "Dup in db", "", "", "BE", "already@example.eu", "en", "", "", ""],
            ["individual", "Bad date", "", "", "BE", "date@example.eu", "en", "last year", "", ""],
        ],  # fmt: skip
    )
    report = tmp_path / "rejected.csv"
    out, err = io.StringIO(), io.StringIO()
    call_command("import_signatories", str(source), "--report", str(report), stdout=out, stderr=err)
    assert "Imported 2 signatures; rejected 6 rows." in out.getvalue()
    assert "Importing" in err.getvalue() and "100%" in err.getvalue()  # the progress bar
    imported = Signature.objects.filter(source="import")
    assert sorted(imported.values_list("name", flat=True)) == ["Marie", "Γιάννης"]
    marie = imported.get(name="Marie")
    assert marie.status == "confirmed" and marie.confirmed_at.year == 2019
    assert imported.get(name="Γιάννης").show_on_wall
    rejected = list(csv.DictReader(report.open(encoding="utf-8")))
    reasons = {row["name"]: row["reason"] for row in rejected}
    assert set(reasons) == {"No org", "Bad email", "Bad country", "Dup in file", "Dup in db",
                            "Bad date"}  # fmt: skip
    assert "organisation" in reasons["No org"]
    assert "signed already" in reasons["Dup in db"]
    assert [row["line"] for row in rejected][:2] == ["4", "5"]
    response = client.get(call.url)
    assert b"12,003" in response.content  # 12,000 earlier + 1 existing + 2 imported


def test_import_refuses_a_file_it_cannot_read(tmp_path, site_tree):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_signatories", str(tmp_path / "missing.csv"))
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("a,b\n1,2\n")
    with pytest.raises(CommandError, match="Missing columns"):
        call_command("import_signatories", str(wrong))
    assert not Signature.objects.exists()


def test_import_is_refused_once_the_calls_retention_date_has_passed(tmp_path, site_tree):
    import datetime

    from django.utils import timezone

    call_settings = site_tree.en.joint_call.call_settings
    call_settings.personal_data_kept_until = timezone.localdate() - datetime.timedelta(days=1)
    call_settings.save()
    source = write_csv(
        tmp_path / "legacy.csv",
        [["individual", "Marie", "", "", "FR", "marie@example.eu", "fr", "", "", ""]],
    )
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_signatories", str(source), stdout=io.StringIO())
    assert not Signature.objects.exists()


def test_an_import_is_recorded_in_the_history_of_its_call(tmp_path, site_tree):
    from wagtail.models import ModelLogEntry

    source = write_csv(
        tmp_path / "legacy.csv",
        [["individual", "Marie", "", "", "FR", "marie@example.eu", "fr", "", "", ""]],
    )
    call_command("import_signatories", str(source), stdout=io.StringIO(), stderr=io.StringIO())
    entry = ModelLogEntry.objects.get(action="signatures.import")
    assert entry.object_id == str(site_tree.en.joint_call.call_settings.pk)
    assert entry.data["count"] == 1 and entry.data["file"] == "legacy.csv"
    assert "import_signatories" in entry.data["by"]
