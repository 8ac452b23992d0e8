import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from home.models import JointCallPage, Signature
from home.signatures import anonymise


class Command(BaseCommand):
    help = (
        "Delete signatures never confirmed within SIGNATURE_UNCONFIRMED_PURGE_DAYS days, and "
        "erase the personal data of confirmed signatures once their call's retention date has "
        "passed (they stay in the count). Run it daily."
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
        unconfirmed = Signature.objects.filter(
            status=Signature.Status.PENDING, created_at__lt=now - datetime.timedelta(days=days)
        )
        ended_calls = (
            JointCallPage.objects.filter(personal_data_kept_until__lt=timezone.localdate())
            .values_list("translation_key", flat=True)
            .distinct()
        )
        past_retention = Signature.objects.filter(
            call_key__in=list(ended_calls), anonymised_at__isnull=True
        )
        if dry_run:
            self.stdout.write(
                f"Would delete {unconfirmed.count()} unconfirmed signatures older than {days} "
                f"days and erase the personal data of {past_retention.count()} signatures."
            )
            return
        deleted, _by_model = unconfirmed.delete()
        erased = anonymise(past_retention)
        self.stdout.write(
            f"Deleted {deleted} unconfirmed signatures older than {days} days; erased the "
            f"personal data of {erased} signatures past their retention date."
        )
