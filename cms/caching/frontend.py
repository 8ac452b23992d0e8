"""Purging the HTTP cache in front of the site (Varnish, a CDN) when content changes.

Wagtail's frontend cache app purges the addresses of a page that is published or unpublished
(and of its aliases, which get signals of their own). A page also shows on other pages; this
purges those too:

- its ancestors: the index that lists it and the landing page with its "latest" sections;
- its translations, whose language switcher and hreflang links point at it;
- the pages that refer to it (Wagtail's reference index: a teaser or a "latest" block);
- every page of its language when it is a section of the navigation, or when it moves;
- every page when what all pages show changes: the site settings (footer, contact), a locale,
  a site, a video series.

Wagtail sends the purge requests from a background task (``db_worker``), which starts only once
the publication is committed: a request arriving in between cannot put the old page back.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, ReferenceIndex, Site

# Landing pages (one per language) are children of the tree's root; their children are the
# sections of the navigation.
LANDING_DEPTH = 2


def frontend_cache_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def pages_referring_to(instance):
    """The live pages that refer to a page, a document, an image… (Wagtail's reference index)."""
    references = ReferenceIndex.get_references_to(instance).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return Page.objects.live().filter(
        pk__in=[int(pk) for pk in references.values_list("object_id", flat=True)]
    )


def pages_showing(page):
    """The live pages besides ``page`` itself that show something of it."""
    pages = Page.objects.live()
    related = pages.filter(depth__gte=LANDING_DEPTH).ancestor_of(page)
    related |= pages.filter(translation_key=page.translation_key)
    related |= pages_referring_to(page)
    if page.depth == LANDING_DEPTH + 1:
        # A section of the navigation: its title is on every page of its language.
        related |= pages.descendant_of(page.get_parent(), inclusive=True)
    return related.exclude(pk=page.pk).specific(defer=True)


def purge_pages(pages):
    if not frontend_cache_configured():
        return
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def purge_pages_showing(instance, **kwargs):
    purge_pages(pages_showing(instance))


def purge_locale_of_moved_page(instance, **kwargs):
    """A moved page changes addresses, breadcrumbs and lists: purge its language's every page
    (the old addresses of the page and its descendants included)."""
    if not frontend_cache_configured():
        return
    root = Page.objects.filter(depth=LANDING_DEPTH).ancestor_of(instance, inclusive=True).first()
    batch = PurgeBatch()
    if root:
        pages = Page.objects.live().descendant_of(root, inclusive=True)
        batch.add_pages(pages.specific(defer=True))
    before = kwargs.get("url_path_before")
    if before and root:
        # Under the old address, the moved page and its descendants answer 404 from now on.
        site_url = root.get_full_url()
        if site_url:
            old = before[len(root.url_path) :]
            for page in Page.objects.live().descendant_of(instance, inclusive=True):
                batch.add_url(site_url + old + page.url_path[len(instance.url_path) :])
    batch.purge()


def remember_document_address(sender, instance, **kwargs):
    """Before a document is saved: its address, which changes with its file's name."""
    stored = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._address_before = stored.url if stored else None


def purge_document(sender, instance, **kwargs):
    """A document replaced or deleted: its download and the pages that offer it."""
    if not frontend_cache_configured():
        return
    addresses = {instance.url, getattr(instance, "_address_before", None)} - {None}
    roots = {site.root_url for site in Site.objects.all()}
    batch = PurgeBatch(root + address for root in roots for address in addresses)
    batch.add_pages(pages_referring_to(instance).specific(defer=True))
    batch.purge()


def purge_everything(**kwargs):
    purge_pages(Page.objects.live().filter(depth__gte=LANDING_DEPTH).specific(defer=True))
