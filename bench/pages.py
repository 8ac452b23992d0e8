"""Benchmark: how fast the public pages come back, rendered and through the HTTP cache.

1. Render time and queries per page type, with Django's test client in one process (production
   settings, Redis): median and p95 over many requests once the caches are warm.
2. wrk against the landing page, a story, an episode and a document page: gunicorn alone
   (every request rendered), Varnish in front (deploy/varnish/cache.vcl), and nginx serving a
   saved copy of the same HTML with the app's headers (the ceiling: a static file, and its
   gzip copy for clients that accept gzip), each without and with ``Accept-Encoding: gzip``,
   Varnish and nginx in turns. The memory of each gunicorn worker.
3. The first request after a publication: a story published, the task worker run once (the
   purge, then the warming), then the story and its index through Varnish: hit or miss, and
   how long they took.

It ends with one line per goal (docs/performance.md): met or missed, with the figure.

Everything on 127.0.0.1, on a fresh database with the demo content.
"""

import argparse
import gzip as gzip_module
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from signing import (
    PYTHON,
    ROOT,
    database_url,
    machine,
    parse_wrk,
    recreate_database,
    wait_for,
)

RENDER_PROBE = r"""
import json, statistics, sys, time
import django
django.setup()
from django.db import connection
from django.test import Client
from wagtail.models import Page

TYPES = [
    "home.AlliancePage", "home.JointCallPage", "home.StoryIndexPage", "home.StoryPage",
    "home.ContentPage", "media_library.VideoIndexPage", "media_library.VideoPage",
    "podcasts.PodcastIndexPage", "podcasts.PodcastShowPage", "podcasts.EpisodePage",
    "documents.DocumentIndexPage", "documents.DocumentPage",
]
rounds = int(sys.argv[1])
client = Client()
results = []
for label in TYPES:
    app, model = label.split(".")
    for language in ("en", "lv"):
        page = (
            Page.objects.live().filter(
                content_type__app_label=app, content_type__model=model.lower(),
                locale__language_code=language,
            ).order_by("path").first()
        )
        if page is None:
            continue
        url = page.url
        for _ in range(5):
            assert client.get(url, secure=True).status_code == 200, url
        queries = []

        def count(execute, sql, *args):
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(count):
            client.get(url, secure=True)
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            client.get(url, secure=True)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        results.append({
            "type": model, "language": language, "url": url, "queries": len(queries),
            "median_ms": statistics.median(times),
            "p95_ms": times[max(int(len(times) * 0.95) - 1, 0)],
        })
print(json.dumps(results))
"""

NGINX_CONFIG = """
worker_processes 2;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    keepalive_requests 100000;
    types {{ text/html html; }}
    gzip_static on;
    server {{
        listen 127.0.0.1:{port};
        root {workdir}/site;
        location / {{ try_files $uri/index.html =404; }}
{locations}
    }}
}}
"""

# The goals of the issue "Fast even when the cache misses" (docs/performance.md).
GOALS = {
    "render_ms": 10,
    "queries": 8,
    "gunicorn_rps": 150,
    "varnish_share": 0.9,
    "worker_mib": 160,
}

WARM_PROBE = r"""
import django
django.setup()
from wagtail.models import Page
story = Page.objects.live().filter(
    content_type__model="storypage", locale__language_code="en"
).order_by("path").first().specific
story.save_revision().publish()
print(story.get_full_url(), story.get_parent().get_full_url())
"""

VARNISH_CONFIG = """vcl 4.1;
backend default {{ .host = "127.0.0.1"; .port = "{port}"; }}
include "cache.vcl";
"""


# What nginx says of a file itself (or of the connection), and so does not repeat from the app.
OWN_HEADERS = {"server", "date", "content-type", "content-length", "connection", "content-encoding"}


