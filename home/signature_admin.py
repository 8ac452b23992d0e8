"""The officers' tools for signatures in the Wagtail admin: the list with its filters and exports,
moderation, erasure, sending an email again, and the dashboard panel."""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_countries import countries as country_names
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from .models import Signature
from .tasks import send_signature_email


class SignatureFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Signed between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Signature
        fields = ["kind", "country", "status", "email_status", "hidden_from_wall", "source"]


class SignaturePermissionPolicy(ModelPermissionPolicy):
    """Signatures come from their signers (or the import command), never from the admin form."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """A text cell that a spreadsheet would run as a formula, made plain text with a leading
    apostrophe (``=HYPERLINK(…)`` becomes ``'=HYPERLINK(…)``); anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SignatureIndexView(IndexView):
    def preprocess_field_value(self, field, value, export_format):
        """The CSV export writes what signers typed: none of it may run as a formula when an
        officer opens the file (the XLSX export already stores such cells as text)."""
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

    template_name = "home/admin/resend_email.html"
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


class SignatureViewSet(ModelViewSet):
    model = Signature
    icon = "form"
    menu_label = _("Signatures")
    menu_order = 10
    url_prefix = "signatures"
    name = "signatures"
    index_view_class = SignatureIndexView
    list_display = [
        "display_name",
        "kind",
        "country",
        "status",
        "email_status",
        "hidden_from_wall",
        "created_at",
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
        "show_on_wall",
        "news_opt_in",
        "hidden_from_wall",
        "source",
        "privacy_notice_version",
        "created_at",
        "confirmed_at",
    ]
    export_filename = "signatures"
    form_fields = [
        "hidden_from_wall",
        "show_on_wall",
        "news_opt_in",
        "kind",
        "name",
        "organisation",
        "position",
        "country",
    ]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "resend/<int:pk>/",
                ResendEmailView.as_view(),
                name="resend",
            )
        ]


class SignaturesPanel(Component):
    """The dashboard's view of the campaign: totals, emails failed or stuck, signatures per day
    and per country."""

    name = "signatures"
    order = 50
    template_name = "home/admin/signatures_panel.html"
    days = 30

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
        for day in days:
            day["percent"] = round(100 * day["count"] / most)
        countries = list(
            signatures.confirmed()
            .exclude(country="")
            .values("country")
            .annotate(count=Count("pk"))
            .order_by("-count", "country")[:10]
        )
        top = max([row["count"] for row in countries] + [1])
        for row in countries:
            row["name"] = country_names.name(row["country"])
            row["percent"] = round(100 * row["count"] / top)
        totals = signatures.aggregate(
            confirmed=Count("pk", filter=Q(status=Signature.Status.CONFIRMED)),
            pending=Count("pk", filter=Q(status=Signature.Status.PENDING)),
            email_failed=Count("pk", filter=Q(email_status=Signature.EmailStatus.FAILED)),
        )
        # Emails queued or running for longer than SIGNATURE_EMAIL_STUCK_MINUTES: the task
        # worker is not running, or cannot keep up.
        from django.conf import settings

        from .tasks import stuck_email_tasks

        totals["email_stuck"] = stuck_email_tasks().count()
        return {
            "totals": totals,
            "days": days,
            "countries": countries,
            "period": self.days,
            "stuck_minutes": settings.SIGNATURE_EMAIL_STUCK_MINUTES,
        }
