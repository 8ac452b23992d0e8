"""Signing the Joint Call: the form, double opt-in, duplicates, links, withdrawal, abuse."""

import json
import re
import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from django_tasks_db.models import DBTaskResult

from signatures.models import Signature
from signatures.services import normalise_email
from tests.signatures.signing import VALID, last_email_to, link_path, run_worker, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit, as it would after a real request."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def count_on(client, page):
    count = soup(client.get(page.url)).select_one(".signatory-count .ecl-fact-figures__value")
    return count.get_text()


def test_form_asks_for_everything_with_consent_unticked(client, site_tree):
    page = site_tree.lv.joint_call
    html = soup(client.get(page.url))
    form = html.select_one("form.form")
    names = {element["name"] for element in form.select("[name]")}
    assert {
        "kind",
        "name",
        "organisation",
        "position",
        "country",
        "email",
        "consent",
        "show_on_wall",
        "news_opt_in",
    } <= names
    assert len(form.select('input[name="kind"]')) == 8
    assert form.select_one('input[name="consent"]').get("checked") is None
    assert form.select_one('input[name="show_on_wall"]').get("checked") is None
    # The 27 member states come first, in Latvian.
    options = [option.get_text() for option in form.select('select[name="country"] option')]
    assert "Latvija" in options[1:28] and "Beļģija" in options[1:28]
    assert "Norvēģija" in options[29:]
    assert form.select_one(".form__notice a")["href"] == site_tree.lv.content.url
    # No per-visitor token: the page is the same for everyone, and a shared cache may keep it.
    assert "csrfmiddlewaretoken" not in names


def test_good_signature_is_confirmed_from_the_email_actually_sent(client, site_tree, committed):
    page = site_tree.lv.joint_call
    before = count_on(client, page)
    response = sign(
        client, page, email="Anna.Berzina@example.lv", name="Anna Bērziņa", show_on_wall="on"
    )
    assert response.status_code == 303
    assert response["Location"] == page.url + "thank-you/"
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.language == "lv"
    assert signature.privacy_notice_version == page.call_settings.privacy_notice_version
    assert count_on(client, page) == before  # not counted before it is confirmed

    run_worker()
    email = last_email_to("Anna.Berzina@example.lv")
    assert email.subject == "Lūdzu, apstipriniet savu parakstu zem Kopīgā aicinājuma"
    confirm = link_path(email, "confirm")
    assert confirm.startswith(page.url + "confirm/")
    assert "/withdraw/" in email.body and "/my-data/" in email.body

    page_to_confirm = client.get(confirm)
    assert page_to_confirm.status_code == 200
    assert Signature.objects.get().status == Signature.Status.PENDING  # a GET changes nothing
    with committed():
        confirmed = client.post(confirm)
    assert confirmed.status_code == 200
    signature.refresh_from_db()
    assert signature.status == Signature.Status.CONFIRMED and signature.confirmed_at
    assert count_on(client, page) == "12\xa0001"
    assert count_on(client, site_tree.en.joint_call) == "12,001"
    assert (
        "Anna Bērziņa"
        in soup(client.get(page.signatories_url)).select_one(".signatories").get_text()
    )

    run_worker()
    thanks = last_email_to("Anna.Berzina@example.lv")
    assert "/withdraw/" in thanks.body
    assert client.post(confirm).status_code == 200  # confirming twice counts once
    assert count_on(client, page) == "12\xa0001"


