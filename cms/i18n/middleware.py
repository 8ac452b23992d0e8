from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.cache import patch_vary_headers


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, but a path outside ``i18n_patterns`` never gets a language
    redirect.

    On a 404 without a language prefix, Django redirects to ``/<language>/<path>`` when that path
    is "valid", and Wagtail's catch-all page route makes every path valid: a missing page of the
    admin API (``/admin/api/main/pages/4/``) answered a redirect to ``/en/admin/api/…`` — an HTML
    404 where wagtail-localize's editor expected JSON — and every mistyped admin address went
    under ``/en/``. The paths that belong to a route outside ``i18n_patterns`` (the admin, the
    documents, wagtail-transfer, the sitemap…: whatever ``cms.urls`` lists there) and the static
    and media files keep their own 404.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and outside_i18n_patterns(
            request.path_info, getattr(request, "urlconf", None)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


def outside_i18n_patterns(path, urlconf=None):
    """Whether ``path`` belongs to a route of the URLconf that is not under ``i18n_patterns``:
    an endpoint it matches in full, or an ``include()`` whose prefix it starts with (a mistyped
    ``/admin/pagez/`` is still the admin's). Files under ``STATIC_URL`` and ``MEDIA_URL`` too,
    whether or not Django serves them."""
    files = tuple(
        "/" + prefix.lstrip("/") for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix
    )
    if path.startswith(files):
        return True
    relative = path.lstrip("/")
    for pattern in get_resolver(urlconf).url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            continue
        if pattern.pattern.match(relative):
            return True
    return False
