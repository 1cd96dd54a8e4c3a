"""The remote backend without a server: VALUES binding, term escaping, JSON rows, push helpers.

Binding is checked by running the bound text on the embedded Oxigraph store:
rows must equal those from pyoxigraph's own substitutions.
"""

from __future__ import annotations

import pytest

from litgraph.errors import QueryError
from litgraph.push import count_triples, graph_store_url, known_server, read_batches
from litgraph.queries import bind_params, get_query, list_queries
from litgraph.remote import bind_values, rows_from_json, sparql_term, where_group_start
from litgraph.store import Term

XSD = "http://www.w3.org/2001/XMLSchema#"
CASES = {"reference-list": {"paper": "10.1000/a"}, "citing-papers": {"work": "10.1000/b"},
         "works-by-author": {"name": "gillard"}, "factor-evidence": {"factor": "clear-job-description"}}


@pytest.mark.parametrize("text, expected", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE {"),
    ("SELECT * { ?s ?p ?o }", "SELECT * {"),
    ("# a comment with { brace\nSELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE {"),
    ('PREFIX x: <http://e/>\nSELECT ("{" AS ?b) (\'\'\'"}\'\'\' AS ?c) WHERE { ?s ?p ?o }', 'AS ?c) WHERE {'),
    ("SELECT (EXISTS { ?a ?b ?c } AS ?e) WHERE { ?s ?p ?o }", "AS ?e) WHERE {"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "} WHERE {"),
    ("SELECT ?where WHERE { ?s ?p ?where }", "?where WHERE {"),
    ("ASK FROM <urn:g> { ?s ?p ?o }", "<urn:g> {"),
])
def test_where_group_start(text, expected):
    assert text[:where_group_start(text)].endswith(expected)


def test_no_where_group_is_a_query_error():
    with pytest.raises(QueryError, match="no WHERE group"):
        bind_values("DESCRIBE <urn:x>", {"x": Term("urn:y")})


@pytest.mark.parametrize("term, text", [
    (Term("https://w3id.org/litgraph/id/work/doi/10.1000/a"), "<https://w3id.org/litgraph/id/work/doi/10.1000/a>"),
    (Term("3", "literal", XSD + "integer"), f'"3"^^<{XSD}integer>'),
    (Term('say "hi"\\ \n\r }', "literal"), '"say \\"hi\\"\\\\ \\n\\r }"'),
    (Term("\\u0022 } #", "literal"), '"\\\\u0022 } #"'),
])
def test_terms_are_escaped_as_in_n_triples(term, text):
    assert sparql_term(term) == text


@pytest.mark.parametrize("iri", ["urn:a> } DROP ALL {<urn:b", "http://e/a b", "", 'urn:"x"', "urn:a\\u003E"])
def test_invalid_iris_are_refused_not_pasted(iri):
    with pytest.raises(QueryError, match="not a valid IRI"):
        sparql_term(Term(iri))


def test_hostile_string_stays_one_literal(mini_stores):
    hostile = 'Gillard" ) } } ; DELETE WHERE { ?s ?p ?o } # \\'
    query = get_query("works-by-author")
    text = bind_values(query.text, {"name": Term(hostile, "literal")})
    assert mini_stores["oxigraph"].select(text).rows == ()


@pytest.mark.parametrize("name", sorted(q.name for q in list_queries()))
def test_values_binding_gives_the_rows_pyoxigraph_substitution_gives(name, mini_stores):
    import pyoxigraph as ox

    from litgraph.store import plain_value, to_oxigraph

    def by_name(term):  # the plain value, looked up by name: independent of the rows' fast path
        if isinstance(term, ox.Literal):
            return plain_value(term.value, term.datatype.value)
        return None if term is None else term.value

    store = mini_stores["oxigraph"]
    query = get_query(name)
    bindings = bind_params(query, CASES.get(name, {}), store)
    substituted = store._store.query(query.text, substitutions={ox.Variable(k): to_oxigraph(t)
                                                                for k, t in bindings.items()})
    names = [v.value for v in substituted.variables]
    expected = [{n: by_name(s[n]) for n in names} for s in substituted]
    assert list(store.select(query.text, bindings).rows) == expected


def test_rows_from_virtuoso_json_have_the_embedded_value_forms():
    doc = {"head": {"link": [], "vars": ["n", "i", "d", "b", "y", "s", "l", "u", "none"]},
           "results": {"bindings": [{
               "n": {"type": "typed-literal", "datatype": XSD + "integer", "value": "3"},
               "i": {"type": "typed-literal", "datatype": XSD + "int", "value": "7"},
               "d": {"type": "typed-literal", "datatype": XSD + "double", "value": "1"},
               "b": {"type": "typed-literal", "datatype": XSD + "boolean", "value": "0"},
               "y": {"type": "literal", "value": "2006"},
               "s": {"type": "literal", "value": "x"},
               "l": {"type": "literal", "xml:lang": "en", "value": "Benefit"},
               "u": {"type": "uri", "value": "urn:a"}}]}}
    rows = rows_from_json(doc)
    assert rows.variables == ("n", "i", "d", "b", "y", "s", "l", "u", "none")
    assert rows.rows == ({"n": 3, "i": 7, "d": 1.0, "b": False, "y": "2006", "s": "x", "l": "Benefit",
                          "u": "urn:a", "none": None},)
    assert rows_from_json({"head": {}, "boolean": True}).rows == ({"result": True},)


@pytest.mark.parametrize("endpoint, authenticated, store_url, update_url", [
    ("http://127.0.0.1:7878/query", False, "http://127.0.0.1:7878/store", "http://127.0.0.1:7878/update"),
    ("http://127.0.0.1:8890/sparql", True, "http://127.0.0.1:8890/sparql-graph-crud-auth",
     "http://127.0.0.1:8890/sparql-auth"),
    ("http://127.0.0.1:8890/sparql", False, "http://127.0.0.1:8890/sparql-graph-crud", "http://127.0.0.1:8890/sparql"),
    ("http://h:3030/ds/sparql", False, "http://h:3030/ds/data", "http://h:3030/ds/update"),
    ("http://h:7200/repositories/lit", False, "http://h:7200/repositories/lit/rdf-graphs/service",
     "http://h:7200/repositories/lit/statements"),
    ("http://h:7001/", False, None, "http://h:7001/"),
])
def test_known_servers(endpoint, authenticated, store_url, update_url):
    server = known_server(endpoint, authenticated)
    assert (server.store_url, server.update_url) == (store_url, update_url)


def test_graph_store_urls():
    assert graph_store_url("http://h/store", None) == "http://h/store?default"
    assert graph_store_url("http://h/store", "urn:x:a b") == "http://h/store?graph=urn%3Ax%3Aa%20b"


def test_batches_keep_whole_lines_and_count_blank_nodes(tmp_path):
    path = tmp_path / "g.nt"
    lines = [f"<urn:s{i}> <urn:p> \"{'x' * i}\" .\n" for i in range(50)]
    path.write_text("# comment\n" + "".join(lines) + "\n", encoding="utf-8")
    assert count_triples(path) == (50, False)
    batches = list(read_batches(path, 300))
    assert len(batches) > 5 and b"".join(batches).decode().count(" .\n") == 50
    assert all(b.endswith(b"\n") for b in batches)
    path.write_text("_:b0 <urn:p> <urn:o> .\n", encoding="utf-8")
    assert count_triples(path) == (1, True)
