"""The trained reference labeller: a CRF (trained with python-crfsuite) over the tokens of a string.

Modules, in the order a string passes through them:

- `tokens`: whitespace tokens, punctuation attached, capped at `MAX_TOKENS`;
- `lexicon`, `features`: the features of each token, with the word lists in `dictionaries/`;
- `model`: the model file's weights, read into arrays on first use;
- `scores`, `decode`: each label's score at each token, summed once per token and context, and the
  best labels with their marginals, a list's references decoded together (numpy);
- `labeller`: the labels of a list of strings, after the label repairs (`repair` and the modules
  it calls);
- `fields`, `persons`: labels -> `ParsedReference` fields, authors split into persons;
- `data`, `train`: labelled references (segments JSONL, AnyStyle XML) -> a model file.

The shipped model is `model.crfsuite`, rebuilt by `make model`.
"""
