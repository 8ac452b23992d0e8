"""Whether a page of a language is translated — the one rule the site uses to decide.

Every language has the whole tree (``cms.i18n.locales``). A page of another language than the
source is, for visitors, in one of three states:

- **an alias** (wagtail-localize's copy of the English page): English content, marked
  ``lang="en"``, with a "not yet in your language" note;
- **in progress**: submitted for translation. wagtail-localize then turns the alias into an
  ordinary page at once (live, with the English text and a draft revision), long before a word is
  translated. Until a translation is published, visitors see exactly what they saw before: the
  page is served as an alias of the English page (:func:`serve_in_progress_as_alias`), and it
  counts as not translated for ``hreflang``, the sitemap and the canonical address;
- **a published translation**: not an alias, and a revision of its own has been published.

A translated slug is transliterated into the ASCII address it will be (:func:`transliterate_slug`).

An alias carries the ``live_revision`` of the English page it copies, and keeps it when it is
converted, so a converted page whose own revision was never published has a live revision that
is not its own (or none, with unpublished changes).
"""

from anyascii import anyascii
from django.conf import settings
from django.db.models import BooleanField, Case, CharField, Q, Value, When
from django.db.models.functions import Cast
from django.utils.text import slugify
from wagtail.models import Page, Revision

from cms.caching.fragments import for_content_version


def published_translation_q():
    """A ``Q`` for pages whose content is a published translation, or the source itself."""
    return Q(alias_of__isnull=True) & (
        Q(locale__language_code=settings.LANGUAGE_CODE)
        | Q(live_revision__isnull=True, has_unpublished_changes=False)
        | Q(live_revision__object_id=Cast("pk", output_field=CharField()))
    )


def with_published_translation(queryset):
    """The queryset, each page annotated with ``published_translation`` (a boolean)."""
    return queryset.annotate(
        published_translation=Case(
            When(published_translation_q(), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def is_source_page(page):
    return page.locale.language_code == settings.LANGUAGE_CODE


def is_published_translation(page):
    """True for a page visitors should read as written in its own language: a translation
    published at least once (or a page of the source language); false for an alias and for a
    translation submitted but never published."""
    if page.alias_of_id:
        return False
    known = getattr(page, "published_translation", None)
    if known is None:
        # Only a publication (or unpublication) changes it, and that moves the content version
        # on; the conversion of an alias is seen in ``alias_of_id`` first.
        known = for_content_version(
            f"published-translation:{page.pk}", lambda: _is_published_translation(page)
        )
        page.published_translation = known  # once per page object
    return known


_source_locale_ids = set()


def _is_published_translation(page):
    if page.locale_id in _source_locale_ids:
        return True
    if page.live_revision_id is None:
        if not page.has_unpublished_changes:
            return True
    elif Revision.objects.filter(pk=page.live_revision_id, object_id=str(page.pk)).exists():
        return True
    if is_source_page(page):
        _source_locale_ids.add(page.locale_id)
        return True
    return False


def is_in_progress(page):
    """A page submitted for translation whose translation has never been published."""
    return not page.alias_of_id and not is_published_translation(page)


def content_source(page):
    """The live page whose content visitors read on ``page``: the page itself when it is a
    published translation, else the source-language page (``None`` if there is none)."""
    if page.alias_of_id:
        return Page.objects.filter(pk=page.alias_of_id).first()
    if is_published_translation(page):
        return page
    return (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )


def stand_in(page):
    """For a page in progress: the same page (address, place in the tree, language) with the
    live content of its source, marked as an alias of it — what visitors saw before it was
    submitted. ``None`` when there is no live source."""
    source = content_source(page)
    if source is None or source.pk == page.pk:
        return None
    source = source.specific
    copy = page.specific.with_content_json(source.serializable_data())
    copy.slug = page.slug
    copy.url_path = page.url_path
    copy.live = page.live
    copy.alias_of_id = source.pk
    copy.published_translation = False
    return copy


def serve_in_progress_as_alias(next_serve):
    """``on_serve_page`` hook: a page in progress is served as the alias it was."""

    def serve(page, request, args, kwargs):
        if not page.alias_of_id and not is_published_translation(page):
            replacement = stand_in(page)
            if replacement is not None:
                # A routable page's view comes bound to the page routed: bind it to the stand-in.
                args = [
                    arg.__func__.__get__(replacement, type(replacement))
                    if getattr(arg, "__self__", None) is page
                    else arg
                    for arg in args
                ]
                page = replacement
        return next_serve(page, request, args, kwargs)

    return serve


def transliterate_slug(sender, instance, **kwargs):
    """A translated slug is kept as the address it will be: the site's addresses are ASCII
    (``WAGTAIL_ALLOW_UNICODE_SLUGS`` is off), and wagtail-localize's own ``slugify`` would drop
    every Greek or Cyrillic letter, leaving the English slug. "Τούρκου κλίμα" -> "toyrkoy-klima",
    "турку" -> "turku"."""
    if not instance.context_id or instance.context.path != "slug":
        return
    slug = slugify(anyascii(instance.data or ""))
    if slug:
        instance.data = slug


def register_hooks():
    from django.db.models.signals import pre_save
    from wagtail import hooks
    from wagtail_localize.models import StringTranslation

    hooks.register("on_serve_page", serve_in_progress_as_alias)
    pre_save.connect(
        transliterate_slug, sender=StringTranslation, dispatch_uid="cms.transliterate_slug"
    )
