"""Keys, journal-name matching and pairwise scores, one rule at a time."""

from __future__ import annotations

import pytest

from litgraph.identity.compare import MERGE_THRESHOLD, NEAR_MISS, compare, title_similarity
from litgraph.identity.containers import container_match
from litgraph.identity.mentions import blocking_keys, make_mention
from litgraph.identity.normalise import container_words, doi_key, family_key, title_key
from litgraph.model import Author, Member, ParsedReference


def mention(position=1, paper="10.9999/a", authors=("Sells DL",), **fields):
    people = tuple(Author(literal=a[1:]) if a.startswith("=") else
                   Author(family=a.rpartition(" ")[0] or a, given=a.rpartition(" ")[2] or None)
                   for a in authors)
    parsed = ParsedReference(raw="", authors=people, **fields)
    return make_mention(Member(paper, "references", position), parsed, False)


SELLS = dict(year=2006, title="The treatment relationship in peer-based and regular case management "
                              "for clients with severe mental illness",
             container="Psychiatr Serv.", volume="57", first_page="1179", last_page="1184")


@pytest.mark.parametrize("name, key", [
    ("Rüsch", "rusch"), ("Coatsworth- Puspoky", "coatsworthpuspoky"), ("Van der Post", "vanderpost"),
    ("O’Connor", "oconnor"), ("Hegedüs", "hegedus"), ("Ward-Griffin", "wardgriffin"),
])
def test_family_key_folds_diacritics_case_hyphens_and_spaces(name, key):
    assert family_key(name) == key


def test_title_key_strips_punctuation_and_collapses_whitespace():
    assert title_key("  ‘Walking the tightrope’: The role of  peer support workers…") == \
        "walking the tightrope the role of peer support workers"


def test_doi_key_ignores_case_and_resolver_prefix():
    assert doi_key("https://doi.org/10.1017/S2045796014000407.") == "10.1017/s2045796014000407"


@pytest.mark.parametrize("short, full", [
    ("Psychiatr Serv", "Psychiatric Services"),
    ("J Ment Health", "Journal of Mental Health"),
    ("Work Employment Soc", "Work, Employment and Society"),
    ("Work, Employment and Soc", "Work Employment Society"),
    ("Schizophr Bull", "Schizophrenia Bulletin"),
    ("Int J Soc Res Methodol", "International Journal of Social Research Methodology"),
    ("J Behav Health Serv & Res", "Journal of Behavioral Health Services and Research"),
    ("Health Services Delivery & Research", "Health Services and Delivery Research"),
    ("J Ment Heal Train Educ Pract", "Journal of Mental Health Training, Education and Practice"),
    ("Annu Re Sociol", "Annual Review of Sociology"),
])
def test_container_abbreviations_match_full_names(short, full):
    assert container_match(container_words(short), container_words(full))
    assert container_match(container_words(full), container_words(short))


@pytest.mark.parametrize("a, b", [
    ("J Ment Health", "Journal of Mental Health Training, Education and Practice"),
    ("Psychiatric Services", "Psychiatric Rehabilitation Journal"),
    ("Qualitative Health Research", "BMC Health Services Research"),
    ("World Psychiatry", "Schizophrenia Bulletin"),
])
def test_different_journals_do_not_match(a, b):
    assert not container_match(container_words(a), container_words(b))


def test_title_truncation_and_dropped_subtitle_count_as_similar():
    full = title_key("Peer support among adults with serious mental illness: a report from the field")
    assert title_similarity(full, title_key("Peer support among adults with serious mental illness"))[0] >= 0.95


def test_one_shared_main_title_with_different_subtitles_is_not_similar():
    a = title_key("No Health Without Mental Health: A Cross-Government Mental Health Outcomes Strategy "
                  "for People of All Ages")
    b = title_key("No Health Without Mental Health: Implementation Framework")
    assert title_similarity(a, b)[0] < 0.7


