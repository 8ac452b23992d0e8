# The two commands of the README: `make run` and `make test`. Everything they need is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
# Install Debian packages, refreshing the package lists once if they are missing or stale.
APT_INSTALL = $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends
APT = { $(APT_INSTALL) $(1) || { $(SUDO) apt-get update && $(APT_INSTALL) $(1); }; }
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test test-fast test-deps stack-deps install lint format messages check-python bench

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + ")")'

$(BIN)/python: | check-python
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
		echo "Installing python3-venv (Debian/Ubuntu) to create $(VENV)…"; rm -rf $(VENV); \
		$(SUDO) apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV); }

$(VENV)/.installed: pyproject.toml requirements/constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[dev]'
	touch $@

# The Europa Component Library, EU preset (the site's design system): the one npm package,
# checked against its pinned hash, unpacked into var/ecl/ and served by Django's staticfiles.
ECL_VERSION := 4.11.0
ECL_INTEGRITY := sha512-svKHeQDfjbfGkl1x9nZqQrnjlwYR7zGXwBxi4GE+ydsWhvvYIYKWjtU1b0pNLVrDH7Vb1orPNHJ6OTzjaNxHqQ==
ECL := var/ecl
$(ECL)/.$(ECL_VERSION): | $(VENV)/.installed
	$(BIN)/python deploy/install_ecl.py $(ECL_VERSION) $(ECL_INTEGRITY) $(ECL)
	touch $@

install: $(VENV)/.installed $(ECL)/.$(ECL_VERSION)
	$(BIN)/python manage.py compile_catalogues

