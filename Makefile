# litgraph: `make run` builds the graph and prints the headline answers;
# `make test` runs the whole suite. Both create .venv and install everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test build clean bench accuracy model

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

# Field accuracy of the reference parser, per field and overall, and the share of references with
# every field right, on the seed gold, the held-out strings and, where ../shared/refdata exists,
# AnyStyle's two sets (measured only: never copied, never trained on); with references per second.
accuracy: $(STAMP)
	$(BIN)/python -m litgraph.parse.accuracy --output test-artifacts/parser-accuracy.txt
	$(BIN)/python -m litgraph.cite.roundtrip --output test-artifacts/cite-roundtrip.txt  # seeds re-formatted vs print
	$(BIN)/python -m litgraph.findings.suggest_eval  # findings suggest vs the hand-coded seed findings (002 held out)

# The shipped reference labeller, rebuilt from the repository alone: records (half their titles,
# journals, proceedings and imprints from the open vocabulary of parse/training/openvocab.py)
# rendered through 61 CSL styles (python -m litgraph.parse.training.generate, seed 1, 30,000
# records, about 3 minutes) less every tenth (held out: the settings are tuned on it, and on the
# seed gold), the hand-written examples, our own synthetic printed styles (common, humanities,
# note and sciences shapes, seed 1) and the seed gold. Same data, same model. Training takes
# about an hour of one core (150 L-BFGS iterations; run nothing heavy beside it).
MODEL := litgraph/parse/crf/model.crfsuite
MODEL_DATA := build/model-data
MODEL_COUNT ?= 30000
model: $(STAMP)
	mkdir -p $(MODEL_DATA)
	$(BIN)/python -m litgraph.parse.training.generate --out $(MODEL_DATA)/generated.jsonl --seed 1 --count $(MODEL_COUNT)
	$(BIN)/python -m litgraph.parse.crf.split $(MODEL_DATA)/generated.jsonl --every 10 \
		--train $(MODEL_DATA)/generated-train.jsonl --held-out $(MODEL_DATA)/generated-held-out.jsonl
	$(BIN)/python -m litgraph.parse.crf.synthetic --out $(MODEL_DATA)/synthetic.jsonl --seed 1 --count 12000
	$(BIN)/python -m litgraph.parse.crf.train --with-gold --out $(MODEL) --data $(MODEL_DATA)/generated-train.jsonl \
		litgraph/parse/crf/examples/*.jsonl $(MODEL_DATA)/synthetic.jsonl

# Speed, side by side: the synthetic corpus at each size through the Oxigraph store and rdflib
# (bench/README.md). About 8 minutes on 2 cores; add 10m with SIZES=10k,100k,1m,10m.
SIZES ?= 10k,100k,1m
BUILD_SIZES ?= 1k,10k,50k
bench: $(STAMP)
	$(BIN)/python -m bench.parser_speed  # the reference parser on one core, cold and warm caches: medians of 5 processes
	$(BIN)/python -m bench.run --sizes $(SIZES) --build-sizes $(BUILD_SIZES)

clean:
	rm -rf build .pytest_cache
