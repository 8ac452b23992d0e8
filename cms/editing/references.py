"""What deleting a page breaks: the pages (and other objects) that link to it, for the delete
confirmation (``cms/templates/wagtailadmin/pages/confirm_delete.html``).

Deleting a page of the source language deletes its copy in every language and their subpages
(``cms.editing.moves``), so the links that break are those to any of these pages. Wagtail's own
count ("This page is referenced 22 times") counts each language's copy of a referring page, aliases
included; here each referring page is listed once, by its translation key, under its
source-language title.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, ReferenceIndex


@dataclass
class DeletionSummary:
    referring_pages: list = field(default_factory=list)
    referring_objects: list = field(default_factory=list)  # (verbose name, str) of non-pages
    language_copies: int = 0  # the page's translations and aliases in other languages

    @property
    def referrer_count(self):
        return len(self.referring_pages) + len(self.referring_objects)


def pages_deleted_with(page):
    """The page, its copies in every language and all their subpages."""
    family_paths = Page.objects.filter(translation_key=page.translation_key).values_list(
        "path", flat=True
    )
    subtrees = Q()
    for path in family_paths:
        subtrees |= Q(path__startswith=path)
    return Page.objects.filter(subtrees)


def deletion_summary(page):
    doomed = set(pages_deleted_with(page).values_list("pk", flat=True))
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.objects.filter(
        to_content_type=page_type, to_object_id__in=[str(pk) for pk in doomed]
    )
    page_ids = {
        int(object_id)
        for object_id in references.filter(base_content_type=page_type).values_list(
            "object_id", flat=True
        )
    } - doomed
    # One entry per translation key: an alias is the same page as its source, a translation
    # the same page in another language. The source language's version names it.
    by_key = {}
    sources = (
        Page.objects.filter(pk__in=page_ids, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )
    for source in sources:
        kept = by_key.get(source.translation_key)
        if kept is None or (
            source.locale.language_code == settings.LANGUAGE_CODE
            and kept.locale.language_code != settings.LANGUAGE_CODE
        ):
            by_key[source.translation_key] = source
    others = {}
    for content_type_id, object_id in (
        references.exclude(base_content_type=page_type)
        .values_list("content_type_id", "object_id")
        .distinct()
    ):
        content_type = ContentType.objects.get_for_id(content_type_id)
        model = content_type.model_class()
        instance = model._default_manager.filter(pk=object_id).first() if model else None
        if instance is not None:
            others[(content_type_id, object_id)] = (model._meta.verbose_name, str(instance))
    return DeletionSummary(
        referring_pages=sorted(by_key.values(), key=lambda source: source.path),
        referring_objects=sorted(others.values()),
        language_copies=Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .count(),
    )
