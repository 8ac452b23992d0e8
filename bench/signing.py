"""Benchmark: signatures of the Joint Call accepted per second under concurrency.

The production stack on this machine: gunicorn (sync workers) with the production settings,
PostgreSQL and Redis, a fresh database with the demo content. wrk posts the sign-the-call form
from many connections at once, each request with a new address. Afterwards the database must hold
exactly one signature per accepted request: none lost, none doubled.

All requests come from 127.0.0.1, so the per-client rate limit is lifted for the run.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def database_url(base, name):
    return base.rsplit("/", 1)[0] + "/" + name


def recreate_database(url):
    server, name = url.rsplit("/", 1)
    with psycopg.connect(server + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server did not answer at {url}")


def sign_form(url):
    """The form's address, as a browser finds it on the page."""
    html = urllib.request.urlopen(url).read().decode()
    return re.search(r'<form class="form[^"]*" method="post" action="([^"]+)"', html).group(1)


def parse_wrk(output):
    def number(pattern, default=0):
        match = re.search(pattern, output)
        return float(match.group(1)) if match else default

    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return None
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests": int(number(r"(\d+) requests in")),
        "seconds": number(r"requests in ([\d.]+)s"),
        "rejected": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "timeouts": int(errors.group(4)) if errors else 0,
        "p50_ms": latency("50"),
        "p99_ms": latency("99"),
    }


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if "model name" in line), "?")
    memory_kb = next(int(line.split()[1]) for line in meminfo if "MemTotal" in line)
    with psycopg.connect(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1/postgres")
                         .rsplit("/", 1)[0] + "/postgres") as connection:  # fmt: skip
        postgres = connection.execute("SHOW server_version").fetchone()[0]
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory_kb / 1024 / 1024:.0f} GiB, "
        f"PostgreSQL {postgres}, Python {sys.version.split()[0]}"
    )


def gunicorn_settings(args):
    """The workers and threads gunicorn ran with, as gunicorn.conf.py and the options set them."""
    config = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), config)  # noqa: S102 - our own settings file
    workers = args.workers or config["workers"]
    threads = config["threads"]
    for option in shlex.split(args.gunicorn_args):
        if option.startswith("--threads="):
            threads = int(option.split("=", 1)[1])
    return f"{workers} {config['worker_class']} workers × {threads} threads"


def write_docs(result):
    """Replace the signatures section of docs/performance.md with this run's figures."""
    path = ROOT / "docs" / "performance.md"
    start, end = "<!-- bench:signatures:start -->", "<!-- bench:signatures:end -->"
    block = "\n".join(
        [
            start,
            f"Measured {time.strftime('%Y-%m-%d')} on {machine()}: gunicorn with "
            f"{result['gunicorn']}, wrk with {result['connections']} connections "
            f"for {result['seconds']:.0f} s.",
            "",
            "| accepted/s | requests | refused | p50 | p99 | stored | lost | doubled |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            f"| **{result['accepted_per_second']}** | {result['requests']} | {result['rejected']} "
            f"| {result['p50_ms']:.0f} ms | {result['p99_ms']:.0f} ms | "
            f"{result['stored_signatures']} | {result['lost']} | {result['doubled']} |",
            end,
        ]
    )
    text = path.read_text()
    text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    path.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--workers", type=int, default=None, help="gunicorn workers (gunicorn.conf.py's default)"
    )
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument(
        "--gunicorn-args", default="", help='More gunicorn options, e.g. "--threads 2"'
    )
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--duration", type=int, default=20, help="seconds")
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument(
        "--database-url",
        default=database_url(
            os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x"),
            "cohesion_bench",
        ),
    )
    parser.add_argument("--output", type=Path, default=ROOT / "var" / "bench" / "signatures.json")
    parser.add_argument(
        "--write-docs", action="store_true", help="Put the figures into docs/performance.md."
    )
    args = parser.parse_args()

    base = f"http://127.0.0.1:{args.port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-secret-key",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": args.database_url,
        "CONN_MAX_AGE": "600",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "CACHE_KEY_PREFIX": "bench",
        "SIGNATURE_RATE_LIMIT": str(10**9),
        "WAGTAILADMIN_BASE_URL": base,
        "MEDIA_ROOT": str(ROOT / "var" / "bench" / "media"),
        "STATIC_ROOT": str(ROOT / "var" / "bench" / "static"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    print(f"Preparing a fresh database ({args.database_url}) with the demo content…")
    recreate_database(args.database_url)
    quiet = {"cwd": ROOT, "env": env, "check": True, "stdout": subprocess.DEVNULL}
    subprocess.run([PYTHON, "manage.py", "migrate", "--no-input"], **quiet)
    # The production settings serve static files by their hashed names, from a manifest.
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--no-input"], **quiet)
    subprocess.run([PYTHON, "manage.py", "load_demo"], **quiet)
    subprocess.run(["redis-cli", "-n", "15", "flushdb"], check=True, stdout=subprocess.DEVNULL)

    gunicorn = [PYTHON, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{args.port}",
                "--log-level", "warning", *shlex.split(args.gunicorn_args)]  # fmt: skip
    if args.workers:
        gunicorn += ["--workers", str(args.workers)]
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env)
    try:
        page = f"{base}/en/joint-call/"
        wait_for(page)
        action = sign_form(page)
        print(
            f"wrk: {args.connections} connections, {args.threads} threads, {args.duration} s, "
            f"against gunicorn (gunicorn.conf.py {args.gunicorn_args})…"
        )
        run_id = str(int(time.time()))
        wrk = subprocess.run(
            ["wrk", "-t", str(args.threads), "-c", str(args.connections),
             "-d", f"{args.duration}s", "--latency", "--timeout", "10s",
             "-s", str(ROOT / "bench" / "sign.lua"), base + action],
            env={**env, "ORIGIN": base, "RUN_ID": run_id},
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)

    result = parse_wrk(wrk.stdout)
    with psycopg.connect(args.database_url) as connection:
        rows, addresses, tasks = connection.execute(
            "SELECT count(*), count(DISTINCT email_normalised), "
            "(SELECT count(*) FROM django_tasks_database_dbtaskresult "
            " WHERE task_path = 'signatures.tasks.send_signature_email') FROM signatures_signature"
        ).fetchone()
    accepted = result["requests"] - result["rejected"]
    result.update(
        accepted=accepted,
        accepted_per_second=round(accepted / result["seconds"], 1),
        stored_signatures=rows,
        distinct_addresses=addresses,
        queued_emails=tasks,
        lost=max(accepted - rows, 0),
        doubled=rows - addresses,
        gunicorn=gunicorn_settings(args),
        connections=args.connections,
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    if args.write_docs:
        write_docs(result)
    if result["rejected"] or result["lost"] or result["doubled"] or rows < accepted:
        raise SystemExit("Signatures were refused, lost or doubled.")


if __name__ == "__main__":
    main()