def test_counter_on_the_landing_page(client, site_tree):
    Signature.objects.create(
        call_key=site_tree.en.joint_call.translation_key,
        kind="individual",
        name="A",
        country="DE",
        email="a@example.eu",
        email_normalised="a@example.eu",
        language="de",
        privacy_notice_version="1",
        status="confirmed",
    )
    response = client.get(site_tree.lv.home.url)
    assert soup(response).select_one(".joint-call-teaser .ecl-fact-figures__value").get_text() == (
        "12\xa0001"
    )


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"email": "not-an-address"}, "email"),
        ({"email": ""}, "email"),
        ({"consent": None}, "consent"),
        ({"kind": "king"}, "kind"),
        ({"country": "XX"}, "country"),
        ({"kind": "region", "organisation": ""}, "organisation"),
        ({"name": "A" * 201}, "name"),
        ({"organisation": "B" * 301, "kind": "city"}, "organisation"),
        ({"name": "Jane\u202eDoe"}, "name"),
        ({"name": "Jane\x00Doe"}, "name"),
        ({"position": "Mayor\x07"}, "position"),
    ],
)
def test_bad_input_is_refused_next_to_its_field_with_400(client, site_tree, changes, field):
    page = site_tree.lv.joint_call
    response = sign(client, page, **changes)
    assert response.status_code == 400
    html = soup(response)
    error = html.select_one(f"#id_{field}_error")
    assert error is not None and error.get_text().strip()
    assert html.select_one("#form-errors") is not None
    if field not in ("kind",):
        assert "id_" + field + "_error" in html.select_one(f"#id_{field}")["aria-describedby"]
    assert not Signature.objects.exists()


def test_error_messages_are_in_the_visitor_language(client, site_tree):
    response = sign(client, site_tree.lv.joint_call, consent=None)
    assert (
        "Lūdzu, piekrītiet paziņojumam par privātumu"
        in soup(response).select_one("#id_consent_error").get_text()
    )


@pytest.mark.parametrize(
    "name",
    ["Γιώργος Παπαδόπουλος", "Иван Петров", "Seán Ó Súilleabháin", "Zoë Ülkü-Łukasiewicz"],
)
def test_names_in_every_script_are_accepted(client, site_tree, name):
    response = sign(client, site_tree.en.joint_call, name=name, email="x@example.eu")
    assert response.status_code == 303
    assert Signature.objects.get().name == name


def test_signing_again_never_makes_a_second_signature_and_reveals_nothing(client, site_tree):
    page = site_tree.en.joint_call
    first = sign(client, page, email="Jane.Doe@Gmail.com")
    again = sign(client, page, email="janedoe+eu@gmail.com", name="Jane D.")
    assert (first.status_code, first["Location"]) == (again.status_code, again["Location"])
    assert Signature.objects.count() == 1
    assert Signature.objects.get().name == "Jane Doe"  # what was stored is kept

    Signature.objects.update(status="confirmed")
    cache.clear()
    mail.outbox.clear()
    after_confirmed = sign(client, page, email="JANEDOE@googlemail.com")
    assert (after_confirmed.status_code, after_confirmed["Location"]) == (
        first.status_code,
        first["Location"],
    )
    run_worker()
    assert Signature.objects.count() == 1
    reminder = last_email_to("Jane.Doe@Gmail.com")
    assert reminder.subject == "You have already signed the Joint Call"


@pytest.mark.parametrize(
    "address, normalised",
    [
        ("Jane.Doe@Example.EU", "jane.doe@example.eu"),
        ("jane.doe+news@gmail.com", "janedoe@gmail.com"),
        ("J.A.N.E@googlemail.com", "jane@gmail.com"),
        ("jane+eu@outlook.com", "jane@outlook.com"),
        ("jane+eu@example.eu", "jane+eu@example.eu"),
        ("  jane@EXAMPLE.eu ", "jane@example.eu"),
        ("ана@пример.бг", "ана@xn--e1afmkfd.xn--90ae"),
    ],
)
def test_email_addresses_are_normalised_sensibly(address, normalised):
    assert normalise_email(address) == normalised


def test_expired_confirmation_link_is_refused_and_says_so(client, site_tree, settings):
    page = site_tree.en.joint_call
    sign(client, page)
    run_worker()
    confirm = link_path(last_email_to(VALID["email"]), "confirm")
    later = time.time() + (settings.SIGNATURE_CONFIRMATION_DAYS + 1) * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(confirm)
    assert response.status_code == 400
    assert b"expired" in response.content
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_forged_or_foreign_links_are_refused(client, site_tree):
    page = site_tree.en.joint_call
    sign(client, page)
    run_worker()
    email = last_email_to(VALID["email"])
    confirm = link_path(email, "confirm")
    assert client.post(confirm[:-3] + "xx/").status_code == 404
    withdraw_token = link_path(email, "withdraw").rstrip("/").rsplit("/", 1)[1]
    # A withdrawal token does not confirm.
    assert client.post(f"{page.url}confirm/{withdraw_token}/").status_code == 404
    assert Signature.objects.get().status == Signature.Status.PENDING


