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
APP_NB ?= 36-explore-workforce-data.ipynb
PORT   ?= 8866

.PHONY: help venv book rebuild test lint unit nbval build-check browser chromium lab app bench clean strip handouts slides poppler

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
	$(MAKE) --no-print-directory slides handouts
	@echo "The book is in $(SITE)/: open $(SITE)/index.html in a browser (or: $(BIN)/python -m http.server -d $(SITE))."

# Incremental build using the execution cache (for writing; `make book` is the check).
rebuild: $(STAMP)
	$(JB) build . -W -n --keep-going
	$(MAKE) --no-print-directory slides handouts

# The seminar packs' input slides (reveal.js, vendored in book/assets/vendor/reveal), from the built pack pages.
slides: $(STAMP)
	$(BIN)/python -m swleadership.slides $(SITE)

# The seminar packs' printable A4 handouts, from the built pages (Chromium print-to-PDF; reprints only what changed).
handouts: $(STAMP) chromium
	$(BIN)/python -m swleadership.handouts $(SITE)

# pdftotext/pdftoppm for the handout tests.
poppler:
	@if command -v pdftotext >/dev/null; then exit 0; fi
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	  echo "Installing Debian's poppler-utils for the handout tests (apt-get)..."
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
	else
	  echo "pdftotext is missing: install it with 'sudo apt-get install poppler-utils'."; exit 1
	fi

# ---------------------------------------------------------------------------------------------- tests
lint: $(STAMP)
	$(BIN)/ruff check swleadership tests
	$(BIN)/nbstripout --verify notebooks/*.ipynb || { echo "Notebooks hold outputs: run 'make strip'."; exit 1; }

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser" tests

nbval: $(STAMP)
	$(BIN)/python -m pytest -q --nbval-lax -p no:randomly notebooks/

build-check: book

browser: $(STAMP) chromium poppler
	$(BIN)/python -m pytest -q -m browser tests

test: $(STAMP) chromium
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory nbval
	$(MAKE) --no-print-directory book
	$(MAKE) --no-print-directory browser

strip: $(STAMP)
	$(BIN)/nbstripout notebooks/*.ipynb

# ---------------------------------------------------------------------------------------------- use
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

app: $(STAMP)
	@echo "Serving the explorers in Voilà: open http://localhost:$(PORT)/voila/render/$(APP_NB) (any chapter works too)."
	cd notebooks && ../$(BIN)/voila --port=$(PORT) --no-browser --strip_sources=True .

bench: $(STAMP) chromium
	$(BIN)/python -m swleadership.bench

clean:
	rm -rf _build
