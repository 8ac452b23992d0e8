"""What a source sends: wagtail-transfer's export of a page subtree, with the page's translations
and the pages above them.

The answer keeps wagtail-transfer's format (``ids_for_import``, ``mappings``, ``objects``), so that
its own importer still understands it, and adds:

- ``translations``: ``{language_code: source id}``, the page's translations in other locales
  (never wagtail-localize's aliases: the destination makes its own), whose subtrees are in
  ``ids_for_import`` too;
- ``ancestors``: the pages above each of these roots (the tree's root included), serialised so
  that the destination can create the ones it lacks when it places the page where it is here;
- ``site_settings``: the settings of the page's site (contact details, social links, the pages
  every footer links to), for the destination to fill in what its own settings lack.

wagtail-transfer's own view also loops forever when two objects it serialises name each other (a
page and its translation), because it never records what it has serialised; this one does.
"""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from wagtail.models import Page
from wagtail_transfer.auth import check_digest
from wagtail_transfer.locators import get_locator_for_model
from wagtail_transfer.serializers import serializer_registry


def transferable_pages(root):
    """The page and its descendants, without aliases and what lies below an alias."""
    pages = []
    skipped_paths = []
    for page in root.get_descendants(inclusive=True).order_by("path"):
        if any(page.path.startswith(path) for path in skipped_paths):
            continue
        if page.alias_of_id is not None:
            skipped_paths.append(page.path)
            continue
        pages.append(page)
    return pages


def serialise(instances):
    """wagtail-transfer's ``objects`` and ``mappings`` for these instances and what they bring."""
    objects = []
    references = set()
    done = set()
    pending = list(instances)
    while pending:
        instance = pending.pop()
        key = (type(instance), instance.pk)
        if key in done:
            continue
        done.add(key)
        serializer = serializer_registry.get_model_serializer(type(instance))
        objects.append(serializer.serialize(instance))
        references.update(serializer.get_object_references(instance))
        pending.extend(
            other
            for other in serializer.get_objects_to_serialize(instance)
            if (type(other), other.pk) not in done
        )
    mappings = [
        [model._meta.label_lower, pk, get_locator_for_model(model).get_uid_for_local_id(pk)]
        for model, pk in sorted(references, key=lambda ref: (ref[0]._meta.label_lower, str(ref[1])))
    ]
    return objects, mappings


def export_page(root):
    """The export of ``root``'s subtree, its translations' subtrees and their ancestors."""
    root = root.specific
    roots = [root] + [
        translation
        for translation in root.get_translations().filter(alias_of__isnull=True).specific()
        if translation.locale_id != root.locale_id
    ]
    pages = []
    for translation_root in roots:
        pages += transferable_pages(translation_root)
    page_ids = {page.pk for page in pages}
    ancestors = []
    for translation_root in roots:
        for ancestor in translation_root.get_ancestors():
            if ancestor.pk not in page_ids and ancestor not in ancestors:
                ancestors.append(ancestor)
    specific_pages = list(Page.objects.filter(pk__in=page_ids).specific())
    specific_ancestors = list(Page.objects.filter(pk__in=[a.pk for a in ancestors]).specific())
    objects, mappings = serialise(specific_pages + specific_ancestors)
    return {
        "ids_for_import": [["wagtailcore.page", page.pk] for page in pages],
        "mappings": mappings,
        "objects": objects,
        "translations": {
            translation.locale.language_code: translation.pk for translation in roots[1:]
        },
        "ancestors": [ancestor.pk for ancestor in ancestors],
        "site_settings": site_settings(root),
    }


def site_settings(root):
    """The settings of the site the page belongs to, for the destination to fill in what its
    own settings lack; pages by their transfer uid."""
    from wagtail.models import Site

    from cms.models import SiteSettings

    site = (
        Site.objects.filter(root_page__in=root.get_ancestors(inclusive=True))
        .order_by("-root_page__depth")
        .first()
    )
    if site is None:
        return None
    settings = SiteSettings.for_site(site)
    locator = get_locator_for_model(Page)
    return {
        "contact_email": settings.contact_email,
        "contact_phone": settings.contact_phone,
        "postal_address": settings.postal_address,
        "social_links": settings.social_links.get_prep_value(),
        "pages": {
            name: str(locator.get_uid_for_local_id(page_id))
            for name in SETTINGS_PAGES
            if (page_id := getattr(settings, f"{name}_id"))
        },
    }


SETTINGS_PAGES = ("contact_page", "privacy_page", "language_policy_page")


def pages_for_export(request, root_page_id):
    """``api/pages/<id>/`` of wagtail-transfer, signed the same way (HMAC of the page id)."""
    check_digest(str(root_page_id), request.GET.get("digest", ""))
    root = get_object_or_404(Page, id=root_page_id)
    return JsonResponse(export_page(root))
