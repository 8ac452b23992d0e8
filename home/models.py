import uuid
from http import HTTPMethod

from django.conf import settings
from django.db import models
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BaseBodyBlock
from cms.models import IndexPage, SitePage, image_field
from cms.seo.structured_data import SCHEMA, landing_page, organization, plain

from .blocks import AllianceBodyBlock, JointCallBodyBlock
from .panels import CallSettingsPanel


class AlliancePage(SitePage):
    """The landing page of each locale: the Alliance's story and the latest from every section."""

    protected_from_deletion = True

    introduction = models.TextField(_("introduction"), blank=True)
    hero_image = image_field(_("hero image"))
    body = StreamField(AllianceBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        TranslatableField("introduction"),
        SynchronizedField("hero_image"),
        TranslatableField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.JointCallPage",
        "home.StoryIndexPage",
        "home.ContentPage",
        "media_library.VideoIndexPage",
        "podcasts.PodcastIndexPage",
        "documents.DocumentIndexPage",
    ]

    class Meta:
        verbose_name = _("Alliance page")

    def share_image(self):
        return self.hero_image

    def structured_data(self, request, site_settings, image):
        """The Alliance (schema.org Organization) and the site in this language (WebSite), with
        its search."""
        url = self.get_full_url(request)
        website = {
            "@type": "WebSite",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": url,
            "inLanguage": self.locale.language_code,
            "publisher": {"@id": url + "#organization"},
        }
        try:
            search_url = request.build_absolute_uri(reverse("search"))
        except NoReverseMatch:  # pragma: no cover - the search is always there
            search_url = None
        if search_url:
            website["potentialAction"] = {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": search_url + "?query={query}"},
                "query-input": "required name=query",
            }
        alliance = organization(site_settings, self, request)
        if self.introduction:
            alliance["description"] = plain(self.introduction)
        return {"@context": SCHEMA, "@graph": [alliance, website]}

    def route(self, request, path_components):
        """Find the page at a path of this language's site in two queries.

        Wagtail looks a path up a level at a time, two queries a level; the landing page holds
        every page of its language, so it can find the deepest page whose address starts the
        path at once, then let that page route the rest (a route of a routable page, or a 404).
        """
        if not path_components:
            return super().route(request, path_components)
        lengths = {
            self.url_path + "/".join(path_components[:n]) + "/": n
            for n in range(1, len(path_components) + 1)
        }
        # The page and its parent, in one query.
        found = list(
            Page.objects.filter(path__startswith=self.path, url_path__in=lengths).order_by(
                "-depth"
            )[:2]
        )
        if not found:
            raise Http404
        url_path = found[0].url_path
        model = found[0].specific_class
        page = model.objects.select_related(*model.route_select_related).get(pk=found[0].pk)
        if page.depth == self.depth + 1:
            page._cached_parent_obj = self
        elif len(found) == 2 and found[1].depth == page.depth - 1:
            page._cached_parent_obj = found[1]
        return page.route(request, path_components[lengths[url_path] :])


class JointCallPage(RoutablePageMixin, SitePage):
    """The Joint Call: its principles, its full text and the form to sign it.

    Its routes (see ``home.views``): the form, "check your inbox", the confirmation, withdrawal
    and personal-data links of the emails, and the public list of signatories.
    """

    protected_from_deletion = True

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(JointCallBodyBlock(), blank=True, verbose_name=_("principles and call"))
    full_text = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("full text"))
    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("full_text"),
        CallSettingsPanel(heading=_("Signatures")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.SearchField("full_text"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        TranslatableField("introduction"),
        TranslatableField("body"),
        TranslatableField("full_text"),
    ]
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    parent_page_types = ["home.AlliancePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Joint Call page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["unconfirmed_purge_days"] = settings.SIGNATURE_UNCONFIRMED_PURGE_DAYS
        return context

    @property
    def submit_url(self):
        return reverse("submit_signature", args=(self.translation_key,))

    @property
    def signatories_url(self):
        return self.url + self.reverse_subpage("signatories")

    @cached_property
    def call_settings(self):
        """The call's own facts (earlier signatories, retention, whether signing is open), one
        for every language of the call: see ``CallSettings``."""
        from .signatures import call_settings_for

        return call_settings_for(self.translation_key)

    @property
    def signatory_count(self):
        """Earlier signatories plus the confirmed signatures of this call in every language."""
        from .signatures import confirmed_count

        return self.call_settings.signatory_baseline + confirmed_count(self.translation_key)

    def get_cached_paths(self):
        return ["/", "thank-you/", "signatories/"]

    @path("")
    def sign(self, request):
        from .views import sign

        return sign(request, self)

    @path("thank-you/", name="thank_you")
    def thank_you(self, request):
        from .views import thank_you

        return thank_you(request, self)

    @path("confirm/<str:token>/", name="confirm")
    def confirm(self, request, token):
        from .views import confirm

        return confirm(request, self, token)

    @path("withdraw/<str:token>/", name="withdraw")
    def withdraw(self, request, token):
        from .views import withdraw

        return withdraw(request, self, token)

    @path("my-data/<str:token>/", name="my_data")
    def my_data(self, request, token):
        from .views import my_data

        return my_data(request, self, token)

    @path("signatories/", name="signatories")
    def signatories(self, request):
        from .views import signatories

        return signatories(request, self)


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
        pages = JointCallPage.objects.filter(translation_key=self.call_key)
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


class StoryPage(SitePage):
    route_select_related = ["hero_image"]

    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), max_length=500)
    hero_image = image_field(_("hero image"))
    region = models.CharField(_("region or city"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    body = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("body"))

    card_template = "home/cards/story_card.html"
    og_type = "article"

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("region"), FieldPanel("country")],
            heading=_("Where and when"),
        ),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("region"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("summary"),
        SynchronizedField("hero_image"),
        TranslatableField("region"),
        SynchronizedField("country"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    @classmethod
    def listing_queryset(cls, queryset):
        return queryset.select_related("hero_image")

    def share_image(self):
        return self.hero_image

    def structured_data(self, request, site_settings, image):
        """schema.org Article, by and from the Alliance."""
        alliance = organization(site_settings, landing_page(self), request)
        data = {
            "@context": SCHEMA,
            "@type": "Article",
            "headline": Truncator(self.title).chars(110),
            "description": plain(self.summary),
            "datePublished": self.date.isoformat(),
            "inLanguage": self.locale.language_code,
            "url": self.get_full_url(request),
            "mainEntityOfPage": self.get_full_url(request),
            "author": alliance,
            "publisher": alliance,
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if image:
            data["image"] = image["url"]
        if self.region or self.country:
            data["contentLocation"] = {
                "@type": "Place",
                "name": ", ".join(str(part) for part in (self.region, self.country.name) if part),
            }
        return data


class StoryIndexPage(IndexPage):
    listed_model = StoryPage
    listed_order = ("-date", "-pk")

    parent_page_types = ["home.AlliancePage"]
    subpage_types = ["home.StoryPage"]

    class Meta:
        verbose_name = _("story index")


class ContentPage(SitePage):
    """A plain page: privacy notice, contact, the branding toolkit, "find out why"…"""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    translatable_fields = SitePage.translatable_fields + [
        TranslatableField("introduction"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.AlliancePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")

    def archive(self):
        """The ZIP of this page's downloads (an untranslated page offers its source's)."""
        from cms.models import DownloadArchive

        return DownloadArchive.objects.filter(page_id=self.alias_of_id or self.pk).first()
