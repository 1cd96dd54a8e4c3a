"""Candidate validation and match decisions: pure, precision first."""

from __future__ import annotations

import pytest

from litgraph.crossref.decide import ACCEPT_SCORE, MIN_AGREEING, REVIEW_SCORE, decide
from litgraph.crossref.normalise import work_from_crossref
from litgraph.crossref.validate import TITLE_AGREES, WEIGHTS, lost_dash_run, validate_candidate

CORRIGAN = ("Corrigan, P (2006) Impact of consumer-operated services on empowerment and recovery of "
            "people with psychiatric disabilities. Psychiatric Services, 57: 1493–6.")


def hit(doi="10.1176/appi.ps.57.10.1493", title="Impact of consumer-operated services on empowerment and "
        "recovery of people with psychiatric disabilities", family="Corrigan", year=2006, volume="57",
        page="1493-1496", **extra):
    message = {"DOI": doi, "title": [title], "author": [{"family": family, "given": "P. W."}] if family else [],
               "issued": {"date-parts": [[year]]} if year else None, "volume": volume, "page": page} | extra
    return work_from_crossref({k: v for k, v in message.items() if v is not None})


def test_weights_sum_to_one_and_thresholds_are_ordered():
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)
    assert 0 < REVIEW_SCORE < ACCEPT_SCORE <= 1 and MIN_AGREEING <= len(WEIGHTS)


def test_every_field_agrees_for_the_true_work():
    v = validate_candidate(CORRIGAN, hit())
    assert v.agreeing == ("title", "first_author", "year", "volume", "first_page")
    assert v.score == 1.0 and v.as_dict()["agreeing"] == 5


@pytest.mark.parametrize("raw, first, last, expected", [
    ("Industrial Relations Journal, 31: 8296.", "82", "96", "agree"),           # dash lost
    ("Psychiatric Services 59, 13071314.", "1307", "1317", "agree"),            # dash lost, last page misprinted
    ("Annual Review of Sociology, 16: 87110.", "87", "110", "agree"),           # dash lost, longer last page
    ("Psychiatric Services, 57: 1493–6.", "1493", "1496", "agree"),             # abbreviated last page
    ("Community Mental Health Journal, 49: 111.", "281", "291", "differ"),      # online-first pages
    ("Achieving world class productivity in the NHS 2009/10–2013/14.", "1", "20", "differ"),
])
def test_first_page_including_lost_dashes(raw, first, last, expected):
    v = validate_candidate(f"Smith J (2009) A title. {raw}", hit(family="Smith", page=f"{first}-{last}",
                                                                   volume=None, year=None))
    assert v.verdict("first_page") == expected


def test_a_number_confirms_one_field_only():
    # Volume 2009 would be "found" in the year; the pool lets the year take it first.
    v = validate_candidate("Smith J (2009) A title. Journal, 12: 5-9.", hit(family="Smith", year=2009, volume="2009",
                                                                           page="5-9"))
    assert v.verdict("year") == "agree" and v.verdict("volume") == "agree"   # volume equal to the year
    v = validate_candidate("Smith J (2009) A title. Journal, 12: 5-9.", hit(family="Smith", year=2010, volume="2009",
                                                                           page="5-9"))
    assert v.verdict("year") == "near" and v.verdict("volume") == "differ"


def test_first_author_is_read_at_the_start_only():
    nelson_part_1 = ("Nelson, G, Ochocka, J, Janzen, R, Trainor, J (2006). A longitudinal study of mental health "
                     "consumer/survivor initiatives: part 1. Journal of Community Psychology 34, 247260.")
    assert validate_candidate(nelson_part_1, hit(family="Ochocka")).verdict("first_author") == "differ"
    assert validate_candidate(nelson_part_1, hit(family="Nelson")).verdict("first_author") == "agree"
    assert validate_candidate("Coatsworth- Puspoky, R (2006) Peer support.",
                              hit(family="Coatsworth-Puspoky")).verdict("first_author") == "agree"
    assert validate_candidate("Van der Post, LF (2013) A model.", hit(family="van der Post")).verdict(
        "first_author") == "agree"
    assert validate_candidate("Kesler I, Bach S: The citizen consumer.", hit(family="Kessler")).verdict(
        "first_author") == "near"
    assert validate_candidate(CORRIGAN, hit(family=None)).verdict("first_author") == "absent"


def test_year_one_off_is_near():
    v = validate_candidate("Festinger, L (1955). A theory of social comparison processes. Human Relations 7, 117142.",
                           hit(title="A Theory of Social Comparison Processes", family="Festinger", year=1954,
                               volume="7", page="117-140"))
    assert v.verdict("year") == "near" and v.verdict("first_page") == "agree"


