"""What a query may do before any engine sees it: no federation unless asked, and a time limit.

Neither pyoxigraph nor the `oxigraph` server can switch SPARQL federation off:
a `SERVICE <url>` in a query makes the engine send an HTTP request to `url`
(server-side request forgery from a shared endpoint). So litgraph reads the
query text itself: a lexical scan that skips comments, strings, IRIs,
variables (`?service`), prefixed names (`ex:service`) and language tags,
and refuses the `SERVICE` keyword unless the policy allows it.

Example:
    >>> find_service('SELECT ?service WHERE { ?s ex:service "SERVICE" } # SERVICE')
    >>> find_service('SELECT * WHERE {\\n  SERVICE <http://x/sparql> { ?s ?p ?o } }')
    2
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import QueryError, UpstreamError

DEFAULT_TIMEOUT_S = 60.0

# One alternative per token kind, the ones that can hide the word first; a bare
# word is the only place the keyword can be. Long strings before short ones.
TOKEN = re.compile(r"""
      (?P<comment>\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                 |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<variable>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<blank>_:[\w.\-]*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w.:%\-]|\\.)*)
    | (?P<word>[^\W\d]\w*)
    | (?P<other>.)
""", re.X | re.S)
CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True, slots=True)
class QueryPolicy:
    """How long a query may run (`None`: no limit) and whether it may call other endpoints."""

    timeout_s: float | None = DEFAULT_TIMEOUT_S
    allow_service: bool = False


class QueryTimeout(UpstreamError):
    """A query ran past its time limit and was abandoned (exit 3; HTTP 503 from `litgraph serve`)."""


def find_service(text: str) -> int | None:
    """The line of the first `SERVICE` keyword in a SPARQL text, or None.

    The text is scanned as written and, when it holds `\\uXXXX` escapes (which
    SPARQL allows anywhere), once more with them decoded.
    """
    for variant in dict.fromkeys((text, decode_codepoints(text))):
        for token in TOKEN.finditer(variant):
            if token.lastgroup == "word" and token.group().upper() == "SERVICE":
                return variant.count("\n", 0, token.start()) + 1
    return None


def decode_codepoints(text: str) -> str:
    def char(match: re.Match) -> str:
        try:
            return chr(int(match.group(1) or match.group(2), 16))
        except ValueError:
            return match.group()

    return CODEPOINT.sub(char, text)


def check_service(text: str, policy: QueryPolicy, where: str = "the query") -> None:
    """Raise QueryError (exit 2) for a SERVICE call the policy does not allow."""
    if policy.allow_service:
        return
    line = find_service(text)
    if line is not None:
        raise QueryError(f"{where}, line {line}: SERVICE calls another endpoint and federated queries are off; "
                         "pass --allow-service to allow them")


def timeout_message(policy: QueryPolicy) -> str:
    return (f"the query ran longer than {policy.timeout_s:g} s and was stopped "
            "(--timeout SECONDS raises the limit, --timeout 0 removes it)")
