"""The demo content files (demo/content/*.toml), read and checked.

Every text the site shows is a table with one key per language, ``title.en = "…"`` and
``title.lv = "…"``; names, addresses and file names are plain strings; dates are TOML dates. The
title, address and introduction of each section page (the Joint Call, the stories, the media
library…: what the menu, the footer and the section's header show) are in every language of the
site, as a Committee rolling out its languages translates them first: ``title.de``, ``title.fr``…
A file that lacks a language, has a key the loader does not know or misses one it needs is
refused, with the file and the key named.
"""

import datetime
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from cms.numbers import whole_number

CONTENT_DIR = Path(__file__).resolve().parent / "content"
LANGUAGES = {"en": "English", "lv": "Latvian"}


@dataclass(frozen=True)
class T:
    """A text in English and in Latvian, and for a section page's chrome in the site's other
    languages too (``others``: (language code, text) pairs)."""

    en: str
    lv: str
    others: tuple = ()

    def languages(self):
        """The text in each language it has, by language code."""
        return {"en": self.en, "lv": self.lv, **dict(self.others)}


class ContentFileError(CommandError):
    """A demo content file the loader cannot use."""


class Text:
    """A text in English and Latvian, or (``every_language``) in every language of the site."""

    def __init__(self, every_language=False):
        self.every_language = every_language

    @property
    def languages(self):
        if self.every_language:
            return {code: LANGUAGES.get(code, name) for code, name in settings.LANGUAGES}
        return LANGUAGES


@dataclass(frozen=True)
class Optional:
    spec: object
    default: object = None


@dataclass(frozen=True)
class Keyed:
    """A table whose keys are names the content chooses (a series' key, say)."""

    spec: object


TEXT = Text()
# What the menu, the footer and the header of a section page show, in every language.
SECTION_TEXT = Text(every_language=True)
INDEX_PAGE = {"title": SECTION_TEXT, "slug": SECTION_TEXT, "introduction": SECTION_TEXT}
CONTENT_PAGE = {
    "title": SECTION_TEXT,
    "slug": SECTION_TEXT,
    "introduction": SECTION_TEXT,
    "body": [{"heading": Optional(TEXT), "text": TEXT}],
}

# One file per section of the site, each with the keys the loader reads.
SCHEMA = {
    "site": {
        "site_name": str,
        "contact_email": str,
        "accessibility_email": str,
        "postal_address": str,
        "social_links": [{"platform": str, "url": str}],
    },
    "alliance": {
        "title": TEXT,
        "slug": TEXT,
        "seo_title": TEXT,
        "search_description": TEXT,
        "hero_image": str,
        "story_heading": TEXT,
        "call_heading": TEXT,
        "stories_heading": TEXT,
        "toolkit_heading": TEXT,
        "toolkit_text": TEXT,
        "toolkit_link": TEXT,
        "videos_heading": TEXT,
        "podcasts_heading": TEXT,
        "documents_heading": TEXT,
        "more_link": TEXT,
        "latest": {
            "stories": int,
            "videos": int,
            "featured_video": str,
            "podcasts": int,
            "featured_episode": str,
            "documents": int,
        },
        "introduction": [TEXT],
        "story": [TEXT],
    },
    "joint_call": {
        "title": SECTION_TEXT,
        "slug": SECTION_TEXT,
        "search_description": SECTION_TEXT,
        "subtitle": SECTION_TEXT,
        "introduction": SECTION_TEXT,
        "principles_heading": TEXT,
        "principles_introduction": TEXT,
        "full_text_heading": TEXT,
        "full_text": TEXT,
        "full_text_link": TEXT,
        "baseline": int,
        "personal_data_kept_until": datetime.date,
        "principles": [TEXT],
    },
    "stories": {
        "index": INDEX_PAGE,
        "stories": [
            {
                "title": TEXT,
                "slug": TEXT,
                "date": datetime.date,
                "region": TEXT,
                "country": str,
                "summary": TEXT,
                "body": [str],
            }
        ],
    },
    "toolkit": {
        "title": SECTION_TEXT,
        "slug": SECTION_TEXT,
        "introduction": SECTION_TEXT,
        "logos_heading": TEXT,
        "licence": TEXT,
        "files_heading": TEXT,
        "guidelines_title": str,
        "guidelines_description": TEXT,
        "logos": [{"title": str, "width": int, "on_blue": bool, "alt": TEXT}],
    },
    "videos": {
        "index": INDEX_PAGE,
        "clip": {"file": str, "title": str},
        "series": Keyed(TEXT),
        "videos": [
            {
                "title": TEXT,
                "series": str,
                "date": datetime.date,
                "description": TEXT,
                "file": Optional(str),
                "captions": Optional(TEXT),
            }
        ],
    },
    "podcasts": {
        "index": INDEX_PAGE,
        "closing": str,
        "owner": {"name": str, "email": str, "copyright": TEXT},
        "shows": [{"key": str, "category": str, "title": TEXT, "slug": TEXT, "introduction": TEXT}],
        "episodes": [
            {
                "show": str,
                "number": int,
                "title": TEXT,
                "date": datetime.date,
                "summary": TEXT,
                "guests": Optional([{"name": str, "role": TEXT}], default=[]),
                "chapters": Optional([{"start": str, "title": TEXT}], default=[]),
            }
        ],
    },
    "documents": {
        "index": INDEX_PAGE,
        "documents": [
            {
                "title": TEXT,
                "slug": TEXT,
                "date": datetime.date,
                "summary": TEXT,
                "versions": [{"language": str, "title": Optional(str, default="")}],
            }
        ],
    },
    "language_policy": CONTENT_PAGE,
    "privacy": CONTENT_PAGE,
    "contact": CONTENT_PAGE,
    "accessibility": CONTENT_PAGE,
}

