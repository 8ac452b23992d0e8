from django.utils.translation import get_language


def localized(page):
    """The live translation of ``page`` in the visitor's language, as its specific type and in one
    query; the page itself (specific) when it has none.

    Wagtail's ``page.localized`` costs three queries (the locale, the translation, its specific
    type); pages and blocks call this instead.
    """
    if page is None:
        return None
    model = page.specific_class or type(page)
    translation = (
        model.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=get_language())
        .first()
    )
    return translation or page.specific
