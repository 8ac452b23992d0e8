"""The signatures moved from the ``home`` app to their own (signatures/migrations/0001_initial.py):
a database that holds signatures keeps them, and everything that refers to them by app."""

import uuid

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from wagtail.models import ModelLogEntry

from signatures.models import CallSettings, Signature
from signatures.tasks import send_signature_email

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = ("signatures", None)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_a_database_with_signatures_keeps_them_and_their_permissions_history_and_tasks():
    executor = migrate([BEFORE_THE_MOVE])
    old = executor.loader.project_state(("home", "0006_video_block")).apps
    OldSignature = old.get_model("home", "Signature")
    OldCallSettings = old.get_model("home", "CallSettings")
    call_key = uuid.uuid4()
    settings_row = OldCallSettings.objects.create(call_key=call_key, signatory_baseline=12000)
    OldSignature.objects.create(
        call_key=call_key,
        kind="region",
        name="Ana Novak",
        organisation="Region of Styria",
        country="AT",
        email="ana@example.eu",
        email_normalised="ana@example.eu",
        language="sl",
        privacy_notice_version="1",
        status="confirmed",
    )
    signature_type = ContentType.objects.get(app_label="home", model="signature")
    settings_type = ContentType.objects.get(app_label="home", model="callsettings")
    view_signatures = Permission.objects.get_or_create(
        content_type=signature_type,
        codename="view_signature",
        defaults={"name": "Can view signature"},
    )[0]
    managers = Group.objects.create(name="Signature readers (before the move)")
    managers.permissions.add(view_signatures)
    reader = User.objects.create_user("reader", password="pw")
    reader.groups.add(managers)
    # As written before the move (bypassing save(), which checks the action is registered now).
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=settings_type,
                object_id=str(settings_row.pk),
                label="Joint Call",
                action="home.signatures.erase",
                data={"count": 3},
                timestamp=timezone.now(),
            )
        ]
    )
    queued = DBTaskResult.objects.create(
        task_path="home.tasks.send_signature_email",
        queue_name="default",
        backend_name="default",
        args_kwargs={"args": [1, "confirm"], "kwargs": {}},
        run_after=get_date_max(),
    )

    migrate(latest())

    signature = Signature.objects.get(email="ana@example.eu")
    assert (signature.organisation, signature.status) == ("Region of Styria", "confirmed")
    assert CallSettings.objects.get(call_key=call_key).signatory_baseline == 12000
    assert Signature._meta.db_table == "signatures_signature"
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert "signatures_signature" in tables and "home_signature" not in tables
    assert not ContentType.objects.filter(app_label="home", model="signature").exists()
    reader = User.objects.get(pk=reader.pk)
    assert reader.has_perm("signatures.view_signature")
    entry = ModelLogEntry.objects.get(object_id=str(settings_row.pk))
    assert entry.content_type.model_class() is CallSettings
    assert entry.action == "signatures.erase"
    queued.refresh_from_db()
    assert queued.task_path == send_signature_email.module_path
