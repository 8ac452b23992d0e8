"""The routes of the Joint Call page: signing, the links of the emails, the public list."""

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cms.rate_limit import over_rate_limit

from . import services, tokens
from .forms import SignatoryFilterForm, SignatureForm
from .models import Signature

MESSAGE_TEMPLATE = "signatures/signature_message.html"
SIGNATORIES_PER_PAGE = 50
# The largest sign form a browser sends is some 12 KB: every text field full of four-byte
# characters, percent-encoded. Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) holds for the whole
# site, the admin's page editor included, so the form has its own, lower limit.
SIGN_FORM_MAX_BYTES = 16 * 1024


def render(request, page, status=200, template=None, **context):
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def message(request, page, heading, text, status=200, **context):
    """A short page of the Joint Call that says one thing: "check your inbox", "confirmed"…"""
    return render(request, page, status, MESSAGE_TEMPLATE, heading=heading, message=text, **context)


def private(view):
    """For the views of the links of the emails: their answers, in every state (valid, invalid,
    expired, already used), are for one signer only. No shared cache or browser may keep them."""

    @functools.wraps(view)
    def private_view(request, *args, **kwargs):
        # Nor may its page name its address, which holds the token (cms.seo.metadata).
        request.personal_link = True
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    return private_view


def body_too_large(request):
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    return length > SIGN_FORM_MAX_BYTES


