"""The features of each token that the CRF labels from.

Each token gets its own features (word, shape, capitalisation, punctuation,
digits, year, page-range, volume(issue), identifier patterns, dictionaries,
position in the string, how many sentences and years came before, how many
sentences and whether a year are still to come) and a few of its neighbours'
(±1, ±2). Features are UTF-8 byte strings (value 1), the fastest form
python-crfsuite accepts: it copies bytes as they are, where it would encode a
str every time (`readable` decodes them for people). A binary property is a
feature when true and absent when false ("yearseen", never "noyear"), which
halves what the tagger looks up.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import memberships

PUNCT = "\"'“”‘’«»()[]{}<>.,:;!?"
SHAPE_MAP = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                           **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"},
                           **{c: "d" for c in "0123456789"}})
YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
PAGE_RANGE = re.compile(r"^[A-Za-z]{0,2}\d+[A-Za-z]?[-\u2010-\u2015\u2212]+[A-Za-z]{0,2}\d*$")
VOLUME_ISSUE = re.compile(r"^\d+\s*\([\w\-–/ ]+\)")
INITIALS = re.compile(r"^(?:[A-Z]\.(?:-?[A-Z]\.)*|[A-Z]{1,3}|[A-Z]\.?-[A-Z]\.?)$")
DOI = re.compile(r"10\.\d{4,9}/", re.IGNORECASE)
URL = re.compile(r"^(?:<?https?://|www\.)", re.IGNORECASE)
ISBN = re.compile(r"^(?:97[89][-\d]{10,14}|\d[-\d]{8,11}[\dXx])$")
HAS_DIGIT = re.compile(r"\d")
PMID = re.compile(r"^(?:PMID|PMCID|PMC\d+)", re.IGNORECASE)
NEIGHBOUR_KEYS = ("w=", "shape=", "trail=", "lead=", "d:", "year", "init", "cap", "allcap", "num")


def shape(word: str) -> str:
    """A compressed word shape: "Smith," -> "Xx,", "1179-84" -> "d-d", "J." -> "X."."""
    classes = word.translate(SHAPE_MAP)
    return (classes[:1] + "".join([char for char, before in zip(classes[1:], classes) if char != before]))[:8]


DIGIT_FEATURES = {"0": (), **{c: ("digits=" + c,) for c in ("1", "2", "3", "4", "5", "mix")}}


def digit_class(word: str) -> str:
    """How many digits the token holds: none, 1-2, 3, 4, 5+, or mixed with letters."""
    count = sum(map(str.isdigit, word))
    if count == 0:
        return "0"
    if any(ch.isalpha() for ch in word):
        return "mix"
    return str(min(count, 5))


def pattern_features(token: str, word: str, digits: bool) -> list[str]:
    """Year, page range, volume(issue), initials and identifier patterns (`digits`: the token has one).
    Each pattern is anchored at the token's start, so its first character rules most out at once."""
    found = number_patterns(token) if digits else []
    if "A" <= token[:1] <= "Z" and INITIALS.match(token.rstrip(",;:")):
        found.append("init")
    if ("10." in token and DOI.search(token)) or word.startswith("doi"):
        found.append("doi")
    if token[:1] in "<hHwW" and URL.match(token):
        found.append("url")
    if token[:1] in "pP" and PMID.match(token):
        found.append("pmid")
    return found


def number_patterns(token: str) -> list[str]:
    """The patterns of a token with digits: year, page range, volume(issue), ISBN."""
    core = token.strip(".,;:")
    found = ["year"] if YEAR.search(token) else []
    if PAGE_RANGE.match(core):
        found.append("range")
    if VOLUME_ISSUE.match(core):
        found.append("volis")
    if ISBN.match(core):
        found.append("isbn")
    return found


@lru_cache(maxsize=65536)
def token_features(token: str) -> tuple[str, ...]:
    """The features of one token on its own, before position and neighbours (cached: words repeat)."""
    core = token.strip(PUNCT)
    word, digits = core.lower(), HAS_DIGIT.search(token) is not None  # (punctuation holds no digit)
    feats = ["w=" + word, "shape=" + shape(token), "p3=" + word[:3], "s3=" + word[-3:],
             *(DIGIT_FEATURES[digit_class(core)] if digits else ())]
    if core[:1].isupper():
        feats.append("cap")
    if len(core) > 1 and core.isupper():
        feats.append("allcap")
    if core.isdigit():
        feats.append("num")
    if token[:1] in PUNCT:
        feats.append("lead=" + token[:1])
    if token[-1:] in PUNCT:
        feats.append("trail=" + token[-1:])
        if len(token) > 1 and token[-2] in PUNCT:
            feats.append("trail2=" + token[-2:])
    feats += ["d:" + name for name in memberships().get(word, ())]
    return tuple(feats + pattern_features(token, word, digits))


OFFSETS = (-2, -1, 1, 2)
PADDING = tuple((f"{offset}:none".encode(),) for offset in OFFSETS)  # what a token sees beyond either end
POSITIONS = tuple(f"pos={tenth}".encode() for tenth in range(10))


