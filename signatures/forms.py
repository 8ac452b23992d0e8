import functools
import unicodedata

from django import forms
from django.forms.utils import flatatt
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cms.forms import DescribedErrorsMixin

from .models import SignatoryKind


def has_control_characters(text):
    """Control, format (such as right-to-left overrides), private-use or unassigned characters,
    which have no place in a name."""
    return any(unicodedata.category(character).startswith("C") for character in text)


def no_control_characters(value):
    if has_control_characters(value):
        raise forms.ValidationError(
            _("Please remove the invisible or control characters from this field."),
            code="control_characters",
        )


# Combining marks (accents, vowel signs…) a letter may carry: Vietnamese stacks two, Indic and
# Tibetan syllables a few; a pile of dozens only smears the public list of signatories.
MAX_COMBINING_MARKS = 4


def is_mark(character):
    return unicodedata.category(character).startswith("M")


def too_many_combining_marks(text):
    run = 0
    for character in text:
        run = run + 1 if is_mark(character) else 0
        if run > MAX_COMBINING_MARKS:
            return True
    return False


def readable_text(value):
    """Refuse what no one types in a name: the replacement character (U+FFFD, left where the
    browser or the server could not decode the text) and piles of combining marks."""
    if "\ufffd" in value:
        raise forms.ValidationError(
            _("Please remove the unreadable character (�) from this field."),
            code="replacement_character",
        )
    if too_many_combining_marks(value):
        raise forms.ValidationError(
            _("Please remove the accents or marks piled on one letter from this field."),
            code="combining_marks",
        )


def collapse_spaces(value):
    return " ".join(value.split())


class TextField(forms.CharField):
    """Text in Unicode's composed form (NFC: "e" and a combining acute become "é", as the public
    list and its search expect), checked against ``max_length`` once composed. It echoes back
    into the form only what could be valid: a longer value (a bot's megabyte, say) is refused
    and not sent back."""

    def to_python(self, value):
        return unicodedata.normalize("NFC", super().to_python(value))

    def bound_data(self, data, initial):
        if self.max_length is not None and isinstance(data, str) and len(data) > self.max_length:
            return ""
        return super().bound_data(data, initial)


CHOICE_ERRORS = {"invalid_choice": _("Please choose one of the options.")}


def ecl_class(widget, size):
    """The class of the Europa Component Library for a widget: its text input (of width ``size``:
    "s", "m", "l" or None for the width of its container), select, radio button or checkbox."""
    if isinstance(widget, forms.RadioSelect):
        return "ecl-radio__input"
    if isinstance(widget, forms.Select):
        return "ecl-select"
    if isinstance(widget, forms.CheckboxInput):
        return "ecl-checkbox__input"
    if isinstance(widget, forms.widgets.Input) and widget.input_type in ("text", "email", "search"):
        return f"ecl-text-input ecl-text-input--{size}" if size else "ecl-text-input"
    return ""


class EclWidgetsMixin:
    """The widgets with ECL's classes, text inputs marked invalid once the form has errors
    (``includes/form_field.html`` draws the rest of ECL's markup around them). ``ecl_size`` is
    the width of the form's text inputs and selects."""

    ecl_size = "l"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if css_class := ecl_class(field.widget, self.ecl_size):
                field.widget.attrs["class"] = css_class

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            widget = self.fields[name].widget if name in self.fields else None
            if widget is not None and widget.attrs.get("class", "").startswith("ecl-text-input"):
                widget.attrs["class"] += " ecl-text-input--invalid"


SELECTED = mark_safe(" selected")


class LongSelect(forms.Select):
    """Django's select, its options written here rather than by a template each: the country
    list's 250 templates took more time than the rest of the Joint Call page together. The same
    markup as Django's own (``django/forms/widgets/select.html``), without option groups."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        selected = set(self.format_value(value))

        def options():
            for code, label in self.choices:
                # The first option of the value only, as Django's: the list has an empty
                # separator after the EU's countries, besides "Choose a country".
                chosen = str(code) in selected
                if chosen:
                    selected.discard(str(code))
                yield code, SELECTED if chosen else "", label

        html = format_html_join("", '<option value="{}"{}>{}</option>', options())
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(attrs), html)


@functools.cache
def country_choices(language):
    """Every country, the EU's 27 first, named in ``language``; computed once per language."""
    with translation.override(language):
        return [("", str(_("Choose a country")))] + [(code, str(name)) for code, name in countries]


class CountryChoiceField(forms.ChoiceField):
    """Every country, named in the visitor's language. The list is built once per language, and
    only to show the form: a submitted code is checked against the set of codes."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", CHOICE_ERRORS)
        kwargs.setdefault("widget", LongSelect)
        super().__init__(choices=lambda: country_choices(get_language()), **kwargs)

    def valid_value(self, value):
        return value in countries.countries


class SignatureForm(EclWidgetsMixin, DescribedErrorsMixin, forms.Form):
    """The sign-the-call form. Every field's limits match the database's."""

    kind = forms.ChoiceField(
        label=_("I sign as"),
        choices=SignatoryKind.choices,
        widget=forms.RadioSelect,
        error_messages=CHOICE_ERRORS,
    )
    name = TextField(
        label=_("Full name"), max_length=200, validators=[no_control_characters, readable_text]
    )
    organisation = TextField(
        label=_("Organisation or authority"),
        max_length=300,
        required=False,
        validators=[no_control_characters, readable_text],
        help_text=_("Required unless you sign as an individual."),
    )
    position = TextField(
        label=_("Position"),
        max_length=200,
        required=False,
        validators=[no_control_characters, readable_text],
    )
    country = CountryChoiceField(label=_("Country"))
    # EmailField validates the address already: a second EmailValidator said it twice.
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        validators=[no_control_characters],
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
    website = TextField(label=_("Leave this field empty"), required=False, max_length=200)

    def is_spam(self):
        return bool(self.data.get("website"))

    def clean_name(self):
        name = collapse_spaces(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError(_("Please enter your name."), code="required")
        return name

    def clean_organisation(self):
        return collapse_spaces(self.cleaned_data["organisation"])

    def clean_position(self):
        return collapse_spaces(self.cleaned_data["position"])

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


class SignatoryFilterForm(EclWidgetsMixin, DescribedErrorsMixin, forms.Form):
    """Filters of the public list of signatories; unknown values are an error, not ignored."""

    ecl_size = None  # the filters share a row: each as wide as its column

    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types"))] + SignatoryKind.choices
    )
    country = forms.ChoiceField(label=_("Country"), required=False, widget=LongSelect)
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