def nginx_string(value):
    """``value`` as a double-quoted string of nginx's configuration."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def static_location(path, headers):
    """nginx's block for the saved copy of ``path``: the file, with the headers the app sent
    with it (security headers, cache policy, Vary), so that nginx sends the same bytes as
    Varnish does, not the body alone."""
    added = "".join(
        f"add_header {name} {nginx_string(value)} always; "
        for name, value in headers.items()
        if name.lower() not in OWN_HEADERS
    )
    return f"        location = {path} {{ try_files $uri/index.html =404; {added}}}"


def start(command, env=None, **kwargs):
    return subprocess.Popen(command, cwd=ROOT, env=env, **kwargs)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def worker_memory(master_pid):
    """Of each gunicorn worker, in MiB: its peak resident memory (VmHWM: what it shares with
    the master and the other workers counted in full), its proportional share (PSS: what it
    shares divided among the processes sharing it) and its unique memory (USS: what stopping it
    would give back)."""
    children = subprocess.run(
        ["pgrep", "-P", str(master_pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    workers = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmHWM"))
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()

        def field(name, rollup=rollup):
            return sum(int(row.split()[1]) for row in rollup if row.startswith(name + ":"))

        workers.append(
            {
                "peak": int(line.split()[1]) / 1024,
                "pss": field("Pss") / 1024,
                "uss": (field("Private_Clean") + field("Private_Dirty")) / 1024,
            }
        )
    return workers


def wrk(url, args, gzip=False, duration=None):
    headers = ["-H", "Accept-Encoding: gzip"] if gzip else []
    output = subprocess.run(
        ["wrk", "-t", str(args.threads), "-c", str(args.connections),
         "-d", f"{duration or args.duration}s", "--latency", "--timeout", "10s", *headers, url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    result = parse_wrk(output)
    result["rps"] = round(result["requests"] / result["seconds"], 1)
    return result


def cache_against_ceiling(cache_url, static_url, args, gzip):
    """Varnish and nginx on the same page, in turns (``args.repeats`` runs each, of
    ``args.pair_duration`` seconds): the run with the median rate of each. Two cores serve both
    and wrk, so a single run of either can be a fifth off, either way."""
    runs = {"varnish": [], "nginx": []}
    for _ in range(args.repeats):
        runs["varnish"].append(wrk(cache_url, args, gzip, args.pair_duration))
        runs["nginx"].append(wrk(static_url, args, gzip, args.pair_duration))
    return {
        name: sorted(results, key=lambda result: result["rps"])[len(results) // 2]
        for name, results in runs.items()
    }


def after_publication(env, cache_url):
    """Publish a story, let the task worker purge and warm once, then ask Varnish for the story
    and its index as the next visitor would (under the site's own host name, which Varnish
    keeps its copies by): ``[{url, cache, ms}]``."""
    quiet = {"cwd": ROOT, "env": env, "check": True, "capture_output": True, "text": True}
    story, index = subprocess.run([PYTHON, "-c", WARM_PROBE], **quiet).stdout.split()
    time.sleep(3)  # the warming waits a little after the publication (cms.caching.warming)
    subprocess.run(
        [PYTHON, "manage.py", "db_worker", "--batch", "--interval", "0", "--no-startup-delay"],
        **quiet,
    )
    visits = []
    for url in (story, index):
        parts = urllib.parse.urlsplit(url)
        path = parts.path
        request = urllib.request.Request(cache_url + path, headers={"Host": parts.netloc})
        start = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
            cache = response.headers.get("X-Cache")
        visits.append({"url": path, "cache": cache, "ms": (time.perf_counter() - start) * 1000})
    return visits


def goals(result):
    """One line per goal: met or missed, with the figure."""

    def line(met, text):
        return f"- {'met' if met else 'MISSED'}: {text}"

    slowest = max(result["render"], key=lambda row: row["median_ms"])
    most = max(result["render"], key=lambda row: row["queries"])
    landing = result["http"][0]["gunicorn"]["rps"]
    shares = [
        (row["page"].split()[0], gzip, row["varnish" + gzip]["rps"] / row["nginx" + gzip]["rps"])
        for row in result["http"]
        for gzip in ("", "_gzip")
    ]
    lowest = min(shares, key=lambda share: share[2])
    heaviest = max(worker["peak"] for worker in result["worker_memory_mib"])
    misses = [visit["url"] for visit in result["after_publication"] if visit["cache"] != "HIT"]
    return [
        line(
            slowest["median_ms"] <= GOALS["render_ms"],
            f"median render ≤ {GOALS['render_ms']} ms for every page type: the slowest is "
            f"{slowest['type']} {slowest['language']}, {slowest['median_ms']:.1f} ms",
        ),
        line(
            most["queries"] <= GOALS["queries"],
            f"≤ {GOALS['queries']} queries per page: the most is {most['queries']} "
            f"({most['type']} {most['language']})",
        ),
        line(
            landing >= GOALS["gunicorn_rps"],
            f"gunicorn alone ≥ {GOALS['gunicorn_rps']} req/s on the landing page: {landing}",
        ),
        line(
            lowest[2] >= GOALS["varnish_share"],
            f"Varnish ≥ {GOALS['varnish_share']:.0%} of nginx on every page measured: the lowest "
            f"is {lowest[0]}{' with gzip' if lowest[1] else ''}, {lowest[2]:.0%}",
        ),
        line(
            not misses,
            "the first request after publishing is a hit, for the page and its index: "
            + (f"missed for {', '.join(misses)}" if misses else "both hits"),
        ),
        line(
            heaviest <= GOALS["worker_mib"],
            f"peak memory per worker ≤ {GOALS['worker_mib']} MiB: {heaviest:.0f} MiB",
        ),
    ]


def write_docs(result):
    path = ROOT / "docs" / "performance.md"
    start_mark, end_mark = "<!-- bench:pages:start -->", "<!-- bench:pages:end -->"
    lines = [
        start_mark,
        f"Measured {time.strftime('%Y-%m-%d')} on {result['machine']}.",
        "",
        f"Render time with the test client (warm caches, {result['rounds']} requests each; "
        "production settings, Redis):",
        "",
        "| page type | language | queries | median | p95 |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for row in result["render"]:
        lines.append(
            f"| {row['type']} | {row['language']} | {row['queries']} | "
            f"{row['median_ms']:.1f} ms | {row['p95_ms']:.1f} ms |"
        )
    lines += [
        "",
        f"wrk, {result['connections']} connections for {result['duration']} s per run "
        f"(gunicorn: {result['gunicorn']}); Varnish and nginx in turns, {result['repeats']} "
        f"runs of {result['pair_duration']} s each, the median run of each:",
        "",
        "| page | gunicorn req/s | p50 / p99 | Accept-Encoding | Varnish req/s | p50 / p99 "
        "| nginx (static copy) req/s | p50 / p99 | Varnish / nginx |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["http"]:
        g = row["gunicorn"]
        for gzip in ("", "_gzip"):
            v, n = row["varnish" + gzip], row["nginx" + gzip]
            rendered = (
                f"{g['rps']} | {g['p50_ms']:.1f} / {g['p99_ms']:.1f} ms" if not gzip else "| "
            )
            lines.append(
                f"| {row['page'] if not gzip else ''} | {rendered} "
                f"| {'gzip' if gzip else 'none'} "
                f"| {v['rps']} | {v['p50_ms']:.2f} / {v['p99_ms']:.2f} ms "
                f"| {n['rps']} | {n['p50_ms']:.2f} / {n['p99_ms']:.2f} ms "
                f"| {v['rps'] / n['rps']:.0%} |"
            )
    memory = result["worker_memory_mib"]

    def listed(name):
        return ", ".join(f"{worker[name]:.0f}" for worker in memory)

    visits = ", ".join(
        f"`{visit['url']}` {visit['cache']} in {visit['ms']:.1f} ms"
        for visit in result["after_publication"]
    )
    lines += [
        "",
        f"Memory of each gunicorn worker after the runs: peak resident {listed('peak')} MiB, "
        f"proportional share {listed('pss')} MiB, its own {listed('uss')} MiB.",
        "",
        f"After a story is published and the worker has run once, through Varnish: {visits}.",
        "",
        "Goals:",
        "",
        *result["goals"],
        end_mark,
    ]
    text = path.read_text()
    if start_mark in text:
        text = (
            text[: text.index(start_mark)]
            + "\n".join(lines)
            + text[text.index(end_mark) + len(end_mark) :]
        )
    else:
        text = text.rstrip() + "\n\n" + "\n".join(lines) + "\n"
    path.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="test-client requests per page")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs of Varnish and of nginx, in turns, per page"
    )
    parser.add_argument("--pair-duration", type=int, default=5, help="seconds per such run")
    parser.add_argument(
        "--database-url",
        default=database_url(
            os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x"),
            "cohesion_bench_pages",
        ),
    )
    parser.add_argument("--output", type=Path, default=ROOT / "var" / "bench" / "pages.json")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()

    app_port, cache_port, static_port = 8097, 8096, 8095
    base = f"http://127.0.0.1:{app_port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-secret-key",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": "redis://127.0.0.1:6379/14",
        "WAGTAILADMIN_BASE_URL": base,
        "MEDIA_ROOT": str(ROOT / "var" / "bench" / "media"),
        "STATIC_ROOT": str(ROOT / "var" / "bench" / "static"),
        "FRONTEND_CACHE_URLS": f"http://127.0.0.1:{cache_port}",
    }
    print(f"Preparing a fresh database ({args.database_url}) with the demo content…")
    recreate_database(args.database_url)
    quiet = {"cwd": ROOT, "env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([PYTHON, "manage.py", "migrate", "--no-input"], **quiet)
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--no-input"], **quiet)
    subprocess.run([PYTHON, "manage.py", "load_demo"], **quiet)
    subprocess.run(["redis-cli", "-n", "14", "flushdb"], check=True, stdout=subprocess.DEVNULL)

    print("Render times with the test client…")
    probe = subprocess.run(
        [PYTHON, "-c", RENDER_PROBE, str(args.rounds)],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    render = json.loads(probe.stdout)

    workdir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    workdir.chmod(0o755)  # nginx's workers run as another user
    gunicorn = start(
        [PYTHON, "-m", "gunicorn", "cms.wsgi", "-c", "gunicorn.conf.py", "--log-level", "warning"],
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{app_port}"},
    )
    (workdir / "bench.vcl").write_text(VARNISH_CONFIG.format(port=app_port))
    varnish = start(
        ["varnishd", "-F", "-j", "none", "-n", str(workdir / "varnish"), "-T", "none",
         "-a", f"127.0.0.1:{cache_port}", "-s", "malloc,128m", "-f", str(workdir / "bench.vcl"),
         "-I", str(ROOT / "deploy" / "varnish" / "startup.cli"),
         "-p", f"vcl_path={ROOT / 'deploy' / 'varnish'}:/usr/share/varnish/vcl"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    nginx = None
    try:
        wait_for(base + "/healthz", seconds=60)
        wait_for(f"http://127.0.0.1:{cache_port}/healthz", seconds=60)
        pages = {
            "landing": "/en/",
            "story": next(r["url"] for r in render if r["type"] == "StoryPage"),
            "episode": next(r["url"] for r in render if r["type"] == "EpisodePage"),
            "document": next(r["url"] for r in render if r["type"] == "DocumentPage"),
        }
        locations = []
        for path in pages.values():
            copy = workdir / "site" / path.strip("/") / "index.html"
            copy.parent.mkdir(parents=True, exist_ok=True)
            with urllib.request.urlopen(base + path) as response:
                html = response.read()
                locations.append(static_location(path, response.headers))
            copy.write_bytes(html)
            copy.with_name("index.html.gz").write_bytes(gzip_module.compress(html, 6))
        (workdir / "nginx.conf").write_text(
            NGINX_CONFIG.format(workdir=workdir, port=static_port, locations="\n".join(locations))
        )
        nginx = start(["nginx", "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"])
        wait_for(f"http://127.0.0.1:{static_port}/en/")
        http = []
        for name, path in pages.items():
            print(f"wrk: {name} ({path})…")
            row = {"page": f"{name} (`{path}`)"}
            row["gunicorn"] = wrk(base + path, args)
            for gzip in (False, True):
                suffix = "_gzip" if gzip else ""
                median = cache_against_ceiling(
                    f"http://127.0.0.1:{cache_port}{path}",
                    f"http://127.0.0.1:{static_port}{path}",
                    args,
                    gzip,
                )
                row["varnish" + suffix], row["nginx" + suffix] = median["varnish"], median["nginx"]
            http.append(row)
        memory = worker_memory(gunicorn.pid)
        warm = after_publication(env, f"http://127.0.0.1:{cache_port}")
    finally:
        for process in (nginx, varnish, gunicorn):
            if process:
                stop(process)

    config = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), config)  # noqa: S102 - our own settings file
    result = {
        "machine": machine(),
        "rounds": args.rounds,
        "render": render,
        "http": http,
        "connections": args.connections,
        "duration": args.duration,
        "repeats": args.repeats,
        "pair_duration": args.pair_duration,
        "gunicorn": (
            f"{config['workers']} {config['worker_class']} workers × {config['threads']} threads"
        ),
        "worker_memory_mib": memory,
        "after_publication": warm,
    }
    result["goals"] = goals(result)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    print("\n".join(result["goals"]))
    if args.write_docs:
        write_docs(result)


if __name__ == "__main__":
    main()
