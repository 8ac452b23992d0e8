vcl 4.1;

# Varnish in front of several app servers sharing PostgreSQL and Redis (docs/deployment.md).
# Add one backend per app server and list it in vcl_init.
import directors;

backend app1 {
    .host = "127.0.0.1";
    .port = "8001";
    .probe = { .url = "/healthz"; .interval = 5s; .timeout = 2s; .window = 5; .threshold = 3; .initial = 3; }
}

backend app2 {
    .host = "127.0.0.1";
    .port = "8002";
    .probe = { .url = "/healthz"; .interval = 5s; .timeout = 2s; .window = 5; .threshold = 3; .initial = 3; }
}

sub vcl_init {
    new app_servers = directors.round_robin();
    app_servers.add_backend(app1);
    app_servers.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = app_servers.backend();
}

include "cache.vcl";
