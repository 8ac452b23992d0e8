"""Run inside one of the two instances of test_e2e.py (``manage.py shell -c``): what the test
reads from, and does to, that instance's database."""

import hashlib
import json

from django.db import transaction
from wagtail.models import Page, Site

from cms.models import SiteSettings


def file_digest(field_file):
    with field_file.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def page_state(page):
    page = page.specific
    state = {
        "type": page._meta.label_lower,
        "locale": page.locale.language_code,
        "title": page.title,
        "slug": page.slug,
        "url_path": page.url_path,
        "live": page.live,
        "alias": page.alias_of_id is not None,
        "translation_key": str(page.translation_key),
        "pk": page.pk,
    }
    for name in ("introduction", "summary"):
        if hasattr(page, name):
            state[name] = str(getattr(page, name))
    for name in ("body", "full_text"):
        if hasattr(page, name):
            # Block ids and texts; references are ids of each instance, compared apart.
            state[name] = [(block.block_type, block.id) for block in getattr(page, name)]
    if hasattr(page, "language_versions"):
        state["language_versions"] = sorted(
            (
                version.language,
                version.title,
                version.document.title,
                file_digest(version.document.file),
            )
            for version in page.language_versions.select_related("document")
        )
    return state


def dump():
    """Every page that is not an alias, keyed by locale and url path, and the alias count."""
    pages = {
        f"{page.locale.language_code}:{page.url_path}": page_state(page)
        for page in Page.objects.filter(depth__gte=2, alias_of__isnull=True).select_related(
            "locale"
        )
    }
    aliases = Page.objects.filter(alias_of__isnull=False).count()
    site = Site.objects.filter(is_default_site=True).first()
    settings = SiteSettings.for_site(site) if site else None
    site_settings = settings and {
        "contact_email": settings.contact_email,
        "postal_address": settings.postal_address,
        "social_links": [block.value["url"] for block in settings.social_links],
        "privacy_page": settings.privacy_page and settings.privacy_page.url_path,
        "site_root": site.root_page.url_path,
    }
    print(
        json.dumps(
            {
                "pages": pages,
                "aliases": aliases,
                "count": Page.objects.count(),
                "site_settings": site_settings,
            }
        )
    )


def ids(*url_paths):
    """The ids of pages by url path (English tree)."""
    print(
        json.dumps(
            {
                path: Page.objects.get(url_path=path, locale__language_code="en").pk
                for path in url_paths
            }
        )
    )


def edit_joint_call():
    """An officer edits the Joint Call on staging, in both languages, and publishes it."""
    with transaction.atomic():
        key = Page.objects.get(url_path="/home/joint-call/").translation_key
        for page in Page.objects.filter(translation_key=key, alias_of__isnull=True).specific():
            page.title = f"{page.title} (2027)"
            page.introduction = f"{page.introduction}<p>Updated.</p>"
            page.save_revision().publish()
    print(json.dumps({"edited": str(key)}))
