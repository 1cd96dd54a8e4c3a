# litgraph: `make run` builds the graph and prints the headline answers;
# `make test` runs the whole suite. Both create .venv and install everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test build clean bench accuracy

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/litgraph build
	$(BIN)/litgraph headline

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Field accuracy of the reference parser on the hand-checked gold (tests/gold/refs).
accuracy: $(STAMP)
	$(BIN)/python -m litgraph.parse.evaluate --output test-artifacts/parser-accuracy.txt

clean:
	rm -rf build .pytest_cache
