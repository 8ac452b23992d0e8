"""Real servers on 127.0.0.1 for the tests of the production stack: Varnish, gunicorn, the
task worker. Each runs as a subprocess and is stopped when its context ends."""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

PROJECT = Path(__file__).resolve().parent.parent
VARNISH_CONFIG = PROJECT / "deploy" / "varnish"
# The Python that runs the tests (the project's .venv under `make test`).
PYTHON = Path(sys.executable)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, process, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} stopped: {process.stdout.read()}")
        try:
            requests.get(url, timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise TimeoutError(f"No answer from {url}")


@contextlib.contextmanager
def running(command, ready_url=None, env=None):
    process = subprocess.Popen(
        command,
        cwd=PROJECT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        if ready_url:
            wait_for(ready_url, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@contextlib.contextmanager
def varnish(backends):
    """Varnish with the site's rules (deploy/varnish/cache.vcl) in front of ``backends``
    (ports on 127.0.0.1); yields its address."""
    if not shutil.which("varnishd"):
        raise RuntimeError("varnishd is missing: `make test` installs it (apt-get install varnish)")
    port = free_port()
    workdir = tempfile.mkdtemp(prefix="varnish-test-")
    names = [f"app{number}" for number in range(1, len(backends) + 1)]
    vcl = ["vcl 4.1;", "import directors;"]
    vcl += [
        f'backend {name} {{ .host = "127.0.0.1"; .port = "{backend}"; }}'
        for name, backend in zip(names, backends, strict=True)
    ]
    vcl.append("sub vcl_init { new app_servers = directors.round_robin();")
    vcl += [f"    app_servers.add_backend({name});" for name in names]
    vcl.append("}")
    vcl.append("sub vcl_recv { set req.backend_hint = app_servers.backend(); }")
    vcl.append('include "cache.vcl";')
    vcl_file = Path(workdir) / "test.vcl"
    vcl_file.write_text("\n".join(vcl) + "\n")
    command = [
        shutil.which("varnishd"),
        "-F",
        "-j", "none",
        "-n", workdir,
        "-a", f"127.0.0.1:{port}",
        "-T", "none",
        "-f", str(vcl_file),
        "-I", str(VARNISH_CONFIG / "startup.cli"),
        "-p", f"vcl_path={VARNISH_CONFIG}:/usr/share/varnish/vcl",
        "-s", "malloc,32m",
    ]  # fmt: skip
    address = f"http://127.0.0.1:{port}"
    try:
        with running(command, ready_url=address + "/healthz"):
            yield address
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
