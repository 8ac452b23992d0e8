from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@require_GET
def choose_language(request, code):
    """Remember the language a visitor chose in the switcher and take them to the page in it.

    The choice is kept in Django's language cookie, which `/` reads; pages themselves set no
    cookie, so that they stay cacheable."""
    if code not in LANGUAGE_CODES:
        raise Http404("Unknown language")
    target = request.GET.get("next", "")
    if not (
        target.startswith(f"/{code}/")
        and url_has_allowed_host_and_scheme(target, allowed_hosts=None)
    ):
        target = f"/{code}/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response