def test_reasons_name_each_field():
    full = mention(2, container="Psychiatric Services",
                   **{k: v for k, v in SELLS.items() if k != "container"})
    result = compare(mention(1, **SELLS), full)
    assert result.score == 1.0 and result.merges
    assert result.reasons == ("title 1.00", "first author sells=sells", "year 2006=2006",
                              "container psychiatr serv~psychiatric services", "volume 57=57",
                              "first page 1179=1179")


def test_score_is_symmetric():
    a = mention(1, **SELLS)
    b = mention(2, authors=("Sell D",), **{**SELLS, "year": 2007, "first_page": "1180"})
    assert compare(a, b).score == compare(b, a).score


def test_one_edit_misspelt_first_author_still_merges():
    result = compare(mention(1, authors=("Kesler I",), **SELLS), mention(2, authors=("Kessler I",), **SELLS))
    assert result.merges
    assert "first author kesler~kessler (one edit apart)" in result.reasons


def test_compound_family_name_matches_its_part():
    result = compare(mention(1, authors=("Shear SL",), **SELLS), mention(2, authors=("Liptzin Shear S",), **SELLS))
    assert result.merges


def test_same_author_and_year_with_different_titles_stay_apart():
    a = mention(1, authors=("Gillard S",), year=2012, title="Informing the development of services "
                "supporting self-care for severe, long term mental health conditions", container="BMC Health Serv Res")
    b = mention(2, authors=("Gillard S",), year=2012, title="Patient and public involvement in the "
                "coproduction of knowledge", container="Qualitative Health Research")
    assert compare(a, b).score < NEAR_MISS


def test_different_bodies_forgiven_only_for_a_long_near_identical_title_within_a_year():
    title = "A common purpose: recovery in future mental health services"
    scie = mention(1, authors=("=Social Care Institute for Excellence",), year=2007, title=title)
    doh = mention(2, authors=("=Department of Health",), year=2008, title=title)
    result = compare(scie, doh)
    assert result.merges
    assert any("bodies differ, not counted" in r for r in result.reasons)
    later = mention(3, authors=("=Department of Health",), year=2010, title=title)
    assert not compare(scie, later).merges
    short = "Annual report"
    assert not compare(mention(4, authors=("=Mind",), year=2007, title=short),
                       mention(5, authors=("=Rethink",), year=2007, title=short)).merges


def test_body_matches_its_acronym():
    a = mention(1, authors=("=National Institute for Mental Health in England",), year=2005,
                title="NIMHE Guiding Statement on Recovery")
    b = mention(2, authors=("=NIMHE",), year=2005, title="NIMHE Guiding Statement on Recovery")
    assert "first author national institute for mental health in england~nimhe (acronym)" in compare(a, b).reasons


def test_wrong_year_is_forgiven_when_volume_and_page_agree():
    a = mention(1, **SELLS)
    assert compare(a, mention(2, **{**SELLS, "year": 2016})).merges
    book = dict(title="Basics of qualitative research techniques and procedures for developing grounded theory")
    assert not compare(mention(3, year=1990, **book), mention(4, year=1998, **book)).merges


def test_lost_dash_page_range_matches():
    a = mention(1, **SELLS)
    b = mention(2, **{**SELLS, "first_page": "11791184", "last_page": None})
    assert "first page 1179-1184~11791184" in compare(a, b).reasons
    c = mention(3, **{**SELLS, "first_page": "443", "last_page": "50"})
    d = mention(4, **{**SELLS, "first_page": "443450", "last_page": None})
    assert "first page 443-50~443450" in compare(c, d).reasons


def test_no_title_and_no_locator_never_merges():
    a = mention(1, authors=("=Department of Health",), year=2007)
    b = mention(2, authors=("=Department of Health",), year=2007)
    result = compare(a, b)
    assert result.score == 1.0 and not result.merges


def test_thresholds_are_ordered():
    assert 0 < NEAR_MISS < MERGE_THRESHOLD < 1


def test_blocking_keys_are_first_author_and_opening_title_words():
    assert blocking_keys(mention(1, **SELLS)) == ("author:sells", "title:treatment relationship peer")
    assert blocking_keys(mention(1, authors=(), title="The Peer")) == ("title:peer",)
