# addrnet: the two README commands are `make serve` and `make test`.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
HOST    ?= 127.0.0.1
PORT    ?= 8000
WORKERS ?= 1

.PHONY: serve test lint typecheck pytest gazetteer install install-dev eval bench bench-compare container-eval clean reliability browser test-ui

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[train,dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Migrate the embedded SQLite gazetteer and load it when it is empty.
gazetteer: $(VENV)/.installed
	$(BIN)/addrnet gazetteer load --if-empty

# bytecode first: where PYTHONDONTWRITEBYTECODE is set, every start would compile each module it imports
serve: gazetteer
	$(BIN)/python -m compileall -q addrnet app model resolver >/dev/null
	$(BIN)/addrnet serve --host $(HOST) --port $(PORT) --workers $(WORKERS)

lint: install-dev
	$(BIN)/ruff check .

typecheck: install-dev
	$(BIN)/mypy

# The page's browser tests (tests/test_ui.py) drive Debian's chromium through Playwright; install it if missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q chromium; }

pytest: install-dev browser
	$(BIN)/python -m pytest

test-ui: install-dev browser
	$(BIN)/python -m pytest tests/test_ui.py

test: lint typecheck pytest

# The corpus the shipped arms were trained on (its test split feeds the calibration and components runners);
# built on the first `make eval` of a fresh clone (a few minutes), then reused.
CORPUS_VERSION ?= 0.21.0
corpus/$(CORPUS_VERSION)/test.jsonl: | $(VENV)/.installed-dev
	$(BIN)/addrnet corpus build --version $(CORPUS_VERSION) --size 600000 --seed 42 --out corpus/$(CORPUS_VERSION)

eval: install-dev gazetteer corpus/$(CORPUS_VERSION)/test.jsonl
	$(BIN)/python -m eval.release

bench: install-dev
	$(BIN)/addrnet bench parse artifacts/arms/A && $(BIN)/addrnet bench startup

# addrnet vs usaddress and a bare FastAPI endpoint, one run (~10 min), then each speed measure alone
bench-compare: install-dev gazetteer
	$(BIN)/addrnet bench compare && $(BIN)/addrnet bench means && $(BIN)/python scripts/readme_figures.py

container-eval: install-dev
	./scripts/container_eval.sh

# schemathesis, a 20,000-input hand fuzz, 30 s of load at 32 connections and fault injections against real
# uvicorn processes; figures and checks in results/reliability/*.json (tests/reliability/run.py)
reliability: install-dev
	$(BIN)/python -m tests.reliability.run

clean:
	rm -rf $(VENV) var build *.egg-info
