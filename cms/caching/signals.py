"""What a change of content clears: the cached fragments (``fragments``) and the pages kept by the
HTTP cache in front of the site (``frontend``), connected when the apps are ready.

Publishing, unpublishing, moving or deleting a page, and replacing or deleting a document, are
connected here; a publication also warms the caches again (``warming``). A model whose objects
every page shows (the site settings, locales, sites) makes every fragment and every page out of
date when it changes: ``refresh_every_page_on_change``, which an app calls from its ``ready()``
for its own such models (media_library: the video series)."""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtailmedia.models import get_media_model

from cms.models import SiteSettings

from .fragments import content_changed
from .frontend import (
    purge_document,
    purge_everything,
    purge_locale_of_moved_page,
    purge_pages_showing,
    remember_document_address,
)
from .warming import queue_rendering


def refresh_every_page_on_change(model):
    """Saving or deleting an object of ``model`` retires every cached fragment and purges every
    page from the HTTP cache."""
    for signal in (post_save, post_delete):
        signal.connect(
            content_changed,
            sender=model,
            dispatch_uid=f"cms.content_changed.{signal!r}.{model.__name__}",
        )
        signal.connect(
            purge_everything,
            sender=model,
            dispatch_uid=f"cms.purge_everything.{signal!r}.{model.__name__}",
        )


# What a page's row holds of its drafts, comments and locks: saving only these changes nothing
# visitors see (Wagtail's ``save_revision``, workflows' locks).
DRAFT_FIELDS = {
    COMMENTS_RELATION_NAME,
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_by",
    "locked_at",
}


def page_saved(sender, instance, update_fields=None, **kwargs):
    """Any other save of a page makes what is cached of it out of date, its address (the
    routes kept by ``home.models.AlliancePage.route``) included: a publication, and what
    changes a live page without one (wagtail-localize converting an alias into a translation,
    or syncing a translation into the page)."""
    if isinstance(instance, Page) and not (update_fields and set(update_fields) <= DRAFT_FIELDS):
        content_changed()


def register_signal_handlers():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"cms.content_changed.{signal!r}")
    post_save.connect(page_saved, dispatch_uid="cms.content_changed.page_saved")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="cms.content_changed.delete")

    # Before every purge (Wagtail's own are connected when its frontend_cache app is ready, after
    # this app): the task that makes the renditions is queued first (cms.caching.warming).
    page_published.connect(queue_rendering, dispatch_uid="cms.queue_rendering")
    for signal in (page_published, page_unpublished):
        signal.connect(purge_pages_showing, dispatch_uid=f"cms.purge_pages_showing.{signal!r}")
    document_model = get_document_model()
    pre_save.connect(remember_document_address, sender=document_model, dispatch_uid="cms.doc_url")
    post_save.connect(purge_document, sender=document_model, dispatch_uid="cms.purge_doc")
    # Before the deletion: the pages that offer the document are still in the reference index.
    pre_delete.connect(purge_document, sender=document_model, dispatch_uid="cms.purge_del_doc")
    post_page_move.connect(purge_locale_of_moved_page, dispatch_uid="cms.purge_moved_page")

    # Blocks and cards, rendered once per content version, show images (their renditions and
    # alt text), documents (their file and size) and media; whether any page is private is
    # kept under it too (cms.models.SitePage.get_view_restrictions).
    for model in (get_image_model(), document_model, get_media_model(), PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                content_changed,
                sender=model,
                dispatch_uid=f"cms.content_changed.{signal!r}.{model._meta.label}",
            )

    for model in (SiteSettings, Locale, Site):
        refresh_every_page_on_change(model)
