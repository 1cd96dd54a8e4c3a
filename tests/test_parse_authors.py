"""Author parts: Vancouver, inverted, run-on ("Cited by") and corporate names."""

from __future__ import annotations

import pytest

from litgraph.model import Author
from litgraph.parse.authors import initials, looks_like_initials, read_authors


def people(text: str, runon: bool = False) -> list[tuple]:
    return [(a.family, a.given) if a.literal is None else ("literal", a.literal)
            for a in read_authors(text, runon=runon).authors]


@pytest.mark.parametrize("given, expected", [
    ("DL", "DL"), ("D. L.", "DL"), ("D.L.", "DL"), ("Ml", "ML"), ("MPH", "MPH"), ("J.-P.", "JP"),
    ("Jean-Pierre", "JP"), ("Michelle", "M"), ("H. Alistair", "HA"), ("Christopher J", "CJ"),
    ("Steve", "S"), ("", None),
])
def test_initials_are_the_letters_uppercased(given, expected):
    assert initials(given) == expected


@pytest.mark.parametrize("token, expected", [
    ("DL", True), ("D. L.", True), ("Ml", True), ("MPH", True), ("J.-P.", True),
    ("Steve", False), ("Della Rocca", False), ("dl", False), ("ABCDE", False), ("Jo", False),
])
def test_looks_like_initials(token, expected):
    assert looks_like_initials(token) is expected


def test_vancouver_names_with_et_al():
    names = read_authors("Sells DL, Davidson L, Jewell C, et al")
    assert people("Sells DL, Davidson L, Jewell C, et al") == [("Sells", "DL"), ("Davidson", "L"), ("Jewell", "C")]
    assert names.et_al and names.warnings == ()


def test_inverted_names_keep_particles_and_multiword_family_names():
    assert people("Bach, S, Della Rocca, G") == [("Bach", "S"), ("Della Rocca", "G")]
    assert people("Van der Post, LF, Peen, J, Dekker, JJ") == [("Van der Post", "LF"), ("Peen", "J"),
                                                                ("Dekker", "JJ")]
    assert people("Salzer, MS, Liptzin Shear, S") == [("Salzer", "MS"), ("Liptzin Shear", "S")]


def test_inverted_names_keep_diacritics():
    assert people("Rüsch, N, Müller, M, Rössler, W") == [("Rüsch", "N"), ("Müller", "M"), ("Rössler", "W")]


def test_apa_and_harvard_separators():
    assert people("Sells, D. L., Davidson, L., & Rowe, M.") == [("Sells", "DL"), ("Davidson", "L"), ("Rowe", "M")]
    assert people("Sells, D.L., Davidson, L. and Rowe, M.") == [("Sells", "DL"), ("Davidson", "L"), ("Rowe", "M")]
    assert people("Dupont, J.-P., & de Vries, H.") == [("Dupont", "JP"), ("de Vries", "H")]


def test_et_al_without_comma_or_period():
    names = read_authors("Creamer, MC, Varker, T, Bisson, J et al")
    assert [a.family for a in names.authors] == ["Creamer", "Varker", "Bisson"]
    assert names.et_al


def test_initials_printed_in_lower_case_are_uppercased():
    assert people("Berry, C, Hayward, Ml, Chandler, R")[1] == ("Hayward", "ML")


def test_a_name_without_initials_is_a_family_name():
    assert people("Repper") == [("Repper", None)]


@pytest.mark.parametrize("text", ["Department of Health", "Medical Research Council", "JCPMH",
                                  "National Institute for Mental Health in England", "Skills for Health",
                                  "Department of Health, Social Services and Public Safety"])
def test_corporate_authors_are_literals(text):
    assert read_authors(text).authors == (Author(literal=text),)


def test_a_hyphen_broken_by_a_space_is_repaired_with_a_warning():
    names = read_authors("Coatsworth- Puspoky, R, Forchuk, C, Ward-Griffin, C")
    assert names.authors[0] == Author("Coatsworth-Puspoky", "R")
    assert names.authors[2] == Author("Ward-Griffin", "C")
    assert names.warnings and "Coatsworth- Puspoky" in names.warnings[0]


def test_eleven_authors():
    text = ("Muesser, KT, Corrigan, PW, Hilton, DW, Tanzman, B, Schuab, A, Gingerich, S, Essock, A, "
            "Tarrier, N, Morey, B, Vogel-Scibilia, S, Heerz, MI")
    found = people(text)
    assert len(found) == 11 and found[0] == ("Muesser", "KT") and found[-1] == ("Heerz", "MI")


def test_a_degree_after_a_name_in_natural_order_is_dropped():
    names = read_authors("Olfson, M, Haya Ascher-Svanum, MPH, Faries, DE, Marcus, SC")
    assert [(a.family, a.given) for a in names.authors] == [
        ("Olfson", "M"), ("Ascher-Svanum", "H"), ("Faries", "DE"), ("Marcus", "SC")]
    assert any("MPH" in w for w in names.warnings)


@pytest.mark.parametrize("text, expected", [
    ("Cleary, Michelle Raeburn, Toby Escott, Phil West, Sancia and Lopez, Violeta",
     [("Cleary", "M"), ("Raeburn", "T"), ("Escott", "P"), ("West", "S"), ("Lopez", "V")]),
    ("Chappell Deckert, Jennifer and Statz-Hill, Melisande", [("Chappell Deckert", "J"), ("Statz-Hill", "M")]),
    ("Oates, J. Drey, N. and Jones, J.", [("Oates", "J"), ("Drey", "N"), ("Jones", "J")]),
    ("Gillard, Steve", [("Gillard", "S")]),
    ("Bailie, H. Alistair Tickle, Anna and Rennoldson, Michael",
     [("Bailie", "HA"), ("Tickle", "A"), ("Rennoldson", "M")]),
    ("O’Connor, Nick Clark, Scott and Ryan, Christopher J", [("O’Connor", "N"), ("Clark", "S"), ("Ryan", "CJ")]),
    ("Smit, Anna van der Berg, Jan", [("Smit", "A"), ("van der Berg", "J")]),
])
def test_cited_by_run_on_names(text, expected):
    assert people(text, runon=True) == expected


def test_an_unreadable_list_is_read_loosely_with_a_warning():
    names = read_authors("Smith, the elder, Jones, K")
    assert names.authors and names.warnings


def test_apa_elided_authors_set_et_al():
    names = read_authors("Smith, J., Jones, K., Brown, L., . . . Green, M.")
    assert [a.family for a in names.authors] == ["Smith", "Jones", "Brown", "Green"]
    assert names.et_al
