"""The remote backend: any SPARQL 1.1 query endpoint, asked through SPARQLWrapper.

`RemoteStore` answers like the embedded stores: `select(sparql, bindings)`
returns `Rows` whose values pass through the same `store.plain_value`, so JSON
rows have the same keys and value forms whichever store answered.

Binding parameters remotely
---------------------------
The SPARQL 1.1 Protocol has no binding API, so bindings are injected into the
query text as data, never as pasted user text: each bound variable becomes a
`VALUES ?var { term }` block placed right after the `{` that opens the
outermost WHERE group, where it joins with the rest of the group (so FILTERs
in that group see it, as with rdflib's initBindings). The embedded Oxigraph
store binds the same way, because its optimiser plans a VALUES block as
constants and pyoxigraph's `substitutions` not (store.OxigraphStore.select). Terms are serialised with N-Triples escaping: an IRI must be
a valid IRIREF (no spaces, quotes, angle brackets, braces or backslashes,
otherwise QueryError); a literal's `\\`, `"`, line feed and carriage return are
escaped and the datatype is written as an IRI. Nothing the user typed can
close the literal or the group. The scanner that finds the group skips
comments, strings and IRIs, and ignores braces inside parentheses
(`EXISTS { }` in a SELECT expression) and a CONSTRUCT template.

Faults are translated once, in `_translate`: an unreachable endpoint, wrong
credentials, a missing endpoint, a server-side timeout (also when the server
signals it inside a 200 answer: Oxigraph breaks off the JSON, Virtuoso sends
`X-SQL-State: S1TAT` with incomplete rows) become UpstreamError (exit 3) with
the endpoint and the cause; a query the endpoint calls malformed is a
QueryError (exit 2).
"""

from __future__ import annotations

import json
import re
import socket
import urllib.error
from typing import Any

from .errors import QueryError, UpstreamError
from .store import Rows, Term, plain_value

DEFAULT_TIMEOUT_S = 300.0
IRIREF = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')
IRI_AT = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
WORD = re.compile(r"[A-Za-z_][\w\-.:]*")
LITERAL_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


