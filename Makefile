# Leadership in social work: build, test and serve the book.
#   make book   build the static HTML into _build/html (creates .venv and installs everything first)
#   make test   lint, unit tests, nbval, a clean warnings-as-errors build, browser tests
#   make lab    JupyterLab on the notebooks          make app   the explorers in Voilà (for projecting)
#   make bench  build time, rebuild time, per-notebook execution, page weights, model/data timings, prose
#   make mutation  mutation score of the fast tests per module, and the surviving mutants (a benchmark; long)
#   make prose  per chapter: words, reading time, sentence length, 'the paper', repeated boilerplate (after make book)
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

.PHONY: help venv book rebuild test lint unit nbval build-check browser chromium checkers lab app bench mutation prose clean strip data-update plotly-bundle handouts slides

help:
	@sed -n '2,7p' Makefile

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

# The page checkers the browser tests use: Java and the W3C Nu Html Checker (npm vnu-jar, locked in tests/node),
# and pdftotext (poppler-utils) for the print test. Installed when missing (Debian packages need root).
checkers:
	@missing=""
	command -v java >/dev/null || missing="$$missing default-jre-headless"
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"
	command -v npm >/dev/null || missing="$$missing npm"
	if [ -n "$$missing" ]; then
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	    echo "Installing$$missing for the page checkers (apt-get)..."
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null
	  else
	    echo "Missing$$missing: install with 'sudo apt-get install$$missing' (the page checkers need them)."; exit 1
	  fi
	fi
	test -f tests/node/node_modules/vnu-jar/build/dist/vnu.jar || npm ci --prefix tests/node --omit=dev --no-audit --no-fund --ignore-scripts

# ---------------------------------------------------------------------------------------------- book
# A clean build every time: an incremental build after a failed cell can report success with an empty page.
book: $(STAMP)
	rm -rf _build
	$(JB) build . -W -n --keep-going
	$(MAKE) --no-print-directory slides handouts
	@echo "The book is in $(SITE)/: open $(SITE)/index.html in a browser (or: $(BIN)/python -m http.server -d $(SITE))."

# The book's partial plotly.js bundle (book/assets/vendor/plotly-swl.min.js, committed, so `make book` needs no
# npm). Rebuild it after changing book/src/plotly/index.js or the plotly.js version (which must match plotly.py's).
plotly-bundle:
	@command -v npm >/dev/null || { echo "npm not found: install Node.js 20+ and npm (e.g. apt-get install nodejs npm)."; exit 1; }
	cd book/src/plotly && npm ci --no-audit --no-fund --ignore-scripts && node build.mjs
	@ls -l book/assets/vendor/plotly-swl.min.js

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

# ---------------------------------------------------------------------------------------------- tests
lint: $(STAMP)
	$(BIN)/ruff check swleadership tests
	$(BIN)/nbstripout --verify notebooks/*.ipynb notebooks/views/*.ipynb || { echo "Notebooks hold outputs: run 'make strip'."; exit 1; }

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not browser" tests

nbval: $(STAMP)
	$(BIN)/python -m pytest -q --nbval-lax -p no:randomly notebooks/

build-check: book

browser: $(STAMP) chromium checkers
	$(BIN)/python -m pytest -q -m browser tests

test: $(STAMP) chromium checkers
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory nbval
	$(MAKE) --no-print-directory book
	$(MAKE) --no-print-directory browser

strip: $(STAMP)
	$(BIN)/nbstripout notebooks/*.ipynb notebooks/views/*.ipynb

# ---------------------------------------------------------------------------------------------- use
# JupyterLab on the notebooks folder, on 127.0.0.1 only and without a token (jupyter/jupyter_lab_config.py).
# PORT=8890 make lab picks the port (default 8888); Ctrl+C twice stops the server.
LAB_PORT = $(if $(filter command line environment,$(origin PORT)),$(PORT),8888)
lab: $(STAMP)
	@ROOT_FLAG=""; if [ "$$(id -u)" = 0 ]; then ROOT_FLAG="--allow-root"; fi
	echo "JupyterLab on the chapters: open http://127.0.0.1:$(LAB_PORT)/lab (no token; Ctrl+C twice to stop)."
	$(BIN)/jupyter lab --config=jupyter/jupyter_lab_config.py --port=$(LAB_PORT) --ServerApp.port_retries=0 $$ROOT_FLAG

# The projector views (notebooks/views/) in Voilà: prints the index URL, then how long the views took to be ready.
app: $(STAMP)
	$(BIN)/python -m swleadership.voila_app --port=$(PORT)

bench: $(STAMP) chromium checkers
	test -f tests/node/node_modules/lighthouse/cli/index.js || npm ci --prefix tests/node --no-audit --no-fund --ignore-scripts
	$(BIN)/python -m swleadership.bench

# The mutation-score benchmark (not part of `make test`): mutmut plants small bugs in models, data, facts, teaching
# and the explorers and runs the unit tests that call each changed function. Resumes an interrupted run.
#   make mutation                                  all of it (hours on 2 cores; results are kept in mutants/)
#   make mutation MUTANTS="swleadership.models.*"  a subset, re-run      JOBS=2 mutants at once (default)
MUTANTS ?=
JOBS ?= 2
mutation: $(STAMP)
	nice -n 10 $(BIN)/python -m swleadership.mutation --jobs $(JOBS) $(MUTANTS)

# Bring in a new DfE release of the children's social work workforce indicators:
#   make data-update FILE=csww_indicators_2017_to_2026.csv RELEASE="Children's social work workforce, reporting year 2026"
# It checks the file, rebuilds the area table and the national series, records the release in sources.csv and
# prints what changed; on any problem it says what to fix and changes nothing in data/.
data-update: $(STAMP)
	@if [ -z "$(FILE)" ] || [ -z "$(RELEASE)" ]; then \
	  echo 'Usage: make data-update FILE=path/to/csww_indicators_YYYY_to_YYYY.csv RELEASE="Children'"'"'s social work workforce, reporting year YYYY"'; exit 2; fi
	$(BIN)/python -m swleadership.data_update "$(FILE)" "$(RELEASE)"
	@echo "Now run 'make test' and 'make book': the glued figures and the explorers follow the new data."

prose: $(STAMP)
	$(BIN)/python -m swleadership.prose $(SITE)

clean:
	rm -rf _build
