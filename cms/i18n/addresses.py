"""A page's address in its own language, without switching to that language.

Wagtail's ``Page.get_url_parts`` reverses a page's address with the page's language active
(``translation.override``). Activating a language loads its gettext catalogues, of every
installed app, and fills the URL resolver's table for it, and a process keeps both for as long as
it lives. The language switcher, the ``hreflang`` links and the sitemap ask for the address of a
page in each of the 24 languages: every worker ended up holding all 24 catalogues and tables,
some 30 MiB more than it needs (docs/performance.md, "Memory").

Here the address is reversed in the active language and the language prefix of
``i18n_patterns`` (``/<language>/``) is then the page's own. Where that would not be Wagtail's
answer (a page on several sites, a language variant, an address without the prefix), Wagtail's
own method answers.
"""

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page


def page_url_parts(page, request=None):
    """What ``Page.get_url_parts(request)`` answers: ``(site id, root URL, path)``."""
    possible_sites = page._get_relevant_site_root_paths(request)
    if not possible_sites or len({site[0] for site in possible_sites}) > 1:
        return Page.get_url_parts(page, request)
    site_id, root_path, root_url, language_code = possible_sites[0]
    active = get_language() or settings.LANGUAGE_CODE
    try:
        in_active_language = get_supported_content_language_variant(active) == language_code
    except LookupError:
        in_active_language = False
    if (
        in_active_language
        or not settings.WAGTAIL_I18N_ENABLED
        or not getattr(settings, "WAGTAIL_APPEND_SLASH", True)
    ):
        return Page.get_url_parts(page, request)
    try:
        path = reverse("wagtail_serve", args=(page.url_path[len(root_path) :],))
    except NoReverseMatch:
        return (site_id, None, None)
    active_prefix = f"{get_script_prefix()}{active}/"
    if not path.startswith(active_prefix):
        return Page.get_url_parts(page, request)
    return (site_id, root_url, f"{get_script_prefix()}{language_code}/{path[len(active_prefix) :]}")


def page_full_url(page, request=None):
    """What ``page.get_full_url(request)`` answers, for any page (a plain ``Page`` too)."""
    parts = page_url_parts(page, request)
    if parts is None or parts[1] is None and parts[2] is None:
        return None
    return parts[1] + parts[2]
