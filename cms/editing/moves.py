"""A page of the source language and its copies in the other languages (translations and
aliases) stay in the same place of every tree.

- **Moving** a source page (the admin's move, a bulk move, code) moves each language's copy
  under the parent's copy in that language, next to the same sibling. Each of these moves is an
  ordinary Wagtail move: ``wagtail.contrib.redirects`` makes a redirect from each old address,
  ``cms.caching.frontend`` purges each language's pages (old addresses and podcast feeds
  included) and ``cms.caching.fragments`` retires the cached fragments.
- **Deleting** a source page in the admin deletes its copies in every language too (Wagtail's
  ``construct_translated_pages_to_cascade_actions`` hook, which the delete view lists and
  applies), and the bulk delete of the page listing too (``after_bulk_action``); a copy left
  behind would otherwise become an ordinary page, orphaned but live.
"""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.actions.move_page import MovePageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

logger = logging.getLogger(__name__)


def _copies(page):
    """The page's versions in the other languages (translations and aliases)."""
    return Page.objects.filter(translation_key=page.translation_key).exclude(
        locale_id=page.locale_id
    )


def _in_locale(page, locale_id):
    if page is None:
        return None
    return Page.objects.filter(translation_key=page.translation_key, locale_id=locale_id).first()


def move_language_copies(sender, instance, parent_page_after, **kwargs):
    """``post_page_move`` of a source-language page: its copies follow it in every language."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    moved = Page.objects.get(pk=instance.pk)
    next_sibling = moved.get_next_sibling()
    with transaction.atomic():
        for copy_id, locale_id in _copies(moved).values_list("pk", "locale_id"):
            copy = Page.objects.get(pk=copy_id)  # fresh: earlier moves change tree paths
            parent = _in_locale(parent_page_after, locale_id)
            if parent is None:
                logger.warning(
                    "Page %s: no version of its new parent %s in locale %s; not moved.",
                    copy.pk,
                    parent_page_after.pk,
                    locale_id,
                )
                continue
            target, position = parent, "last-child"
            sibling = _in_locale(next_sibling, locale_id)
            if sibling is not None and sibling.pk != copy.pk and sibling.is_child_of(parent):
                target, position = sibling, "left"
            if copy.is_child_of(parent):
                if position == "last-child" and copy.get_next_sibling() is None:
                    continue
                if position == "left" and copy.get_next_sibling() == sibling:
                    continue
            elif not Page._slug_is_available(copy.slug, parent, page=copy):
                # Another page of that language took the slug: keep the address unique.
                copy.slug = find_available_slug(parent, copy.slug)
                Page.objects.filter(pk=copy.pk).update(slug=copy.slug)
            MovePageAction(copy, target, pos=position).execute(skip_permission_checks=True)


def translated_pages_to_cascade(pages, action):
    """Wagtail's hook: the pages that the delete view deletes with the given source pages."""
    if action != "delete":
        # Moves are carried by ``move_language_copies``, for every way of moving a page.
        return {}
    return {
        page: list(_copies(page).specific())
        for page in pages
        if page.locale.language_code == settings.LANGUAGE_CODE
    }


def delete_copies_after_bulk_delete(request, action_type, objects, action):
    """Wagtail's ``after_bulk_action`` hook: the bulk delete of the page listing asks no
    cascade hook, so the copies of the source pages it deleted go here."""
    if action_type != "delete" or action.model is not Page:
        return
    keys = [
        page.translation_key
        for page in objects
        if page.locale.language_code == settings.LANGUAGE_CODE
    ]
    with transaction.atomic():
        for copy in Page.objects.filter(translation_key__in=keys).order_by("-depth"):
            copy.delete()


def register():
    from wagtail import hooks
    from wagtail.signals import post_page_move

    post_page_move.connect(move_language_copies, dispatch_uid="cms.move_language_copies")
    hooks.register("construct_translated_pages_to_cascade_actions", translated_pages_to_cascade)
    hooks.register("after_bulk_action", delete_copies_after_bulk_delete)