def test_withdrawing_erases_the_signature_and_its_count(client, site_tree, committed):
    page = site_tree.en.joint_call
    sign(client, page)
    run_worker()
    email = last_email_to(VALID["email"])
    with committed():
        client.post(link_path(email, "confirm"))
    assert count_on(client, page) == "12,001"
    withdraw = link_path(email, "withdraw")
    assert client.get(withdraw).status_code == 200
    assert Signature.objects.exists()
    with committed():
        assert client.post(withdraw).status_code == 200
    assert not Signature.objects.exists()
    assert count_on(client, page) == "12,000"
    assert client.post(link_path(email, "confirm")).status_code == 404
    assert client.post(withdraw).status_code == 404


def test_signer_downloads_a_copy_of_their_data(client, site_tree):
    page = site_tree.en.joint_call
    sign(client, page, name="Ελένη Παππά", show_on_wall="on")
    run_worker()
    data_link = link_path(last_email_to(VALID["email"]), "my-data")
    response = client.post(data_link)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="my-signature.json"'
    data = json.loads(response.content)
    assert data["name"] == "Ελένη Παππά"
    assert data["email"] == VALID["email"]
    assert data["appears_on_public_list"] is True


def test_honeypot_pretends_success_and_stores_nothing(client, site_tree):
    response = sign(client, site_tree.en.joint_call, website="http://spam.example")
    assert response.status_code == 303
    assert not Signature.objects.exists()
    email_tasks = DBTaskResult.objects.filter(task_path="signatures.tasks.send_signature_email")
    assert not email_tasks.exists()


def test_rate_limit_per_client_answers_429(client, site_tree, settings):
    settings.SIGNATURE_RATE_LIMIT = 2
    page = site_tree.en.joint_call
    for n in range(2):
        assert sign(client, page, email=f"s{n}@example.eu").status_code == 303
    refused = sign(client, page, email="s3@example.eu")
    assert refused.status_code == 429
    assert not Signature.objects.filter(email="s3@example.eu").exists()
    # Another connection is not limited.
    assert sign(client, page, email="s4@example.eu", ip="198.51.100.7").status_code == 303
    # The address itself is never stored, only a keyed hash of it in the cache.
    assert not any("192.0.2.10" in str(value) for value in Signature.objects.values_list())


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/lv/"},
        {},
    ],
    ids=["cross-site", "same-site", "other-origin", "null-origin", "other-referer", "no-headers"],
)
def test_a_form_posted_from_another_site_is_refused(site_tree, headers):
    """Without a CSRF token, the browser's Sec-Fetch-Site, Origin or Referer must say the form
    was sent from this site; otherwise nothing is stored and the visitor sees why."""
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    page = site_tree.lv.joint_call
    response = strict.post(f"/lv/sign/{page.translation_key}/", VALID, **headers)
    assert response.status_code == 403
    assert not Signature.objects.exists()
    html = response.content.decode()
    assert 'role="alert"' in html and 'value="Jane Doe"' in html
    assert not mail.outbox


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/lv/kopigais-aicinajums/"},
    ],
    ids=["same-origin", "origin", "referer"],
)
def test_a_form_posted_from_this_site_is_accepted_without_a_token(site_tree, headers):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    page = site_tree.lv.joint_call
    response = strict.post(f"/lv/sign/{page.translation_key}/", VALID, **headers)
    assert response.status_code == 303
    assert Signature.objects.get().email == VALID["email"]


def test_an_origin_trusted_in_the_settings_is_accepted(site_tree, settings):
    from django.test import Client

    settings.CSRF_TRUSTED_ORIGINS = ["https://alliance.cor.europa.eu"]
    page = site_tree.en.joint_call
    response = Client(enforce_csrf_checks=True).post(
        f"/en/sign/{page.translation_key}/", VALID, HTTP_ORIGIN="https://alliance.cor.europa.eu"
    )
    assert response.status_code == 303


