# The two commands of the README: `make run` and `make test`. Everything they need is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-deps install lint format messages check-python bench

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

# System packages the tests use: GNU gettext (the catalogues must hold every string of the code).
test-deps:
	@command -v xgettext >/dev/null || $(SUDO) apt-get install -y gettext

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
bench: install
	@command -v wrk >/dev/null || $(SUDO) apt-get install -y wrk
	$(BIN)/python bench/signatures.py --write-docs
