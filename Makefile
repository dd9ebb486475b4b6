# chinjeol — the two commands of the README, and a few helpers.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: demo test install install-test lint test-sqlite test-postgres browser-deps bench clean

$(BIN)/python:
	@echo "== 가상환경 $(VENV)을(를) 만들고 pip를 최신으로 올립니다 (처음 한 번)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The install runs again only when pyproject.toml changes (stamp files in the virtualenv).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "== 친절과 실행에 필요한 패키지(Django, django-ninja, gunicorn, psycopg, kiwipiepy 형태소 모델 등)를"
	@echo "   $(VENV)에 설치합니다. 처음에는 몇 분 걸립니다. pyproject.toml이 바뀔 때만 다시 설치합니다."
	$(BIN)/pip install --progress-bar on -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	@echo "== 친절과 실행 패키지, 테스트 도구(pytest, pytest-django, hypothesis, playwright, ruff)를 $(VENV)에"
	@echo "   설치합니다. 처음에는 몇 분 걸립니다. pyproject.toml이 바뀔 때만 다시 설치합니다."
	$(BIN)/pip install --progress-bar on -e ".[test]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

## make demo: install (only when pyproject.toml changed), create the demo agency (SQLite under ./var) once and
## start it on 127.0.0.1:8000
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
