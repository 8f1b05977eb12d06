# Two commands: `make run` and `make test`. Everything they need is installed here, from the package registries.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
LINT_DIR := tools/cypher-lint
LINT_STAMP := $(LINT_DIR)/node_modules/.installed

.PHONY: install run test lint bench clean

install: $(PY_STAMP)

$(PY_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

$(LINT_STAMP): $(LINT_DIR)/package.json $(LINT_DIR)/package-lock.json
	command -v npm >/dev/null || (apt-get update -q && apt-get install -y -q nodejs npm)
	npm ci --prefix $(LINT_DIR) --no-audit --no-fund --loglevel=error
	touch $@

run: $(PY_STAMP)
	$(BIN)/medgraph serve --load-if-empty

lint: $(PY_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(PY_STAMP) $(LINT_STAMP) lint
	$(BIN)/medgraph seeds check
	$(BIN)/pytest

bench: $(PY_STAMP)
	$(BIN)/python -m bench.load

clean:
	rm -rf $(VENV) $(LINT_DIR)/node_modules .pytest_cache .ruff_cache