def sign(request, page):
    """The Joint Call page itself, with an empty form. The form posts to ``submit_signature``."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return render(request, page, form=SignatureForm())


def sent_from_this_site(request):
    """Whether a form was posted from a page of this site, as the browser tells.

    Browsers say where a request comes from: Sec-Fetch-Site, else Origin, else Referer. This
    replaces Django's CSRF token for the sign form, so that the Joint Call page carries no
    per-visitor token and a shared cache can keep it.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    this_site = f"{request.scheme}://{request.get_host()}"
    trusted = {this_site, *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin in trusted
    referer = urlsplit(request.headers.get("Referer", ""))
    return f"{referer.scheme}://{referer.netloc}" in trusted


@csrf_exempt
@require_POST
def submit_signature(request, call_key):
    """Receive the sign-the-call form.

    A plain Django view rather than a route of the page: it is the site's busiest write, and it
    needs of its page only what ``services.call_for`` caches, not Wagtail's page routing.
    Instead of a CSRF token, the browser's word that the form was sent from this site (a
    signature still counts only once confirmed from its email).
    """
    call = services.call_for(call_key, get_language())
    if call is None:
        raise Http404("No such call")
    if body_too_large(request):
        # Refused before the body is read: nothing of it is parsed or echoed back.
        return message(
            request,
            call.page(),
            status=413,
            heading=_("What you sent is too long"),
            text=_(
                "The form you sent is longer than the longest name, organisation and position "
                "allow. Please shorten them and sign again."
            ),
            sign_again=True,
        )
    if not call.signing_open:
        # The page says that signing has closed, in place of the form.
        return render(request, call.page(), status=403)
    form = SignatureForm(request.POST)
    if not sent_from_this_site(request):
        return render(request, call.page(), status=403, form=form, foreign_origin=True)
    if over_rate_limit(request):
        return render(request, call.page(), status=429, form=form, rate_limited=True)
    if form.is_spam():
        return HttpResponseRedirect(call.thank_you_url, status=303)
    if not form.is_valid():
        return render(request, call.page(), status=400, form=form)
    services.sign(call, form.cleaned_data, get_language())
    # The same answer whether the address had signed or not.
    return HttpResponseRedirect(call.thank_you_url, status=303)


def thank_you(request, page):
    return message(
        request,
        page,
        heading=_("Check your inbox"),
        text=_(
            "We have sent you an email with a link to confirm your signature. Your signature "
            "counts once you have confirmed it. No email? Look in your spam folder, or sign "
            "again in a few minutes."
        ),
    )


def signature_from_link(request, page, token, action, max_age=None):
    """The signature a link of an email is for, or the response that explains why not."""
    try:
        signature = tokens.read_token(token, action, max_age=max_age)
    except tokens.ExpiredLink:
        return None, message(
            request,
            page,
            status=400,
            heading=_("This link has expired"),
            text=_(
                "Confirmation links are valid for a limited time. Please sign the call again: "
                "we will send you a new link."
            ),
            sign_again=True,
        )
    except tokens.InvalidLink:
        signature = None
    if signature is None or signature.call_key != page.translation_key:
        return None, message(
            request,
            page,
            status=404,
            heading=_("No signature for this link"),
            text=_(
                "This link is not valid, or its signature was withdrawn or never confirmed and "
                "has been deleted."
            ),
            sign_again=True,
        )
    return signature, None


@private
def confirm(request, page, token):
    signature, problem = signature_from_link(
        request, page, token, "confirm", max_age=tokens.confirmation_max_age()
    )
    if problem:
        return problem
    if request.method == "POST":
        services.confirm(signature)
        return message(
            request,
            page,
            heading=_("Thank you: your signature counts"),
            text=_("Your signature of the Joint Call is confirmed."),
            show_count=True,
        )
    if signature.status == Signature.Status.CONFIRMED:
        return message(
            request,
            page,
            heading=_("Your signature is already confirmed"),
            text=_("Your signature of the Joint Call counts. There is nothing more to do."),
            show_count=True,
        )
    return message(
        request,
        page,
        heading=_("Confirm your signature"),
        text=_("Please confirm that you sign the Joint Call."),
        button=_("Confirm my signature"),
    )


@private
def withdraw(request, page, token):
    signature, problem = signature_from_link(request, page, token, "withdraw")
    if problem:
        return problem
    if request.method == "POST":
        services.erase(signature)
        return message(
            request,
            page,
            heading=_("Your signature is withdrawn"),
            text=_("Your signature no longer counts and your personal data have been erased."),
        )
    return message(
        request,
        page,
        heading=_("Withdraw your signature"),
        text=_(
            "Your signature will no longer count and all your personal data will be erased. "
            "This cannot be undone."
        ),
        button=_("Withdraw my signature and erase my data"),
    )


@private
def my_data(request, page, token):
    signature, problem = signature_from_link(request, page, token, "data")
    if problem:
        return problem
    if request.method == "POST":
        response = JsonResponse(
            signature.personal_data(), json_dumps_params={"ensure_ascii": False, "indent": 2}
        )
        response["Content-Disposition"] = 'attachment; filename="my-signature.json"'
        return response
    return message(
        request,
        page,
        heading=_("A copy of your personal data"),
        text=_(
            "Download everything this site holds about your signature, as a JSON file. To "
            "have your data erased, use the withdrawal link of our emails."
        ),
        button=_("Download my data"),
    )


def signatories(request, page):
    wall = Signature.objects.filter(call_key=page.translation_key).on_wall()
    countries_listed = wall.order_by().values_list("country", flat=True).distinct()
    form = SignatoryFilterForm(request.GET or None, countries_listed=list(countries_listed))
    if request.GET and not form.is_valid():
        return render(
            request, page, status=400, template="signatures/signatories.html", form=form, items=None
        )
    filters = form.cleaned_data if request.GET else {}
    if filters.get("kind"):
        wall = wall.filter(kind=filters["kind"])
    if filters.get("country"):
        wall = wall.filter(country=filters["country"])
    if filters.get("q"):
        wall = wall.filter(
            Q(name__icontains=filters["q"]) | Q(organisation__icontains=filters["q"])
        )
    wall = wall.order_by("-confirmed_at", "-pk").only(
        "kind", "name", "organisation", "position", "country", "show_on_wall", "confirmed_at"
    )
    try:
        items = Paginator(wall, SIGNATORIES_PER_PAGE).page(filters.get("page") or 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        page,
        template="signatures/signatories.html",
        form=form,
        items=items,
        query=query.urlencode(),
    )