def test_failing_mail_server_keeps_the_signature_and_the_worker_retries(
    client, site_tree, settings
):
    page = site_tree.en.joint_call
    settings.EMAIL_BACKEND = "tests.signatures.failing_mail.FailingEmailBackend"
    sign(client, page)
    run_worker()
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.email_status == Signature.EmailStatus.RETRYING
    assert "Connection refused" in signature.email_error
    emails = DBTaskResult.objects.filter(task_path="signatures.tasks.send_signature_email")
    assert not emails.ready().exists()  # the retry waits a while
    waiting = emails.filter(status="READY")
    assert waiting.count() == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    waiting.update(run_after=signature.created_at)  # time passes
    run_worker()
    signature.refresh_from_db()
    assert signature.email_status == Signature.EmailStatus.SENT
    assert (
        last_email_to(VALID["email"]).subject == "Please confirm your signature of the Joint Call"
    )


def test_purge_deletes_old_unconfirmed_signatures_only(client, site_tree):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    page = site_tree.en.joint_call
    for n, (status, age) in enumerate(
        [("pending", 30), ("pending", 2), ("confirmed", 30)], start=1
    ):
        Signature.objects.create(
            call_key=page.translation_key,
            kind="individual",
            name=f"S{n}",
            country="FR",
            email=f"s{n}@example.eu",
            email_normalised=f"s{n}@example.eu",
            language="fr",
            privacy_notice_version="1",
            status=status,
            created_at=timezone.now() - datetime.timedelta(days=age),
        )
    call_command("purge_unconfirmed_signatures", stdout=__import__("io").StringIO())
    assert sorted(Signature.objects.values_list("name", flat=True)) == ["S2", "S3"]


def test_purge_erases_personal_data_after_the_retention_date_but_keeps_the_count(client, site_tree):
    import datetime
    import io

    from django.core.management import call_command
    from django.utils import timezone

    page = site_tree.en.joint_call
    sign(client, page, kind="region", organisation="Région Bretagne", show_on_wall="on")
    Signature.objects.update(status="confirmed", confirmed_at=timezone.now())
    cache.clear()
    page.call_settings.personal_data_kept_until = timezone.localdate() - datetime.timedelta(days=1)
    page.call_settings.save()
    call_command("purge_unconfirmed_signatures", stdout=io.StringIO())
    signature = Signature.objects.get()
    assert signature.anonymised_at and signature.email is None and signature.name == ""
    assert count_on(client, page) == "12,001"
    wall = soup(client.get(page.signatories_url))
    assert "Bretagne" not in wall.get_text()


def test_the_form_posts_to_the_signature_endpoint_of_its_call(client, site_tree):
    for language in ("en", "lv"):
        page = getattr(site_tree, language).joint_call
        form = soup(client.get(page.url)).select_one("form.form")
        assert form["action"] == f"/{language}/sign/{page.translation_key}/"
    assert client.post(site_tree.en.joint_call.url, VALID).status_code == 405


def test_signing_an_unknown_or_unpublished_call_is_a_404(client, site_tree):
    import uuid

    response = client.post(f"/en/sign/{uuid.uuid4()}/", VALID)
    assert response.status_code == 404
    page = site_tree.en.joint_call
    site_tree.lv.joint_call.unpublish()
    page.unpublish()
    assert client.post(f"/en/sign/{page.translation_key}/", VALID).status_code == 404
    assert not Signature.objects.exists()


def test_submit_endpoint_answers_get_with_405(client, site_tree):
    assert client.get(f"/en/sign/{site_tree.en.joint_call.translation_key}/").status_code == 405


def test_signing_does_the_same_work_whether_the_address_had_signed_or_not(client, site_tree):
    """No timing side channel: the same queries, in the same order, for a new and a known
    address (their duration is then the database's, whatever the address)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = site_tree.en.joint_call
    sign(client, page, email="first@example.eu", ip="192.0.2.1")

    def statements(address, ip):
        with CaptureQueriesContext(connection) as queries:
            assert sign(client, page, email=address, ip=ip).status_code == 303
        # The statement and the table it works on (savepoint names differ).
        return [
            re.sub(r'"s\d+_x\d+"', "savepoint", " ".join(query["sql"].split()[:4]))
            for query in queries.captured_queries
        ]

    known = statements("first@example.eu", "192.0.2.2")
    new = statements("second@example.eu", "192.0.2.3")
    assert known == new
    assert Signature.objects.count() == 2
