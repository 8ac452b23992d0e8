import csv
import datetime
import getpass
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from tqdm import tqdm
from wagtail.models import Page

from signatures.counter import count_changed
from signatures.forms import SignatureForm
from signatures.models import CallSettings, Signature
from signatures.services import call_settings_for, log_call_action, normalise_email

COLUMNS = [
    "kind",
    "name",
    "organisation",
    "position",
    "country",
    "email",
    "language",
    "signed_at",
    "show_on_wall",
    "news_opt_in",
]
TRUE = {"1", "true", "yes", "y", "x"}


class LegacySignatureForm(SignatureForm):
    """The rules of the sign-the-call form, for signatures given on the earlier site."""

    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False)
    signed_at = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["consent"]
        del self.fields["website"]

    def clean_signed_at(self):
        value = self.cleaned_data["signed_at"].strip()
        if not value:
            return None
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)):
            moment = datetime.datetime.combine(day, datetime.time(12))
        if moment is None:
            raise forms.ValidationError("not a date (use YYYY-MM-DD)")
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment


class Command(BaseCommand):
    help = (
        "Import the signatories of the earlier site from a CSV file with the columns "
        + ", ".join(COLUMNS)
        + ". Imported signatures count as confirmed. Rows that break the rules of the form, "
        "or whose address has signed already, are rejected and reported."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)
        parser.add_argument(
            "--call", type=int, help="The id of the Joint Call page (if there is more than one)."
        )
        parser.add_argument(
            "--report",
            type=Path,
            help="Write the rejected rows, with the reason, to this CSV file.",
        )
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, csv_file, call, report, batch_size, **options):
        call_page = self.call_page(call)
        call_settings = call_settings_for(call_page.translation_key)
        kept_until = call_settings.personal_data_kept_until
        if call_settings.retention_ended:
            raise CommandError(
                f"Nothing was imported: the personal data of this call were to be kept until "
                f"{kept_until:%Y-%m-%d} (Signatures › Call settings)."
            )
        try:
            with csv_file.open(newline="", encoding="utf-8-sig") as handle:
                rows = list(csv.DictReader(handle))
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"Cannot read {csv_file}: {error}") from error
        if rows and (missing := {"kind", "name", "country", "email"} - set(rows[0])):
            raise CommandError(f"Missing columns: {', '.join(sorted(missing))}")

        known = set(
            Signature.objects.filter(call_key=call_page.translation_key)
            .exclude(email_normalised=None)
            .values_list("email_normalised", flat=True)
        )
        accepted, rejected = [], []
        for line, row in enumerate(tqdm(rows, desc="Checking", unit="row", file=self.stderr), 2):
            signature, reason = self.signature_from(row, call_page, known)
            if signature is None:
                rejected.append({"line": line, "reason": reason, **row})
            else:
                known.add(signature.email_normalised)
                signature.import_line = line
                accepted.append(signature)

        created = 0
        with tqdm(total=len(accepted), desc="Importing", unit="row", file=self.stderr) as bar:
            for start in range(0, len(accepted), batch_size):
                batch = accepted[start : start + batch_size]
                created += self.save(batch, rejected)
                bar.update(len(batch))
        if created:
            with transaction.atomic():
                count_changed(call_page.translation_key)
                call_settings, _new = CallSettings.objects.get_or_create(
                    call_key=call_page.translation_key
                )
                log_call_action(
                    call_settings,
                    "signatures.import",
                    count=created,
                    rejected=len(rejected),
                    file=csv_file.name,
                    by=f"manage.py import_signatories (run by {getpass.getuser()})",
                )

        if report and rejected:
            with report.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(
                    handle, fieldnames=["line", "reason", *COLUMNS], extrasaction="ignore"
                )
                writer.writeheader()
                writer.writerows(rejected)
        for row in rejected[:20]:
            self.stderr.write(f"line {row['line']}: {row['reason']}")
        if len(rejected) > 20:
            self.stderr.write(f"… and {len(rejected) - 20} more rejected rows")
        self.stdout.write(f"Imported {created} signatures; rejected {len(rejected)} rows.")

    def call_page(self, page_id):
        # A call's pages are those whose translation key has call settings.
        calls = Page.objects.filter(
            translation_key__in=CallSettings.objects.values("call_key")
        ).specific()
        calls = (
            calls.filter(pk=page_id)
            if page_id
            else calls.filter(locale__language_code=settings.LANGUAGE_CODE)
        )
        calls = list(calls[:2])
        if len(calls) != 1:
            raise CommandError("Say which Joint Call page with --call <page id>.")
        return calls[0]

    def signature_from(self, row, call_page, known):
        data = {name: (row.get(name) or "").strip() for name in COLUMNS}
        form = LegacySignatureForm(data)
        if not form.is_valid():
            reasons = [
                f"{field}: {' '.join(str(error) for error in errors)}"
                for field, errors in form.errors.items()
            ]
            return None, "; ".join(reasons)
        cleaned = form.cleaned_data
        normalised = normalise_email(cleaned["email"])
        if normalised in known:
            return None, "this address has signed already"
        signed_at = cleaned["signed_at"] or timezone.now()
        return Signature(
            call_key=call_page.translation_key,
            kind=cleaned["kind"],
            name=cleaned["name"],
            organisation=cleaned["organisation"],
            position=cleaned["position"],
            country=cleaned["country"],
            email=cleaned["email"],
            email_normalised=normalised,
            language=cleaned["language"] or settings.LANGUAGE_CODE,
            privacy_notice_version="earlier site",
            show_on_wall=data["show_on_wall"].lower() in TRUE,
            news_opt_in=data["news_opt_in"].lower() in TRUE,
            status=Signature.Status.CONFIRMED,
            source=Signature.Source.IMPORT,
            created_at=signed_at,
            confirmed_at=signed_at,
            email_status=Signature.EmailStatus.SENT,
        ), None

    def save(self, batch, rejected):
        """Save a batch at once; if someone signed meanwhile with one of its addresses, save
        it row by row and reject that row."""
        try:
            with transaction.atomic():
                Signature.objects.bulk_create(batch)
            return len(batch)
        except IntegrityError:
            pass
        created = 0
        for signature in batch:
            try:
                with transaction.atomic():
                    signature.save()
                created += 1
            except IntegrityError:
                rejected.append(
                    {
                        "line": signature.import_line,
                        "reason": "this address has signed already",
                        "email": signature.email,
                        "name": signature.name,
                    }
                )
        return created
