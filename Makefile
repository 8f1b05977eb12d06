# Two commands: `make run` and `make test`. Everything they need is installed here, from the package registries.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
LINT_DIR := tools/cypher-lint
LINT_STAMP := $(LINT_DIR)/node_modules/.installed
AUDIT_DIR := tools/graphql-audit
AUDIT_STAMP := $(AUDIT_DIR)/node_modules/.installed
CLIENT_DIR := tools/graphql-client
CLIENT_STAMP := $(CLIENT_DIR)/node_modules/.installed
WEB_DIR := tools/web-assets
WEB_STAMP := $(WEB_DIR)/node_modules/.installed
# What build.mjs makes (the licences and GraphiQL's fonts beside them): a fresh clone, a change to package.json
# or a deleted file builds them all again.
WEB_VENDOR := $(addprefix server/web/static/vendor/,cytoscape.min.js react.production.min.js \
	react-dom.production.min.js graphiql.min.js graphiql.min.css cypher-editor.min.js cypher-editor.css \
	cypher-lint-worker.min.js)
CHROMIUM := /usr/bin/chromium

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

# graphql-http's GraphQL-over-HTTP audit suite, which tests/server/test_graphql_over_http.py runs against the app.
$(AUDIT_STAMP): $(AUDIT_DIR)/package.json $(AUDIT_DIR)/package-lock.json
	command -v npm >/dev/null || (apt-get update -q && apt-get install -y -q nodejs npm)
	npm ci --prefix $(AUDIT_DIR) --no-audit --no-fund --loglevel=error
	touch $@

# urql, a real GraphQL client (persisted queries by GET, cursor paging), which tests/server/test_node_client.py
# runs against the app.
$(CLIENT_STAMP): $(CLIENT_DIR)/package.json $(CLIENT_DIR)/package-lock.json
	command -v npm >/dev/null || (apt-get update -q && apt-get install -y -q nodejs npm)
	npm ci --prefix $(CLIENT_DIR) --no-audit --no-fund --loglevel=error
	touch $@

# The web pages' browser assets (cytoscape; GraphiQL with React and ReactDOM) come from npm and are copied into
# server/web/static/vendor, and the analyst console's Cypher editor is bundled there by esbuild; axe-core, from
# the same package.json, serves the accessibility tests.
$(WEB_STAMP): $(WEB_DIR)/package.json $(WEB_DIR)/package-lock.json
	command -v npm >/dev/null || (apt-get update -q && apt-get install -y -q nodejs npm)
	npm ci --prefix $(WEB_DIR) --no-audit --no-fund --loglevel=error
	touch $@

# One run of the build makes every file (a grouped target, GNU make 4.3).
$(WEB_VENDOR) &: $(WEB_STAMP) $(WEB_DIR)/build.mjs $(WEB_DIR)/cypher-editor.mjs $(WEB_DIR)/cypher-lint-worker.mjs
	npm run --prefix $(WEB_DIR) --silent build

# Debian's Chromium for the browser tests: Playwright drives it, as it cannot download browsers here.
$(CHROMIUM):
	apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium

run: $(PY_STAMP) $(WEB_VENDOR)
	$(BIN)/medgraph serve --load-if-empty

lint: $(PY_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy  # strict over graph/, schema/, server/ (pyproject.toml [tool.mypy])

test: $(PY_STAMP) $(LINT_STAMP) $(AUDIT_STAMP) $(CLIENT_STAMP) $(WEB_VENDOR) $(CHROMIUM) lint
	$(BIN)/medgraph seeds check
	$(BIN)/pytest

# Every benchmark on a fresh engine of its own (docs/benchmarks.md); never part of `make test`.
bench: $(PY_STAMP)
	command -v wrk >/dev/null || (apt-get update -q && apt-get install -y -q wrk)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(LINT_DIR)/node_modules $(AUDIT_DIR)/node_modules $(CLIENT_DIR)/node_modules $(WEB_DIR)/node_modules server/web/static/vendor .pytest_cache .ruff_cache
