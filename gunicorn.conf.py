"""gunicorn's settings for this site (gunicorn reads this file from the working directory).

Threaded workers keep connections alive between requests, which a proxy in front (Varnish,
nginx) and the sign-the-call endpoint under load both profit from; see docs/performance.md."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
keepalive = 5
timeout = 30
# Recycle workers now and then, so that a slow leak cannot grow for ever.
max_requests = 5000
max_requests_jitter = 500
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# The app is loaded once, in the master, before the workers are forked: they share its code and
# what it built at start-up (copy-on-write), and Python's garbage collector is kept from
# touching (and so copying) those objects (gc.freeze). Each worker then holds only what its
# requests made (docs/performance.md: the memory of a worker).
preload_app = True


def when_ready(server):
    import gc

    gc.collect()
    gc.freeze()


def pre_fork(server, worker):
    """No worker may inherit a database connection of the master (none is opened at start-up;
    this makes sure)."""
    from django.db import connections

    connections.close_all()
