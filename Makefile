# chinjeol — the two commands of the README, and a few helpers.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: demo test install install-test lint test-sqlite test-postgres browser-deps bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"

## make demo: install everything, create the demo agency (SQLite under ./var) and start it on 127.0.0.1:8000
demo: install
	$(BIN)/chinjeol demo

## make test: install the test needs (Python packages, Debian's chromium) and run the whole suite on SQLite and PostgreSQL
test: install-test browser-deps
	bash scripts/test.sh

browser-deps:
	@bash scripts/browser-deps.sh

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install-test
	bash bench/run_all.sh

clean:
	rm -rf $(VENV) var .pytest_cache build *.egg-info src/*.egg-info
