"""Requests to the handler `manage.py runserver` serves, under the settings of `make run`
(``cms.settings.dev``, SQLite): run by tests/cms/test_dev_server.py in a subprocess, as
``manage.py shell -c``, with DATABASE_URL pointing at an empty SQLite file.

The tables are made from the models (the migrations of Wagtail and the site take a minute on
SQLite), and the full-text table of the search index as its migration makes it. Reads a JSON
list of addresses on stdin; prints the status and body of each as JSON on its last line.
"""

import importlib
import io
import json
import sys
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.management import call_command, get_commands, load_command_class
from django.db import connection
from django.db.migrations.operations import RunSQL, SeparateDatabaseAndState

assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
settings.MIGRATION_MODULES = {config.label: None for config in apps.get_app_configs()}
call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)


def sql_of(operations):
    for operation in operations:
        if isinstance(operation, RunSQL):
            yield operation.sql
        elif isinstance(operation, SeparateDatabaseAndState):
            yield from sql_of(operation.database_operations)


# The full-text table, a virtual table of SQLite's FTS5, as Wagtail's migration makes it.
fts = importlib.import_module("wagtail.search.migrations.0006_customise_indexentry")
with connection.cursor() as cursor:
    cursor.execute("DROP TABLE wagtailsearch_indexentry_fts")
    for sql in sql_of(fts.Migration.operations):
        cursor.execute(sql)

from wagtail.models import Locale, Page, Site  # noqa: E402

english = Locale.objects.create(language_code="en")
root = Page.add_root(instance=Page(title="Root", slug="root", locale=english))
home = root.add_child(instance=Page(title="Cohesion policy for every region", slug="en"))
Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, is_default_site=True)
call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())

# The handler runserver builds with its default options (the static files handler, or not).
command = load_command_class(get_commands()["runserver"], "runserver")
options = vars(command.create_parser("manage.py", "runserver").parse_args([]))
handler = command.get_handler(**options)


def status(url):
    """Send ``url`` as runserver passes a request on: the path as the client wrote it."""
    parts = urlsplit(url)
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": parts.path,
        "QUERY_STRING": parts.query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = int(status.split()[0])

    try:
        body = b"".join(handler(environ, start_response))
    except Exception as error:  # what runserver's server answers with a 500
        return {"status": 500, "body": repr(error)}
    answer["body"] = body.decode("utf-8", "replace")
    return answer


urls = json.loads(sys.stdin.read())
print(json.dumps({url: status(url) for url in urls}))
