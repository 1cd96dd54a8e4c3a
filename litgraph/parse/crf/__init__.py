"""The trained reference labeller: a CRF (python-crfsuite) over the tokens of a string.

Modules, in the order a string passes through them:

- `tokens`: whitespace tokens, punctuation attached, capped at `MAX_TOKENS`;
- `lexicon`, `features`: the features of each token, with the word lists in `dictionaries/`;
- `model`, `labeller`: the model file, loaded on first use, and the labels with their marginals;
- `fields`, `persons`: labels -> `ParsedReference` fields, authors split into persons;
- `data`, `train`: labelled references (segments JSONL, AnyStyle XML) -> a model file.

The shipped model is `model.crfsuite`, rebuilt by `make model`.
"""
