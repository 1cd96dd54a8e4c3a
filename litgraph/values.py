"""Plain Python values for RDF literals, the same whichever store answered."""

from __future__ import annotations

from typing import Any

XSD = "http://www.w3.org/2001/XMLSchema#"
# Every XSD number type: stores differ in which one they answer with (Virtuoso
# returns xsd:int or xsd:integer for the same value, and a double as "1" where
# Oxigraph writes "1.0E0"), so integer types map to int and the others to float.
INTEGER = {XSD + name for name in (
    "integer", "int", "long", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
)}
FRACTIONAL = {XSD + "decimal", XSD + "double", XSD + "float"}
NUMERIC = INTEGER | FRACTIONAL
BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def plain_value(lexical: str, datatype: str | None) -> Any:
    """The Python value a JSON row carries for a literal, the same whichever store answered.

    Integer types become int, decimal/double/float become float, booleans
    bool, and everything else (strings, gYear with or without its datatype,
    language-tagged text) its lexical form.

    Example:
        >>> plain_value("0042", XSD + "int"), plain_value("1", XSD + "double"), plain_value("2006", None)
        (42, 1.0, '2006')
    """
    if datatype in INTEGER:
        try:
            return int(lexical)
        except ValueError:
            return float(lexical)
    if datatype in FRACTIONAL:
        try:
            return float(lexical)
        except ValueError:
            return lexical
    if datatype == BOOLEAN:
        return lexical in ("true", "1")
    return lexical
