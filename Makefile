# The two commands: `make run` (portal on the embedded default) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in e-mails, letters and surveys point at the portal as make run serves it (0.0.0.0 is reached on 127.0.0.1).
SITE_URL ?= http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)

.PHONY: install oidc-provider system-deps translations run test test-fast lint format worker beat clean audit load

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -c constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed

# The test OpenID provider (tests/oidc/provider.mjs): `oidc-provider` from the npm registry, pinned by the
# committed package-lock.json, run by the machine's node in the national-login browser tests.
tests/oidc/node_modules/.package-lock.json: tests/oidc/package.json tests/oidc/package-lock.json
	npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error

oidc-provider: tests/oidc/node_modules/.package-lock.json

# System packages the browser tests and PDF rendering need (Debian). Installs only what is missing.
system-deps:
	@sh scripts/system-deps.sh

translations: install
	$(PY) manage.py compile_translations

run: install translations
	$(PY) manage.py migrate --noinput
	SITE_URL=$(SITE_URL) $(PY) manage.py seed_demo
	@echo "Serving the portal on $(SITE_URL)/"
	SITE_URL=$(SITE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

test: install system-deps translations oidc-provider
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-fast: install translations
	$(VENV)/bin/pytest -m "not e2e and not integration"

# Known vulnerabilities in the pinned packages: pip-audit against PyPI / osv.dev when one answers, else the
# committed PyPA advisory snapshot (security/advisories/). --strict: a pin that could not be checked fails.
audit: install
	$(PY) scripts/audit_dependencies.py --strict

# The load test: gunicorn, a Celery worker, PostgreSQL (database permitportal_load) and Redis on this machine.
load: install
	$(PIP) install -q -c constraints.txt -e '.[bench]'
	$(PY) benchmarks/load/run.py

lint: install
	$(VENV)/bin/ruff check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# One worker on every queue (casework, letters and the default; permitportal/settings/base.py), so nothing is stranded.
worker: install
	$(VENV)/bin/celery -A permitportal worker -Q casework,letters,celery --loglevel=info

beat: install
	$(VENV)/bin/celery -A permitportal beat --loglevel=info

clean:
	rm -rf $(VENV) var
