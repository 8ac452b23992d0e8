from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache


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
