# `make generate` and `make test` work on a fresh machine with only python3:
# the first use creates .venv and installs the project with its dev tools.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: generate test check conformance models-conformance bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Bytecode for the checkout's modules: an editable install gets none from pip, and where
# PYTHONDONTWRITEBYTECODE is set every run would compile them again (about 10% of a run).
generate: $(STAMP)
	$(PY) -m compileall -q generator
	$(VENV)/bin/modelgen generate

test: $(STAMP)
	$(PY) -m pytest -q

check: $(STAMP)
	$(VENV)/bin/modelgen generate --check

conformance: $(STAMP)
	$(PY) tests/conformance.py

models-conformance: $(STAMP)
	$(PY) tests/models_conformance.py

bench: $(STAMP)
	$(PY) benchmarks/bench.py

lint: $(STAMP)
	$(PY) -m ruff check generator tests benchmarks
	$(PY) -m black --check generator tests benchmarks
	$(PY) -m mypy generator

clean:
	rm -rf $(VENV) build *.egg-info
