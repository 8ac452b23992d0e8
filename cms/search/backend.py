"""Site search on PostgreSQL full text, with each language's own stemming.

Wagtail's database backend keeps one text-search configuration for the whole index. Here each
page is indexed with the configuration of its own language (``"french"`` stems "régions" and
"région" alike), and a search is made with the configuration of the visitor's language. Languages
PostgreSQL has no stemmer for (Bulgarian, Czech, Estonian, Croatian, Latvian, Maltese, Polish,
Slovak, Slovenian) use ``"simple"``: whole words, case and accents as written.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}``; on SQLite
(``make run``) this is Wagtail's database backend, with the visitor's double quotes escaped.
"""

import functools
from collections import defaultdict
from copy import copy

from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from modelsearch.query import PlainText

# The text-search configurations PostgreSQL ships, by language code.
SEARCH_CONFIGS = {
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "nl": "dutch",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
}
DEFAULT_CONFIG = "simple"


def search_config(language_code):
    """The PostgreSQL text-search configuration of a language."""
    return SEARCH_CONFIGS.get((language_code or "").split("-")[0], DEFAULT_CONFIG)


def object_language(obj):
    """The language of an indexed object: its locale's, for translatable models."""
    locale = getattr(obj, "locale", None)
    return getattr(locale, "language_code", None)


def search_backend(language_code=None):
    """The search backend for a search in this language (the active one by default)."""
    from wagtail.search.backends import get_search_backend

    return get_search_backend(SEARCH_CONFIG=search_config(language_code or get_language()))


class LanguageIndex(PostgresIndex):
    """Indexes each object with the text-search configuration of its language."""

    def add_items(self, model, objs):
        groups = defaultdict(list)
        for obj in objs:
            groups[search_config(object_language(obj))].append(obj)
        backend = self.backend
        try:
            for config, group in groups.items():
                self.backend = copy(backend)
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend = backend


class LanguageSearchBackend(PostgresSearchBackend):
    """Searches with the configuration of ``SEARCH_CONFIG``, else of the active language."""

    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or search_config(get_language())


class FTS5QuotesMixin:
    """SQLite's full text (FTS5, ``make run``): the backend puts each word between double quotes
    but leaves the quotes a visitor typed as they are, so that ``"`` or ``a"b`` is a syntax error
    of the MATCH expression (a 500). Inside an FTS5 string a double quote is written twice."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText) and '"' in query.query_string:
            query = PlainText(
                query.query_string.replace('"', '""'), operator=query.operator, boost=query.boost
            )
        return super().build_search_query_content(query, config=config)


@functools.cache
def sqlite_backend_class():
    """The SQLite backend with the quotes escaped; its module can only be imported on SQLite."""
    from modelsearch.backends.database.sqlite import sqlite

    class QueryCompiler(FTS5QuotesMixin, sqlite.SQLiteSearchQueryCompiler):
        pass

    class AutocompleteQueryCompiler(FTS5QuotesMixin, sqlite.SQLiteAutocompleteQueryCompiler):
        pass

    class SQLiteQuotedSearchBackend(sqlite.SQLiteSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler

    return sqlite.SQLiteSearchBackend, SQLiteQuotedSearchBackend


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LanguageSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite":
        plain, quoted = sqlite_backend_class()
        if type(backend) is plain:
            return quoted(params)
    return backend
