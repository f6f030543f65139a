# The two commands of the README. Both are idempotent.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_STAMP := $(VENV)/.installed-demo
DEMO_DB := $(CURDIR)/demo/demo.db

.PHONY: help install demo test test-all lint typecheck pytest bench clean catalog templates extract-model

# make help: every target, in a line each (README, "Two commands")
help:
	@echo "make demo          a venv with dirtrack alone; records examples/seed_meetings.sh into demo/demo.db, prints its 2022Q3 report"
	@echo "make install       the venv .venv with dirtrack, the PostgreSQL driver and the test tools"
	@echo "make test          ruff, mypy --strict and pytest (PYTEST_ARGS=, PYTEST_WORKERS=, TEST_TMP=)"
	@echo "make test-all      the same, every database test on both backends, thorough Hypothesis profile, slow tests;"
	@echo "                   then checks that the extract models are what training gives (installs scikit-learn)"
	@echo "make lint          ruff check and ruff format --check"
	@echo "make typecheck     mypy --strict"
	@echo "make pytest        pytest alone"
	@echo "make bench         registers of 1,000 to 1,000,000 directives, timed (SIZES=1000,10000 limits them)"
	@echo "make catalog       extract the messages into the Vietnamese .po, compile the .mo"
	@echo "make templates     remake the report templates of dirtrack/templates/"
	@echo "make extract-model retrain the clause models of dirtrack extract (installs scikit-learn)"
	@echo "make clean         remove .venv, demo/, bench-out/ and the tools' caches"

# The packages are installed by uv (from PyPI, into .venv/uv), which resolves, unpacks and
# compiles them in parallel: about 20 s where pip takes 45 (make test waits for it before
# anything else). Where uv cannot be had or fails, pip installs them as before. pip itself is
# installed into the venv either way.
UV := $(VENV)/uv/bin/uv
PIP_INSTALL = $(BIN)/python -m ensurepip --upgrade --default-pip >/dev/null && \
	$(BIN)/python -m pip install --quiet --upgrade pip && $(BIN)/python -m pip install --quiet
# $(call packages,WHAT): install WHAT into the venv
packages = { { [ -x $(UV) ] || $(PYTHON) -m pip install --quiet --target $(VENV)/uv uv >/dev/null 2>&1; } && \
	$(UV) pip install --quiet --python $(BIN)/python --compile-bytecode pip $(1); } || \
	{ echo "(installing with pip: uv could not be had, or failed)"; $(PIP_INSTALL) $(1); }

$(BIN)/python:
	$(PYTHON) -m venv --without-pip $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(call packages,-e '.[postgres]' \
		pytest pytest-timeout pytest-xdist hypothesis mypy ruff types-python-dateutil types-openpyxl aiosmtpd \
		babel)
	touch $(STAMP)

install: $(STAMP)

# scikit-learn, the optional extra `extract-train`, for make extract-model and make test-all
TRAIN_STAMP := $(VENV)/.installed-extract-train
$(TRAIN_STAMP): $(STAMP)
	@$(BIN)/python -c "import sklearn" 2>/dev/null || { $(call packages,-e '.[extract-train]'); }
	touch $(TRAIN_STAMP)

# Compiled bytecode for dirtrack's own modules (the installed libraries have theirs from pip):
# without it, where PYTHONDONTWRITEBYTECODE is set, every command compiles dirtrack's modules
# again at start. Stale files are recompiled; fresh ones cost a stat each.
BYTECODE = $(BIN)/python -m compileall -q dirtrack

# The demo needs dirtrack alone: not the test tools, not the PostgreSQL driver.
# (A venv that `make install` has filled already holds it.)
$(DEMO_STAMP): $(BIN)/python pyproject.toml
	@if [ -f $(STAMP) ] && [ $(STAMP) -nt pyproject.toml ]; then :; else \
		$(call packages,-e .); fi
	touch $(DEMO_STAMP)

demo: $(DEMO_STAMP)
	@$(BYTECODE)
	@mkdir -p demo
	@rm -f $(DEMO_DB)
	DIRTRACK_DB=$(DEMO_DB) bash examples/seed_meetings.sh
	@echo
	$(BIN)/dirtrack --db $(DEMO_DB) report --quarter 2022Q3

lint: install
	$(BIN)/ruff check dirtrack tests examples bench tools
	$(BIN)/ruff format --check dirtrack tests examples bench tools

typecheck: install
	$(BIN)/mypy

# The message catalog (README, "Messages and languages"): Babel extracts every English text of
# dirtrack/ (tools/messages.py: the msgids of i18n.py, help texts, command docstrings), merges
# them into the Vietnamese .po (new ones empty, changed ones fuzzy: translate them there), and
# compiles the .mo that ships in the package. tests/test_catalog.py fails until both agree.
LOCALE := dirtrack/locale
POT    := $(VENV)/dirtrack.pot

