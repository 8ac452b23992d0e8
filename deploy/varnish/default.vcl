vcl 4.1;

# Varnish in front of one app server (gunicorn on 127.0.0.1:8000): `make serve`.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

include "cache.vcl";
