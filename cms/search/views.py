from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from .backend import search_backend

SEARCH_RESULTS_PER_PAGE = 10
SEARCH_QUERY_MAX_LENGTH = 200


@require_safe
def search(request):
    """Search the pages of the visitor's language (PostgreSQL full text with the language's
    stemming, see cms.search.backend). A page number that is not one answers 404."""
    query = request.GET.get("query", "")
    # No control characters (PostgreSQL refuses NUL), and spaces as one.
    query = "".join(char if char.isprintable() else " " for char in query)
    query = " ".join(query.split())[:SEARCH_QUERY_MAX_LENGTH]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active(), depth__gt=1)
        found = search_backend().search(query, pages)
        try:
            results = Paginator(found, SEARCH_RESULTS_PER_PAGE).page(request.GET.get("page", 1))
        except InvalidPage as error:
            raise Http404(str(error)) from error
    elif "page" in request.GET:
        raise Http404("No search")
    return TemplateResponse(
        request,
        "cms/search.html",
        {
            "search_query": query,
            "items": results,
            "query": urlencode({"query": query}),
        },
    )
