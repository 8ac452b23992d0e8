import functools

from django import forms
from django.core.validators import EmailValidator
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cms.forms import DescribedErrorsMixin

from .models import SignatoryKind
from .signatures import has_control_characters


def no_control_characters(value):
    if has_control_characters(value):
        raise forms.ValidationError(
            _("Please remove the invisible or control characters from this field."),
            code="control_characters",
        )


@functools.cache
def country_choices(language):
    """Every country, the EU's 27 first, named in ``language``; computed once per language."""
    with translation.override(language):
        return [("", "—")] + [(code, str(name)) for code, name in countries]


class CountryChoiceField(forms.ChoiceField):
    """Every country, named in the visitor's language. The list is built once per language, and
    only to show the form: a submitted code is checked against the set of codes."""

    def __init__(self, **kwargs):
        super().__init__(choices=lambda: country_choices(get_language()), **kwargs)

    def valid_value(self, value):
        return value in countries.countries


class SignatureForm(DescribedErrorsMixin, forms.Form):
    """The sign-the-call form. Every field's limits match the database's."""

    kind = forms.ChoiceField(
        label=_("I sign as"), choices=SignatoryKind.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Full name"), max_length=200, validators=[no_control_characters])
    organisation = forms.CharField(
        label=_("Organisation or authority"),
        max_length=300,
        required=False,
        validators=[no_control_characters],
        help_text=_("Required unless you sign as an individual."),
    )
    position = forms.CharField(
        label=_("Position"), max_length=200, required=False, validators=[no_control_characters]
    )
    country = CountryChoiceField(label=_("Country"))
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        validators=[EmailValidator(), no_control_characters],
        help_text=_("We send you a link to confirm your signature."),
    )
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that my personal data are processed "
            "to record and count my signature."
        ),
        required=True,
        error_messages={"required": _("Please agree to the privacy notice to sign the call.")},
    )
    show_on_wall = forms.BooleanField(
        label=_("Show my name on the public list of signatories."), required=False
    )
    news_opt_in = forms.BooleanField(
        label=_("Send me news about the #CohesionAlliance."), required=False
    )
    # A field people do not see; bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def is_spam(self):
        return bool(self.data.get("website"))

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter your name."), code="required")
        return name

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())

    def clean_position(self):
        return " ".join(self.cleaned_data["position"].split())

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind and kind != SignatoryKind.INDIVIDUAL and not cleaned.get("organisation"):
            self.add_error(
                "organisation",
                forms.ValidationError(
                    _("Please enter the organisation or authority you sign for."),
                    code="required",
                ),
            )
        return cleaned


class SignatoryFilterForm(DescribedErrorsMixin, forms.Form):
    """Filters of the public list of signatories; unknown values are an error, not ignored."""

    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types"))] + SignatoryKind.choices
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    q = forms.CharField(
        label=_("Search"), required=False, max_length=100, validators=[no_control_characters]
    )
    page = forms.IntegerField(
        label=_("Page"), required=False, min_value=1, widget=forms.HiddenInput
    )

    def __init__(self, *args, countries_listed=(), **kwargs):
        super().__init__(*args, **kwargs)
        listed = set(countries_listed)
        self.fields["country"].choices = [("", _("All countries"))] + [
            (code, name) for code, name in countries if code in listed
        ]
