"""The officers' tools for signatures in the Wagtail admin: the list with its filters and exports,
moderation, erasure, sending an email again, and the dashboard panel."""

import datetime
import zoneinfo
from collections import OrderedDict

import django_filters
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_countries import countries as country_names
from wagtail.admin.filters import BooleanRadioSelect, DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from .forms import CountryChoiceField
from .models import INSTITUTIONAL_KINDS, SignatoryKind, Signature
from .tasks import send_signature_email


def site_time_zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def local_time(value):
    """A time for officers: in the site's time zone (settings.TIME_ZONE), to the minute, with
    the zone named: ``2026-12-05 10:15 CET``. Every officer sees the same time, wherever they
    are."""
    if value is None:
        return ""
    return timezone.localtime(value, site_time_zone()).strftime("%Y-%m-%d %H:%M %Z")


def yes_no(value):
    return gettext("Yes") if value else gettext("No")


class SignatureFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Signed between"), widget=DateRangePickerWidget
    )
    on_public_list = django_filters.BooleanFilter(
        label=_("On the public list"), method="filter_on_public_list", widget=BooleanRadioSelect
    )
    hidden_from_wall = django_filters.BooleanFilter(
        label=_("Hidden by an officer"), widget=BooleanRadioSelect
    )

    class Meta:
        model = Signature
        fields = ["kind", "country", "status", "email_status", "source"]

    def filter_on_public_list(self, queryset, name, value):
        on_wall = Q(
            Q(kind__in=INSTITUTIONAL_KINDS) | Q(show_on_wall=True),
            status=Signature.Status.CONFIRMED,
            hidden_from_wall=False,
            anonymised_at__isnull=True,
        )
        return queryset.filter(on_wall) if value else queryset.exclude(on_wall)


class RestrictedPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, less the actions the admin never offers for the model."""

    refused_actions = ()

    def user_has_permission(self, user, action):
        return action not in self.refused_actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        allowed = [action for action in actions if action not in self.refused_actions]
        return super().user_has_any_permission(user, allowed)


class SignaturePermissionPolicy(RestrictedPermissionPolicy):
    """Signatures come from their signers (or the import command), never from the admin form."""

    refused_actions = ("add",)


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """A text cell that a spreadsheet would run as a formula, made plain text with a leading
    apostrophe (``=HYPERLINK(…)`` becomes ``'=HYPERLINK(…)``); anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SignatureIndexView(IndexView):
    def to_row_dict(self, item):
        """What officers read in a spreadsheet: choices by their labels, countries by name (in
        the officer's language), Yes or No, times in the site's time zone to the second."""
        return OrderedDict((field, self.export_value(item, field)) for field in self.list_export)

    def export_value(self, item, field):
        display = getattr(item, f"get_{field}_display", None)
        if display is not None and getattr(item, field):
            return str(display())
        value = getattr(item, field)
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value, site_time_zone()).replace(microsecond=0)
        if value is None:
            return ""
        return value

    def get_heading(self, queryset, field):
        heading = super().get_heading(queryset, field)
        if field in self.time_fields:
            # The times are the site's: say which zone they are in.
            heading = f"{heading} ({settings.TIME_ZONE})"
        return heading

    time_fields = ("created_at", "confirmed_at")

    def preprocess_field_value(self, field, value, export_format):
        """The CSV export writes what signers typed: none of it may run as a formula when an
        officer opens the file (the XLSX export already stores such cells as text)."""
        if isinstance(value, datetime.datetime):
            if export_format == self.FORMAT_CSV:
                # ISO 8601, to the second, with the offset: 2026-12-05 10:15:00+01:00.
                return value.isoformat(sep=" ", timespec="seconds")
            # A date cell in the site's time zone, as the heading says.
            value = value.replace(tzinfo=None)
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            value = neutralise_formula(value)
        return value

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "change"):
            buttons.append(
                MenuItem(
                    _("Send the email again"),
                    url=self.resend_url(instance),
                    icon_name="mail",
                    priority=25,
                )
            )
        return buttons

    def resend_url(self, instance):
        return reverse("signatures:resend", args=(instance.pk,))


class ResendEmailView(WagtailAdminTemplateMixin, TemplateView):
    """Send a signer their confirmation email (or, once confirmed, the reminder) again."""

    template_name = "signatures/admin/resend_email.html"
    page_title = _("Send the email again")

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(Signature)

    def dispatch(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        self.signature = get_object_or_404(Signature, pk=pk, anonymised_at__isnull=True)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(signature=self.signature, **kwargs)

    def post(self, request, pk):
        signature = self.signature
        message = "already_signed" if signature.status == Signature.Status.CONFIRMED else "confirm"
        Signature.objects.filter(pk=signature.pk).update(email_status=Signature.EmailStatus.QUEUED)
        send_signature_email.enqueue(signature.pk, message)
        messages.success(
            request, _("The email to %(email)s is queued.") % {"email": signature.email}
        )
        return redirect("signatures:index")


class SignatureInspectView(InspectView):
    """A signature as officers need it: labels, Yes or No, times with their zone; none of the
    internal fields (the call's key, the normalised address, the attempt counter, the public
    id)."""

    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name)
        if isinstance(value, bool):
            return yes_no(value)
        if value is None:
            return "—"
        if isinstance(value, datetime.datetime):
            return local_time(value)
        if field_name == "country":
            return value.name
        return super().get_field_display_value(field_name, field)


