from pathlib import Path

from django.core.cache import cache
from django.db import connection
from django.http import FileResponse, HttpResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe

FAVICON = Path(__file__).resolve().parent / "static" / "favicon.ico"


@never_cache
def health(request):
    """For load balancers and Varnish's probes: 200 when this app server can reach its database
    and its cache, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        cache.get("health")
    except Exception as error:  # any failure means: send visitors elsewhere
        return HttpResponse(
            f"unavailable: {type(error).__name__}\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
@cache_control(public=True, max_age=24 * 3600)
def favicon(request):
    """/favicon.ico, where browsers and feed readers look for the site's icon without reading a
    page (``deploy/draw_icons.py`` draws it)."""
    return FileResponse(FAVICON.open("rb"), content_type="image/vnd.microsoft.icon")
