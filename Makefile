# Two commands on a fresh clone: `make run` and `make test`. Only Python >= 3.11 is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000
# A secret key of this checkout's own, made once: the web server never runs on a known one.
SECRET_FILE := .local-secret-key
# Local serving: production settings (DEBUG off, gunicorn, collected static files) over
# plain HTTP on this machine, with the address printed on leaflets pointing here.
LOCAL_ENV := DJANGO_HTTPS=0 PORTAL_BASE_URL=http://$(HOST)

.PHONY: install lock messages migrate load static run dev test test-postgres test-browser smoke smoke-cluster lint format bench openapi clean

# Installed from the lock (the versions tested), then the project itself; pyproject.toml
# stays the source of the ranges: `make lock` writes requirements.lock from it.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# The interface's translations (locale/*/LC_MESSAGES/django.po -> .mo), without GNU gettext.
messages: install
	$(MANAGE) compile_translations

$(SECRET_FILE):
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $(SECRET_FILE)

migrate: messages
	$(LOCAL_ENV) $(MANAGE) migrate --noinput

load: migrate
	$(LOCAL_ENV) $(MANAGE) load_content

static: messages
	$(LOCAL_ENV) $(MANAGE) collectstatic --noinput --verbosity 0

run: load static $(SECRET_FILE)
	@echo "Portal: http://$(HOST)/  (admin: http://$(HOST)/beheer/, make an account with: $(MANAGE) createsuperuser)"
	$(LOCAL_ENV) DJANGO_SECRET_KEY=$$(cat $(SECRET_FILE)) GUNICORN_BIND=$(HOST) \
		$(BIN)/gunicorn -c portal/gunicorn.conf.py portal.wsgi

dev: load
	DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST)

test: messages
	$(BIN)/pytest --cov --cov-report=term

test-postgres: messages
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/pytest

test-browser: messages
	PORTAL_REQUIRE_BROWSER=1 $(BIN)/pytest -m browser

smoke: messages
	$(BIN)/python .ci/smoke.py

# Two gunicorn servers on PostgreSQL and Redis (tests/portal/test_two_servers.py). The Redis
# database given is emptied: by default number 14, which nothing else here uses.
CLUSTER_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cluster
CLUSTER_REDIS_URL ?= redis://127.0.0.1:6379/14
smoke-cluster: messages
	DATABASE_URL=$(CLUSTER_DATABASE_URL) CLUSTER_REDIS_URL=$(CLUSTER_REDIS_URL) \
		PORTAL_REQUIRE_CLUSTER=1 $(BIN)/pytest -q -p no:cacheprovider tests/portal/test_two_servers.py

lint: install
	$(BIN)/python manage.py makemigrations --check --dry-run --verbosity 0
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --quiet -o requirements.lock

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The API's OpenAPI document, checked in: tests/api/test_openapi.py fails until it is made again
# after a change to the API.
openapi: install
	$(MANAGE) export_openapi_schema --api api.endpoints.api --output api/openapi.json --indent 2 --sorted

bench: install
	$(BIN)/python bench/load.py
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/pdf.py
	$(BIN)/python bench/api.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache $(SECRET_FILE)
