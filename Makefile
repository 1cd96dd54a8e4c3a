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

# Speed, side by side: the synthetic corpus at each size through the Oxigraph store and rdflib
# (bench/README.md). About 8 minutes on 2 cores; add 10m with SIZES=10k,100k,1m,10m.
SIZES ?= 10k,100k,1m
bench: $(STAMP)
	$(BIN)/python -m bench.run --sizes $(SIZES)

clean:
	rm -rf build .pytest_cache
