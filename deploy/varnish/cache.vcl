# The caching rules of the site, included by default.vcl (one app server) and scale-out.vcl
# (several). The application decides what may be shared: it sends
# "Cache-Control: public, s-maxage=…" only for anonymous answers without cookies
# (cms.caching.middleware.SharedCacheHeadersMiddleware); these rules keep credentials away from
# the cache and let the site purge what a publication changes (cms.caching.frontend).

import std;

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Every cached variant of the address, whatever its query string.
        ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The cache warmer (cms.caching.warming) asks for a fresh copy, from the purgers' addresses.
    if (req.http.X-Cache-Warm) {
        if (client.ip ~ purgers) {
            set req.hash_always_miss = true;
        }
        unset req.http.X-Cache-Warm;
    }
    # Personal or per-visitor: the admin, the language redirect, the email links, wagtail-transfer.
    if (req.url ~ "^/(admin|django-admin|wagtail-transfer|language)(/|$)"
        || req.url == "/"
        || req.url ~ "/(confirm|withdraw|my-data)/") {
        return (pass);
    }
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anything else is the same for every visitor: cookies (csrftoken, analytics) play no part.
    unset req.http.Cookie;
    # Two copies of a page: compressed for the clients that accept gzip (every browser), plain
    # for the others; each is sent as it is kept, with no compressing or unzipping per request.
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.X-Variant = "gzip";
    } else {
        set req.http.X-Variant = "plain";
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    }
    hash_data(req.http.X-Variant);
    return (lookup);
}

sub vcl_backend_response {
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    # Keep serving a stale copy for a while if the app servers are down or slow.
    set beresp.grace = 6h;
    if (bereq.http.X-Variant == "gzip" && beresp.http.Content-Type ~ "^(text/|application/(json|xml|rss\+xml|javascript))") {
        set beresp.do_gzip = true;
    }
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "private|no-store") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
