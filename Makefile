# ExportDesk set-up and everyday tasks. `make run` and `make test` do all set-up
# on a fresh Debian 12 machine (as root or with sudo) and are quick the second time.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Qt offscreen needs these; a real window also needs the xcb ones.
APT_QT := libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
APT_WINDOW := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0
# Campus-mode tests start a throwaway PostgreSQL cluster (tests/pg_cluster.py).
APT_TEST := poppler-utils postgresql postgresql-common postgresql-client

.PHONY: run demo campus-demo test test-suite setup setup-test lint format translations screenshots clean dist test-dist

define apt_install
	@if command -v dpkg >/dev/null 2>&1; then \
	  missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  $(PYTHON) -c 'import ensurepip' 2>/dev/null || missing="$$missing python3-venv"; \
	  if [ -n "$$(echo $$missing)" ]; then \
	    echo "Installing system packages:" $$missing; \
	    $(SUDO) apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	  fi; \
	else echo "Not a Debian system: install the Qt libraries listed in the Makefile yourself."; fi
endef

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Re-install only when pyproject.toml changes.
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.runtime

$(VENV)/.dist: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,dist]'
	touch $@ $(VENV)/.test $(VENV)/.runtime

setup:
	$(call apt_install,$(APT_QT) $(APT_WINDOW))
	@$(MAKE) --no-print-directory $(VENV)/.runtime

setup-test:
	$(call apt_install,$(APT_QT) $(APT_TEST))
	@$(MAKE) --no-print-directory $(VENV)/.test

run: setup
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ "$$QT_QPA_PLATFORM" != offscreen ]; then \
	  echo "No display found. Use 'make demo' for the headless demo."; exit 1; fi
	$(BIN)/exportdesk gui

demo: setup
	$(BIN)/exportdesk demo

# A throwaway local PostgreSQL with the sample institution (docs/campus.md).
campus-demo: setup
	$(call apt_install,postgresql postgresql-common)
	$(BIN)/python tools/campus_demo.py

# The README's test command and CI's: the whole suite (SQLite and a throwaway
# PostgreSQL), then the application folder built and run from a clean place.
test: test-suite test-dist

test-suite: setup-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: setup-test
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: setup-test
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

translations: setup
	$(BIN)/python tools/i18n.py && $(BIN)/python tools/i18n.py --release

# The self-contained application folder and archive for this platform (docs/packaging.md).
# The window libraries are installed so that the bundle carries what Qt's xcb plug-in needs.
dist:
	$(call apt_install,$(APT_QT) $(APT_WINDOW) $(APT_TEST))
	@$(MAKE) --no-print-directory $(VENV)/.dist
	$(BIN)/python tools/dist.py

# Builds the folder, then runs it from a clean place with an empty environment. CI runs it.
test-dist: dist
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest packaging/test_bundle.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py
