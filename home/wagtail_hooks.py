from django.conf import settings
from django.db.models import Case, Value, When
from wagtail_localize.views import submit_translations


# "Translate" (wagtail-localize's SubmitTranslationForm) lists the languages as Locale orders them,
# by code (bg, cs, da…). Officers look for them in the EU's protocol order, the order of
# settings.LANGUAGES, the order of the language switcher: the form's list is put in that order.
# (wagtail-localize offers no setting for it; its view builds the form by this module name.)
class ProtocolOrderSubmitTranslationForm(submit_translations.SubmitTranslationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locales = self.fields["locales"]
        locales.queryset = locales.queryset.order_by(protocol_order())


def protocol_order():
    return Case(
        *(
            When(language_code=code, then=Value(position))
            for position, (code, _name) in enumerate(settings.LANGUAGES)
        ),
        default=Value(len(settings.LANGUAGES)),
    )


submit_translations.SubmitTranslationForm = ProtocolOrderSubmitTranslationForm