def sequence_features(tokens: list[str]) -> list[tuple[bytes, ...]]:
    """The features of every token of one reference, with context and neighbours (a tuple of UTF-8
    byte strings per token: python-crfsuite reads any sequence of them)."""
    total = len(tokens)
    context = context_features(tokens)
    seen = [PADDING, PADDING, *map(seen_from, tokens), PADDING, PADDING]  # token i is seen[i + 2]
    result = [(*own_features(token), *context[i], POSITIONS[10 * i // total], *seen[i][0], *seen[i + 1][1],
               *seen[i + 3][2], *seen[i + 4][3]) for i, token in enumerate(tokens)]  # one tuple built, not seven
    if result:
        result[0] += (b"BOS",)
        result[-1] += (b"EOS",)
    return result


def readable(rows: list[tuple[bytes, ...]]) -> list[tuple[str, ...]]:
    """`sequence_features` rows as text, for people and tests."""
    return [tuple(feature.decode() for feature in row) for row in rows]


@lru_cache(maxsize=65536)
def own_features(token: str) -> tuple[bytes, ...]:
    """`token_features`, encoded."""
    return tuple([feature.encode() for feature in token_features(token)])


@lru_cache(maxsize=65536)
def seen_from(token: str) -> tuple[tuple[bytes, ...], ...]:
    """`token`'s neighbour features as each of `OFFSETS` sees them: prefixed "-2:" for the token two
    after it, "-1:" for the next, "1:" for the one before and "2:" for the one two before."""
    views = [view for view in map(prefixed, token_features(token)) if view]
    return tuple(zip(*views)) if views else ((), (), (), ())


@lru_cache(maxsize=65536)
def prefixed(feature: str) -> tuple[bytes, ...]:
    """A feature as the four neighbours see it (`OFFSET_BYTES` before it), or () when neighbours do
    not see it (kept: shapes, punctuation and word lists repeat from token to token)."""
    if not feature.startswith(NEIGHBOUR_KEYS):
        return ()
    raw = feature.encode()
    return tuple([prefix + raw for prefix in OFFSET_BYTES])


OFFSET_BYTES = tuple(f"{offset}:".encode() for offset in OFFSETS)


def context_features(tokens: list[str]) -> list[tuple[bytes, ...]]:
    """Running state: sentences ended, a year seen, inside quotes, inside parentheses; and what is
    still to come: the sentences left before the end, a year ahead."""
    return [CONTEXT_ROWS[code] for code in context_codes(tokens)]


def context_codes(tokens: list[str]) -> list[int]:
    """Each token's context (`context_features`) as one number below `CONTEXT_COUNT`: the sentences
    ended (0-6) * 64 + a year seen * 32 + inside quotes * 16 + inside parentheses * 8 + the sentences
    left (0-3) * 2 + a year ahead."""
    states = list(map(token_state, tokens))
    codes = []
    sentences = year_seen = quoted = depth = 0
    for ended, year, delta, opens, stays in states:
        codes.append((sentences if sentences < 6 else 6) * 64 + year_seen * 32 + quoted * 16 + (depth > 0) * 8)
        quoted = stays if quoted else opens
        sentences += ended
        year_seen |= year
        depth = depth + delta if depth + delta > 0 else 0
    left = year_ahead = 0
    ahead = []
    for ended, year, *_ in reversed(states):
        ahead.append((left if left < 3 else 3) * 2 + year_ahead)
        left += ended
        year_ahead |= year
    return list(map(int.__add__, codes, reversed(ahead)))


AHEAD = {(n, y): (f"left={n}".encode(),) + ((b"yearahead",) if y else ()) for n in range(4) for y in (False, True)}
CONTEXTS = {(n, y, q, p): (f"sent={n}".encode(),) + (b"yearseen",) * y + (b"inq",) * q + (b"inpar",) * p
            for n in range(7) for y in (False, True) for q in (False, True) for p in (False, True)}  # absent: not so
CONTEXT_COUNT = 7 * 64
CONTEXT_ROWS = [CONTEXTS[code // 64, bool(code & 32), bool(code & 16), bool(code & 8)]
                + AHEAD[(code & 7) >> 1, bool(code & 1)] for code in range(CONTEXT_COUNT)]


@lru_cache(maxsize=65536)
def token_state(token: str) -> tuple[int, int, int, int, int]:
    """What a token changes in the running state: a sentence ended (1 or 0), a year, the parentheses
    it opens less those it closes, and whether the reader is inside quotes after it, if outside
    before it and if inside."""
    delta = token.count("(") - token.count(")")
    return (ends_sentence(token), bool(YEAR.search(token)), delta, toggles_quote(token, False),
            toggles_quote(token, True))


def state_code(token: str) -> int:
    """`token_state` in one number, for numpy (`scores.context_code_array`): sentence ended (bit 0),
    year (1), opens quotes (2), stays inside them (3), and the parentheses it opens less those it
    closes times 16 (negative when it closes more)."""
    ended, year, delta, opens, stays = token_state(token)
    return ended | year << 1 | opens << 2 | stays << 3 | delta << 4


@lru_cache(maxsize=65536)
def ends_sentence(token: str) -> bool:
    """A period, ?, or ! closing a word that is not an initial or abbreviation."""
    core = token.rstrip("\"'”’)")
    if not core.endswith((".", "?", "!")):
        return False
    word = core.rstrip(".?!")
    if INITIALS.match(core.lstrip("(")):
        return False
    return not (len(word.strip("(")) <= 2 or word.lower() in {"vol", "pp", "no", "ed", "eds", "al", "pp"})


def toggles_quote(token: str, quoted: bool) -> bool:
    """Whether the token leaves the reader inside a quoted title."""
    if token[:1] in "\"“‘" and not quoted:
        quoted = True
        token = token[1:]
    if quoted and token.rstrip(".,;:)").endswith(("\"", "”", "’")):
        return False
    return quoted