class SignatureViewSet(ModelViewSet):
    model = Signature
    icon = "form"
    menu_label = _("Signatures")
    menu_order = 10
    url_prefix = "signatures"
    name = "signatures"
    index_view_class = SignatureIndexView
    inspect_view_class = SignatureInspectView
    list_display = [
        "display_name",
        "kind",
        "country",
        "status",
        "email_status",
        Column(
            "on_public_list",
            label=_("On the public list"),
            accessor=lambda signature: yes_no(signature.on_public_list),
        ),
        Column(
            "created_at",
            label=_("Signed at"),
            accessor=lambda signature: local_time(signature.created_at),
            sort_key="created_at",
        ),
    ]
    filterset_class = SignatureFilterSet
    search_fields = ["name", "organisation", "position", "email"]
    list_per_page = 50
    ordering = ["-created_at"]
    list_export = [
        "public_id",
        "kind",
        "name",
        "organisation",
        "position",
        "country",
        "email",
        "language",
        "status",
        "on_public_list",
        "show_on_wall",
        "hidden_from_wall",
        "news_opt_in",
        "source",
        "privacy_notice_version",
        "created_at",
        "confirmed_at",
    ]
    export_headings = {
        "public_id": _("Reference"),
        "on_public_list": _("On the public list"),
        "hidden_from_wall": _("Hidden by an officer"),
    }
    export_filename = "signatures"
    # One moderation control: whether the public list names a signature follows from its type
    # and its signer's choice (not the officers' to change); officers may only hide it.
    form_fields = [
        "hidden_from_wall",
        "news_opt_in",
        "kind",
        "name",
        "organisation",
        "position",
        "country",
    ]
    inspect_view_enabled = True
    # What the export holds (less the reference), and how its emails went.
    inspect_view_fields = [name for name in list_export if name != "public_id"] + [
        "email_status",
        "email_error",
        "anonymised_at",
    ]
    copy_view_enabled = False

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "country":
            # The sign form's list: the EU's 27 first, with "Choose a country" as empty choice.
            return CountryChoiceField(label=capfirst(db_field.verbose_name))
        return super().formfield_for_dbfield(db_field, **kwargs)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "resend/<int:pk>/",
                ResendEmailView.as_view(),
                name="resend",
            )
        ]


class SignaturesPanel(Component):
    """The dashboard's view of the campaign: totals, emails failed or stuck, a chart of the
    confirmed signatures per day, and the totals per country and per type."""

    name = "signatures"
    order = 50
    template_name = "signatures/admin/signatures_panel.html"
    days = 30
    # The chart's drawing area, in SVG user units (it scales to the panel's width).
    chart_width = 600
    chart_height = 160
    chart_gap = 4

    def get_context_data(self, parent_context=None):
        signatures = Signature.objects.all()
        today = timezone.localdate()
        since = today - datetime.timedelta(days=self.days - 1)
        per_day = dict(
            signatures.confirmed()
            .filter(confirmed_at__date__gte=since)
            .annotate(day=TruncDate("confirmed_at"))
            .values_list("day")
            .annotate(count=Count("pk"))
            .values_list("day", "count")
        )
        days = [
            {"day": day, "count": per_day.get(day, 0)}
            for day in (since + datetime.timedelta(days=n) for n in range(self.days))
        ]
        most = max([day["count"] for day in days] + [1])
        step = self.chart_width / self.days
        for n, day in enumerate(days):
            height = round(self.chart_height * day["count"] / most, 1)
            day["x"] = round(n * step + self.chart_gap / 2, 1)
            day["y"] = round(self.chart_height - height, 1)
            day["height"] = height
        busiest = max(days, key=lambda day: (day["count"], day["day"]))
        countries = list(
            signatures.confirmed()
            .exclude(country="")
            .values("country")
            .annotate(count=Count("pk"))
            .order_by("-count", "country")[:10]
        )
        for row in countries:
            row["name"] = country_names.name(row["country"])
        kind_labels = dict(SignatoryKind.choices)
        kinds = [
            {"name": kind_labels.get(row["kind"], row["kind"]), "count": row["count"]}
            for row in signatures.confirmed()
            .values("kind")
            .annotate(count=Count("pk"))
            .order_by("-count", "kind")
        ]
        totals = signatures.aggregate(
            confirmed=Count("pk", filter=Q(status=Signature.Status.CONFIRMED)),
            pending=Count("pk", filter=Q(status=Signature.Status.PENDING)),
            email_failed=Count("pk", filter=Q(email_status=Signature.EmailStatus.FAILED)),
        )
        # Emails queued or running for longer than SIGNATURE_EMAIL_STUCK_MINUTES: the task
        # worker is not running, or cannot keep up.
        from .tasks import stuck_email_tasks

        totals["email_stuck"] = stuck_email_tasks().count()
        return {
            "totals": totals,
            "days": days,
            "period_total": sum(day["count"] for day in days),
            "busiest": busiest if busiest["count"] else None,
            "most": most,
            "chart": {
                "width": self.chart_width,
                "height": self.chart_height,
                "bar_width": round(step - self.chart_gap, 1),
                "middle": days[len(days) // 2],
            },
            "countries": countries,
            "kinds": kinds,
            "period": self.days,
            "stuck_minutes": settings.SIGNATURE_EMAIL_STUCK_MINUTES,
        }
