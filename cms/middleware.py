"""Middleware for every answer: range requests for the files the site serves itself, and the
security headers. (The caching middleware is in ``cms.caching.middleware``, the language one in
``cms.i18n.middleware``.)"""

import re

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import parse_http_date_safe

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


class RangeRequestMiddleware:
    """HTTP range requests (206 Partial Content) for every file the site serves itself: the
    documents Wagtail serves and, where no web server stands in front, the media files.

    Podcast apps and browsers ask for ranges to seek in audio and video and to resume downloads.
    Django's FileResponse answers with the whole file; this answers the range asked for. Only a
    single range is served (the RFC lets a server answer several ranges with the whole file).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not (isinstance(response, FileResponse) and response.status_code == 200):
            return response
        response["Accept-Ranges"] = "bytes"
        header = request.headers.get("Range", "")
        if request.method not in ("GET", "HEAD") or not header:
            return response
        if not self.if_range_matches(request, response):
            return response
        size = int(response.get("Content-Length") or 0)
        match = RANGE.match(header.strip())
        if not match or not size:
            return response
        start, end = self.parse(match, size)
        if start is None:
            response.close()
            unsatisfiable = HttpResponse(status=416)
            unsatisfiable["Content-Range"] = f"bytes */{size}"
            return unsatisfiable
        file = response.file_to_stream
        file.seek(start)
        partial = StreamingHttpResponse(
            self.read(file, end - start + 1), status=206, content_type=response["Content-Type"]
        )
        # The part carries what the whole file's answer says about it: how to show it, whether
        # it changed, and what it may do once shown (a document's "default-src 'none'").
        for name in (
            "Content-Disposition",
            "Last-Modified",
            "ETag",
            "Cache-Control",
            "Content-Security-Policy",
            "X-Content-Type-Options",
        ):
            if name in response:
                partial[name] = response[name]
        partial["Content-Range"] = f"bytes {start}-{end}/{size}"
        partial["Content-Length"] = str(end - start + 1)
        partial["Accept-Ranges"] = "bytes"
        partial._resource_closers.append(file.close)
        return partial

    @staticmethod
    def parse(match, size):
        """(first, last) byte of the range, or (None, None) if it is outside the file."""
        first, last = match.groups()
        if first == "" and last == "":
            return None, None
        if first == "":  # the last N bytes
            length = int(last)
            if length == 0:
                return None, None
            return max(size - length, 0), size - 1
        start = int(first)
        end = int(last) if last else size - 1
        if start >= size or end < start:
            return None, None
        return start, min(end, size - 1)

    @staticmethod
    def if_range_matches(request, response):
        """A range asked "if the file has not changed" is only served if it has not."""
        condition = request.headers.get("If-Range")
        if not condition:
            return True
        if condition.startswith(('"', "W/")):
            return condition == response.get("ETag")
        modified = parse_http_date_safe(response.get("Last-Modified", ""))
        asked = parse_http_date_safe(condition)
        return modified is not None and asked is not None and modified <= asked

    @staticmethod
    def read(file, length):
        while length > 0:
            chunk = file.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk


class SecurityHeadersMiddleware(CSPMiddleware):
    """The Content-Security-Policy of django-csp (``CONTENT_SECURITY_POLICY``) on public pages,
    the admin's own policy (``ADMIN_CONTENT_SECURITY_POLICY``) under ``ADMIN_URL_PREFIXES`` and
    on Wagtail's previews (rendered through a dummy request with the page's own path, to be
    shown in the admin's preview panel), and a Permissions-Policy (``PERMISSIONS_POLICY``) on
    every answer. Django's SecurityMiddleware adds HSTS, X-Content-Type-Options and
    Referrer-Policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        in_admin = request.path_info.startswith(settings.ADMIN_URL_PREFIXES)
        if not report_only and (in_admin or getattr(request, "is_dummy", False)):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions_policy()
        return response


def permissions_policy():
    """``PERMISSIONS_POLICY`` as a header: {"camera": [], "fullscreen": ["self", "https://x"]}
    -> 'camera=(), fullscreen=(self "https://x")'."""

    def origin(value):
        return value if value == "self" else f'"{value}"'

    return ", ".join(
        f"{feature}=({' '.join(origin(value) for value in values)})"
        for feature, values in settings.PERMISSIONS_POLICY.items()
    )
