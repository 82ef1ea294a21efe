# Two commands do everything on a fresh machine (Python 3.11+, Node 20, make):
#   make serve   set up, build the site and serve it at http://127.0.0.1:8000
#   make test    set up, build, and run every test (CPython, Pyodide under Node, browser end to end)
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1

VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' playbook/__init__.py)
PACKAGE_FILES := $(shell find playbook -name '*.py' -o -name '*.toml') pyproject.toml
WHEEL = build/wheels/remediation_playbook-$(VERSION)-py3-none-any.whl

.PHONY: help setup serve site test test-python test-pyodide test-browser bench chromium office clean

help:
	@echo "make serve   build the site and serve it at http://127.0.0.1:$(PORT)"
	@echo "make test    run every test"
	@echo "make bench   measure Pyodide boot and document generation in headless Chromium"

# --- set-up ---------------------------------------------------------------------------------
$(VENV)/.installed: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

setup: $(VENV)/.installed node_modules/.installed

# $(call apt_need,COMMAND,PACKAGES,WHY): install Debian packages with apt-get when COMMAND is missing.
apt_need = @command -v $(1) >/dev/null || { \
	  echo "Installing $(3)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(2) >/dev/null; }

# Debian's Chromium for the browser tests (Playwright cannot download browsers here).
chromium:
	$(call apt_need,chromium,chromium,Debian's chromium for the browser tests)

# LibreOffice Writer and Calc without a display, to check that the .docx and .xlsx files open in
# an office suite and not only in the Python libraries that read them back (tests/test_office.py).
office:
	$(call apt_need,soffice,--no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui,Debian's LibreOffice Writer and Calc (nogui) for the office tests)

# --- build ----------------------------------------------------------------------------------
# The project wheel and the pure-Python wheels it needs in the browser.
$(WHEEL): $(PACKAGE_FILES) $(VENV)/.installed
	rm -rf build/wheels && mkdir -p build/wheels
	$(PY) -m pip wheel --quiet --no-deps --wheel-dir build/wheels .
	$(PY) -m pip download --quiet --no-deps --only-binary=:all: --dest build/wheels \
	  $$(grep -E '^(markdown-it-py|mdurl|xlsxwriter)==' requirements-dev.txt)

# The pytest wheels that run the model's tests inside Pyodide.
build/pyodide-test-wheels/.downloaded: requirements-pyodide-tests.txt $(VENV)/.installed
	rm -rf build/pyodide-test-wheels && mkdir -p build/pyodide-test-wheels
	$(PY) -m pip download --quiet --no-deps --only-binary=:all: --dest build/pyodide-test-wheels -r requirements-pyodide-tests.txt
	touch $@

site: setup $(WHEEL)
	$(PY) scripts/build_site.py pages
	$(PY) -m mkdocs build --strict --quiet
	$(PY) scripts/build_site.py vendor

serve: site
	@echo "Serving the playbook at http://127.0.0.1:$(PORT) (Ctrl-C to stop)"
	$(PY) scripts/serve.py --port $(PORT) site

# --- tests ----------------------------------------------------------------------------------
test: site chromium office build/pyodide-test-wheels/.downloaded
	$(PY) -m pytest -m "not browser" -q
	node tests/pyodide/run.mjs
	$(PY) -m pytest -m browser -q

test-python: setup office
	$(PY) -m pytest -m "not browser" -q

test-pyodide: site build/pyodide-test-wheels/.downloaded
	node tests/pyodide/run.mjs

test-browser: site chromium
	$(PY) -m pytest -m browser -q

bench: site chromium
	$(PY) scripts/bench.py

clean:
	rm -rf build site docs/steps .pytest_cache
