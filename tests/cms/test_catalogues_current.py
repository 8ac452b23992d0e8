"""The catalogues hold every string the code marks for translation, and no other (``make messages``
was run)."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# The folders holding the apps (an app may live inside another's folder).
APPS = sorted({app.split(".")[0] for app in settings.PROJECT_APPS})
# `manage.py makemessages` runs in a process of its own.
pytestmark = pytest.mark.stack


@pytest.mark.skipif(
    not shutil.which("xgettext"), reason="needs GNU gettext (make test installs it)"
)
def test_catalogues_are_up_to_date_with_the_code(tmp_path):
    """Extract the strings again into a copy of the project and compare with the catalogue."""
    for name in [*APPS, "manage.py"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "en", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(tmp_path),
        },  # fmt: skip
    )
    extracted = {
        entry.msgid for entry in polib.pofile(str(tmp_path / "locale/en/LC_MESSAGES/django.po"))
    }
    catalogued = {
        entry.msgid for entry in polib.pofile(str(ROOT / "locale/en/LC_MESSAGES/django.po"))
    }
    assert extracted - catalogued == set(), "run `make messages` and translate the new strings"
    # Nor strings the code no longer uses: translators would keep translating them.
    assert catalogued - {""} - extracted == set(), "run `make messages`: it drops them"
