# The two commands of the README. Both are idempotent.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB := $(CURDIR)/demo/demo.db

.PHONY: install demo test lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[postgres]' \
		pytest hypothesis mypy ruff types-python-dateutil
	touch $(STAMP)

install: $(STAMP)

demo: install
	@mkdir -p demo
	@rm -f $(DEMO_DB)
	DIRTRACK_DB=$(DEMO_DB) bash examples/seed_meetings.sh
	@echo
	$(BIN)/dirtrack --db $(DEMO_DB) report --quarter 2022Q3

lint: install
	$(BIN)/ruff check dirtrack tests examples
	$(BIN)/ruff format --check dirtrack tests examples

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/python -m pytest

test: lint typecheck pytest
	$(BIN)/dirtrack --help > /dev/null

clean:
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache
