from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.editing.autosave import CreatePageView, EditPageView
from cms.i18n.views import choose_language
from cms.search.views import search
from cms.seo.robots import robots_txt
from cms.seo.sitemap import MultilingualSitemap
from cms.views import favicon, health
from transfer import urls as transfer_urls

# What an uploaded file may do when opened on its own from the site's origin: nothing. Images,
# audio and video shown in pages ignore it; an SVG or HTML file opened directly runs no script.
MEDIA_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"


def serve_media(request, path):
    """MEDIA_ROOT served by Django (``SERVE_MEDIA``), with the headers docs/deployment.md asks of
    a web server in front: no script runs in an uploaded file, and an SVG (an image or document
    from before SVG was refused, or brought by wagtail-transfer) is downloaded, not shown."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Security-Policy"] = MEDIA_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    if path.lower().endswith((".svg", ".svgz")) or "svg" in response.get("Content-Type", ""):
        disposition = response.get("Content-Disposition", "")
        response["Content-Disposition"] = "attachment" + disposition.removeprefix("inline")
    return response


urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's "add page" view, safe against its own autosave (cms/editing/autosave.py): before the
    # admin's URLs, so that this address (reversed as "wagtailadmin_pages:add") reaches it.
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        never_cache(require_admin_access(CreatePageView.as_view())),
        name="add_page_once",
    ),
    # Wagtail's "edit page" view, where a ValidationError while saving is no 500 either.
    path(
        "admin/pages/<int:page_id>/edit/",
        never_cache(require_admin_access(EditPageView.as_view())),
        name="edit_page_guarded",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # wagtail-transfer's export API, with our page export (transfer/urls.py).
    path("wagtail-transfer/", include(transfer_urls)),
    path("language/<str:code>/", choose_language, name="choose_language"),
    path(
        "sitemap.xml",
        require_safe(sitemap),
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", health, name="health"),
    path("favicon.ico", favicon, name="favicon"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_media),
    ]

# Every page lives under its language prefix (/en/…, /lv/…); "/" redirects to the visitor's
# language (LocaleMiddleware: language cookie, then Accept-Language, then English).
urlpatterns += i18n_patterns(
    path("", include("signatures.urls")),
    path("search/", search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
