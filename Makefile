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

.PHONY: run serve test test-deps stack-deps install lint format messages check-python bench

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

install: $(VENV)/.installed
	$(BIN)/python manage.py compile_catalogues

run: install
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py load_demo
	@echo "Serving http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/); emails in var/mail/"
	@# The task worker sends emails and updates Wagtail's indexes; it stops with the server.
	$(BIN)/python manage.py db_worker & worker=$$!; \
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

# System packages the tests use: GNU gettext (the catalogues must hold every string of the code),
# Varnish (the production stack is tested through it).
test-deps: stack-deps
	@command -v xgettext >/dev/null || $(call APT,gettext)

test: install test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

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
	$(BIN)/python bench/signatures.py --write-docs
