import datetime
import getpass

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from signatures.models import CallSettings, Signature
from signatures.services import anonymise, log_call_action


class Command(BaseCommand):
    help = (
        "Delete signatures never confirmed within SIGNATURE_UNCONFIRMED_PURGE_DAYS days, and "
        "erase the personal data of confirmed signatures once their call's retention date "
        "(Signatures › Call settings) has passed (they stay in the count). Run it daily. Each "
        "call's erasures are recorded in the history of its settings."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SIGNATURE_UNCONFIRMED_PURGE_DAYS,
            help="Age in days after which unconfirmed signatures are deleted.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be done; change nothing."
        )

    def handle(self, *args, days, dry_run, **options):
        now = timezone.now()
        by = f"manage.py purge_unconfirmed_signatures (run by {getpass.getuser()})"
        total_deleted = total_erased = 0
        call_keys = Signature.objects.order_by("call_key").values_list("call_key", flat=True)
        for call_key in call_keys.distinct():
            call_settings = CallSettings.objects.filter(call_key=call_key).first() or (
                CallSettings(call_key=call_key)
            )
            signatures = Signature.objects.filter(call_key=call_key)
            unconfirmed = signatures.filter(
                status=Signature.Status.PENDING,
                created_at__lt=now - datetime.timedelta(days=days),
            )
            # The call's one date, set by those who manage signatures: never a page's.
            past_retention = (
                signatures.filter(anonymised_at__isnull=True)
                if call_settings.retention_ended
                else signatures.none()
            )
            if dry_run:
                total_deleted += unconfirmed.count()
                total_erased += past_retention.count()
                continue
            deleted, _by_model = unconfirmed.delete()
            erased = anonymise(past_retention)
            if deleted:
                log_call_action(
                    call_settings, "signatures.delete_unconfirmed", count=deleted, by=by
                )
            if erased:
                log_call_action(
                    call_settings,
                    "signatures.erase",
                    count=erased,
                    by=by,
                    kept_until=call_settings.personal_data_kept_until.isoformat(),
                )
            total_deleted += deleted
            total_erased += erased
        if dry_run:
            self.stdout.write(
                f"Would delete {total_deleted} unconfirmed signatures older than {days} days "
                f"and erase the personal data of {total_erased} signatures."
            )
            return
        self.stdout.write(
            f"Deleted {total_deleted} unconfirmed signatures older than {days} days; erased the "
            f"personal data of {total_erased} signatures past their retention date."
        )
