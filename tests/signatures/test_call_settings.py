"""The call's own facts exist once per call and only those who manage signatures change them.

The attack this closes: a translator stopped synchronising the Latvian Joint Call, published it
with 999,999 earlier signatories and a retention date in the past, and the next purge erased the
personal data of every signatory of the call in every language.
"""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale, ModelLogEntry
from wagtail_localize.models import Translation, TranslationSource

from home.models import JointCallPage, StoryPage
from signatures.factories import SignatureFactory
from signatures.models import CallSettings, Signature
from tests.helpers_admin import page_form, publish_through_editor
from tests.signatures.signing import sign

pytestmark = pytest.mark.django_db

ATTACK = {
    "signatory_baseline": "999999",
    "personal_data_kept_until": "2020-01-01",
    "privacy_notice_version": "attacker",
    "signing_open": "",
}


def user_in(django_user_model, username, group=None, permissions=()):
    user = django_user_model.objects.create_user(username, password="pw")
    if group:
        user.groups.add(Group.objects.get(name=group))
    for codename in ("access_admin", *permissions):
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture
def signature_manager(django_user_model):
    """What an officer who manages signatures holds."""
    return user_in(
        django_user_model,
        "signature-manager",
        permissions=(
            "view_signature",
            "change_signature",
            "delete_signature",
            "view_callsettings",
            "change_callsettings",
        ),
    )


@pytest.fixture
def editor(django_user_model):
    """Wagtail's Editors: pages, not signatures."""
    return user_in(django_user_model, "editor", group="Editors")


@pytest.fixture
def synced_latvian_call(site_tree):
    """The Latvian Joint Call as wagtail-localize's translation of the English one."""
    english, latvian = site_tree.en.joint_call, site_tree.lv.joint_call
    source, _created = TranslationSource.get_or_create_from_instance(english)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="lv"), enabled=True
    )
    return translation, latvian


@pytest.fixture
def signatures(site_tree):
    call = site_tree.en.joint_call
    return [
        SignatureFactory(call=call, name="Anna Ozola", language="lv"),
        SignatureFactory(call=call, name="Jean Dupont", language="fr"),
        SignatureFactory(call=call, name="Pending", status="pending", confirmed_at=None),
    ]