run: install
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py load_demo
	@echo "Serving http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/); emails in var/mail/"
	@# The task worker sends emails (before anything else) and updates Wagtail's indexes; it stops
	@# with the server.
	$(BIN)/python manage.py task_worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} \
		$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production stack locally (production settings, PostgreSQL, Redis, gunicorn, the task
# worker, Varnish on http://127.0.0.1:6081): see docs/deployment.md.
serve: install stack-deps
	deploy/serve-local

# Varnish (the HTTP cache), wrk and nginx (for `make bench`), from Debian.
stack-deps:
	@command -v varnishd >/dev/null || $(call APT,varnish)
	@command -v wrk >/dev/null || $(call APT,wrk)
	@command -v nginx >/dev/null || $(call APT,nginx-light)

# System packages the tests use: GNU gettext (the catalogues must hold every string of the code);
# Varnish (the production stack is tested through it); Debian's Chromium, which the browser
# tests (tests/browser) drive with Playwright, and axe-core, from npm into var/node, which they
# inject into the pages. Playwright's own browsers are never downloaded. Liberation Sans stands
# in for Arial, ECL's typeface (same metrics), so screenshots show the text as visitors see it.
AXE := var/node/node_modules/axe-core/axe.min.js
test-deps: stack-deps
	@command -v xgettext >/dev/null || $(call APT,gettext)
	@command -v chromium >/dev/null || $(call APT,chromium)
	@[ -d /usr/share/fonts/truetype/liberation ] || $(call APT,fonts-liberation)
	@command -v npm >/dev/null || $(call APT,nodejs npm)
	@[ -f $(AXE) ] || npm install --prefix var/node --no-audit --no-fund axe-core@4

# Lint and format: ruff for Python, djhtml for the indentation of the HTML templates (the same
# checks as the pre-commit hooks).
TEMPLATES = $(shell find . -path ./.venv -prune -o -path ./var -prune -o -path ./node_modules -prune -o -path '*/templates/*.html' -print)
LINT = $(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/djhtml --check $(TEMPLATES)

# The tests run in one process per core (pytest-xdist; TEST_WORKERS=0 runs them in this one).
TEST_WORKERS ?= auto
PYTEST = $(BIN)/python -m pytest -n $(TEST_WORKERS)

test: install test-deps
	@echo "lint: ruff check, ruff format --check, djhtml --check ($(words $(TEMPLATES)) templates)"
	@$(LINT)
	$(PYTEST)

# The edit loop: everything but the browser tests and those that start real servers or
# processes (markers `browser` and `stack`). `make test` runs them all and is what CI runs.
test-fast: install
	@echo "lint: ruff check, ruff format --check, djhtml --check ($(words $(TEMPLATES)) templates)"
	@$(LINT)
	$(PYTEST) -m "not browser and not stack"

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $(TEMPLATES)

# Update the catalogues after changing translatable strings (needs GNU gettext: apt-get install
# gettext), then translate the new entries of each language. English, the source, is its own
# translation.
messages: install
	$(BIN)/python manage.py makemessages $$(for code in $$(ls locale); do echo --locale $$code; done) \
		--ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'bench/*' --no-obsolete
	msgattrib --clear-fuzzy --empty locale/en/LC_MESSAGES/django.po | msgen - -o locale/en/LC_MESSAGES/django.po

# Benchmarks on this machine (PostgreSQL and Redis on 127.0.0.1); the figures go to docs/performance.md.
bench: install stack-deps
	$(BIN)/python bench/pages.py --write-docs
	$(BIN)/python bench/signing.py --write-docs

# Two instances side by side (docs/content-transfer.md): staging with the demo content on port
# 8001, a new production on port 8002, each with its own SQLite database and media folder in
# var/transfer-demo/. Moves the Joint Call and the Joint Call document, in English and Latvian,
# from staging to production with wagtail-transfer's HTTP API, then serves both (Ctrl-C stops
# them). Admin of both: admin / cohesion-demo. Run it again to import again (updates in place).
TRANSFER_DEMO := $(CURDIR)/var/transfer-demo
TRANSFER_DEMO_SECRET := staging-demo-secret
STAGING_ENV := DATABASE_URL=sqlite:///$(TRANSFER_DEMO)/staging.sqlite3 \
	MEDIA_ROOT=$(TRANSFER_DEMO)/staging-media WAGTAILADMIN_BASE_URL=http://$(HOST):8001 \
	WAGTAILTRANSFER_SECRET_KEY=$(TRANSFER_DEMO_SECRET)
PRODUCTION_ENV := DATABASE_URL=sqlite:///$(TRANSFER_DEMO)/production.sqlite3 \
	MEDIA_ROOT=$(TRANSFER_DEMO)/production-media WAGTAILADMIN_BASE_URL=http://$(HOST):8002 \
	WAGTAILTRANSFER_SECRET_KEY=production-demo-secret \
	WAGTAILTRANSFER_SOURCES='{"staging": {"BASE_URL": "http://$(HOST):8001/wagtail-transfer/", "SECRET_KEY": "$(TRANSFER_DEMO_SECRET)"}}'
# The document first: the Joint Call's full text links to it.
TRANSFER_DEMO_PAGES := /home/documents/joint-call-2024/ /home/joint-call/

.PHONY: transfer-demo
transfer-demo: install
	mkdir -p $(TRANSFER_DEMO)
	$(STAGING_ENV) $(BIN)/python manage.py migrate --no-input -v0
	$(STAGING_ENV) $(BIN)/python manage.py load_demo
	$(PRODUCTION_ENV) $(BIN)/python manage.py migrate --no-input -v0
	$(PRODUCTION_ENV) $(BIN)/python manage.py shell -c "from django.contrib.auth.models import User; \
		User.objects.filter(username='admin').exists() or \
		User.objects.create_superuser('admin', 'admin@example.com', 'cohesion-demo')"
	$(STAGING_ENV) $(BIN)/python manage.py runserver $(HOST):8001 --noreload & staging=$$!; \
		trap 'kill $$staging 2>/dev/null' EXIT INT TERM; \
		$(BIN)/python -c "exec('import time, urllib.request as r\nfor _ in range(240):\n try:\n  r.urlopen(\'http://$(HOST):8001/admin/login/\'); break\n except OSError: time.sleep(0.5)')"; \
		ids=$$($(STAGING_ENV) $(BIN)/python manage.py shell -v 0 -c "from wagtail.models import Page; \
			print(*[Page.objects.get(url_path=p, locale__language_code='en').pk \
			for p in '$(TRANSFER_DEMO_PAGES)'.split()])"); \
		$(PRODUCTION_ENV) $(BIN)/python manage.py transfer_import staging $$ids && \
		echo "Staging: http://$(HOST):8001/admin/  Production: http://$(HOST):8002/admin/ (admin / cohesion-demo)" && \
		$(PRODUCTION_ENV) $(BIN)/python manage.py runserver $(HOST):8002 --noreload
