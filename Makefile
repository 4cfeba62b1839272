# Two entry points, each sets up from nothing: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: setup demo test lint bench clean

$(BIN)/wartrace: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

setup: $(BIN)/wartrace

demo: setup
	$(BIN)/wartrace demo

# axe-core (MPL-2.0) checks the dashboard's accessibility in the browser tests. It is a
# test-time tool only, never shipped: installed from npm into tests/.axe (gitignored).
AXE_JS := tests/.axe/node_modules/axe-core/axe.min.js
$(AXE_JS):
	@if command -v npm >/dev/null 2>&1; then \
		npm install --prefix tests/.axe --no-save --no-audit --no-fund --silent axe-core@4.14.1 \
		|| echo "axe-core could not be installed: its accessibility checks will be skipped"; \
	else echo "npm not found: the axe-core accessibility checks will be skipped"; fi

test: setup $(AXE_JS)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest

bench: setup
	for b in bench/bench_*.py; do $(BIN)/python $$b; done

clean:
	rm -rf $(VENV) build *.egg-info wartrace-demo.db test-artifacts tests/.axe
