from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe


@require_safe
def robots_txt(request):
    """robots.txt: everything public may be indexed except the admin, search results and the
    language switch; the sitemap lists every page."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /language/",
        "Disallow: /wagtail-transfer/",
    ]
    lines += [f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
