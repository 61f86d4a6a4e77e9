# Two commands on a fresh clone: `make run` and `make test`. Only Python >= 3.11 is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000
# Local serving: real (non-debug) pages over plain HTTP.
LOCAL_ENV := DJANGO_HTTPS=0

.PHONY: install migrate load static run test test-postgres test-browser lint format bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(LOCAL_ENV) $(MANAGE) migrate --noinput

load: migrate
	$(LOCAL_ENV) $(MANAGE) load_content

static: install
	$(LOCAL_ENV) $(MANAGE) collectstatic --noinput --verbosity 0

run: load static
	@echo "Portal: http://$(HOST)/  (admin: http://$(HOST)/beheer/, make an account with: $(MANAGE) createsuperuser)"
	$(LOCAL_ENV) $(MANAGE) runserver $(HOST)

test: install
	$(BIN)/pytest

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest

test-browser: install
	PORTAL_REQUIRE_BROWSER=1 $(BIN)/pytest -m browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python bench/search.py
	$(BIN)/python bench/pdf.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache
