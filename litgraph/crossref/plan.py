"""Request plans: what to ask Crossref, built with habanero's own query helpers.

habanero knows the REST API's vocabulary: which field queries exist
(`query.bibliographic`, ...), which fields `select` may name, how its Python
keywords become parameters (`query_bibliographic` -> `query.bibliographic`),
and how `base_url` and the polite-pool User-Agent are put together. A plan
takes all of that from habanero and stops short of sending: the client
(`client.py`) sends it with httpx2, the HTTP library habanero itself calls,
so that status codes and the rate-limit and Retry-After headers stay
visible. `tests/test_crossref_client.py` checks that a plan is exactly the
request habanero's `Crossref.works()` would have sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, urlencode

RequestKind = Literal["single", "list"]

# The fields matching needs from each search hit: asking for fewer makes responses small.
CANDIDATE_FIELDS = ("DOI", "title", "subtitle", "author", "issued", "published-print",
                    "published-online", "container-title", "volume", "issue", "page",
                    "article-number", "type", "score")


@dataclass(frozen=True, slots=True)
class RequestPlan:
    """One GET request: its URL without query string, its parameters, and its kind.

    `kind` is "single" for /works/{doi} and "list" for searches: Crossref
    limits the two separately, so the throttle keeps one pace for each.
    """

    url: str
    params: tuple[tuple[str, str], ...] = ()
    kind: RequestKind = "single"

    @property
    def full_url(self) -> str:
        """The URL with its query string: what provenance records as `prov:used`."""
        return f"{self.url}?{urlencode(self.params)}" if self.params else self.url


def crossref_for(base_url: str, mailto: str | None, ua_string: str):
    """habanero's Crossref object: it holds base URL, contact address and UA addition."""
    from habanero import Crossref

    return Crossref(base_url=base_url, mailto=mailto, ua_string=ua_string)


def request_headers(cr) -> dict[str, str]:
    """The User-Agent (and X-USER-AGENT) habanero sends, naming litgraph and the contact address."""
    from habanero.habanero_utils import make_ua

    return make_ua(cr.mailto, cr.ua_string)


def work_plan(cr, doi: str) -> RequestPlan:
    """GET /works/{doi}, as habanero's `cr.works(ids=doi)` builds it.

    habanero pastes the DOI into the path unescaped; the plan percent-escapes
    the few characters a DOI may hold that would break a path (`#`, `?`, `%`,
    spaces, `<>`), and leaves everything else as habanero sends it.
    """
    url = (cr.base_url + "/works/" + quote(doi.strip(), safe="/:;()[]@!$&'*+,=~")).strip("/")
    return RequestPlan(url, (), "single")


def search_plan(cr, rows: int, select: tuple[str, ...] = CANDIDATE_FIELDS,
                **field_queries: str) -> RequestPlan:
    """GET /works?query.bibliographic=...&rows=...&select=..., as `cr.works(...)` builds it.

    Args:
        cr: habanero's Crossref object.
        rows: How many hits to ask for.
        select: Fields each hit should carry (validated by habanero).
        **field_queries: habanero field queries, e.g. `query_bibliographic="..."`.

    Raises:
        ValueError: habanero does not know a field query or select field.
    """
    from habanero.field_queries import validate_field_queries
    from habanero.habanero_utils import filter_dict, rename_query_filters
    from habanero.select import validate_select

    select_text = ",".join(select)
    validate_select(select_text)
    queries = filter_dict(field_queries)
    validate_field_queries([k.replace("query_", "query.", 1).replace("_", "-") for k in queries])
    payload = {"rows": str(rows), "select": select_text} | queries
    params = rename_query_filters(payload)
    return RequestPlan((cr.base_url + "/works/").strip("/"), tuple(params.items()), "list")