class RemoteStore:
    """A SPARQL 1.1 query endpoint (Oxigraph server `/query`, Virtuoso `/sparql`, Fuseki, GraphDB...).

    Example:
        >>> store = RemoteStore("http://127.0.0.1:7878/query")  # doctest: +SKIP
        >>> store.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1").variables  # doctest: +SKIP
        ('s',)
    """

    name = "endpoint"

    def __init__(self, endpoint: str, user: str | None = None, password: str | None = None,
                 timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        if not re.match(r"^https?://[^/\s]+", endpoint):
            raise QueryError(f"--endpoint must be an http(s) URL of a SPARQL query endpoint, not {endpoint!r}")
        self.endpoint = endpoint
        self._credentials = (user, password) if user else None
        self._timeout_s = timeout_s

    def select(self, sparql: str, bindings: dict[str, Term] | None = None) -> Rows:
        """Run a SELECT or ASK query; bindings are injected as VALUES blocks."""
        text = bind_values(sparql, bindings) if bindings else sparql
        return rows_from_json(self._ask(text), self.endpoint)

    def _ask(self, text: str) -> dict[str, Any]:
        from SPARQLWrapper import BASIC, JSON, POST, SELECT, URLENCODED, SPARQLWrapper

        client = SPARQLWrapper(self.endpoint)
        client.setQuery(text)
        # SPARQLWrapper guesses the query form with a regex that takes `lg:isAddedPaper` for an
        # ADD update and then posts `update=`; this backend only reads, so say so.
        client.queryType = SELECT
        client.setMethod(POST)
        client.setRequestMethod(URLENCODED)
        client.setReturnFormat(JSON)
        client.setTimeout(int(self._timeout_s))
        if self._credentials:
            client.setHTTPAuth(BASIC)
            client.setCredentials(*self._credentials)
        try:
            response = client.query().response
            _check_complete(response, self.endpoint)
            body = response.read()
        except Exception as exc:  # SPARQLWrapper and urllib raise many kinds; translate them all
            raise _translate(exc, self.endpoint, self._timeout_s) from exc
        return _parse_json(body, self.endpoint)


def _check_complete(response, endpoint: str) -> None:
    """Virtuoso answers a timed-out "anytime" query with 200, partial rows and X-SQL-State S1TAT."""
    state = response.headers.get("X-SQL-State")
    if state and state.strip() == "S1TAT":
        message = (response.headers.get("X-SQL-Message") or "").split("Activity:")[0].strip()
        raise UpstreamError(f"SPARQL endpoint {endpoint}: the query timed out on the server, "
                            f"which returned incomplete results ({message or state})")


def _parse_json(body: bytes, endpoint: str) -> dict[str, Any]:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        tail = body[-300:].decode("utf-8", "replace").strip()
        if "cancel" in tail.lower() or "timeout" in tail.lower() or "timed out" in tail.lower():
            raise UpstreamError(f"SPARQL endpoint {endpoint}: the query timed out on the server "
                                f"and the answer broke off ({_last_line(tail)})") from None
        raise UpstreamError(f"SPARQL endpoint {endpoint} did not return SPARQL JSON results "
                            f"(is this the query endpoint?): {_last_line(tail)[:200]!r}") from None


def _translate(exc: Exception, endpoint: str, timeout_s: float) -> Exception:
    """One place that turns transport and HTTP failures into litgraph errors naming the endpoint."""
    from SPARQLWrapper.SPARQLExceptions import (EndPointInternalError, EndPointNotFound,
                                                QueryBadFormed, Unauthorized, URITooLong)

    if isinstance(exc, UpstreamError):
        return exc
    where = f"SPARQL endpoint {endpoint}"
    detail = server_message(_response_body(exc))
    if isinstance(exc, QueryBadFormed):
        return QueryError(f"SPARQL syntax error ({where} rejected the query): {detail}")
    if isinstance(exc, Unauthorized):
        return UpstreamError(f"{where}: the credentials were rejected or are missing (HTTP 401)")
    if isinstance(exc, EndPointNotFound):
        return UpstreamError(f"{where}: not found (HTTP 404); is this the query URL "
                             "(Oxigraph: /query, Virtuoso: /sparql)?")
    if isinstance(exc, EndPointInternalError):
        if re.search(r"time ?out|timed out|cancel", detail, re.I):
            return UpstreamError(f"{where}: the query timed out on the server: {detail}")
        return UpstreamError(f"{where}: the server failed (HTTP 500): {detail}")
    if isinstance(exc, URITooLong):
        return UpstreamError(f"{where}: the request was too long for the server (HTTP 414)")
    if isinstance(exc, urllib.error.HTTPError):
        answer = server_message(exc.read() or b"") if exc.fp else ""
        if exc.code == 503 and re.search(r"longer than|time ?out|timed out", answer, re.I):  # litgraph serve
            return UpstreamError(f"{where}: the query timed out on the server (HTTP 503): {answer}")
        return UpstreamError(f"{where}: HTTP {exc.code} {exc.reason}")
    if isinstance(exc, (TimeoutError, socket.timeout)) or "timed out" in str(exc):
        return UpstreamError(f"{where}: no answer within {timeout_s:g} s")
    if isinstance(exc, urllib.error.URLError):
        return UpstreamError(f"{where} is unreachable: {exc.reason}")
    if isinstance(exc, OSError):
        return UpstreamError(f"{where}: the connection failed: {exc}")
    return UpstreamError(f"{where}: the request failed: {type(exc).__name__}: {exc}")


def _response_body(exc: Exception) -> bytes:
    """The server's answer that SPARQLWrapper keeps only as a repr inside its message."""
    import ast

    _, sep, tail = str(exc).partition("Response:\n")
    try:
        return ast.literal_eval(tail) if sep else b""
    except (ValueError, SyntaxError):
        return tail.encode()


def server_message(body: bytes | str) -> str:
    """The readable first line of a server's error answer (Virtuoso sends HTML, Oxigraph plain text)."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    if "<" in text and re.search(r"</\w+>", text):
        xmp = re.search(r"<xmp>(.*?)</xmp>", text, re.S)
        text = xmp.group(1) if xmp else re.sub(r"<(head|title)>.*?</\1>|<[^>]+>", "\n", text, flags=re.S)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return (lines[0] if lines else "no details")[:300]


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def rows_from_json(doc: dict[str, Any], endpoint: str = "") -> Rows:
    """SPARQL 1.1 Query Results JSON -> Rows with plain values (as the embedded stores give)."""
    if "boolean" in doc:
        return Rows(("result",), ({"result": bool(doc["boolean"])},))
    try:
        names = tuple(doc["head"]["vars"])
        solutions = doc["results"]["bindings"]
    except (KeyError, TypeError):
        raise UpstreamError(f"SPARQL endpoint {endpoint} returned JSON that is not a SPARQL result") from None
    return Rows(names, tuple({n: json_value(sol.get(n)) for n in names} for sol in solutions))


def json_value(binding: dict[str, str] | None) -> Any:
    """One JSON binding -> the plain value; Virtuoso's "typed-literal" is a literal with a datatype."""
    if binding is None:
        return None
    if binding.get("type") in ("literal", "typed-literal"):
        return plain_value(binding["value"], binding.get("datatype"))
    return binding["value"]


def sparql_term(term: Term) -> str:
    """A Term in SPARQL syntax, escaped as in N-Triples; invalid IRIs are refused, never pasted."""
    if term.kind == "iri":
        if not term.value or not IRIREF.fullmatch(term.value):
            raise QueryError(f"not a valid IRI: {term.value!r}")
        return f"<{term.value}>"
    text = '"' + "".join(LITERAL_ESCAPES.get(c, c) for c in term.value) + '"'
    return text + "^^" + sparql_term(Term(term.datatype)) if term.datatype else text


def bind_values(sparql: str, bindings: dict[str, Term]) -> str:
    """Insert `VALUES ?name { term }` for each binding at the start of the outermost WHERE group.

    Example:
        >>> bind_values("SELECT ?x WHERE { ?x ?p ?o }", {"x": Term("urn:a")})
        'SELECT ?x WHERE { VALUES ?x { <urn:a> } ?x ?p ?o }'
    """
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
    at = where_group_start(sparql)
    block = "".join(f" VALUES ?{name} {{ {sparql_term(term)} }}" for name, term in bindings.items())
    return sparql[:at] + block + sparql[at:]


def where_group_start(sparql: str) -> int:
    """The index just after the `{` that opens the outermost WHERE group."""
    braces = parens = 0
    form = None
    seen_where = False
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            i = _skip_string(sparql, i)
            continue
        elif c == "<" and (m := IRI_AT.match(sparql, i)):
            i = m.end()
            continue
        elif c in "?$":
            m = WORD.match(sparql, i + 1)
            i = m.end() if m else i + 1
            continue
        elif c == "(":
            parens += 1
        elif c == ")":
            parens -= 1
        elif c == "{":
            if braces == 0 and parens == 0 and (form != "CONSTRUCT" or seen_where):
                return i + 1
            braces += 1
        elif c == "}":
            braces -= 1
        elif c.isalpha() or c == "_":
            m = WORD.match(sparql, i)
            word = m.group().upper()
            if braces == 0 and parens == 0:
                form = form or (word if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") else None)
                seen_where = seen_where or word == "WHERE"
            i = m.end()
            continue
        i += 1
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def _skip_string(text: str, i: int) -> int:
    """The index after the string literal starting at i (short or long form, with escapes)."""
    quote = text[i] * 3 if text.startswith(text[i] * 3, i) else text[i]
    j = i + len(quote)
    while j < len(text):
        if text[j] == "\\":
            j += 2
        elif text.startswith(quote, j):
            return j + len(quote)
        else:
            j += 1
    raise QueryError("SPARQL syntax error: a string literal is not closed")
