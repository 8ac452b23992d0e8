"""What a published translation still shows in the source language."""

from django.conf import settings
from wagtail.models import Page
from wagtail_localize.models import StringSegment, TranslationSource

from cms.caching.fragments import for_content_version

from .locales import language_codes
from .translation_state import is_published_translation


def untranslated_parts(page):
    """What a published translation shows of its source's text, left untranslated (wagtail-
    localize then keeps the source's words): field names and StreamField block ids whose every
    segment has no translation into the page's language, and whose value is still the source's.
    Empty for a page of the source language, an alias or a page in progress (all of whose
    content is marked as the source's already). Cached until the content changes."""
    if not isinstance(page, Page) or page.alias_of_id or not page.pk:
        return frozenset()
    return for_content_version(f"untranslated:{page.pk}", lambda: _untranslated_parts(page))


def _untranslated_parts(page):
    if language_codes().get(page.locale_id) == settings.LANGUAGE_CODE:
        return frozenset()
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if source is None or not is_published_translation(page):
        return frozenset()
    parts = {}
    for path, translation in (
        StringSegment.objects.filter(source=source)
        .annotate_translation(page.locale_id)
        .values_list("context__path", "translation")
    ):
        names = path.split(".")
        key = names[0] if len(names) == 1 else (names[0], names[1])
        parts.setdefault(key, set()).add(translation is not None)
    original = (
        Page.objects.filter(pk=source.get_source_instance().pk).specific().first()
        if parts
        else None
    )
    if original is None:
        return frozenset()
    page_specific = page.specific_deferred if type(page) is Page else page
    untranslated = set()
    for key, translated in parts.items():
        if True in translated:
            continue
        if isinstance(key, str):
            if getattr(page_specific, key, None) == getattr(original, key, None):
                untranslated.add(key)
        else:
            field, block_id = key
            ours = _block_data(getattr(page_specific, field, None), block_id)
            theirs = _block_data(getattr(original, field, None), block_id)
            if ours is not None and ours == theirs:
                untranslated.add(block_id)
    return frozenset(untranslated)


def _block_data(stream, block_id):
    for block in getattr(stream, "raw_data", None) or []:
        if block.get("id") == block_id:
            return block.get("value")
    return None
