"""Benchmark: how fast the public pages come back, rendered and through the HTTP cache.

1. Render time and queries per page type, with Django's test client in one process (production
   settings, Redis): median and p95 over many requests once the caches are warm.
2. wrk against the landing page, a story, an episode and a document page: gunicorn alone
   (every request rendered), Varnish in front (deploy/varnish/cache.vcl), and nginx serving a
   saved copy of the same HTML (the ceiling: a static file). Peak memory of each gunicorn worker.

Everything on 127.0.0.1, on a fresh database with the demo content.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
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
    server {{
        listen 127.0.0.1:{port};
        root {workdir}/site;
        location / {{ try_files $uri/index.html =404; }}
    }}
}}
"""

VARNISH_CONFIG = """vcl 4.1;
backend default {{ .host = "127.0.0.1"; .port = "{port}"; }}
include "cache.vcl";
"""


def start(command, env=None, **kwargs):
    return subprocess.Popen(command, cwd=ROOT, env=env, **kwargs)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def worker_peak_memory(master_pid):
    """Peak resident memory (VmHWM) of each gunicorn worker, in MiB."""
    children = subprocess.run(
        ["pgrep", "-P", str(master_pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    peaks = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        line = next(line for line in status.splitlines() if line.startswith("VmHWM"))
        peaks.append(int(line.split()[1]) / 1024)
    return peaks


def wrk(url, args):
    output = subprocess.run(
        ["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{args.duration}s",
         "--latency", "--timeout", "10s", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    result = parse_wrk(output)
    result["rps"] = round(result["requests"] / result["seconds"], 1)
    return result


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
        f"(gunicorn: {result['gunicorn']}):",
        "",
        "| page | gunicorn req/s | p50 / p99 | Varnish req/s | p50 / p99 | nginx (static copy) "
        "req/s | p50 / p99 | Varnish / nginx |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["http"]:
        g, v, n = row["gunicorn"], row["varnish"], row["nginx"]
        lines.append(
            f"| {row['page']} | {g['rps']} | {g['p50_ms']:.1f} / {g['p99_ms']:.1f} ms "
            f"| {v['rps']} | {v['p50_ms']:.2f} / {v['p99_ms']:.2f} ms "
            f"| {n['rps']} | {n['p50_ms']:.2f} / {n['p99_ms']:.2f} ms "
            f"| {v['rps'] / n['rps']:.0%} |"
        )
    peaks = ", ".join(f"{peak:.0f}" for peak in result["worker_peak_mib"])
    lines += [
        "",
        f"Peak resident memory per gunicorn worker after the runs: {peaks} MiB.",
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
        for path in pages.values():
            copy = workdir / "site" / path.strip("/") / "index.html"
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(urllib.request.urlopen(base + path).read())
        (workdir / "nginx.conf").write_text(NGINX_CONFIG.format(workdir=workdir, port=static_port))
        nginx = start(["nginx", "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"])
        wait_for(f"http://127.0.0.1:{static_port}/en/")
        http = []
        for name, path in pages.items():
            print(f"wrk: {name} ({path})…")
            row = {"page": f"{name} (`{path}`)"}
            row["gunicorn"] = wrk(base + path, args)
            row["varnish"] = wrk(f"http://127.0.0.1:{cache_port}{path}", args)
            row["nginx"] = wrk(f"http://127.0.0.1:{static_port}{path}", args)
            http.append(row)
        peaks = worker_peak_memory(gunicorn.pid)
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
        "gunicorn": (
            f"{config['workers']} {config['worker_class']} workers × {config['threads']} threads"
        ),
        "worker_peak_mib": peaks,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    if args.write_docs:
        write_docs(result)


if __name__ == "__main__":
    main()
