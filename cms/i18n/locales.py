"""Every language has the whole page tree: pages not translated yet are wagtail-localize aliases
of the English ones, in that language's tree. Translators may edit and publish the trees of the
other languages, never the English one."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree

from cms.caching.fragments import for_content_version

TRANSLATORS = "Translators"


def language_codes():
    """Locale id -> language code, cached until the content changes."""
    return for_content_version(
        "locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def sync_locale_trees():
    """Give every synchronised locale an alias of each page it has no translation of yet (what
    `manage.py sync_locale_trees` does, but now rather than in the background)."""
    page_index = PageIndex.from_database().sort_by_tree_position()
    for synchronisation in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(synchronisation.sync_from, synchronisation.locale, page_index=page_index)


def grant_translators(root_page):
    """Translators edit and publish the other languages' trees. (They read the source
    language's tree as everyone who may submit translations does: ``cms.editing.roles``.)"""
    group = Group.objects.filter(name=TRANSLATORS).first()
    if group is None or root_page.locale.language_code == settings.LANGUAGE_CODE:
        return
    codenames = ["change_page", "publish_page"]
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=permission
        )


def landing_page_created(sender, instance, created, **kwargs):
    if created and instance.depth == 2:
        grant_translators(instance)
