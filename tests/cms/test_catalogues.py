"""The gettext catalogues: all 24 languages, complete, and safe to format."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
CODES = [code for code, _name in settings.LANGUAGES]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\w*\}")
TAG = re.compile(r"</?([a-z]+)[^>]*>")


def catalogue(code):
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


def named(text):
    return {match.group(0) for match in PLACEHOLDER.finditer(text)}


def tags(text):
    return sorted(TAG.findall(text))


def test_there_is_a_catalogue_for_each_official_language():
    assert sorted(path.name for path in LOCALE.iterdir() if path.is_dir()) == sorted(CODES)
    assert not (LOCALE / "__init__.py").exists()


@pytest.mark.parametrize("code", CODES)
def test_catalogue_is_complete_and_its_placeholders_match(code):
    po = catalogue(code)
    assert not po.metadata_is_fuzzy, "the header is marked fuzzy"
    assert po.metadata.get("Language") == code
    plural_forms = po.metadata.get("Plural-Forms", "")
    match = re.search(r"nplurals=(\d+)", plural_forms)
    assert match, f"no Plural-Forms header: {plural_forms!r}"
    nplurals = int(match.group(1))
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(n, "") for n in range(nplurals)]
            if not all(forms):
                problems.append(f"untranslated plural: {entry.msgid!r}")
                continue
            allowed = named(entry.msgid) | named(entry.msgid_plural)
            for form in forms:
                if not named(form) <= allowed:
                    problems.append(f"unknown placeholder in {form!r} for {entry.msgid!r}")
                if tags(form) != tags(entry.msgid):
                    problems.append(f"HTML tags differ in {form!r} for {entry.msgid!r}")
        else:
            if not entry.msgstr.strip():
                problems.append(f"untranslated: {entry.msgid!r}")
                continue
            if named(entry.msgstr) != named(entry.msgid):
                problems.append(f"placeholders differ in {entry.msgstr!r} for {entry.msgid!r}")
            if tags(entry.msgstr) != tags(entry.msgid):
                problems.append(f"HTML tags differ in {entry.msgstr!r} for {entry.msgid!r}")
    assert not problems, f"{code}: {len(problems)} problems\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("code", CODES)
def test_catalogue_compiles(code, tmp_path):
    catalogue(code).save_as_mofile(str(tmp_path / "django.mo"))
    assert (tmp_path / "django.mo").stat().st_size > 1000
