"""GROBID TEI XML: the `<biblStruct>` entries of a `<listBibl>`, read with defusedxml.

defusedxml refuses DTDs with entity declarations (no billion laughs, no
external entities), so a hostile file is refused whole, exit 2. GROBID's
entries have no line numbers of their own; each failure names its index and
`xml:id`.
"""

from __future__ import annotations

from ..errors import InputError
from ..model import Author, ParsedReference
from .fields import clean, doi_of, pages, work_type, year_of
from .records import ImportedRecord, ImportFailure, ImportResult, checked, result

NS = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def read_tei(text: str, path: str = "") -> ImportResult:
    root = parse(text, path)
    entries = [root] if local(root.tag) == "biblStruct" else [e for e in root.iter() if local(e.tag) == "biblStruct"]
    return result("tei", [read_entry(i, e, text) for i, e in enumerate(entries, 1)])


def parse(text: str, path: str):
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException
    from xml.etree.ElementTree import ParseError

    try:
        return SafeET.fromstring(text.lstrip("\ufeff").encode("utf-8"))
    except DefusedXmlException as exc:
        raise InputError(f"{path}: refused: {type(exc).__name__} (entity declarations are not read)") from exc
    except ParseError as exc:
        raise InputError(f"{path}:{exc.position[0]}: not well-formed XML: {exc}") from exc


def local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def read_entry(index: int, entry, text: str) -> ImportedRecord | ImportFailure:
    from xml.etree.ElementTree import tostring

    xml_id = entry.get(XML_ID, "")
    where = f'xml:id="{xml_id}"'
    line = text.count("\n", 0, text.find(where)) + 1 if xml_id and where in text else 0
    raw = tostring(entry, encoding="unicode").strip()
    outcome = checked(index, line, raw, fields(raw, entry))
    if isinstance(outcome, ImportFailure) and xml_id:
        return ImportFailure(index, line, f"{xml_id}: {outcome.message}")
    return outcome


def fields(raw: str, entry) -> ParsedReference:
    analytic, monogr = child(entry, "analytic"), child(entry, "monogr")
    title_of = lambda el, level: clean(text_of(find(el, "title", level=level)))  # noqa: E731
    scope = lambda unit: find(monogr, "biblScope", unit=unit)  # noqa: E731
    page = scope("page")
    first, last = pages(page.get("from") or text_of(page), page.get("to")) if page is not None else (None, None)
    date = find(monogr, "date")
    idno = lambda kind: clean(text_of(find(entry, "idno", type=kind)))  # noqa: E731
    own = analytic if analytic is not None else monogr
    title = title_of(analytic, "a") if analytic is not None else title_of(monogr, "m")
    return ParsedReference(
        raw=raw, type=work_type("article" if analytic is not None and find(monogr, "title", level="j") is not None
                                else "book" if analytic is None else "chapter"),
        authors=tuple(author(a) for a in children(own, "author")), title=title,
        container=title_of(monogr, "j") or (title_of(monogr, "m") if analytic is not None else None),
        year=year_of(date.get("when") or text_of(date)) if date is not None else None,
        volume=clean(text_of(scope("volume"))), issue=clean(text_of(scope("issue"))), first_page=first,
        last_page=last, publisher=clean(text_of(find(monogr, "publisher"))),
        place=clean(text_of(find(monogr, "pubPlace"))), doi=doi_of(idno("DOI")), pmid=idno("PMID"),
        pmcid=idno("PMCID"), issn=idno("ISSN"), url=clean(find_attr(entry, "ptr", "target")))


def author(element) -> Author:
    pers = find(element, "persName")
    if pers is None:
        return Author(literal=clean(text_of(find(element, "orgName")) or text_of(element)))
    given = " ".join(t for f in children(pers, "forename") if (t := clean(text_of(f))))
    return Author(family=clean(text_of(find(pers, "surname"))), given=given or None)


def child(element, name: str):
    return next((c for c in element if local(c.tag) == name), None) if element is not None else None


def children(element, name: str) -> list:
    return [c for c in element if local(c.tag) == name] if element is not None else []


def find(element, name: str, **attrs):
    if element is None:
        return None
    return next((e for e in element.iter() if local(e.tag) == name
                 and all(e.get(k) == v for k, v in attrs.items())), None)


def find_attr(element, name: str, attr: str) -> str | None:
    found = find(element, name)
    return found.get(attr) if found is not None else None


def text_of(element) -> str | None:
    return "".join(element.itertext()) if element is not None else None
