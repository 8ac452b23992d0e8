"""The signatures of a Joint Call and the call's own settings."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.models import Page


class CallSettings(models.Model):
    """What belongs to a Joint Call as a whole rather than to one language of its page: the
    earlier signatories, the privacy notice version, the retention date and whether signing is
    open.

    One row per call (the translation key its pages share), changed only in the Signatures area
    of the admin by those who may manage signatures, never through a page: a translator who
    edits or stops synchronising a translated Joint Call page cannot reach it.
    """

    call_key = models.UUIDField(
        _("call"), unique=True, editable=False, help_text=_("The translation key of the call.")
    )
    signing_open = models.BooleanField(
        _("signing is open"),
        default=True,
        help_text=_("Untick to close the call: the form is replaced by a notice."),
    )
    signatory_baseline = models.PositiveIntegerField(
        _("earlier signatories"),
        default=0,
        help_text=_(
            "Signatories collected before this site (on paper or on the earlier site), "
            "added to the confirmed signatures in the public count."
        ),
    )
    privacy_notice_version = models.CharField(
        _("privacy notice version"),
        max_length=50,
        default="1",
        help_text=_(
            "Change it when the privacy notice changes: each signature records the version "
            "its signer accepted."
        ),
    )
    personal_data_kept_until = models.DateField(
        _("personal data kept until"),
        null=True,
        blank=True,
        help_text=_(
            "The end of the campaign: the form says so, and after this date the signatories' "
            "personal data are erased (the count of signatures remains)."
        ),
    )

    class Meta:
        verbose_name = _("call settings")
        verbose_name_plural = _("call settings")

    def __str__(self):
        page = self.source_page()
        return page.title if page else str(self.call_key)

    def source_page(self):
        """The call's page in the site's main language (or in any language it has)."""
        pages = Page.objects.filter(translation_key=self.call_key)
        return pages.filter(locale__language_code=settings.LANGUAGE_CODE).first() or (
            pages.order_by("pk").first()
        )

    @property
    def retention_ended(self):
        return bool(
            self.personal_data_kept_until and self.personal_data_kept_until < timezone.localdate()
        )


class SignatoryKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    ELECTED = (
        "elected",
        _(
            "Elected representative (for example a Member of the European Parliament, a member of "
            "the European Committee of the Regions or a mayor)"
        ),
    )
    REGION = "region", _("Region")
    CITY = "city", _("City or municipality")
    COUNTY = "county", _("County or province")
    ASSOCIATION = "association", _("Association of local or regional authorities")
    EU_ORGANISATION = "eu_organisation", _("EU-level association or organisation")
    ORGANISATION = "organisation", _("Other organisation")


# Signatures in the name of an institution: listed by the institution's name on the public list.
INSTITUTIONAL_KINDS = [
    SignatoryKind.REGION,
    SignatoryKind.CITY,
    SignatoryKind.COUNTY,
    SignatoryKind.ASSOCIATION,
    SignatoryKind.EU_ORGANISATION,
    SignatoryKind.ORGANISATION,
]


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Signature.Status.CONFIRMED)

    def on_wall(self):
        """Confirmed, not hidden by an officer, and institutional or opted in."""
        return self.confirmed().filter(
            models.Q(kind__in=INSTITUTIONAL_KINDS) | models.Q(show_on_wall=True),
            hidden_from_wall=False,
            anonymised_at__isnull=True,
        )


class Signature(models.Model):
    """A signature of the Joint Call. It counts once its signer has confirmed it by email."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")

    class EmailStatus(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        RETRYING = "retrying", _("Failed, will be retried")
        FAILED = "failed", _("Failed")

    class Source(models.TextChoices):
        FORM = "form", _("Signed on this site")
        IMPORT = "import", _("Imported")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    call_key = models.UUIDField(
        _("call"), editable=False, help_text=_("The translation key of the Joint Call page.")
    )
    kind = models.CharField(_("signatory type"), max_length=20, choices=SignatoryKind.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation or authority"), max_length=300, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    country = CountryField(_("country"))
    email = models.EmailField(_("email"), max_length=254, null=True, blank=True)
    email_normalised = models.CharField(max_length=254, null=True, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    privacy_notice_version = models.CharField(_("privacy notice version"), max_length=50)
    show_on_wall = models.BooleanField(
        _("agreed to be named on the public list"),
        default=False,
        help_text=_(
            "The signer's choice when signing as an individual. Institutions are always named."
        ),
    )
    news_opt_in = models.BooleanField(_("wants news"), default=False)
    hidden_from_wall = models.BooleanField(
        _("hide from the public list"),
        default=False,
        help_text=_(
            "Institutions are always on the public list once confirmed, and individuals who "
            "agreed to it when signing. Tick to keep this signature off the list: it still "
            "counts."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default="form")
    created_at = models.DateTimeField(_("signed at"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    email_status = models.CharField(
        _("email status"), max_length=20, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    email_attempts = models.PositiveSmallIntegerField(_("email attempts"), default=0)
    email_error = models.TextField(_("last email error"), blank=True)
    anonymised_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call_key", "email_normalised"], name="one_signature_per_address"
            )
        ]
        indexes = [models.Index(fields=["call_key", "status", "kind", "country"])]

    def __str__(self):
        # No personal data: this is also the label of the signature in the admin's history.
        return _("Signature %(id)s") % {"id": self.public_id.hex[:8]}

    @property
    def display_name(self):
        """The name the public list shows: the organisation's, or the person's."""
        return self.organisation if self.is_institutional else self.name

    display_name.fget.short_description = _("name")

    @property
    def is_institutional(self):
        return self.kind in INSTITUTIONAL_KINDS

    @property
    def on_public_list(self):
        """Whether the public list names this signature (what ``objects.on_wall()`` selects):
        confirmed, institutional or agreed to by its signer, and not hidden by an officer."""
        return (
            self.status == self.Status.CONFIRMED
            and (self.is_institutional or self.show_on_wall)
            and not self.hidden_from_wall
            and self.anonymised_at is None
        )

    on_public_list.fget.short_description = _("on the public list")

    def personal_data(self):
        """What the site holds about its signer, as a copy for them."""
        return {
            "signature": str(self.public_id),
            "signatory_type": self.kind,
            "name": self.name,
            "organisation": self.organisation,
            "position": self.position,
            "country": str(self.country),
            "email": self.email,
            "language": self.language,
            "privacy_notice_version": self.privacy_notice_version,
            "appears_on_public_list": self.show_on_wall or self.is_institutional,
            "wants_news": self.news_opt_in,
            "status": self.status,
            "signed_at": self.created_at.isoformat(),
            "confirmed_at": self.confirmed_at.isoformat() if self.confirmed_at else None,
        }
