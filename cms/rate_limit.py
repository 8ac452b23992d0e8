"""Who is asking, and how often: the visitor's address as the trusted proxies pass it on, and a
per-address allowance. The sign-the-call form and the admin's login throttle (django-axes'
``AXES_CLIENT_IP_CALLABLE``) both use them."""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The visitor's address, as seen by the last trusted proxy."""
    hops = settings.TRUSTED_PROXY_HOPS
    if hops:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request):
    """A keyed hash of the visitor's address: the rate limit never stores the address itself."""
    return hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()[:32]


def over_rate_limit(request, scope="sign"):
    """Count this request against its client's allowance for the current period."""
    period = settings.SIGNATURE_RATE_LIMIT_PERIOD
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{client_key(request)}:{window}"
    try:
        attempts = cache.incr(key)
    except ValueError:  # the first request of this client in this period
        if cache.add(key, 1, period):
            return False
        attempts = cache.incr(key)
    return attempts > settings.SIGNATURE_RATE_LIMIT
