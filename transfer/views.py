"""The admin's import and chooser proxy, in place of wagtail-transfer's.

wagtail-transfer's import view answers 500 to every failure (unknown source, unreachable source,
wrong secret, an answer that is not an export) and may leave a partial import behind; its chooser
proxy answers 500 (``KeyError: 'accept'``) to a request without an Accept header. These refuse
with a message and change nothing.
"""

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail_transfer.auth import digest_for_source, requests_auth

from cms.numbers import whole_number

from .errors import TransferError
from .importing import import_model, import_page

PERMISSION = "wagtail_transfer.wagtailtransfer_can_import"


@permission_required(PERMISSION, login_url="wagtailadmin_login")
@require_POST
def do_import(request):
    source = request.POST.get("source", "")
    try:
        if request.POST.get("type", "page") == "model":
            model = request.POST.get("source_model", "")
            count = import_model(source, model, request.POST.get("source_model_object_id"))
            messages.success(
                request,
                _("%(count)s object(s) imported from %(source)s.")
                % {"count": count, "source": source},
            )
            return redirect("wagtail_transfer_admin:choose_page")
        page_id = whole_number(request.POST.get("source_page_id", ""))
        if page_id is None:
            raise TransferError(_("Choose a page to import."))
        dest = request.POST.get("dest_page_id", "")
        dest_id = whole_number(dest)
        if dest and dest_id is None:
            raise TransferError(_("The chosen destination page does not exist."))
        result = import_page(source, page_id, dest_id)
    except TransferError as error:
        messages.error(request, _("Nothing was imported. %(reason)s") % {"reason": error})
        return redirect("wagtail_transfer_admin:choose_page")
    message = _(
        "“%(title)s” imported from %(source)s in %(languages)s: %(created)s page(s) created, "
        "%(updated)s updated."
    ) % {
        "title": result.root.title,
        "source": source,
        "languages": ", ".join(result.languages),
        "created": len(result.created),
        "updated": len(result.updated),
    }
    messages.success(request, message)
    if result.skipped_languages:
        messages.warning(
            request,
            _("Not imported, as the destination has no page to put them under: %(languages)s.")
            % {"languages": ", ".join(result.skipped_languages)},
        )
    return redirect("wagtailadmin_explore", result.root.get_parent().pk)


@permission_required(PERMISSION, login_url="wagtailadmin_login")
def chooser_api_proxy(request, source_name, path):
    """The source's page chooser API, signed; JSON unless the browser asks otherwise."""
    source = getattr(settings, "WAGTAILTRANSFER_SOURCES", {}).get(source_name)
    if source is None:
        # 400, not 404: LocaleMiddleware would answer a 404 with a redirect to /en/….
        return JsonResponse(
            {"message": _("There is no source called “%(name)s”.") % {"name": source_name}},
            status=400,
        )
    endpoint = "models" if "models" in request.GET else "pages"
    message = request.GET.urlencode()
    digest = digest_for_source(source_name, message)
    try:
        response = requests.get(
            f"{source['BASE_URL']}api/chooser/{endpoint}/{path}?{message}&digest={digest}",
            auth=requests_auth(source_name),
            headers={"Accept": request.headers.get("accept", "application/json")},
            timeout=getattr(settings, "WAGTAILTRANSFER_CHOOSER_API_PROXY_TIMEOUT", 30),
        )
    except requests.RequestException:
        return JsonResponse(
            {"message": _("%(name)s could not be reached.") % {"name": source_name}},
            status=502,
        )
    return HttpResponse(
        response.content,
        status=response.status_code,
        content_type=response.headers.get("Content-Type", "application/json"),
    )
