# exback: `make run` to try it, `make test` to check it. Both start from a fresh clone.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_NO_PROGRESS := 1

.PHONY: help install install-dev run test lint architecture typecheck format migrations-check check-python drills bench clean

help:
	@echo "make run    - install, migrate the SQLite database, serve http://localhost:$(PORT)"
	@echo "              and run the background worker and scheduler beside it (Procfile)"
	@echo "make test   - install dev dependencies, run the linters, the migrations check, the"
	@echo "              import contracts, mypy, and the whole suite with its coverage floor"
	@echo "make format - format the code with ruff"

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "exback needs Python 3.12 or newer; found " + sys.version.split()[0])'

# uv lives in its own small virtualenv so that syncing .venv never removes it.
$(UV): | check-python
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(UV)
	$(UV) sync --frozen --no-dev --python $(PYTHON)

install-dev: $(UV)
	$(UV) sync --frozen --python $(PYTHON)

# The web server, the task worker and the scheduler together (Procfile, run by honcho; no
# .env file is read, as without it). Emails, reminders included, print in this terminal.
run: install
	DEBUG=$${DEBUG:-true} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-true} SITE_URL=$${SITE_URL:-http://localhost:$(PORT)} PYTHONUNBUFFERED=1 \
		$(VENV)/bin/honcho start --env /dev/null --port $(PORT)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: install-dev
	DJANGO_SETTINGS_MODULE=tests.settings $(PY) manage.py makemigrations --check --dry-run

# Which app may import which: the import-linter contracts in pyproject.toml.
architecture: install-dev
	$(VENV)/bin/lint-imports

# mypy with django-stubs over the apps, configured in pyproject.toml.
typecheck: install-dev
	$(VENV)/bin/mypy

# The Nu HTML checker for the page sweep. Without npm the sweep skips validation locally; in
# CI (CI=true or REQUIRE_BROWSER=1) a missing npm is a failure, so validation is never lost.
NO_NPM := npm not found: the page sweep's HTML validation will be skipped (CI fails instead)
node_modules/.installed: package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	elif [ "$${CI:-}" = true ] || [ "$${REQUIRE_BROWSER:-}" = 1 ]; then echo "$(NO_NPM)" >&2; exit 1; \
	else echo "$(NO_NPM)"; fi

# In this order (prerequisites run left to right): ruff check, ruff format --check, the
# migrations check, the import contracts, mypy; then the suite, which fails below the
# coverage floor (fail_under in pyproject.toml).
test: lint migrations-check architecture typecheck node_modules/.installed
	$(PY) -m pytest --cov --cov-report=term --durations=15 $(PYTEST_ARGS)

# Fault drills (root, local PostgreSQL and Redis): restart PostgreSQL and stop Redis under load.
# Starts either service if it is down and creates the `exback` role if it is missing.
drills: install-dev
	$(PY) scripts/drills.py all

# The benchmark (root, or DATABASE_URL; wrk from Debian): seeds PostgreSQL (creating the local
# role if missing), runs VACUUM ANALYZE, serves with BENCH_SERVER (granian, the production
# server, or gunicorn), loads it from
# a separate process on 127.0.0.1, writes bench-results/report.{md,json}.
BENCH_SERVER ?= granian
bench: install-dev
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(PY) scripts/bench.py --server $(BENCH_SERVER) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(TOOLS) staticfiles test-artifacts .mypy_cache .coverage htmlcov