catalog: install
	PYTHONPATH=$(CURDIR) $(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output \
		--project dirtrack -o $(POT) dirtrack
	$(BIN)/pybabel -q update -i $(POT) -d $(LOCALE) -D dirtrack -l vi --ignore-obsolete --ignore-pot-creation-date -w 100
	$(BIN)/pybabel compile -d $(LOCALE) -D dirtrack --statistics

# The report templates dirtrack ships (dirtrack/templates/report-<kind>-<lang>.docx), made by
# the code that lays out the report itself. Run after changing the heading or the signature;
# tests/test_doc_layout.py fails until the shipped files agree.
templates: install
	$(BIN)/python -m dirtrack.render.docx_template


# make test: ruff, mypy --strict and pytest side by side, pytest itself on one worker per core
# (pytest-xdist; each worker has its own PostgreSQL cluster), then a last look at
# `dirtrack --help`. pytest runs every test on SQLite, and the store,
# report, migration, concurrency and end-to-end modules on a throwaway PostgreSQL 15 cluster too
# (tests/pg.py; the list and its reasons: POSTGRESQL_MODULES in tests/conftest.py), with
# Hypothesis's quick profile. make test-all runs every database test on both backends and the
# thorough profile (at least the examples each property test ran before the profiles).
# Without the server binaries the PostgreSQL half is skipped, and said so here and by pytest.
PG_BIN_FOUND = $(shell command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && echo yes)
PYTEST_ARGS ?=
PYTEST_WORKERS ?= auto
# A worker that has run out of tests takes half of what the other has still to run
# (pytest-xdist's worksteal), rather than waiting for it at the end: a few tests take tens of
# seconds, and one of them left last on a worker held the run. Ignored with PYTEST_WORKERS=0.
PYTEST_DIST := --dist worksteal
PYTEST_ALL := --all-backends --hypothesis-profile=thorough --run-slow

# The tests' temporary files (a SQLite file or two per test, the PostgreSQL clusters, whose every
# database is a few hundred files) go to a folder of their own in memory, on /dev/shm, when it
# has room, and that folder is removed afterwards: on a disk's file system (ext4) creating and
# deleting those files cost more CPU than the tests themselves. TEST_TMP= keeps the default.
TEST_TMP ?= /dev/shm
TEST_TMP_ROOM := 4194304

pytest: install
	@[ -n "$(PG_BIN_FOUND)" ] || echo "NOTE: PostgreSQL 15 server binaries (initdb, pg_ctl) not found:" \
		"the tests on PostgreSQL will be SKIPPED. Install them: apt-get install postgresql-15"
	@$(BYTECODE)
	@tmp=; if [ -n "$(TEST_TMP)" ] && [ -d "$(TEST_TMP)" ] && [ -w "$(TEST_TMP)" ] && \
		[ "$$(df -Pk "$(TEST_TMP)" | awk 'NR == 2 {print $$4}')" -gt $(TEST_TMP_ROOM) ]; then \
		tmp=$$(mktemp -d "$(TEST_TMP)/dirtrack-tests.XXXXXX") && chmod 755 "$$tmp" && \
		trap 'rm -rf "$$tmp"' EXIT INT TERM && export TMPDIR="$$tmp"; fi; \
	echo "TMPDIR=$${TMPDIR:-/tmp} $(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_DIST) $(PYTEST_ARGS)"; \
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_DIST) $(PYTEST_ARGS)

test: install
	$(MAKE) --no-print-directory -j3 lint typecheck pytest
	$(BIN)/dirtrack --help > /dev/null

# make test-all also trains the models of `dirtrack extract` in memory and fails when the committed
# ones are not what they give (examples/extract/train.py --verify): scikit-learn, the optional
# extra `extract-train`, is installed first.
test-all: install $(TRAIN_STAMP)
	$(MAKE) --no-print-directory -j3 lint typecheck pytest \
		PYTEST_ARGS="$(PYTEST_ALL) $(PYTEST_ARGS)"
	$(BIN)/python examples/extract/train.py --verify
	$(BIN)/dirtrack --help > /dev/null

# make bench [SIZES=1000,10000]: registers of 1,000 to 1,000,000 directives. The
# sqlite3 shell (the floor), Taskwarrior (the comparison) and GNU time (exact peak memory) are
# installed first when missing and we are root, as on CI; without them their rows are left out.
SIZES ?= 1000,10000,100000,1000000
BENCH_TOOLS := sqlite3:sqlite3 task:taskwarrior /usr/bin/time:time

bench: install
	@missing=""; for pair in $(BENCH_TOOLS); do command -v $${pair%%:*} >/dev/null 2>&1 || \
		missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing for the comparison:$$missing (apt-get)"; \
		apt-get install -y -qq $$missing >/dev/null 2>&1 || \
		{ apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $$missing >/dev/null 2>&1; } || \
		echo "Could not install$$missing: their rows are left out"; \
	fi
	@$(BYTECODE)
	$(BIN)/python bench/bench.py --sizes $(SIZES)

# The clause models of `dirtrack extract` (README, "How well it does on text it has never seen"):
# logistic regressions trained from the committed annotations of examples/extract with a fixed
# seed, written to dirtrack/extract/clauses.json and limitations.json (byte for byte the same on
# every run). scikit-learn (the optional extra `extract-train`) is needed here and by make
# test-all's check of them only, never at run time.
extract-model: $(TRAIN_STAMP)
	$(BIN)/python examples/extract/train.py

clean:
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache bench-out