# A page's address in its parent's: what every language's slug is, transliterated by the author.
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
TYPE_NAMES = {str: "a string", int: "a whole number", bool: "true or false"}


def read_content(directory=CONTENT_DIR):
    """Every section of the demo, checked: {"alliance": {...}, "stories": {...}, …}, with texts
    as ``T``."""
    directory = Path(directory)
    unknown = sorted(path.name for path in directory.glob("*.toml") if path.stem not in SCHEMA)
    if unknown:
        raise ContentFileError(
            f"{directory}: unknown content file(s) {', '.join(unknown)} "
            f"(known: {', '.join(f'{name}.toml' for name in SCHEMA)})"
        )
    content = {name: read_file(directory / f"{name}.toml", spec) for name, spec in SCHEMA.items()}
    check_references(content, directory)
    return content


def read_file(path, spec):
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except FileNotFoundError:
        raise ContentFileError(f"{path}: missing") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentFileError(f"{path}: not valid TOML: {error}") from None
    return check(data, spec, path, "")


def check(value, spec, path, where):
    def refuse(problem):
        raise ContentFileError(f"{path}, {where or 'top level'}: {problem}")

    if isinstance(spec, Text):
        languages = spec.languages
        if not isinstance(value, dict):
            refuse(f"expected a text in each language ({', '.join(languages)}), found {value!r}")
        for code, name in languages.items():
            if code not in value:
                refuse(f"no {name} text (key {where}.{code})")
            if not isinstance(value[code], str):
                refuse(f"the {name} text is not a string: {value[code]!r}")
        if extra := sorted(value.keys() - languages.keys()):
            refuse(
                f"unknown language key(s) {', '.join(extra)} (the demo has {', '.join(languages)})"
            )
        if where.rpartition(".")[2] == "slug":
            for code in languages:
                if not SLUG.fullmatch(value[code]):
                    refuse(
                        f"the address {value[code]!r} (key {where}.{code}) is not lowercase "
                        f"ASCII letters and digits joined by hyphens"
                    )
        others = tuple((code, value[code]) for code in languages if code not in LANGUAGES)
        return T(value["en"], value["lv"], others)
    if isinstance(spec, list):
        if not isinstance(value, list):
            refuse(f"expected a list, found {value!r}")
        return [check(item, spec[0], path, f"{where}[{n}]") for n, item in enumerate(value)]
    if isinstance(spec, Keyed):
        if not isinstance(value, dict):
            refuse(f"expected a table, found {value!r}")
        return {key: check(item, spec.spec, path, f"{where}.{key}") for key, item in value.items()}
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            refuse(f"expected a table, found {value!r}")
        if unknown := [key for key in value if key not in spec]:
            refuse(f"unknown key(s) {', '.join(unknown)} (known: {', '.join(spec)})")
        checked = {}
        for key, item_spec in spec.items():
            inner = f"{where}.{key}" if where else key
            if isinstance(item_spec, Optional):
                checked[key] = (
                    check(value[key], item_spec.spec, path, inner)
                    if key in value
                    else item_spec.default
                )
            elif key in value:
                checked[key] = check(value[key], item_spec, path, inner)
            else:
                refuse(f"missing key {inner}")
        return checked
    if spec is datetime.date:
        # A TOML date; a date with a time is a datetime, which is a date too.
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            refuse(f"expected a date (2024-03-18), found {value!r}")
        return value
    # int, str, bool: True is an int to Python, not a number to the content.
    if not isinstance(value, spec) or (spec is int and isinstance(value, bool)):
        refuse(f"expected {TYPE_NAMES[spec]}, found {value!r}")
    return value


def check_references(content, directory):
    """What one entry names of another (a story's paragraphs, a video's series, an episode's
    show) exists."""
    alliance = content["alliance"]
    for n, story in enumerate(content["stories"]["stories"]):
        for m, reference in enumerate(story["body"]):
            field, _, position = reference.partition(":")
            paragraphs = alliance.get(field)
            if not (
                isinstance(paragraphs, list)
                and (index := whole_number(position)) is not None
                and index < len(paragraphs)
            ):
                raise ContentFileError(
                    f"{directory / 'stories.toml'}, stories[{n}].body[{m}]: {reference!r} is no "
                    f"paragraph of alliance.toml (introduction:0, story:3…)"
                )
    latest = alliance["latest"]
    for key, file, entries in (
        ("featured_video", "videos.toml", content["videos"]["videos"]),
        ("featured_episode", "podcasts.toml", content["podcasts"]["episodes"]),
    ):
        if latest[key] not in [entry["title"].en for entry in entries]:
            raise ContentFileError(
                f"{directory / 'alliance.toml'}, latest.{key}: {latest[key]!r} is no English "
                f"title of {file}"
            )
    series = content["videos"]["series"]
    for n, video in enumerate(content["videos"]["videos"]):
        if video["file"] and not video["captions"]:
            raise ContentFileError(
                f"{directory / 'videos.toml'}, videos[{n}]: a video with a file of its own needs "
                f"the captions of its soundtrack (captions.en, captions.lv)"
            )
        if video["series"] not in series:
            raise ContentFileError(
                f"{directory / 'videos.toml'}, videos[{n}].series: unknown series "
                f"{video['series']!r} (known: {', '.join(series)})"
            )
    shows = [show["key"] for show in content["podcasts"]["shows"]]
    for n, episode in enumerate(content["podcasts"]["episodes"]):
        if episode["show"] not in shows:
            raise ContentFileError(
                f"{directory / 'podcasts.toml'}, episodes[{n}].show: unknown show "
                f"{episode['show']!r} (known: {', '.join(shows)})"
            )
