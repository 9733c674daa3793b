# Leadership in social work: build, test and serve the book.
#   make book   build the static HTML into _build/html (creates .venv and installs everything first)
#   make test   lint, unit tests, nbval, a clean warnings-as-errors build, browser tests
#   make lab    JupyterLab on the notebooks          make app   the explorers in Voilà (for projecting)
#   make bench  build time, rebuild time, per-notebook execution, page weights, model/data timings
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SITE   := _build/html
JB     := $(BIN)/jupyter-book
PORT   ?= 8866

.PHONY: help venv book rebuild test lint unit nbval build-check browser chromium lab app bench clean strip

help:
	@sed -n '2,6p' Makefile

# ---------------------------------------------------------------------------------------------- set-up
$(STAMP): requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "python3 not found: install Python 3.10+ (e.g. apt-get install python3 python3-venv)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP)

chromium:
	@if [ -x /usr/bin/chromium ]; then exit 0; fi
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	  echo "Installing Debian's chromium for the browser tests (apt-get)..."
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	else
	  echo "Chromium is missing: install it with 'sudo apt-get install chromium' (browser tests need /usr/bin/chromium)."; exit 1
	fi

# ---------------------------------------------------------------------------------------------- book
# A clean build every time: an incremental build after a failed cell can report success with an empty page.
book: $(STAMP)
	rm -rf _build
	$(JB) build . -W -n --keep-going
	@echo "The book is in $(SITE)/: open $(SITE)/index.html in a browser (or: $(BIN)/python -m http.server -d $(SITE))."

# Incremental build using the execution cache (for writing; `make book` is the check).
rebuild: $(STAMP)
	$(JB) build . -W -n --keep-going

# ---------------------------------------------------------------------------------------------- tests
lint: $(STAMP)
	$(BIN)/ruff check swleadership tests
	$(BIN)/nbstripout --verify notebooks/*.ipynb notebooks/views/*.ipynb || { echo "Notebooks hold outputs: run 'make strip'."; exit 1; }

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser" tests

nbval: $(STAMP)
	$(BIN)/python -m pytest -q --nbval-lax -p no:randomly notebooks/

build-check: book

browser: $(STAMP) chromium
	$(BIN)/python -m pytest -q -m browser tests

test: $(STAMP) chromium
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory nbval
	$(MAKE) --no-print-directory book
	$(MAKE) --no-print-directory browser

strip: $(STAMP)
	$(BIN)/nbstripout notebooks/*.ipynb notebooks/views/*.ipynb

# ---------------------------------------------------------------------------------------------- use
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

# The projector views (notebooks/views/) in Voilà: prints the index URL, then how long the views took to be ready.
app: $(STAMP)
	$(BIN)/python -m swleadership.voila_app --port=$(PORT)

bench: $(STAMP) chromium
	$(BIN)/python -m swleadership.bench

clean:
	rm -rf _build
