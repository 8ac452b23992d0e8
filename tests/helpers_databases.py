"""PostgreSQL template databases of the tests, each built once by `manage.py` and copied in a
second or two (CREATE DATABASE … TEMPLATE):

- the migrated database (`manage.py migrate`): every test session's database starts as a copy
  (``TEST["TEMPLATE"]``; Django's migrate then has nothing left to do, or applies only what
  is new), and so does production in tests/transfer/test_e2e.py;
- the demo (`manage.py load_demo` on a copy of the migrated one, every language, as `make run`
  loads it) with its media folder: the demo's tests (tests/cms/test_demo.py), the browser tests
  and staging in tests/transfer/test_e2e.py each work on a copy.

Each is named after the configured database and a fingerprint of what it is made from: the
migrations and settings for the first; for the demo, also every file of the project outside
``tests/`` (but tests/fakes.py, which the test settings name) and ``docs/``, and the installed
packages' versions. A template whose fingerprint is gone is dropped when its successor is built.
A PostgreSQL advisory lock (one per configured database) makes builders and copiers (xdist
workers, runs side by side) wait for one another. ``TEST_TEMPLATES_REBUILD=1`` builds them
again (once in a run).
"""

import contextlib
import hashlib
import importlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import psycopg.sql
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
# Not part of what the demo is made from.
OUTSIDE = {
    ".git", ".venv", "__pycache__", "var", "tests", "docs", "bench", "node_modules", "media",
    "static", "build", "test-artifacts", ".pytest_cache", ".ruff_cache",
}  # fmt: skip
MEDIA_CACHE = Path(os.environ.get("TEST_TEMPLATES_MEDIA", tempfile.gettempdir()))


def configured_url():
    """The database of the settings (cms/settings/test.py reads the same variable)."""
    return os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/cohesion_alliance")


def server_url(database="postgres"):
    """The address of ``database`` on the server of the configured database."""
    parts = urlsplit(configured_url())
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", "", ""))


def base_name():
    """The configured database's name (the test databases are named after it too)."""
    return urlsplit(configured_url()).path.lstrip("/")


@contextlib.contextmanager
def locked():
    """A connection to the server's ``postgres`` database, holding the lock of the templates
    named after the configured database."""
    key = f"cohesion-test-templates:{base_name()}"
    with psycopg.connect(server_url(), autocommit=True) as connection:
        connection.execute("SELECT pg_advisory_lock(hashtext(%s))", [key])
        try:
            yield connection
        finally:
            connection.execute("SELECT pg_advisory_unlock(hashtext(%s))", [key])


def exists(connection, name):
    return bool(
        connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    )


def drop(connection, name):
    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def copy(connection, template, name):
    """``name`` as a copy of ``template`` (what was there under that name is dropped)."""
    drop(connection, name)
    connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def digest(files, extra=()):
    """A fingerprint of ``files`` (name: path), whichever folder the checkout is in."""
    found = hashlib.sha256()
    for text in extra:
        found.update(text.encode())
    for name, path in sorted(files.items()):
        found.update(name.encode())
        found.update(Path(path).read_bytes())
    return found.hexdigest()[:10]


def migrations_fingerprint():
    """Every migration of every installed app, and the settings."""
    files = {
        f"{app.label}/{path.name}": path
        for app in apps.get_app_configs()
        for path in (Path(app.path) / "migrations").glob("*.py")
    }
    settings_module = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    for path in Path(settings_module.__file__).parent.glob("*.py"):
        files[f"settings/{path.name}"] = path
    return digest(files)


def project_files(folder=ROOT):
    for path in folder.iterdir():
        if path.is_dir():
            if path.name not in OUTSIDE and not path.name.endswith(".egg-info"):
                yield from project_files(path)
        elif path.is_file() and path.suffix != ".pyc":
            yield path


def demo_fingerprint():
    packages = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    files = [*project_files(), ROOT / "tests" / "fakes.py"]  # named by the test settings
    return digest(
        {str(path.relative_to(ROOT)): path for path in files},
        extra=[migrations_fingerprint(), *packages],
    )


def manage(database, *args, media_root=None):
    """`manage.py` with the test settings on ``database`` (of the configured server)."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": server_url(database),
        "TEST_MEDIA_ROOT": str(media_root or tempfile.mkdtemp(prefix="cohesion-test-media-")),
    }
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}: {result.stderr[-3000:]}"
    if media_root is None:
        shutil.rmtree(environment["TEST_MEDIA_ROOT"], ignore_errors=True)


def this_run():
    """What the processes of one test run share (pytest-xdist's run id), or this process."""
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"


def rebuild(connection, name):
    """Whether TEST_TEMPLATES_REBUILD=1 asks to build ``name`` again: once in a test run."""
    if os.environ.get("TEST_TEMPLATES_REBUILD") != "1":
        return False
    built_by = connection.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
        [name],
    ).fetchone()
    return not built_by or built_by[0] != this_run()


def built(connection, name):
    """``name`` as a copy of the one being built, marked with the run that built it."""
    copy(connection, f"{name}_building", name)
    drop(connection, f"{name}_building")
    connection.execute(f'COMMENT ON DATABASE "{name}" IS {psycopg.sql.quote(this_run())}')


def drop_other_versions(connection, prefix, keep):
    for (name,) in connection.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
        [prefix.replace("_", r"\_") + "%", keep],
    ).fetchall():
        drop(connection, name)


def ensure_migrated(connection):
    """The migrated template (built if missing); its name."""
    prefix = f"{base_name()}_migrated_"
    name = prefix + migrations_fingerprint()
    if rebuild(connection, name) or not exists(connection, name):
        drop(connection, f"{name}_building")
        connection.execute(f'CREATE DATABASE "{name}_building"')
        manage(f"{name}_building", "migrate", "--no-input", "-v0")
        drop_other_versions(connection, prefix, keep=f"{name}_building")
        built(connection, name)
    return name


def ensure_demo(connection):
    """The demo template and its media folder (built if missing); their names."""
    prefix = f"{base_name()}_demo_"
    name = prefix + demo_fingerprint()
    media = MEDIA_CACHE / f"{name}-media"
    if rebuild(connection, name) or not exists(connection, name) or not media.is_dir():
        migrated = ensure_migrated(connection)
        building = f"{name}_building"
        copy(connection, migrated, building)
        shutil.rmtree(media, ignore_errors=True)
        manage(building, "load_demo", media_root=media)
        drop_other_versions(connection, prefix, keep=building)
        for old in MEDIA_CACHE.glob(f"{prefix}*-media"):
            if old != media:
                shutil.rmtree(old, ignore_errors=True)
        built(connection, name)
    return name, media


def migrated_template():
    """The migrated template's name, for ``TEST["TEMPLATE"]``."""
    with locked() as connection:
        return ensure_migrated(connection)


def copy_of_migrated(database):
    """``database`` as a new copy of the migrated template."""
    with locked() as connection:
        copy(connection, ensure_migrated(connection), database)


def copy_of_demo(database, media_root):
    """``database`` as a new copy of the demo, its files copied into ``media_root``."""
    with locked() as connection:
        template, media = ensure_demo(connection)
        copy(connection, template, database)
    shutil.copytree(media, media_root, dirs_exist_ok=True)


def drop_database(database):
    with psycopg.connect(server_url(), autocommit=True) as connection:
        drop(connection, database)
