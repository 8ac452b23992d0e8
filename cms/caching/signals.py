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
from wagtail.models import Locale, Page, PageViewRestriction, Site
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
from .warming import warm_after_commit


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


def register_signal_handlers():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"cms.content_changed.{signal!r}")
    post_delete.connect(content_changed, sender=Page, dispatch_uid="cms.content_changed.delete")

    for signal in (page_published, page_unpublished):
        signal.connect(purge_pages_showing, dispatch_uid=f"cms.purge_pages_showing.{signal!r}")
    page_published.connect(warm_after_commit, dispatch_uid="cms.warm_after_publication")
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