def test_title_similarity_ignores_case_punctuation_and_a_missing_subtitle():
    v = validate_candidate("Mead S, MacNeil C: Peer support: what makes It unique?. Int J Psychosoc Rehab. 2006",
                           hit(title="Peer Support: What Makes It Unique?", family="Mead"))
    assert v.title_similarity == 1.0
    v = validate_candidate("Davidson L (2006) Peer support among adults with serious mental illness. Schizophr Bull.",
                           hit(title="Peer support among adults with serious mental illness",
                               subtitle=["a report from the field"], family="Davidson"))
    assert v.title_similarity == 1.0                       # the print dropped the subtitle
    v = validate_candidate("Smith J (2001) Peer support. Journal.", hit(title="Peer support", subtitle=["a review"],
                                                                        family="Smith"))
    assert v.title_similarity < TITLE_AGREES                # too short a main title to count alone


def test_doi_in_the_string_is_not_read_as_numbers():
    raw = "Smith J (2001) A title. Journal, 4: 10-20. doi:10.1176/appi.ps.57.10.1493"
    v = validate_candidate(raw, hit(family="Smith", year=2001, volume="57", page="1493-1496"))
    assert v.verdict("volume") == "differ" and v.verdict("first_page") == "differ"


@pytest.mark.parametrize("token, first, expected", [("8296", "82", True), ("1995", "1", False), ("10", "1", False),
                                                    ("117142", "117", True), ("1179", "1179", False)])
def test_lost_dash_run(token, first, expected):
    assert lost_dash_run(token, first) is expected


# -- decisions -------------------------------------------------------------------------------------

def test_true_match_is_accepted_over_a_decoy():
    decoy = hit(doi="10.5555/decoy", title="Impact of consumer-operated services on empowerment and recovery: "
                "a commentary", family="Rogers", year=2007, volume="58", page="785-786")
    decision = decide(CORRIGAN, [decoy, hit()])
    assert decision.decision == "accepted" and decision.doi == "10.1176/appi.ps.57.10.1493"
    assert [c.work.doi for c in decision.candidates] == ["10.1176/appi.ps.57.10.1493", "10.5555/decoy"]


def test_decoy_alone_is_never_accepted():
    decoy = hit(doi="10.5555/decoy", title="Impact of consumer-operated services on empowerment and recovery of "
                "people with psychiatric disabilities: revisited", year=2019, volume="70", page="1-9")
    decision = decide(CORRIGAN, [decoy])
    assert decision.decision == "review" and decision.doi is None
    assert "contradicts" in decision.reason or "below" in decision.reason


def test_contradicted_year_goes_to_review_even_with_a_high_score():
    landers = ("Landers GM, Zhou M: An analysis of relationships among peer support, psychiatric hospitalization "
               "and crisis stabilization. Community Ment Health J. 2001, 47: 106-112.")
    work = hit(doi="10.5555/landers", title="An analysis of relationships among peer support, psychiatric "
               "hospitalization, and crisis stabilization", family="Landers", year=2011, volume="47", page="106-112")
    decision = decide(landers, [work])
    assert decision.score >= ACCEPT_SCORE
    assert decision.decision == "review" and decision.reason == "the string contradicts year"


def test_two_passing_candidates_are_ambiguous():
    twin = hit(doi="10.5555/twin")
    decision = decide(CORRIGAN, [hit(), twin])
    assert decision.decision == "review" and decision.reason.startswith("ambiguous")


def test_book_without_volume_or_pages_goes_to_review():
    book = work_from_crossref({"DOI": "10.5555/bandura", "type": "book", "title": ["Social Learning Theory"],
                               "author": [{"family": "Bandura", "given": "A"}], "issued": {"date-parts": [[1977]]}})
    decision = decide("Bandura, A (1977). Social Learning Theory. Prentice-Hall: Englewood Cliffs, NJ.", [book])
    assert decision.decision == "review"
    assert decision.validation.as_dict()["volume"] == "absent"


def test_policy_document_abstains():
    decoy = hit(doi="10.5555/policy", title="Mental health policy and the Department of Health: no easy answers",
                family="Webster", year=1998, volume="10", page="1-20")
    raw = "Department of Health: Achieving world class productivity in the NHS 2009/10–2013/14. 2009, London"
    decision = decide(raw, [decoy])
    assert decision.decision == "abstained" and decision.doi is None
    assert decide(raw, []).as_dict() == {"decision": "abstained", "doi": None, "score": 0.0, "validation": {},
                                         "reason": "Crossref returned no candidates", "candidates": []}


def test_title_below_the_agreement_threshold_blocks_acceptance():
    retitled = hit(title="Impact of consumer-run services on empowerment and recovery in psychiatric disability")
    decision = decide(CORRIGAN, [retitled])
    assert decision.validation.title_similarity < TITLE_AGREES
    assert decision.decision != "accepted"


def test_decision_json_shape():
    result = decide(CORRIGAN, [hit()]).as_dict()
    assert set(result) == {"decision", "doi", "score", "validation", "reason", "candidates"}
    assert set(result["candidates"][0]) == {"doi", "title", "score"}
    assert {"title", "first_author", "year", "volume", "first_page", "title_similarity",
            "agreeing"} == set(result["validation"])
