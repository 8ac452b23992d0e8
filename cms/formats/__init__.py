"""Date and number formats of the languages whose Django formats are wrong for this site
(``FORMAT_MODULE_PATH``): Django has none for Maltese, groups no thousands in Bulgarian, Estonian
and Irish ("12000"), and writes Bulgarian, Italian, Portuguese and Romanian months with a capital
and Greek dates in figures. A module per language sets only what it changes; Django's own
module of the language gives the rest.

Dates name their month with the "E" format (Django's month name for a date, which it translates
with the context "alt. month"), and the notice on untranslated pages names the original language
with Django's English name of it. The site's catalogues translate both in every language: from
Django's catalogues, with the months of a Bulgarian, Italian, Portuguese and Romanian date in lower
case, and in Maltese, which Django does not translate. They are declared here so that
``make messages`` keeps them.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

MONTHS_IN_DATES = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)

# Django's names of the site's languages (django.conf.locale.LANG_INFO, which has no Maltese).
LANGUAGE_NAMES = (
    gettext_noop("Bulgarian"),
    gettext_noop("Spanish"),
    gettext_noop("Czech"),
    gettext_noop("Danish"),
    gettext_noop("German"),
    gettext_noop("Estonian"),
    gettext_noop("Greek"),
    gettext_noop("English"),
    gettext_noop("French"),
    gettext_noop("Irish"),
    gettext_noop("Croatian"),
    gettext_noop("Italian"),
    gettext_noop("Latvian"),
    gettext_noop("Lithuanian"),
    gettext_noop("Hungarian"),
    gettext_noop("Dutch"),
    gettext_noop("Polish"),
    gettext_noop("Portuguese"),
    gettext_noop("Romanian"),
    gettext_noop("Slovak"),
    gettext_noop("Slovenian"),
    gettext_noop("Finnish"),
    gettext_noop("Swedish"),
)
