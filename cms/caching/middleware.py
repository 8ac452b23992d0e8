from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from .fragments import for_content_version, version_of_request


class ContentVersionMiddleware:
    """Read the content version once per request (``fragments.content_version``). A change
    committed during the request shows from the next one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = version_of_request.set([])
        try:
            return self.get_response(request)
        finally:
            version_of_request.reset(token)


class CachedSiteMiddleware:
    """Find the request's Wagtail site, and the landing page of its language that a page's
    address is looked up from, in the cache rather than the database. Wagtail looks both up on
    every request (the site: one query; ``site.root_page.localized.specific``: three); they
    change only when the sites, the locales or the landing page change, which moves the content
    version on."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = for_content_version(
            f"site:{request._get_raw_host()}:{request.get_port()}",
            lambda: Site.find_for_request(request),
        )
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Route a page request as Wagtail's ``Page.route_for_request`` does, from the cached
        landing page; Wagtail's ``serve`` then finds the route on the request."""
        site = getattr(request, "_wagtail_site", None)
        if view_func is not wagtail_serve or site is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            request._wagtail_route_for_request = landing_page(site).route(
                request, [component for component in path.split("/") if component]
            )
        except Http404:
            request._wagtail_route_for_request = None
        return None


def landing_page(site):
    """The site's root page in the active language (its live translation, or itself), as its
    specific type with the related objects its template shows."""

    def find():
        localized = site.root_page.localized
        model = localized.specific_class or type(localized)
        return model.objects.select_related(*model.route_select_related).get(pk=localized.pk)

    return for_content_version(f"landing:{site.pk}:{translation.get_language()}", find)


class SharedCacheHeadersMiddleware:
    """Say which answers a shared cache (Varnish, a CDN) may keep, and for how long.

    An answer is the same for every visitor when it was asked without a session or credentials
    and sets no cookie: a form token (CSRF) always sets its cookie, so pages with one are never
    shared, nor pages for a signed-in user. ("Vary: Cookie" alone does not count: Wagtail's user
    bar reads ``request.user`` on every page, which marks it even for a visitor without cookies.)
    Such answers may be kept for ``HTTP_CACHE_SECONDS`` (a publication purges them at once, see
    ``cms.caching.frontend``); browsers revalidate every time. Every other answer without a policy
    of its own is private. Goes first in MIDDLEWARE, to see the final answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if self.shareable(request, response):
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.HTTP_CACHE_SECONDS
            )
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @staticmethod
    def shareable(request, response):
        return (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and "Authorization" not in request.headers
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