def count_on(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one(".signatory-count .ecl-fact-figures__value").get_text()


def test_a_translator_cannot_stop_synchronising_the_joint_call(
    client, translator, synced_latvian_call
):
    translation, latvian = synced_latvian_call
    client.force_login(translator)
    response = client.post(reverse("wagtail_localize:stop_translation", args=(translation.pk,)))
    assert response.status_code in (302, 403)
    translation.refresh_from_db()
    assert translation.enabled
    # Still localize's translation editor, with no field of the call to change.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(latvian.pk,)))
    assert editor.status_code == 200
    assert b"signatory_baseline" not in editor.content


def test_the_attack_through_the_admin_changes_neither_count_nor_date_nor_signatures(
    client, translator, synced_latvian_call, signatures, site_tree
):
    translation, latvian = synced_latvian_call
    english = site_tree.en.joint_call
    visitor = type(client)()
    before = (count_on(visitor, english), count_on(visitor, latvian))
    assert before[0] == "12,002"
    settings_before = CallSettings.objects.get(call_key=english.translation_key)

    # Someone with the right stopped the synchronisation earlier: the translator now has the
    # ordinary editor of the Latvian page and tries to publish the attack with it.
    translation.enabled = False
    translation.save()
    client.force_login(translator)
    response = publish_through_editor(client, latvian, **ATTACK)
    assert response.status_code == 302
    latvian = JointCallPage.objects.get(pk=latvian.pk)
    assert latvian.live and latvian.live_revision.user == translator  # it was published

    # And straight at the call's settings.
    call_settings = CallSettings.objects.get(call_key=english.translation_key)
    edit_url = reverse("call_settings:edit", args=(call_settings.pk,))
    assert client.get(edit_url).status_code in (302, 403)
    assert client.post(edit_url, ATTACK).status_code in (302, 403)
    erase_url = reverse("call_settings:erase", args=(call_settings.pk,))
    assert client.post(erase_url).status_code in (302, 403)

    call_settings.refresh_from_db()
    for name in ("signatory_baseline", "personal_data_kept_until", "privacy_notice_version"):
        assert getattr(call_settings, name) == getattr(settings_before, name)
    assert call_settings.signing_open
    assert (count_on(visitor, english), count_on(visitor, latvian)) == before
    call_command("purge_unconfirmed_signatures", stdout=io.StringIO())
    assert Signature.objects.filter(anonymised_at__isnull=False).count() == 0
    assert set(Signature.objects.values_list("name", flat=True)) == {
        "Anna Ozola",
        "Jean Dupont",
        "Pending",
    }


def test_editors_cannot_reach_the_call_settings(client, editor, site_tree):
    call_settings = CallSettings.objects.get(call_key=site_tree.en.joint_call.translation_key)
    client.force_login(editor)
    assert client.get(reverse("call_settings:index")).status_code in (302, 403)
    edit_url = reverse("call_settings:edit", args=(call_settings.pk,))
    assert client.post(edit_url, ATTACK).status_code in (302, 403)
    call_settings.refresh_from_db()
    assert call_settings.signatory_baseline == 12000


def test_a_visitor_cannot_reach_the_call_settings(client, site_tree):
    call_settings = CallSettings.objects.get(call_key=site_tree.en.joint_call.translation_key)
    response = client.post(reverse("call_settings:edit", args=(call_settings.pk,)), ATTACK)
    assert response.status_code == 302 and "/login/" in response["Location"]
    call_settings.refresh_from_db()
    assert call_settings.signatory_baseline == 12000


def test_a_signature_manager_changes_the_call_once_for_every_language(
    client, signature_manager, site_tree
):
    english, latvian = site_tree.en.joint_call, site_tree.lv.joint_call
    call_settings = CallSettings.objects.get(call_key=english.translation_key)
    client.force_login(signature_manager)
    menu = client.get(reverse("call_settings:index"))
    assert menu.status_code == 200
    assert english.title in menu.content.decode()
    edit_url = reverse("call_settings:edit", args=(call_settings.pk,))
    form = client.get(edit_url)
    assert form.status_code == 200
    assert b"Erase personal data" not in form.content  # the date has not passed
    response = client.post(
        edit_url,
        {
            "signing_open": "on",
            "signatory_baseline": "12500",
            "privacy_notice_version": "2",
            "personal_data_kept_until": "2029-06-30",
        },
    )
    assert response.status_code == 302
    visitor = type(client)()
    assert count_on(visitor, english) == "12,500"
    assert count_on(visitor, latvian).replace("\xa0", " ") == "12 500"
    latvian_form = BeautifulSoup(visitor.get(latvian.url).content, "html.parser")
    assert "2029" in latvian_form.select_one(".form__notice").get_text()
    sign(visitor, latvian)
    assert Signature.objects.get().privacy_notice_version == "2"
    entry = ModelLogEntry.objects.get(action="wagtail.edit", object_id=str(call_settings.pk))
    assert entry.user == signature_manager
    history = client.get(reverse("call_settings:history", args=(call_settings.pk,)))
    assert history.status_code == 200 and "signature-manager" in history.content.decode()


def test_call_settings_are_neither_added_nor_deleted_in_the_admin(admin_client, site_tree):
    call_settings = CallSettings.objects.get(call_key=site_tree.en.joint_call.translation_key)
    assert admin_client.get("/admin/signatures/calls/new/").status_code in (302, 403, 404)
    delete = admin_client.post(f"/admin/signatures/calls/delete/{call_settings.pk}/")
    assert delete.status_code in (302, 403, 404)
    assert CallSettings.objects.filter(pk=call_settings.pk).exists()


def test_the_joint_call_editor_shows_the_settings_and_where_to_change_them(admin_client, site_tree):
    page = site_tree.en.joint_call
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    soup = BeautifulSoup(response.content, "html.parser")
    panel = soup.select_one("dl.call-settings")
    assert "12,000" in panel.get_text()
    assert soup.find("a", href=reverse("call_settings:edit", args=(page.call_settings.pk,)))
    assert not soup.select('input[name="signatory_baseline"]')


def test_erasing_by_hand_asks_first_reads_the_one_date_and_is_recorded(
    client, signature_manager, signatures, site_tree
):
    call_settings = CallSettings.objects.get(call_key=site_tree.en.joint_call.translation_key)
    erase_url = reverse("call_settings:erase", args=(call_settings.pk,))
    client.force_login(signature_manager)

    # Before the date: nothing is erased, and it says why.
    call_settings.personal_data_kept_until = timezone.localdate() + datetime.timedelta(days=1)
    call_settings.save()
    response = client.post(erase_url, follow=True)
    assert "Nothing was erased" in response.content.decode()
    assert not Signature.objects.filter(anonymised_at__isnull=False).exists()

    call_settings.personal_data_kept_until = timezone.localdate() - datetime.timedelta(days=1)
    call_settings.save()
    edit = client.get(reverse("call_settings:edit", args=(call_settings.pk,)))
    assert b"Erase personal data" in edit.content
    confirmation = client.get(erase_url)
    assert confirmation.status_code == 200
    assert "3 signatures" in confirmation.content.decode()
    assert not Signature.objects.filter(
        anonymised_at__isnull=False
    ).exists()  # a GET erases nothing

    assert client.post(erase_url).status_code == 302
    assert Signature.objects.filter(anonymised_at__isnull=True).count() == 0
    assert not Signature.objects.exclude(name="").exists()
    entry = ModelLogEntry.objects.get(action="signatures.erase")
    assert entry.user == signature_manager and entry.data["count"] == 3
    history = client.get(reverse("call_settings:history", args=(call_settings.pk,)))
    assert "Erased the personal data of 3 signatures" in history.content.decode()


def test_the_purge_reads_the_calls_one_date_and_records_what_it_did(signatures, site_tree):
    call_settings = CallSettings.objects.get(call_key=site_tree.en.joint_call.translation_key)
    call_command("purge_unconfirmed_signatures", stdout=io.StringIO())
    assert not Signature.objects.filter(anonymised_at__isnull=False).exists()
    call_settings.personal_data_kept_until = timezone.localdate() - datetime.timedelta(days=1)
    call_settings.save()
    Signature.objects.filter(status="pending").update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    output = io.StringIO()
    call_command("purge_unconfirmed_signatures", stdout=output)
    assert "Deleted 1 unconfirmed" in output.getvalue()
    assert "erased the personal data of 2 signatures" in output.getvalue()
    actions = dict(
        ModelLogEntry.objects.filter(object_id=str(call_settings.pk)).values_list("action", "data")
    )
    assert actions["signatures.erase"]["count"] == 2
    assert "purge_unconfirmed_signatures" in actions["signatures.erase"]["by"]
    assert actions["signatures.delete_unconfirmed"]["count"] == 1


def test_a_closed_call_shows_a_notice_and_takes_no_signature(client, site_tree):
    english, latvian = site_tree.en.joint_call, site_tree.lv.joint_call
    call_settings = english.call_settings
    call_settings.signing_open = False
    call_settings.save()
    for page in (english, latvian):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        assert not soup.select("form.form")
        with translation.override(page.locale.language_code):
            closed = gettext("Signing has closed")
        assert soup.select_one("#sign-heading").get_text() == closed
    response = sign(client, latvian)
    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_the_admin_history_of_a_signature_names_nobody(admin_client, signatures):
    signature = signatures[0]
    edit_url = reverse("signatures:edit", args=(signature.pk,))
    data = {
        "hidden_from_wall": "on",
        "show_on_wall": "on",
        "kind": signature.kind,
        "name": signature.name,
        "organisation": "",
        "position": "",
        "country": signature.country.code,
    }
    assert admin_client.post(edit_url, data).status_code == 302
    entry = ModelLogEntry.objects.get(action="wagtail.edit", object_id=str(signature.pk))
    assert "Anna" not in entry.label and signature.public_id.hex[:8] in entry.label


def test_erasure_scrubs_what_the_history_said_of_a_signer(client, signatures, site_tree):
    signature = signatures[1]
    # An entry written before labels stopped carrying names.
    ModelLogEntry.objects.log_action(signature, "wagtail.edit", title="Jean Dupont")
    from signatures.services import erase

    erase(signature)
    entry = ModelLogEntry.objects.get(object_id=str(signature.pk))
    assert "Jean" not in entry.label and entry.data == {}


def test_a_translator_cannot_change_synchronised_fields_of_a_translation(
    client, translator, site_tree
):
    """The same hole on every page type: dates, images, countries, files stay the source's."""
    story = site_tree.lv.story
    client.force_login(translator)
    response = publish_through_editor(
        client, story, date="1999-01-01", country="FR", title="Stāsts par Monsu (labots)"
    )
    assert response.status_code == 302
    story = StoryPage.objects.get(pk=story.pk)
    assert story.title == "Stāsts par Monsu (labots)"  # what translators do, they do
    assert story.date == site_tree.en.story.date and story.country == "BE"


def test_a_translator_cannot_swap_the_files_of_a_translated_document(client, translator, site_tree):
    document = site_tree.lv.document
    files = list(document.language_versions.values_list("document_id", flat=True))
    client.force_login(translator)
    url = reverse("wagtailadmin_pages:edit", args=(document.pk,))
    data = page_form(client, url, type(document))
    data["language_versions-0-DELETE"] = "1"
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "kept in step with the source page" in response.content.decode()
    assert list(document.language_versions.values_list("document_id", flat=True)) == files


def test_an_officer_may_still_change_a_translations_synchronised_fields(admin_client, site_tree):
    story = site_tree.lv.story
    response = publish_through_editor(admin_client, story, date="2020-02-02")
    assert response.status_code == 302
    assert StoryPage.objects.get(pk=story.pk).date == datetime.date(2020, 2, 2)


def test_files_addresses_and_the_feed_owner_cannot_be_overridden_in_a_translation(site_tree):
    """In localize's translation editor, a translation may choose its own images, nothing else
    that is synchronised."""
    from wagtail_localize.segments import OverridableSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    def overridable(page):
        return {
            segment.path
            for segment in extract_segments(page)
            if isinstance(segment, OverridableSegmentValue)
        }

    show, episode, video = site_tree.en.show, site_tree.en.episode, site_tree.en.video
    show.owner_email, show.author = "podcast@example.eu", "European Committee of the Regions"
    video.video_url = "https://www.youtube.com/watch?v=abc"
    assert overridable(show) == {"artwork"}
    assert overridable(episode) == set()
    assert overridable(video) == {"poster"}


def test_erasure_removes_the_results_of_the_signers_email_tasks(signatures):
    from django_tasks_db.models import DBTaskResult

    from signatures.services import erase
    from signatures.tasks import send_signature_email

    signature, other = signatures[0], signatures[1]
    for target in (signature, other):
        send_signature_email.enqueue(target.pk, "confirm")
    erase(signature)
    remaining = DBTaskResult.objects.filter(task_path=send_signature_email.module_path)
    assert [row.args_kwargs["args"][0] for row in remaining] == [other.pk]
