"""Issue 12, sixth round: label repairs where a list of names, a title and a journal or book begin and
end (`namelists`, `titles`, `containers`, `repair`). Every string here is written for the test; none
comes from AnyStyle."""

from __future__ import annotations

import pytest

from litgraph.parse import parse_reference
from litgraph.parse.crf.containers import (container_runs_on, cue_opens_container, editors_in_container,
                                           editors_open_container, in_place_is_book, journal_as_volume,
                                           lone_in_opens_book, lower_case_editors_continue_book,
                                           periodical_after_quoted_title, series_volume, special_issue_leaves_journal,
                                           volume_of_work)
from litgraph.parse.crf.dates import title_after_date_parenthesis, wordy_date_opens_title, year_at_run_edge
from litgraph.parse.crf.editors import (editors_open_reference, editors_then_book, editors_without_mark,
                                        title_before_role)
from litgraph.parse.crf.fields import Segment, read_pages_field, read_volume, read_year
from litgraph.parse.crf.imprints import (date_leaves_container, meeting_place, meeting_year_in_container,
                                         month_leaves_container, proceedings_edges, publisher_after_title,
                                         publisher_closes_title, publisher_opens_journal, report_institution,
                                         year_in_meeting_name)
from litgraph.parse.crf.namelists import (authors_end_in_punctuation, body_before_year, body_opens_title, ditto_author,
                                          given_name_closes_authors, initials_end_authors, inverted_name_ends_list,
                                          lower_case_opens_names, number_opens_title, parenthesised_initials_continue,
                                          phrase_ends_names)
from litgraph.parse.crf.numbers import (container_tail, numbers_close_title, numbers_in_place, page_count,
                                        pages_after_issue, pages_hold_numbers, pages_inside_container,
                                        range_after_quoted_title, spaced_range)
from litgraph.parse.crf.persons import split_persons
from litgraph.parse.crf.repair import (author_list_continues, closed_inside, quoted_title, title_edges, title_tail,
                                       volume_after_journal)
from litgraph.parse.crf.title_tails import (edition_leaves_title, imprint_closes_reference, imprint_closes_title,
                                            medium_after_title, report_leaves_title, report_number_leaves_title,
                                            retrieval_ends_title)
from litgraph.parse.crf.titles import (article_opens_title, book_title_split, container_head_is_title,
                                       in_continues_title, journal_head_ends_title, journal_head_in_title,
                                       journal_inside_title, ordinal_opens_meeting, subtitle_after_colon,
                                       title_before_in, title_closes_parenthesis, title_ends_on_open_word,
                                       title_runs_on)
from litgraph.parse.crf.tokens import tokenize
from litgraph.parse.reference import explain_reference


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def labelled(tokens: tuple[str, ...], labels: list[str], label: str) -> str:
    """The words of `tokens` with `label`, joined: what the field will read."""
    return " ".join(token for token, each in zip(tokens, labels) if each == label)


def read_with(rule, text: str, labels: list[str], label: str) -> str:  # noqa: ANN001 - a repair rule
    """The words `rule` leaves with `label` in `text` labelled `labels`."""
    tokens = words(text)
    return labelled(tokens, rule(tokens, list(labels)), label)


# --- a quoted title closed by a comma after the mark ------------------------------------------------

@pytest.mark.parametrize("token, closed", [
    ('Enforcement",', True), ("Thinking,\u201d", True), ("Art?\u201d", True),
    ("tools\u2019.", False), ("tools\u201d:", False), ('Enforcement"', False), ("Do:\u201d", False),
])
def test_a_quoted_title_is_closed_by_its_own_punctuation_or_a_comma_after_the_mark(token, closed):
    assert closed_inside(token) is closed


def test_words_after_a_quoted_title_closed_by_a_comma_leave_the_title():
    tokens = words('"A Protocol Without Enforcement", in the Proceedings of the Workshop,')
    labels = ["title"] * 6 + ["container-title"] * 4
    assert quoted_title(tokens, labels) == ["title"] * 4 + ["container-title"] * 6


# --- `in` ends the title ------------------------------------------------------------------------------

def test_in_after_a_comma_ends_the_title():
    tokens = words("Gray, J., A Machine for Logic Programs, in Third Conference on Logic, Springer,")
    labels = ["author"] * 2 + ["title"] * 9 + ["publisher"]
    fixed = title_before_in(tokens, labels)
    assert fixed[2:7] == ["title"] * 5 and fixed[7:11] == ["publisher"] * 4


def test_capital_in_after_a_sentence_ends_the_title_and_starts_a_book():
    tokens = words("Smith, A. 1999 The Animal. In What Is an Animal?")
    labels = ["author"] * 2 + ["date"] + ["title"] * 7
    fixed = title_before_in(tokens, labels)
    assert fixed[3:5] == ["title"] * 2 and fixed[5:] == ["container-title"] * 5


@pytest.mark.parametrize("text", [
    "Notes on the genus Zamia L. in the West Indies.",       # an initial before `in`
    "Ixekizumab, an antibody, in rheumatoid arthritis.",       # `in` before a lower-case word
    "Peer support in mental health services.",                 # `in` inside the title
])
def test_in_inside_a_title_stays_title(text):
    tokens = words(text)
    assert title_before_in(tokens, ["title"] * len(tokens)) == ["title"] * len(tokens)


# --- editors at the start of a book's title --------------------------------------------------------------

@pytest.mark.parametrize("text, editors", [
    ("In Rohit Parikh, editor, Logics of Programs, volume 193,", 4),
    ("Pierre BIRNBAUM (dir.), Les élites socialistes au pouvoir,", 3),
    ("in: Johannes Feiner e Magnus Löhrer (ed.), Mysterium Salutis,", 7),
    ("in Joy Parr, ed., Childhood and Family in Canadian History.", 4),
])
def test_names_closed_by_an_editors_mark_open_the_book_as_editors(text, editors):
    tokens = words(text)
    fixed = editors_open_container(tokens, ["container-title"] * len(tokens))
    assert fixed == ["editor"] * editors + ["container-title"] * (len(tokens) - editors)


@pytest.mark.parametrize("text", [
    "Clinical Psychology, 3rd ed., revised and enlarged",      # an edition, not an editor
    "Handbook of peer support in mental health services",      # no mark at all
])
def test_a_book_title_without_named_editors_is_left_alone(text):
    tokens = words(text)
    labels = ["container-title"] * len(tokens)
    assert editors_open_container(tokens, list(labels)) == labels


# --- editors after a book's title ----------------------------------------------------------------------

def test_edited_by_inside_a_book_title_starts_the_editors_up_to_the_pages():
    tokens = words("In Writing Women, edited by Ann Smith and Bo Li, 177-198.")
    fixed = editors_in_container(tokens, ["container-title"] * len(tokens))
    assert fixed == ["container-title"] * 3 + ["editor"] * 7 + ["container-title"]


def test_names_between_a_books_last_sentence_and_an_editors_mark_are_editors():
    tokens = words("In What Is an Animal? Tim Ingold, ed. Pp. 84-99.")
    labels = ["container-title"] * 7 + ["editor"] + ["pages"] * 2
    fixed = editors_in_container(tokens, labels)
    assert fixed[:5] == ["container-title"] * 5 and fixed[5:8] == ["editor"] * 3


def test_a_mark_followed_by_by_leaves_the_names_before_it_in_the_title():
    tokens = words("In Formal control of blood. Photon, ed. by S. Marco,")
    labels = ["container-title"] * 6 + ["editor"] * 4
    assert editors_in_container(tokens, list(labels)) == labels


# --- `volume N of` a series --------------------------------------------------------------------------

def test_volume_n_of_inside_a_book_title_is_the_volume_and_the_series():
    tokens = words("Logics of Programs, volume 193, of Lecture Notes in Computer Science, pages 219-224.")
    labels = ["container-title"] * 7 + ["collection-title"] * 5 + ["pages"] * 2
    fixed = series_volume(tokens, labels)
    assert fixed[:3] == ["container-title"] * 3 and fixed[3:5] == ["volume"] * 2 \
        and fixed[5:12] == ["collection-title"] * 7 and fixed[12:] == ["pages"] * 2


def test_volume_n_of_with_the_series_inside_the_run_splits_the_run():
    tokens = words("In Inverse Problems. II, vol. 60 of Math. Sci. Publ., pages 487-528.")
    labels = ["journal"] * 10 + ["pages"] * 2
    fixed = series_volume(tokens, labels)
    assert fixed[:4] == ["journal"] * 4 and fixed[4:6] == ["volume"] * 2 and fixed[6:10] == ["collection-title"] * 4


def test_a_volume_without_of_is_left_to_the_other_rules():
    tokens = words("Journal of Peer Work, volume 12, 33-40.")
    labels = ["journal"] * 6 + ["pages"]
    assert series_volume(tokens, list(labels)) == labels


# --- numbers closing a journal's title -----------------------------------------------------------------

@pytest.mark.parametrize("text, journal, tail", [
    ("Harvard Business Review, Volume 42", 3, ["volume", "volume"]),
    ("American Ethnologist, No 29", 2, ["issue", "issue"]),
    ("The Economic Journal 111, 468", 3, ["volume", "issue"]),
])
def test_marks_and_numbers_closing_a_journal_go_to_the_volume_or_issue(text, journal, tail):
    tokens = words(text)
    labels = ["journal"] * (len(tokens) - 1) + [tail[-1]]
    fixed = container_tail(tokens, labels)
    assert fixed[:journal] == ["journal"] * journal and fixed[journal:] == tail


def test_a_page_range_closing_a_proceedings_title_is_the_pages():
    tokens = words("Proceedings of SIGIR, 262-269, 1996.")
    fixed = container_tail(tokens, ["container-title"] * 4 + ["date"])
    assert fixed == ["container-title"] * 3 + ["pages", "date"]


@pytest.mark.parametrize("text, after", [
    ("Actes du colloque Joe, Senkra, August 10-11,", "date"),     # a meeting's days
    ("Proc. Symp. on Catalysis, 13-16 August", "date"),
    ("Local vaccine in Yama III,", "pages"),                       # a book's number, then its pages
    ("Studies in Peace and Conflict 1860-1917,", "pages"),         # years in a title
    ("Investigative Ophthalmology and Visual Science Supplement", "volume"),
])
def test_a_tail_that_is_part_of_the_name_stays(text, after):
    tokens = words(text)
    labels = ["container-title"] * len(tokens) + [after]
    assert container_tail(tokens + ("1.",), list(labels)) == labels


# --- through the parser ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, container", [
    ("Hill, R. 2008. Stigma at work. In Work and Madness. Ann Smith, ed. Pp. 84-99. London: Routledge.",
     "Work and Madness"),
    ("Meyer, A. and Wand, M. Semantics of types. In R. Parikh, editor, Logics of Programs, volume 193, of "
     "Lecture Notes in Computer Science, pages 219-224. Springer, 1985.", "Logics of Programs"),
    ("Lee, K. (2011). Recovery colleges. Journal of Mental Health, Volume 20, 3-10.", "Journal of Mental Health"),
])
def test_the_parser_reads_the_book_or_journal_without_its_editors_or_numbers(raw, container):
    assert parse_reference(raw).container == container


# --- a ditto dash for the authors ---------------------------------------------------------------------

@pytest.mark.parametrize("raw, dash, title", [
    ("———. Counter Point. Garden City, N.Y.: Doubleday, 1928.", "———", "Counter Point"),
    ("______. Summa contra gentiles. Rome: Desclée, 1934.", "______", "Summa contra gentiles"),
    ("[4] ---. The Interpretation of Dreams. New York, Macmillan, 1913.", "---", "The Interpretation of Dreams"),
])
def test_a_ditto_dash_is_the_author_and_the_words_after_it_the_title(raw, dash, title):
    reference = parse_reference(raw)
    assert [author.literal for author in reference.authors] == [dash]
    assert reference.title == title


def test_a_dash_followed_by_and_is_left_to_the_labeller():
    tokens = ("———,", "and", "J.", "Smith.", "Title.")
    labels = ["title", "author", "author", "author", "title"]
    assert ditto_author(tokens, list(labels)) == labels



@pytest.mark.parametrize("text, labels, fixed", [
    ("———. Sense and Sensibility, 2 vols. New York:", ["author"] * 4 + ["date", "volume", "location", "location"],
     ["author"] + ["title"] * 3 + ["date", "volume", "location", "location"]),  # no title read: the title
    ("———. Stephen Hero. A novel. London:", ["author"] * 3 + ["title"] * 2 + ["location"],
     ["author", "title", "title", "title", "title", "location"]),  # the next field's label
    ("———. Notes. Lancet, 12.", ["author"] * 2 + ["journal", "volume"], ["author", "journal", "journal", "volume"]),
])
def test_words_read_as_names_after_a_ditto_dash_take_the_next_field_or_the_title(text, labels, fixed):
    assert ditto_author(words(text), list(labels)) == fixed

# --- initials-first author lists end in a family name ---------------------------------------------------

@pytest.mark.parametrize("tokens, last", [
    (("R.", "S.", "Zemel,", "and", "G.", "E.", "Hinton.", "Traffic", "signs."), 6),
    (("P.", "Yang", "and", "J.", "H.", "Chern", "\u201cDesign", "for", "reliability.\u201d"), 5),
    (("Clem,", "Ralph", "S.,", "and", "Joseph", "D.", "Olander,", "eds.", "No", "Room."), 6),  # natural order
    (("Bordman,", "Gerald", "Martin,", "and", "Tomas", "S.", "Hischak.", "The", "Oxford", "Companion."), 6),
])
def test_the_family_name_after_closing_initials_is_the_last_authors(tokens, last):
    labels = ["author"] * last + ["title"] * (len(tokens) - last)
    assert initials_end_authors(tokens, labels) == ["author"] * (last + 1) + ["title"] * (len(tokens) - last - 1)


@pytest.mark.parametrize("tokens, authors", [
    (("Smith,", "J.", "A.", "Recovery.", "London."), 3),             # family name first: the run may end in initials
    (("R.", "Zemel", "and", "G.", "Hinton.", "Traffic", "signs."), 5),  # the run ends in a family name already
    (("R.", "S.", "Zemel,", "and", "G.", "E.", "Traffic", "signs", "in", "cities."), 6),  # no period or quote after it
    (("Campbell", "YP,", "Collins", "M,", "Baker", "C.", "Therapy.", "J", "Adv", "Nurs."), 6),  # Vancouver: `Baker C.`
])
def test_other_author_runs_are_left_alone(tokens, authors):
    labels = ["author"] * authors + ["title"] * (len(tokens) - authors)
    assert initials_end_authors(tokens, list(labels)) == labels


def test_the_parser_reads_the_last_initials_first_author_whole():
    reference = parse_reference("R. S. Zemel, M. C. Mozer, and G. E. Hinton. TRAFFIC: Recognizing objects using "
                                "hierarchical reference frame transformations. In Advances in Neural Information "
                                "Processing Systems 2, pages 266-273. Morgan Kaufmann, 1990.")
    assert [author.family for author in reference.authors] == ["Zemel", "Mozer", "Hinton"]


# --- one inverted name on its own ---------------------------------------------------------------------

@pytest.mark.parametrize("text, people", [
    ("Watson, Gerard", [("Watson", "G")]),
    ("Fischer, Jae-Won", [("Fischer", "JW")]),
    ("MAZEAUD, TALPIN", [("MAZEAUD", None), ("TALPIN", None)]),              # capitals: two family names
    ("Moreau, Claire & Tomas Lind", [("Moreau", "C"), ("Lind", "T")]),
])
def test_a_single_word_after_the_only_inverted_family_name_is_its_given_name(text, people):
    assert [(a.family, a.given) for a in split_persons(text).authors] == people


# --- a title does not end on a bare word -----------------------------------------------------------------

def test_a_title_ended_on_a_bare_word_takes_the_words_up_to_the_next_punctuation():
    tokens = words("Pastor: The Practice of Ordained Ministry, Nashville: Abingdon, 2002.")
    labels = ["title"] * 5 + ["location"] * 2 + ["publisher", "date"]
    assert title_runs_on(tokens, labels) == ["title"] * 6 + ["location", "publisher", "date"]


@pytest.mark.parametrize("text, labels", [
    ("The Invention of Tradition Cambridge: Cambridge University Press", ["title"] * 4 + ["location"] + ["publisher"] * 3),
    ("Outcomes of a trial Diabetes Care, 26", ["title"] * 4 + ["journal"] * 2 + ["volume"]),
    ("Peer work in practice [Motion picture].", ["title"] * 4 + ["genre"] * 2),
])
def test_a_title_ended_on_a_bare_word_before_a_place_journal_or_bracket_stays(text, labels):
    assert title_runs_on(words(text), list(labels)) == labels


# --- journals and books the labeller read as something else ------------------------------------------

def test_a_volume_without_digits_before_the_numbers_is_the_journal():
    tokens = words("Ascasibar Y., Markevitch M., 2006, ApJ, 650, 102")
    labels = ["author"] * 4 + ["date", "volume", "issue", "pages"]
    assert journal_as_volume(tokens, labels) == ["author"] * 4 + ["date", "journal", "volume", "pages"]


@pytest.mark.parametrize("text, labels", [
    ("Sense and Sensibility, 2 vols. New York", ["title"] * 4 + ["volume"] + ["location"] * 2),
    ("Peer work. Brit J Psych, Vol. 12", ["title"] * 2 + ["journal"] * 3 + ["volume"] * 2),
    ("Heidegger M., 1927, Etre et temps, Gallimard", ["author"] * 2 + ["date"] + ["volume"] * 3 + ["publisher"]),
])
def test_a_real_volume_or_one_without_numbers_after_it_stays(text, labels):
    assert journal_as_volume(words(text), list(labels)) == labels


def test_a_place_opened_by_in_after_the_title_is_the_book_up_to_its_parenthesis():
    tokens = words("“Networks,” in The Forbidden Best-Sellers of France (New York: Norton, 1995)")
    labels = ["title"] + ["location"] * 8 + ["publisher", "date"]
    assert in_place_is_book(tokens, labels) == ["title"] + ["container-title"] * 6 + ["location"] * 2 \
        + ["publisher", "date"]


def test_place_and_publisher_between_a_quoted_title_and_the_date_name_the_periodical():
    tokens = words("“How to Fix a Crowded World.” New York Times, November 2, 1997")
    labels = ["title"] * 6 + ["location"] * 2 + ["publisher"] + ["date"] * 3
    assert periodical_after_quoted_title(tokens, labels) == ["title"] * 6 + ["journal"] * 3 + ["date"] * 3


@pytest.mark.parametrize("text, labels", [
    ("“Ruth.” Englewood Cliffs: Prentice, 1968.", ["title"] + ["location"] * 2 + ["publisher", "date"]),  # an imprint
    ("Fix a World. New York Times, 1997", ["title"] * 3 + ["location"] * 2 + ["publisher", "date"]),       # not quoted
])
def test_an_imprint_or_an_unquoted_title_keeps_its_place_and_publisher(text, labels):
    assert periodical_after_quoted_title(words(text), list(labels)) == labels


def test_the_parser_reads_an_astronomy_journal_abbreviation():
    reference = parse_reference("Kempner J.C., David L.P., 2004b, MNRAS, 349, 385")
    assert (reference.container, reference.volume, reference.first_page) == ("MNRAS", "349", "385")


# --- a report's institution -------------------------------------------------------------------------

def test_a_reports_institution_is_its_publisher_not_a_journal():
    tokens = words("Condor Summary. TR 1069, Computer Sciences Dept., Univ. of Wisconsin, 1992.")
    labels = ["title"] * 2 + ["journal"] * 7 + ["date"]
    assert report_institution(tokens, labels) == ["title"] * 2 + ["publisher"] * 7 + ["date"]


def test_a_journal_naming_a_school_is_kept_when_report_is_only_in_the_title():
    tokens = words("Report of the Panel. Professional School Counseling, 12, 1-9.")
    labels = ["title"] * 4 + ["journal"] * 3 + ["volume", "pages"]
    assert report_institution(tokens, list(labels)) == labels


# --- words after the last punctuated name open the title ---------------------------------------------

@pytest.mark.parametrize("text, authors, cut", [
    ("Central European university literature in the late middle ages.", 2, 0),
    ("Reinermann, H.: Der Offentliche Sektor als Transformator.", 4, 2),
    ("The roar of the winner's circle.", 2, 0),
])
def test_words_after_the_last_punctuated_name_open_the_title(text, authors, cut):
    tokens = words(text)
    labels = ["author"] * authors + ["title"] * (len(tokens) - authors)
    assert authors_end_in_punctuation(tokens, labels) == ["author"] * cut + ["title"] * (len(tokens) - cut)


@pytest.mark.parametrize("text, authors", [
    ("Smith J, Jones K Peer work in practice.", 4),                       # Vancouver initials end bare
    ("Cohen, K., Nguyen, H.M. et al Water in the city.", 6),               # et al
    ("Nibrima, R., Fatima Gupta and Hiroshi Le Roux. 1980a Alloy.", 7),    # the last name ran into the title
    ("RIDLEY, FRANK \"Huron and Lalonde Occupations\".", 2),             # a quotation opens the title
    ("Morgan, F., and Chinedu Lars Zhang. Climate review.", 5),             # names joined by `and` would move
])
def test_author_runs_that_may_end_bare_are_left_alone(text, authors):
    tokens = words(text)
    labels = ["author"] * authors + ["title"] * (len(tokens) - authors)
    assert authors_end_in_punctuation(tokens, list(labels)) == labels


def test_a_lone_number_between_names_and_title_opens_the_title():
    tokens = words("Pocock, Chris. 50 Years of the U-2.")
    labels = ["author"] * 2 + ["date"] + ["title"] * 4
    assert number_opens_title(tokens, labels) == ["author"] * 2 + ["title"] * 5


def test_a_year_between_names_and_title_stays_the_date():
    tokens = words("Pocock, Chris. 2005 Years of the U-2.")
    labels = ["author"] * 2 + ["date"] + ["title"] * 4
    assert number_opens_title(tokens, list(labels)) == labels


# --- a lone `In`, and where a meeting met ---------------------------------------------------------------

def test_a_book_run_that_is_only_in_takes_the_words_up_to_the_first_comma():
    tokens = words("Caching schemes. In Proceedings of PDIS-94, 1994.")
    labels = ["title"] * 2 + ["container-title", "note", "note", "publisher", "date"]
    assert lone_in_opens_book(tokens, labels) == ["title"] * 2 + ["container-title"] * 4 + ["date"]


def test_a_lone_in_before_names_stays_alone():
    tokens = words("Caching. In R. R. Kumar, ed.")
    labels = ["title", "container-title", "editor", "editor", "editor", "editor"]
    assert lone_in_opens_book(tokens, list(labels)) == labels


@pytest.mark.parametrize("text, place", [
    ("Proc. Fourth International Conf. on ASPLOS, Santa Clara,", 2),
    ("In Proceedings of the Eighth Joint Conference on Artificial Intelligence, Karlsruhe,", 1),
])
def test_capitalised_words_after_a_meetings_last_comma_are_its_place(text, place):
    tokens = words(text)
    fixed = meeting_place(tokens, ["container-title"] * len(tokens))
    assert fixed == ["container-title"] * (len(tokens) - place) + ["location"] * place


@pytest.mark.parametrize("text", [
    "First Workshop on Fine-Grained Visual Categorization, CVPR",   # an acronym
    "Proceedings of the Royal Society, Part B",                      # a part
    "Journal of Peer Work, Oxford",                                  # no meeting
])
def test_other_words_after_a_comma_stay_in_the_title(text):
    tokens = words(text)
    labels = ["container-title"] * len(tokens)
    assert meeting_place(tokens, list(labels)) == labels


# --- which strings the seed author-date readers take -----------------------------------------------------

@pytest.mark.parametrize("raw, reader", [
    ("Bach, S, Della Rocca, G (2000) The management strategies of public service employers in Europe. "
     "Industrial Relations Journal, 31: 8296.", "style"),                         # seed gold strings
    ("Gillard, Steve Foster, Rhiannon and Turner, Kati 2016. Evaluating the Prosper peer-led peer support "
     "network: a participatory, coproduced evaluation. Mental Health and Social Inclusion, Vol. 20, Issue. 2, p. 80.",
     "style"),
    ("MAZEAUD, TALPIN, 2010, « Participer pour quoi faire ? », Sociologie, n°3, vol.1, p. 357-374.", "crf"),
    ("Liddle L (2001) Bridging the gap. In Working on Country. Oxford University Press, pp. 147-155.", "crf"),
])
def test_only_the_seed_lists_author_date_shapes_go_to_the_seed_readers(raw, reader):
    assert explain_reference(raw).reader == reader


@pytest.mark.parametrize("raw", [
    "Gobin Corinne (2002), « De l’Union européenne à l’européanisation ? », Revue internationale, 9 (1), pp. 119-138.",
    "--- (2008). 'The macroparameter', in Teresa Biberauer (ed.), The limits of variation. Amsterdam: Benjamins, 351-374.",
    "Gutierrez-Mazariegos J, Schubert M (2014) Evolution of retinoic acid receptors. Subcell. Biochem. 70, 55-73.",
    "Manetti, Giovanni 1993. Theories of the Sign in Classical Antiquity. Trans. Christine Richardson. Bloomington: "
    "Indiana UP.",
])
def test_other_lists_author_date_shapes_and_translations_go_to_the_labeller(raw):
    assert explain_reference(raw).reader == "crf"


# --- a year the labeller put in the names or the title -------------------------------------------------

@pytest.mark.parametrize("text, labels, fixed", [
    ("Eales, S (ed.) 2003, The Jacaranda atlas,", ["editor"] * 3 + ["title"] * 4,
     ["editor"] * 3 + ["date"] + ["title"] * 3),
    ("Solodov, M. Some reformulations of problems, 1997. Computational", ["author"] * 2 + ["title"] * 5 + ["publisher"],
     ["author"] * 2 + ["title"] * 4 + ["date", "publisher"]),
    ("Swift, R. A 1948. Deer select forages.", ["author"] * 2 + ["title"] * 5, ["author"] * 3 + ["date"] + ["title"] * 3),
    ("Boas, Franz 1940 [1933]. Review of Locher.", ["author"] + ["title"] * 6, ["author"] * 2 + ["date"] * 2 + ["title"] * 3),
])
def test_a_bare_year_at_the_edge_of_the_names_or_title_is_the_date(text, labels, fixed):
    assert year_at_run_edge(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels", [
    ("Smith, J. (2001). Peer work in 1998 and after.", ["author"] * 2 + ["date"] + ["title"] * 6),  # a date was read
    ("Smith, J. Peer work in England between 1998 and 2004.", ["author"] * 2 + ["title"] * 8),         # mid-title years
])
def test_a_year_inside_a_title_or_beside_a_read_date_stays(text, labels):
    assert year_at_run_edge(words(text), list(labels)) == labels


# --- films and edited books with no author; a title's parenthesis ------------------------------------

def test_a_sentence_before_a_role_cue_is_the_title_and_the_roles_are_not_authors():
    tokens = words("The Arrival. Dir. David Twohy. Perf. Charlie Sheen. Artisan, 1996.")
    labels = ["author"] * 5 + ["title"] * 3 + ["publisher", "date"]
    assert title_before_role(tokens, labels) == ["title"] * 2 + ["note"] * 6 + ["publisher", "date"]


def test_an_editor_cue_after_the_title_marks_editors():
    tokens = words("Ghost Stories. Ed. Peter Washington. New York: Knopf, 2008.")
    labels = ["author"] * 3 + ["title"] * 2 + ["location"] * 2 + ["publisher", "date"]
    assert title_before_role(tokens, labels)[:5] == ["title"] * 2 + ["editor"] * 3


def test_a_role_cue_read_into_the_title_leaves_it():
    tokens = words("Rivers of Salt. Dir. Ana Ortiz. Tideway Films, 2004.")
    labels = ["title"] * 6 + ["publisher"] * 2 + ["date"]
    assert title_before_role(tokens, labels) == ["title"] * 3 + ["note"] * 3 + ["publisher"] * 2 + ["date"]


def test_an_author_whose_title_follows_keeps_the_names():
    tokens = words("Smith, John. Peer work. Ed. Ann Lee. London: Sage, 2001.")
    labels = ["author"] * 2 + ["title"] * 2 + ["editor"] * 3 + ["location", "publisher", "date"]
    assert title_before_role(tokens, list(labels)) == labels


def test_a_title_closes_the_parenthesis_it_opened():
    tokens = words("A new species from Spain (Onychiuridae, Tullbergiinae)., Spixiana 14")
    labels = ["title"] * 6 + ["journal"] * 2 + ["volume"]
    assert title_closes_parenthesis(tokens, labels) == ["title"] * 7 + ["journal", "volume"]


def test_a_parenthesis_closed_across_a_date_is_left():
    tokens = words("The Army of Francis Joseph (West Lafayette, IN, 1998).")
    labels = ["title"] * 6 + ["location"] * 2 + ["date"]
    assert title_closes_parenthesis(tokens, list(labels)) == labels


# --- a journal's first words left in the title -----------------------------------------------------------

def test_a_title_ended_on_a_bare_word_gives_the_journal_its_first_words():
    tokens = words("On Names. Journal of the College for Postgraduate Buddhist Studies, Vol. 21")
    labels = ["title"] * 7 + ["journal"] * 2 + ["volume"] * 2
    assert journal_head_in_title(tokens, labels) == ["title"] * 2 + ["journal"] * 7 + ["volume"] * 2


@pytest.mark.parametrize("text, labels", [
    ("Seasick on the Third Wave: Subverting Propositionalism Social Studies 33",        # a subtitle's colon
     ["title"] * 6 + ["journal"] * 2 + ["volume"]),
    ("Peer support in practice. Psychiatric Services 12", ["title"] * 4 + ["journal"] * 2 + ["volume"]),  # ends punctuated
])
def test_a_title_that_ends_at_punctuation_or_after_a_colon_keeps_its_words(text, labels):
    assert journal_head_in_title(words(text), list(labels)) == labels


# --- an issue that ran into the pages ----------------------------------------------------------------------

@pytest.mark.parametrize("text, issue", [
    ("(6), 60 -68.", 1),
    ("(1). 109 –", 1),
    ("(3), pg", 1),
])
def test_numbers_after_a_closed_issue_are_the_pages(text, issue):
    tokens = words(text)
    fixed = pages_after_issue(tokens, ["issue"] * len(tokens))
    assert fixed == ["issue"] * issue + ["pages"] * (len(tokens) - issue)


@pytest.mark.parametrize("text", ["no. 11,", "n° 5", "(May/June 2001)"])
def test_an_issue_with_its_mark_or_a_month_stays(text):
    tokens = words(text)
    assert pages_after_issue(tokens, ["issue"] * len(tokens)) == ["issue"] * len(tokens)


# --- nor does a journal or book title end on a bare word -------------------------------------------------

@pytest.mark.parametrize("text, labels, fixed", [
    ("In Neural Information Processing Systems, Vol. 2,", ["container-title"] * 4 + ["publisher", "volume", "volume"],
     ["container-title"] * 5 + ["volume", "volume"]),
    ("In Proceedings IJCAI-87.", ["container-title"] * 2 + ["note"], ["container-title"] * 3),
])
def test_a_journal_or_book_ended_on_a_bare_word_takes_the_words_to_the_next_punctuation(text, labels, fixed):
    assert container_runs_on(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels", [
    ("Journal of Language and Social Psychology 23. 4", ["journal"] * 6 + ["note", "issue"]),   # a number
    ("Bulletin no. 11. May 1929.", ["journal", "note", "note", "date", "date"]),                 # a volume mark
    ("Proceedings of Supercomputing Albuquerque: Sage", ["journal"] * 3 + ["location", "publisher"]),  # a place
])
def test_numbers_marks_and_imprints_after_a_bare_journal_stay_out(text, labels):
    assert container_runs_on(words(text), list(labels)) == labels


# --- a volume of a many-volume work ----------------------------------------------------------------------

@pytest.mark.parametrize("text, labels, fixed", [
    ("Hesse, Hermann. Der Steppenwolf. Vol. 4 of Gesammelte Dichtungen. Berlin:",
     ["author"] * 2 + ["journal"] * 2 + ["volume", "note", "note", "note", "title", "location"],
     ["author"] * 2 + ["title"] * 2 + ["volume"] * 2 + ["container-title"] * 3 + ["location"]),
    ("Camões, Luís. Os Lusiadas. Vols. 4 and 5 of Obras completas. Lisbon:",
     ["author"] * 2 + ["journal"] * 2 + ["volume"] + ["note"] * 4 + ["container-title"] * 2 + ["location"],
     ["author"] * 2 + ["title"] * 2 + ["volume"] * 4 + ["container-title"] * 3 + ["location"]),
])
def test_vol_n_of_a_work_is_the_volume_and_the_work(text, labels, fixed):
    assert volume_of_work(words(text), list(labels)) == fixed


def test_a_volume_without_of_is_no_work():
    tokens = words("Capital. Translated by Ben Fowkes. Vol. 1. New York: Penguin, 1990.")
    labels = ["title"] + ["translator"] * 4 + ["volume", "pages", "location", "location", "publisher", "date"]
    assert volume_of_work(tokens, list(labels)) == labels


# --- a book's number of pages ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, labels, fixed", [
    ("Paris : MASSON, 2004. 149 p.", ["location"] * 2 + ["publisher", "date", "volume", "pages"],
     ["location"] * 2 + ["publisher", "date", "note", "note"]),
    ("Akademiya Nauk SSSR, 124 p. 1975.", ["publisher"] * 3 + ["volume", "pages", "date"],
     ["publisher"] * 3 + ["note", "note", "date"]),
])
def test_a_number_then_p_is_the_books_extent(text, labels, fixed):
    assert page_count(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels", [
    ("Nature 441, pp. 203 p.", ["journal", "volume", "pages", "pages", "pages"]),   # after `pp.`: pages
    ("Psychiatr Serv 12 p. 45-67.", ["journal"] * 2 + ["volume", "pages", "pages"]),   # pages follow
])
def test_a_number_before_the_pages_stays(text, labels):
    assert page_count(words(text), list(labels)) == labels


# --- a journal run that opens on the title's lower-case subtitle ---------------------------------------

@pytest.mark.parametrize("text, title, journal", [
    ("Property and innovation. an overview. Nat. Med. 12,", 3, 3),
    ("Travail du public, travail du privé : similitudes, Revue Française d'Administration,", 3, 3),
])
def test_a_lower_case_opening_of_the_journal_run_goes_back_to_the_title(text, title, journal):
    tokens = words(text)
    labels = ["title"] * title + ["journal"] * (len(tokens) - title)
    fixed = container_head_is_title(tokens, labels)
    assert fixed == ["title"] * (len(tokens) - journal) + ["journal"] * journal


@pytest.mark.parametrize("text, title", [
    ("Peer work. in Proceedings of Peer Work, Leeds", 2),     # `in` opens a book
    ("Peer work. Journal of Peer Work, Leeds", 2),            # capitalised: a journal
])
def test_a_journal_run_opening_on_in_or_a_capital_stays(text, title):
    tokens = words(text)
    labels = ["title"] * title + ["journal"] * (len(tokens) - title)
    assert container_head_is_title(tokens, list(labels)) == labels


# --- a subtitle after the title's colon --------------------------------------------------------------------

def test_a_book_run_after_a_title_colon_is_the_subtitle():
    tokens = words("Chaos Theory: Foundations and Applications, University of Michigan Press, 1997.")
    labels = ["title"] * 2 + ["container-title"] * 7 + ["date"]
    assert subtitle_after_colon(tokens, labels) == ["title"] * 5 + ["container-title"] * 4 + ["date"]


@pytest.mark.parametrize("text, labels", [
    ("Violence at work: International Labour Organization.", ["title"] * 3 + ["publisher"] * 0 + ["journal"] * 3),
    ("Peer work: Psychiatric Services 12", ["title"] * 2 + ["journal"] * 2 + ["volume"]),
    ("Peer work: In Proceedings of Peer Work, 2001", ["title"] * 2 + ["container-title"] * 5 + ["date"]),
])
def test_a_run_after_a_colon_that_ends_the_reference_or_takes_numbers_stays(text, labels):
    assert subtitle_after_colon(words(text), list(labels)) == labels


# --- a journal read as the title's last sentence ---------------------------------------------------------

def test_the_titles_last_sentence_before_the_numbers_is_the_journal():
    tokens = words("Can it change minds? Journal of Orthopaedic Advances. 2011 20 (3): 1-9.")
    labels = ["title"] * 8 + ["date", "volume", "issue", "pages"]
    fixed = journal_inside_title(tokens, labels)
    assert fixed == ["title"] * 4 + ["journal"] * 4 + ["date", "volume", "issue", "pages"]


@pytest.mark.parametrize("text, labels", [
    ("Peer work. A review. London: Sage, 2001.", ["title"] * 4 + ["location", "publisher", "date"]),   # a book
    ("Peer work. In Building Peer Support. 2001 pp. 3-9", ["title"] * 6 + ["date", "pages", "pages"]),  # a chapter
])
def test_a_book_or_chapter_title_keeps_its_last_sentence(text, labels):
    assert journal_inside_title(words(text), list(labels)) == labels


# --- `Family, Given.` ends the list -----------------------------------------------------------------------

def test_a_first_author_family_comma_given_period_ends_the_list():
    tokens = words("Lowenthal, David. George Perkins Marsh: Prophet of Conservation. Seattle: UWP, 2000.")
    labels = ["author"] * 5 + ["title"] * 3 + ["location", "publisher", "date"]
    assert inverted_name_ends_list(tokens, labels) == ["author"] * 2 + ["title"] * 6 + ["location", "publisher", "date"]


@pytest.mark.parametrize("text, authors", [
    ("ROUSSILLON, René. CHABERT, Catherine. Manuel de psychologie.", 4),   # a family in capitals follows
    ("Clem, Ralph. and Joseph Olander, eds. No Room for Man.", 6),          # `and` joins
    ("Smith, John. Jones, Anne. Peer work.", 4),                           # another pair
])
def test_a_list_that_goes_on_after_family_comma_given_stays(text, authors):
    tokens = words(text)
    labels = ["author"] * authors + ["title"] * (len(tokens) - authors)
    assert inverted_name_ends_list(tokens, list(labels)) == labels


# --- a book's title split in two ----------------------------------------------------------------------------

def test_a_book_run_between_a_title_cut_mid_phrase_and_the_imprint_is_the_title():
    tokens = words("Imperial Hygiene: A Critical History of Health. New York: Palgrave, 2004.")
    labels = ["title"] * 3 + ["container-title"] * 4 + ["location", "location", "publisher", "date"]
    assert book_title_split(tokens, labels) == ["title"] * 7 + ["location", "location", "publisher", "date"]


@pytest.mark.parametrize("text, labels", [
    ("Peer work. Psychiatric Services. 2001", ["title"] * 2 + ["journal"] * 2 + ["date"]),              # a sentence ended
    ("Survey of English Bulletin no. 11. May 1929.", ["title"] * 3 + ["journal"] * 2 + ["note"] + ["date"] * 2),
    ("Contes des fées. Ed. Nadine Jasmine. Parigi: Champion", ["title"] * 2 + ["journal"] * 3
     + ["location", "publisher"]),                                                                      # an editor
    ("Peer support in Psychiatric Services, 12, 3-9. 2001", ["title"] * 2 + ["journal"] * 2
     + ["volume", "pages", "date"]),                                                                    # numbers
])
def test_a_journal_after_a_finished_title_or_before_numbers_stays(text, labels):
    assert book_title_split(words(text), list(labels)) == labels


# --- a bracketed medium after the title ----------------------------------------------------------------

@pytest.mark.parametrize("text, medium", [
    ("Harbour Lights [Motion picture]. Leeds: Northern Films.", "[Motion picture]."),
    ("Counting Birds [Computer software].", "[Computer software]."),
    ("Night Shift [DVD]. London: Tideway.", "[DVD]."),
])
def test_a_bracketed_medium_ends_the_title(text, medium):
    tokens = words(text)
    labels = medium_after_title(tokens, ["title"] * len(tokens))
    assert " ".join(t for t, l in zip(tokens, labels) if l == "medium") == medium
    assert labels[0] == "title" and "title" not in labels[labels.index("medium"):]


@pytest.mark.parametrize("text", [
    "Ostrak iz Tepe [Ostracon from the Hill]. Moscow.",  # a translation stays in the title
    "Screening of premature infants [in Chinese].",
    "[Construction of a yeast strain]. Chin J Biotech.",  # a bracket opening the title
    "Harbour Lights [Motion picture of the coast in winter]. Leeds.",  # more than a description
])
def test_a_bracket_that_is_not_a_medium_stays_in_the_title(text):
    tokens = words(text)
    assert medium_after_title(tokens, ["title"] * len(tokens)) == ["title"] * len(tokens)


def test_the_parser_reads_a_films_title_without_its_medium():
    parsed = parse_reference("Marsh, K. (Director). (2004). Harbour lights [Motion picture]. Leeds: Northern Films.")
    assert parsed.title == "Harbour lights" and parsed.year == 2004
    assert [(a.family, a.given) for a in parsed.authors] == [("Marsh", "K")]  # "(Director)" is a role, not a name


def test_a_role_in_parentheses_is_not_a_name():
    names = split_persons("Hale, C., Ortiz, F. (Producers), & Brand, D. (Writer/Director).")
    assert [(a.family, a.given) for a in names.authors] == [("Hale", "C"), ("Ortiz", "F"), ("Brand", "D")]


@pytest.mark.parametrize("text, journal", [
    ("Dust on ice shelves, Antarctica, Cryosphere & Climate Letters, v. 3, p. 1-9.", "Cryosphere & Climate Letters"),
    ("Dust on ice shelves, Antarctica, Annalen der Erde - Glaciology, v. 3, p. 1-9.", "Annalen der Erde - Glaciology"),
])
def test_a_title_does_not_end_on_an_ampersand_or_dash_before_the_journal(text, journal):
    tokens = words(text)  # the labeller's error: the title runs on to the `&` or dash
    cut, end = next(i for i, t in enumerate(tokens) if t in ("&", "-")) + 1, tokens.index(journal.split()[-1] + ",") + 1
    labels = journal_head_in_title(tokens, ["title"] * cut + ["journal"] * (end - cut) + ["volume"] * (len(tokens) - end))
    assert " ".join(t for t, l in zip(tokens, labels) if l == "journal").rstrip(",") == journal



def test_a_title_ended_on_of_takes_the_journals_words_up_to_its_first_sentence():
    tokens = words("Smith J. Breakup of Eastern Gondwana. Sedimentary Geology 12, 1-9.")
    labels = ["author"] * 2 + ["title"] * 2 + ["journal"] * 4 + ["volume", "pages"]
    assert title_ends_on_open_word(tokens, labels) == ["author"] * 2 + ["title"] * 4 + ["journal"] * 2 + ["volume", "pages"]


@pytest.mark.parametrize("text, cut", [
    ("Smith J. Breakup of Gondwana. Sedimentary Geology 12, 1-9.", 5),  # the title ends on a word titles end on
    ("Smith J. Progress and Energy Policy 12, 1-9.", 4),  # no sentence ends inside the journal: left alone
])
def test_a_journal_without_a_title_tail_is_left_alone(text, cut):
    tokens = words(text)
    labels = ["author"] * 2 + ["title"] * (cut - 2) + ["journal"] * (len(tokens) - cut - 2) + ["volume", "pages"]
    assert title_ends_on_open_word(tokens, list(labels)) == labels



def test_a_publisher_read_as_a_book_title_after_the_title_is_the_publisher():
    tokens = words("Lund, K. (1998). Reasoning under Doubt. Harbour Media. ISBN 0-12-345678-9.")
    labels = ["author"] * 2 + ["date"] + ["title"] * 3 + ["container-title"] * 2 + ["isbn"] * 2
    assert publisher_after_title(tokens, labels)[6:8] == ["publisher"] * 2


@pytest.mark.parametrize("text, labels", [
    ("Lund, K. (1998). Reasoning. Publishers Weekly, 12, 3-4.", ["author"] * 2 + ["date", "title"]
     + ["journal"] * 2 + ["volume", "pages"]),  # a periodical, with numbers
    ("Lund, K. (1998). Reasoning. Publishers Weekly. 12 May.", ["author"] * 2 + ["date", "title"]
     + ["journal"] * 2 + ["date"] * 2),  # a periodical's word
    ("Lund, K. (1998). Reasoning. In Harbour Media Essays. Oslo.", ["author"] * 2 + ["date", "title"]
     + ["container-title"] * 4 + ["location"]),  # a book after In
])
def test_a_periodical_or_a_book_after_in_stays(text, labels):
    assert publisher_after_title(words(text), list(labels)) == labels


@pytest.mark.parametrize("text, labels, publisher", [
    ("Rewriting History. TR95-90 Computer Science Dept., University of Leeds, 1995.",
     ["title"] * 2 + ["journal"] * 7 + ["date"], 7),  # a report's number is its cue
    ("Typage polymorphe. PhD thesis, Universite Lyon 2, 1992.",
     ["title"] * 2 + ["genre"] * 2 + ["journal"] * 3 + ["date"], 3),  # `Universite` printed without its accent
    ("Annual report. Technical report, Highway Safety Administration, 2013.",
     ["title"] * 2 + ["genre"] * 2 + ["container-title"] * 3 + ["date"], 3),
])
def test_a_reports_institution_is_its_publisher(text, labels, publisher):
    assert report_institution(words(text), list(labels)).count("publisher") == publisher


@pytest.mark.parametrize("text, labels, journal", [
    ("Wiener klin wochenschr, n° 82, p. 12-13.", ["journal"] * 2 + ["volume"] * 3 + ["pages"] * 2,
     "Wiener klin wochenschr,"),
    ("Le fil dentaire. 2011 ;(61) : 40-4.", ["journal"] * 2 + ["pages", "date", "volume", "issue", "pages"],
     "Le fil dentaire."),
])
def test_words_read_as_numbers_after_a_journal_cut_on_a_bare_word_are_the_journals(text, labels, journal):
    assert read_with(container_runs_on, text, labels, "journal") == journal


def test_a_volume_before_its_issue_stays_the_volume():
    tokens = words("Word & World XIV: 4 (1994), 409-418.")
    labels = ["journal"] * 3 + ["volume", "issue", "date", "pages"]
    assert container_runs_on(tokens, list(labels)) == labels



@pytest.mark.parametrize("text, labels", [
    ("Harbour Times, November 2, 1997, 12.", ["journal"] * 3 + ["volume", "date", "pages"]),
    ("Weekly Courier, May(26). 2011.", ["journal"] * 3 + ["date"]),
    ("Architettura Oggi, febbraio 1961, p. 55.", ["journal"] * 3 + ["date", "pages", "pages"]),  # before its year
])
def test_a_month_closing_a_periodicals_name_before_its_day_is_the_date(text, labels):
    tokens = words(text)
    fixed = month_leaves_container(tokens, list(labels))
    assert fixed[:2] == ["journal"] * 2 and fixed[2] == "date"


def test_a_month_inside_a_name_stays():
    tokens = words("The March of Time, 12, 3-4.")  # no comma before the month
    labels = ["journal"] * 4 + ["volume", "pages"]
    assert month_leaves_container(tokens, list(labels)) == labels


def test_a_style_reading_without_a_year_is_not_certain():
    # BMC's shape up to the title, then a journal's locator the BMC reader takes for the journal
    parse = explain_reference("DAVIES JH, MORGAN DB: Observations on sodium in renal disease. Q J Med 36: 301-320, 1967")
    assert parse.reader == "crf"
    reference = parse.reference
    assert (reference.year, reference.container, reference.volume, reference.first_page) == (1967, "Q J Med", "36", "301")



@pytest.mark.parametrize("text, pages", [
    ("In ICCV, pages 1385 \u20131392, 2011.", "pages 1385 \u20131392,"),
    ("In Proceedings of the Sixth Symposium (PODS), pp. 237-249, San Diego.", "pp. 237-249,"),
    ("In Client-centered psychotherapy (pp. 89-98). Lisbon: Vale.", "(pp. 89-98)."),
])
def test_a_page_cue_inside_a_proceedings_title_starts_the_pages(text, pages):
    tokens = words(text)
    labels = pages_inside_container(tokens, ["container-title"] * (len(tokens) - 1) + ["date"])
    assert " ".join(t for t, l in zip(tokens, labels) if l == "pages") == pages


def test_a_page_cue_without_a_number_stays_in_the_title():
    tokens = words("In Pages of History, Oxford.")
    labels = ["container-title"] * 4 + ["location"]
    assert pages_inside_container(tokens, list(labels)) == labels



@pytest.mark.parametrize("text, labels, place, publisher", [
    ("Lund, K. (2002). Harbour work: a history. Bergen NO: Tideway.", ["author"] * 2 + ["date"] + ["title"] * 7,
     "Bergen NO:", "Tideway."),
    ("Lund, Kari. Harbour Work. Grand Rapids: Ivar B. Tideway, 2011.", ["author"] * 2 + ["title"] * 3
     + ["author"] * 4 + ["date"], "Grand Rapids:", "Ivar B. Tideway,"),
])
def test_a_place_and_publisher_read_into_the_title_are_the_imprint(text, labels, place, publisher):
    assert read_with(imprint_closes_title, text, labels, "location") == place
    assert read_with(imprint_closes_title, text, labels, "publisher") == publisher


def test_a_place_and_publisher_after_a_comma_or_a_question_are_the_imprint():
    tokens = words("Greel, Andrew M., Come Blow Your Mind With Me, Garden City: Doubleday, 1971.")
    labels = ["author"] * 3 + ["title"] * 9 + ["publisher", "date"]
    fixed = imprint_closes_title(tokens, list(labels))
    assert labelled(tokens, fixed, "title") == "Come Blow Your Mind With Me,"
    tokens = words("Lund, K. Regulating Harbours: Beliefs, Practices, Meanings. Chicago: Ivar Press, 1971.")
    labels = ["author"] * 2 + ["title"] * 7 + ["publisher", "date"]  # no sentence inside a place:
    fixed = imprint_closes_title(tokens, list(labels))  # the imprint starts after `Meanings.`, not `Beliefs,`
    assert fixed[2:7] == ["title"] * 5 and fixed[7:9] == ["location", "publisher"]


@pytest.mark.parametrize("text", [
    "Lund, K. (2002). Harbour work. Part Two: the sequel. Oslo, 12-14.",  # lower case after the colon, numbers after
    "Lund, K. (2002). Harbour work. Case Study: Ten Ports in 1901.",  # a number in what would be the publisher
])
def test_a_second_sentence_with_a_colon_stays_in_the_title(text):
    tokens = words(text)
    labels = ["author"] * 2 + ["date"] + ["title"] * (len(tokens) - 3)
    assert imprint_closes_title(tokens, list(labels)) == labels



def test_a_given_name_after_a_two_word_family_closes_the_authors():
    tokens = words("Soto Lavega, Gabriela. Jungle Laboratories: Peasants and the Pill. Durham: Duke, 2009.")
    labels = ["author"] * 2 + ["title"] * 7 + ["location", "publisher", "date"]
    assert given_name_closes_authors(tokens, list(labels))[:3] == ["author"] * 3


def test_a_particle_closing_the_given_name_ends_the_authors():
    tokens = words("Andrade, Mario de. Macunaima: O heroi sem caracter. Belo Horizonte: Itatiaia, 1987.")
    labels = ["author"] * 4 + ["title"] * 4 + ["location"] * 2 + ["publisher", "date"]
    assert inverted_name_ends_list(tokens, list(labels))[:4] == ["author"] * 3 + ["title"]


def test_a_decomposed_accent_reads_as_the_composed_letter():
    decomposed = "Andrade, Ma\u0301rio de. Macunai\u0301ma: O hero\u0301i. Belo Horizonte: Itatiaia, 1987."
    parsed = parse_reference(decomposed)
    assert parsed.title == "Macuna\u00edma: O her\u00f3i" and parsed.raw == decomposed


@pytest.mark.parametrize("text, authors", [
    ("Harlow, Anne. Medicine, Mind, and the Double Brain. Princeton: Academic, 1987.", 2),  # not another pair
    ("Da Motta, Roberto. Carnivals, Rogues, and Heroes. South Bend: Dame, 1991.", 3),  # a particle opens the family
    ("Dimond, Stephen A. Anger, madness, and the daimonic. SUNY Press, 1996.", 3),  # given name and initial
])
def test_family_given_opening_the_reference_ends_the_authors_before_a_comma_title(text, authors):
    tokens = words(text)
    labels = ["author"] * (authors + 2) + ["title"] * (len(tokens) - authors - 2)
    fixed = inverted_name_ends_list(tokens, list(labels))
    assert fixed[:authors] == ["author"] * authors and fixed[authors] == "title"


@pytest.mark.parametrize("text", [
    "Theis, Justin L. Gerbera, Parry J. Camerona, Ken L. Jump-landing differences. 2015.",  # pairs with initials
    "Vasco, Sandra G. T. Figures of the past. Margem 12 (2008): 15-37.",  # a second initial
])
def test_a_list_of_inverted_names_with_initials_stays(text):
    tokens = words(text)
    labels = ["author"] * (len(tokens) - 4) + ["title"] * 4
    assert inverted_name_ends_list(tokens, list(labels)) == labels



@pytest.mark.parametrize("text, labels, author", [
    ("[4] U.K. National Library of Records. The harbour atlas, 2015.", ["citation-number", "author"]
     + ["title"] * 8 + ["date"], "U.K. National Library of Records."),
    ("The Harbour Consulting Group. Perspectives on Strategy. Oslo: Tideway, 1968.", ["title"] * 7
     + ["location", "publisher", "date"], "The Harbour Consulting Group."),
])
def test_a_body_read_into_the_title_is_the_author(text, labels, author):
    assert read_with(body_opens_title, text, labels, "author") == author


@pytest.mark.parametrize("text, labels", [
    ("Lund, K. Harbour work. The group as a unit. Oslo, 2001.", ["author"] * 2 + ["title"] * 7 + ["location", "date"]),
    ("The Social Group. Oslo: Tideway, 1968.", ["title"] * 3 + ["location", "publisher", "date"]),  # the title alone
])
def test_a_title_after_closed_names_or_alone_stays(text, labels):
    assert body_opens_title(words(text), list(labels)) == labels



def test_a_title_sentence_opening_on_a_journals_word_is_the_journals():
    tokens = words("Lund, K. (2010). Harbour lives. The Journals of Maritime Studies Series B: Social Sciences, 65(6), 7-9.")
    labels = ["author"] * 2 + ["date"] + ["title"] * 10 + ["journal"] * 2 + ["volume", "pages"]
    fixed = journal_head_ends_title(tokens, list(labels))
    assert labelled(tokens, fixed, "title") == "Harbour lives."
    assert fixed[5:15] == ["journal"] * 10


def test_a_title_sentence_opening_on_proc_is_the_proceedings():
    tokens = words("Bunt, R. Scheduling in Systems. Proc. of the ACM Conf. on Measurement & Modeling 16, 1, 104-113.")
    labels = ["author"] * 2 + ["title"] * 11 + ["journal"] + ["volume"] * 2 + ["pages"]
    fixed = journal_head_ends_title(tokens, list(labels))
    assert labelled(tokens, fixed, "journal") == \
        "Proc. of the ACM Conf. on Measurement & Modeling"


def test_a_journals_word_inside_a_title_sentence_stays():
    tokens = words("Lund, K. (2010). Harbour lives in the journal of a captain. Mar Stud, 65, 7-9.")
    labels = ["author"] * 2 + ["date"] + ["title"] * 8 + ["journal"] * 2 + ["volume", "pages"]
    assert journal_head_ends_title(tokens, list(labels)) == labels



@pytest.mark.parametrize("text, labels, fixed", [
    ("Harbour Review 22, 2 (1920): 111-126.", ["journal"] * 2 + ["volume"] * 2 + ["issue", "pages"],
     ["journal"] * 2 + ["volume"] * 2 + ["date", "pages"]),
    ("Cap-aux-Îles, 66 (été 2001): 64-65.", ["journal", "volume", "issue", "date", "pages"],
     ["journal", "volume", "date", "date", "pages"]),
    ("Cahiers d'études, n. 9 (2009), p. 37-47.", ["journal"] * 2 + ["issue", "volume", "date", "pages", "pages"],
     ["journal"] * 2 + ["issue", "issue", "date", "pages", "pages"]),
    ("Harbour Review, no. 9, vol. 4, 1-2.", ["journal"] * 2 + ["issue", "volume", "volume", "volume", "pages"],
     ["journal"] * 2 + ["issue", "issue", "volume", "volume", "pages"]),  # the number after `no.` is the issue
    ("Pouvoirs, 1979, n°9.", ["journal", "date", "pages"], ["journal", "date", "issue"]),
    ("Social Text 16 (1986–87): 36–80.", ["journal"] * 2 + ["volume", "issue", "pages"],
     ["journal"] * 2 + ["volume", "date", "pages"]),
    ("Casabella, vol. 339-340, agosto/settembre 1969,", ["journal"] + ["volume"] * 2 + ["issue", "date"],
     ["journal"] + ["volume"] * 2 + ["date", "date"]),
    ("The Guardian, 29 August 2015.", ["journal"] * 2 + ["volume", "date", "date"], ["journal"] * 2 + ["date"] * 3),
    ("Reuters 30 October.", ["journal", "volume", "date"], ["journal", "date", "date"]),
    ("Review, Vol. 21 March, 2017,", ["journal"] + ["volume"] * 2 + ["date"] * 2, ["journal"] + ["volume"] * 2
     + ["date"] * 2),  # the number after `Vol.` stays the volume
    ("Physical Review B 2001, 63, (16).", ["journal"] * 3 + ["date", "volume", "pages"],
     ["journal"] * 3 + ["date", "volume", "issue"]),
    ("Sense and Sensibility, 2 vols. New York", ["title"] * 3 + ["date", "volume", "location", "location"],
     ["title"] * 3 + ["volume", "volume", "location", "location"]),
    ("Review of Economics, Vol. 41, No. 2, Part 1, pp.99-105", ["journal"] * 3 + ["volume"] * 2
     + ["issue", "container-title", "container-title", "container-title", "pages"],
     ["journal"] * 3 + ["volume"] * 2 + ["issue", "issue", "container-title", "container-title", "pages"]),
    ("Communities, rev. ed. (London: Verso, 1991), 39 .", ["title"] * 2 + ["edition", "location", "publisher",
     "date", "volume", "issue"], ["title"] * 2 + ["edition", "location", "publisher", "date", "pages", "issue"]),
])
def test_years_seasons_and_issue_numbers_in_their_place(text, labels, fixed):
    assert numbers_in_place(words(text), list(labels)) == fixed



def test_names_in_natural_order_after_the_first_author_are_authors():
    tokens = words("Dean Bask, Andras Vas, and Jared Wunk. Asymptotics of fields. Preprint, 2012.")
    labels = ["author"] * 2 + ["title"] * 9 + ["note", "date"]
    assert author_list_continues(tokens, list(labels))[:8] == ["author"] * 7 + ["title"]


@pytest.mark.parametrize("text", [
    "Saxby Pridd, The Centre Pompidou, Quadrant, Vol. 60, No. 3, 2016, 30",  # an article's title, not names
    "M. C. Mill, Donors, Their Gifts, and Religious Innovation, Speculum, 66, 1991, 27-42.",  # one word
])
def test_a_title_after_the_names_is_not_more_names(text):
    tokens = words(text)
    cut = 3 if tokens[0] == "M." else 2
    labels = ["author"] * cut + ["title"] * (len(tokens) - cut)
    assert author_list_continues(tokens, list(labels)) == labels



def test_names_read_part_as_authors_part_as_editors_up_to_the_mark_are_editors():
    tokens = words("L Douglas Kile, Euel W Elliot (ed.), Chaos in Society, Michigan Press, 1997.")
    labels = ["author"] * 3 + ["editor"] * 4 + ["title"] * 3 + ["publisher"] * 2 + ["date"]
    assert editors_open_reference(tokens, list(labels))[:7] == ["editor"] * 7
    parsed = parse_reference("Csampa, Attila, and Dietmar Holand (eds.), Tannhauser: Texte (Hamburg: Rowohlt, 1986).")
    assert [a.family for a in parsed.authors] == ["Csampa", "Holand"]


def test_authors_before_a_chapters_editors_keep_their_place():
    tokens = words("Lund, K. Harbour work. In Ann Lee (ed.), Ports, Oslo, 2001.")
    labels = ["author"] * 2 + ["title"] * 2 + ["editor"] * 4 + ["container-title", "location", "date"]
    assert editors_open_reference(tokens, list(labels)) == labels



@pytest.mark.parametrize("text, labels, pages", [
    ("Automatica, 47 (11): 2462\u2013 2467, 2011.", ["journal", "volume", "issue", "pages", "date", "date"],
     "2462\u2013 2467,"),
    ("Naturalist 48: 248 \u2013254.", ["journal", "volume", "pages", "doi"], "248 \u2013254."),
    ("Management, 14 (6), 52 \u2013 59.", ["journal", "volume", "issue", "note", "note", "note"], "52 \u2013 59."),
    ("Processes, Vol. 1, pp. 77-84. National Laboratory.", ["container-title"] + ["volume"] * 2 + ["pages"]
     + ["container-title"] * 3, "pp. 77-84."),
    ("Papers, vol. 51, pp. 1295 \u2013 1306, 2004.", ["journal"] + ["volume"] * 2 + ["pages"] + ["note"] * 4,
     "pp. 1295 \u2013 1306,"),
    ("Nedra, 231 p. 1980.", ["publisher", "note", "pages", "date"], "p."),  # a year after `p.` is no page
])
def test_a_page_range_broken_by_a_space_is_one_range(text, labels, pages):
    assert read_with(spaced_range, text, labels, "pages") == pages


def test_numbers_after_the_pages_are_not_pages():
    tokens = words("Management, 14 (6), 52 \u2013 59. Oslo 1999 \u2013 2001.")
    labels = ["journal", "volume", "issue", "pages", "pages", "pages", "location", "date", "date", "date"]
    assert spaced_range(tokens, list(labels)) == labels



def test_a_page_range_in_parentheses_after_a_quoted_title_is_the_pages():
    parsed = parse_reference("Schyn, Birgit, \u2018The Role of Distance in Exchange\u2019 (136-154) in Michelle Blig (ed.), "
                             "Exploring Distance, New York: Routledge, 2012.")
    assert (parsed.first_page, parsed.last_page) == ("136", "154")
    tokens = words("\u2018Peer work (1990-2000)\u2019 Oslo.")  # years inside the title stay
    assert range_after_quoted_title(tokens, ["title"] * 4 + ["location"]) == ["title"] * 4 + ["location"]



@pytest.mark.parametrize("text, labels, container", [
    ("In Proceedings SuperComputing '95, Dec. 1995.", ["container-title"] * 3 + ["volume", "date", "date"],
     "In Proceedings SuperComputing '95,"),
    ("In Proceedings IJCAI-87.", ["container-title"] * 2 + ["pages"], "In Proceedings IJCAI-87."),
    ("In Proceedings of Supercomputing '91, Albuquerque, NM, 1991.", ["container-title"] * 4 + ["author"] * 3 + ["date"],
     "In Proceedings of Supercomputing '91,"),
])
def test_a_meetings_two_digit_year_closes_its_name(text, labels, container):
    assert read_with(meeting_year_in_container, text, labels, "container-title") == container


def test_a_volume_after_a_closed_journal_name_stays():
    tokens = words("Harbour Review, '95, 12-14.")
    labels = ["journal"] * 2 + ["volume", "pages"]
    assert meeting_year_in_container(tokens, list(labels)) == labels


def test_a_book_title_split_between_two_container_labels_is_one():
    tokens = words("In Ann Card (Ed.), Handbook of labor economics (Vol. 3, pp. 1761-1800).")
    labels = ["editor"] * 4 + ["container-title"] * 2 + ["journal"] * 2 + ["volume"] * 2 + ["pages"] * 2
    fixed = container_runs_on(tokens, list(labels))
    assert labelled(tokens, fixed, "container-title") == "Handbook of labor economics"



def test_a_publisher_closing_the_title_before_the_year_is_the_publisher():
    tokens = words("K. Chand, Parallel Design: A Foundation, Addison-Wesley, 1988.")
    labels = ["author"] * 2 + ["title"] * 5 + ["date"]
    assert publisher_closes_title(tokens, list(labels))[6] == "publisher"
    tokens = words("K. Chand, Peer work, Recovery, 1988.")  # no publisher's word
    labels = ["author"] * 2 + ["title"] * 3 + ["date"]
    assert publisher_closes_title(tokens, list(labels)) == labels


@pytest.mark.parametrize("raw, year", [
    ("ARBOU, F. L'Oiseau se pose à Paris. Lien social, 25/04/2013, n°1103, pp. 16-18.", 2013),
    ("RAMAD Thierry, « L’interdisciplinarité », Articulo - Journal of Urban Research, 2011, en ligne", 2011),
])
def test_a_year_the_labeller_left_in_a_name_or_printed_in_numbers_is_read(raw, year):
    assert parse_reference(raw).year == year



@pytest.mark.parametrize("segments, year", [
    ([("author", "Solodov, M."), ("title", "Some reformulations, 1997. Computational Optimization, to appear.")], 1997),
    ([("title", "International Trade Puzzles"), ("author", "Caron, J., T. Fally and J. Markusen 2014"),
      ("journal", "The Quarterly Journal")], 2014),
    ([("author", "Smith, J."), ("title", "Influenza: its course in Boston (1919).")], 1919),
    ([("author", "Smith, J."), ("title", "Europe 1914-1918.")], None),  # a range is no year on its own
])
def test_with_no_date_read_a_year_on_its_own_anywhere_is_the_references(segments, year):
    assert read_year([Segment(label, text, 1.0) for label, text in segments])[0]["year"] == year


@pytest.mark.parametrize("segments, volume, issue", [
    ([("title", "Objectifs."), ("journal", "Soins,"), ("date", "janvier 2015,"), ("note", "n°792."),
      ("pages", "p. 59-60.")], None, "792"),
    ([("title", "Culture."), ("container-title", "Symposium,"), ("publisher", "vol. 108 of Progress in Drug,")],
     "108", None),
    ([("title", "The No. 1 Ladies' Detective Agency vol. 2."), ("publisher", "Abacus.")], None, None),  # a title's own
    ([("journal", "Soins,"), ("volume", "12,"), ("note", "n°792.")], "12", None),  # a volume read: no guessing
])
def test_with_no_volume_or_issue_read_the_number_after_a_mark_is_read(segments, volume, issue):
    found = read_volume([Segment(label, text, 1.0) for label, text in segments])[0]
    assert (found["volume"], found["issue"]) == (volume, issue)


@pytest.mark.parametrize("segments, first, last", [
    ([("title", "Computer Architecture, page 346."), ("publisher", "Morgan Kaufman,")], None, None),  # a title's
    ([("title", "Computer Architecture."), ("note", "Reprint, page 346.")], "346", None),
    ([("journal", "Vingtième siècle,"), ("note", "2007/3, n°95, p.3-14.")], "3", "14"),
    ([("journal", "Lancet,"), ("pages", "12-14."), ("note", "p. 99.")], "12", "14"),  # a pages segment first
])
def test_with_no_pages_read_the_range_after_a_page_mark_is_read(segments, first, last):
    found = read_pages_field([Segment(label, text, 1.0) for label, text in segments])[0]
    assert (found["first_page"], found["last_page"]) == (first, last)


def test_retrieved_from_inside_the_title_before_a_link_ends_it():
    tokens = words("Eck, T. (2000). The social psychology of gender. Retrieved from netLibrary: http://www.example.org")
    labels = ["author"] * 2 + ["date"] + ["title"] * 8 + ["url"]
    fixed = retrieval_ends_title(tokens, list(labels))
    assert labelled(tokens, fixed, "title") == "The social psychology of gender."
    tokens = words("Eck, T. (2000). Retrieved memories of gender. Oslo.")  # no link after: left alone
    labels = ["author"] * 2 + ["date"] + ["title"] * 4 + ["location"]
    assert retrieval_ends_title(tokens, list(labels)) == labels



def test_a_translator_and_a_first_editions_year_leave_the_title():
    tokens = words("Marin, Louis. Utopics: Textual Spaces. 1984. Trans. Robert A. Vollrath. Atlantic Highlands, 1990.")
    labels = ["author"] * 2 + ["title"] * 9 + ["location"] * 2 + ["date"]
    fixed = title_edges(tokens, list(labels))
    assert labelled(tokens, fixed, "title") == "Utopics: Textual Spaces."
    assert fixed[5] == "date" and fixed[6:10] == ["translator"] * 4
    tokens = words("Lund, Kari. Trans. and other crossings. Oslo, 1990.")  # `Trans.` opening the title
    labels = ["author"] * 2 + ["title"] * 4 + ["location", "date"]
    assert title_edges(tokens, list(labels)) == labels



def test_family_names_in_capitals_with_initials_in_parentheses_are_one_list():
    tokens = words("SIERRA (M.), GRAYSON (P.), NYANZA (O.A.) 2006, A pilot study. Eating Disorders 11: 100-107.")
    labels = ["author"] * 2 + ["title"] * 8 + ["journal"] * 2 + ["volume", "pages"]
    fixed = parenthesised_initials_continue(tokens, list(labels))
    assert fixed[:7] == ["author"] * 6 + ["date"]
    assert [(a.family, a.given) for a in split_persons("MORGANA (M.), ").authors] == [("MORGANA", "M")]



def test_names_read_as_editors_without_a_mark_after_the_authors_are_authors():
    tokens = words("Tehf, M.-A.; Laleve, J.; Morlet, F. Photoinitiators. Polymer 12, 3-9.")
    labels = ["author"] * 3 + ["editor"] * 3 + ["title", "journal", "volume", "pages"]
    assert editors_without_mark(tokens, list(labels))[:6] == ["author"] * 6
    tokens = words("Tehf, M.-A. In Laleve, J. (eds.) Photoinitiators. Oslo.")
    labels = ["author"] * 2 + ["editor"] * 4 + ["container-title", "location"]
    assert editors_without_mark(tokens, list(labels)) == labels



@pytest.mark.parametrize("text, labels, title", [
    ("A. Elmagar, editor. Transaction Models for Databases. Morgan-Kaufmann, 1992.",
     ["author"] * 2 + ["title"] + ["container-title"] * 4 + ["publisher", "date"], "Transaction Models for Databases."),
    ("Mark Kean, and Ruth Byrn, editors. Proc. Seventh Irish Conference. Dublin Press, 1994.",
     ["author"] * 5 + ["title"] + ["container-title"] * 4 + ["publisher"] * 2 + ["date"], ""),  # proceedings stay
])
def test_names_closed_by_editor_then_a_book_are_its_editors_and_title(text, labels, title):
    assert read_with(editors_then_book, text, labels, "title") == title
    assert editors_then_book(words(text), list(labels))[0] == "editor"


def test_editors_running_on_from_the_book_into_an_editor_run_are_editors():
    tokens = words("In Stephan Worch and William G. Aust (eds.), Psychology and Relations.")
    labels = ["container-title"] * 5 + ["editor"] * 3 + ["container-title"] * 3
    fixed = editors_open_container(tokens, list(labels))
    assert fixed[:8] == ["editor"] * 8 and fixed[8:] == ["container-title"] * 3
    tokens = words("In Election and Language. Jae-Won Schmid, ed. Pp. 421-433.")  # the book, then its editor
    labels = ["container-title"] * 4 + ["editor"] * 3 + ["pages"] * 2
    assert editors_open_container(tokens, list(labels)) == labels



def test_ed_opening_a_container_run_before_names_is_the_editor():
    tokens = words("D'Aulno, Marie. Contes des fées. Ed. Nadine Jasmin. Parigi: Champion, 2004.")
    labels = ["author"] * 2 + ["title"] * 3 + ["container-title"] * 3 + ["location", "publisher", "date"]
    assert cue_opens_container(tokens, list(labels))[5:8] == ["editor"] * 3
    tokens = words("Lund, K. Harbour work. Edited Volumes of the North. Oslo, 2004.")  # no names after the cue
    labels = ["author"] * 2 + ["title"] * 2 + ["container-title"] * 5 + ["location", "date"]
    assert cue_opens_container(tokens, list(labels)) == labels


def test_a_volumes_comma_glued_to_its_issue_is_split():
    assert tokenize("Intervention, 12,(1), 15-20.") == ["Intervention,", "12,", "(1),", "15-20."]
    assert tokenize("Genet. 2000;(3): 218-226.") == ["Genet.", "2000;", "(3):", "218-226."]
    assert tokenize("doi:10.1000/a,(b)") == ["doi:10.1000/a,(b)"]  # an identifier stays whole


def test_a_journal_split_between_two_container_labels_is_one_journal():
    tokens = words('"Inscription" Bulletin de la société du Périgord 5 175-185')
    labels = ["title", "journal", "journal"] + ["container-title"] * 5 + ["note"]
    fixed = container_runs_on(tokens, list(labels))
    assert labelled(tokens, fixed, "journal") == "Bulletin de la société du Périgord"
    assert fixed[7] == "container-title"  # the number is not the journal's



def test_a_title_ended_on_an_ampersand_takes_the_next_word():
    tokens = words("BESS, Marc. Os perigosos: autobiografia & AIDS. Rio de Janeiro: Aeroplano, 2002.")
    labels = ["author"] * 2 + ["title"] * 4 + ["note"] + ["location"] * 3 + ["publisher", "date"]
    assert title_runs_on(tokens, list(labels))[6] == "title"



def test_a_book_read_as_the_editors_after_ed_is_the_title():
    tokens = words("Tester, Keith, ed. The Flaneur. London: Routledge, 1994.")
    labels = ["author"] * 2 + ["editor"] * 3 + ["location", "publisher", "date"]
    fixed = editors_then_book(tokens, list(labels))
    assert fixed[:5] == ["editor"] * 3 + ["title"] * 2


def test_a_year_opening_a_book_title_after_its_editors_is_the_date():
    parsed = parse_reference("Eale, S (ed.) 2003, The Jacaranda atlas, 3rd edn, John Wiley & Sons, Brisbane.")
    assert parsed.year == 2003 and parsed.title == "The Jacaranda atlas"



@pytest.mark.parametrize("text, labels, container", [
    ("In Proc. of the Joint Conf. on Harbours (IJCAI-91) Sydney.", ["container-title"] * 8 + ["note", "location"],
     "In Proc. of the Joint Conf. on Harbours (IJCAI-91)"),
    ("Proceedings of the Workshop on Ports, Lecture Notes in Computer Science 392, Springer, 1989.",
     ["container-title"] * 11 + ["publisher", "date"], "Proceedings of the Workshop on Ports,"),
    ("In Proceedings of the Workshop on Ports, Department of Computer Science, Leeds University, 1992.",
     ["container-title"] * 12 + ["date"], "In Proceedings of the Workshop on Ports,"),
])
def test_a_meetings_acronym_joins_it_and_a_series_or_department_leaves_it(text, labels, container):
    assert read_with(proceedings_edges, text, labels, "container-title") == container


@pytest.mark.parametrize("text, title, genre", [
    ("Landi, W. Aliasing without pointers: A taxonomy. Center for Aids Technical Report CAIP-TR-125,",
     "Aliasing without pointers: A taxonomy.", "Technical Report CAIP-TR-125,"),
    ("Danvy, O. Representing control: A study. Tech.", "Representing control: A study.", "Tech."),
    ("Taylor, W. A National Survey. U of Wisconsin Bureau of Research Bulletin no.", "A National Survey.",
     "Bulletin no."),
])
def test_a_reports_last_sentence_leaves_the_title(text, title, genre):
    tokens = words(text)
    fixed = report_leaves_title(tokens, ["author"] * 2 + ["title"] * (len(tokens) - 2))
    assert labelled(tokens, fixed, "title") == title
    assert labelled(tokens, fixed, "genre") == genre


@pytest.mark.parametrize("text", [
    "Angus, L. 'What's the story'? Working with narrative.",  # `Working` opens a sentence of the title
    "Smith, J. Mental health. A report on depression.",  # a report, not a report's name
    "Smith, J. Report. On depression.",  # no title before it
])
def test_a_title_sentence_that_names_no_report_stays(text):
    tokens = words(text)
    labels = ["author"] * 2 + ["title"] * (len(tokens) - 2)
    assert report_leaves_title(tokens, list(labels)) == labels


@pytest.mark.parametrize("text, labels, title", [
    ("Kubik, Reinhold, Händels Rinaldo: Geschichte, Werk, Wirkung (Stuttgart: Hänssler, 1982).",
     ["author"] * 6 + ["title", "location", "publisher", "date"], "Händels Rinaldo: Geschichte, Werk, Wirkung"),
    ("A. Alanen, Morgan Park: Duluth, U.S. Steel, and the Forging of a Town, Minneapolis 2007",
     ["author"] * 7 + ["title"] * 6 + ["publisher", "date"],
     "Morgan Park: Duluth, U.S. Steel, and the Forging of a Town,"),
    ("Katz Jonathan, L'Invention de l'hétérosexualité, Paris, EPEL, 2001.", ["author"] * 7 + ["date"],
     "L'Invention de l'hétérosexualité,"),  # no title follows: only the phrase is the title
    ("SMITH, J.: The effect of peers.", ["author"] * 5 + ["title"], "The effect of peers."),  # after `J.:`
    ("CHIAVENATO, I. Administração: teoria, prática.", ["author"] * 3 + ["title"] * 2,
     "Administração: teoria, prática."),  # the run's last word, after a name's period
])
def test_a_phrase_no_name_list_prints_opens_the_title(text, labels, title):
    assert read_with(phrase_ends_names, text, labels, "title") == title


@pytest.mark.parametrize("text, labels", [
    ("SCHMIDT, Priya ; HOFFMANN, Ramesh: Biological compound.", ["author"] * 5 + ["title"] * 2),  # the list's colon
    ("Clem, Ralph S., Martin Harry Greenberg, and Joseph D. Olander, eds. No Room.", ["author"] * 11 + ["title"] * 2),
    ("NIELEN, Markus, Jan VANDENBROUCKE a Ben DIJKMANS, 2004.", ["author"] * 7 + ["date"]),  # Czech `a`
    ("Knopman, D., Szklo, M., Investigators, for the A. R. in C. (ARIC) S. (2001).", ["author"] * 13 + ["date"]),
    ("Giscard d’Estaing, Valéry, van der Berg, Anna, Title.", ["author"] * 7 + ["title"]),
])
def test_name_lists_keep_their_names(text, labels):
    tokens = words(text)
    assert phrase_ends_names(tokens, list(labels)) == labels


@pytest.mark.parametrize("text, labels, container", [
    ("In Proc. 1994 Winter USENIX Conference, pages 115-131, 1994.",
     ["journal"] * 2 + ["date"] * 2 + ["container-title"] * 2 + ["pages"] * 2 + ["date"],
     "In Proc. 1994 Winter USENIX Conference,"),
    ("in Proc. of IEEE Globecom 2013, Atlanta, December 2013.", ["container-title"] * 5 + ["date", "location"] +
     ["date"] * 2, "in Proc. of IEEE Globecom 2013,"),
])
def test_a_year_printed_in_a_meetings_name_is_the_names(text, labels, container):
    assert read_with(year_in_meeting_name, text, labels, "container-title") == container


@pytest.mark.parametrize("text, labels", [
    ("In Proceedings of the Conference, 2013, pp. 1-2, 2013.", ["container-title"] * 5 + ["date", "pages", "pages",
                                                                                          "date"]),  # after a comma
    ("International Journal of Engineering 2012 (2011): 29", ["journal"] * 4 + ["volume", "date", "pages"]),
    ("In Proc. 1994 Winter USENIX Conference, pages 115-131.",  # the only date: the reference's
     ["journal"] * 2 + ["date"] * 2 + ["container-title"] * 2 + ["pages"] * 2),
])
def test_a_year_after_a_name_that_is_no_meetings_or_after_a_comma_stays(text, labels):
    tokens = words(text)
    assert year_in_meeting_name(tokens, list(labels)) == labels


@pytest.mark.parametrize("text, labels", [
    ("Birk, H. “Go-Between. Postkoloniale Erzähltheorie.” Neue Ansätze.", ["author"] * 2 + ["title"] * 3 +
     ["container-title"] * 2),  # the words close a quotation
    ("Hormander, L. Fourier integral operators. II. Acta Mathematica, 128.", ["author"] * 2 + ["title"] * 4 +
     ["journal"] * 2 + ["volume"]),  # a part's number
])
def test_a_titles_tail_that_closes_a_quotation_or_numbers_a_part_stays(text, labels):
    assert title_tail(words(text), list(labels)) == labels


def test_a_titles_last_words_before_a_comma_and_the_place_are_the_publisher():
    tokens = words("Smith, J. Fast Parsing. Morgan Kaufmann, San Mateo, CA, 1999.")
    labels = ["author"] * 2 + ["title"] * 4 + ["location"] * 3 + ["date"]
    assert title_tail(tokens, list(labels))[4:6] == ["publisher"] * 2


def test_a_titles_last_sentence_still_goes_to_the_journal():
    tokens = words("Hormander, L. Fourier integral operators. Acta Mathematica, 128.")
    labels = ["author"] * 2 + ["title"] * 5 + ["journal", "volume"]
    assert title_tail(tokens, list(labels))[5:8] == ["journal"] * 3


@pytest.mark.parametrize("text, labels, fixed", [
    ("Affairs. (n.d.). The Veteran population model.", ["author", "date", "note"] + ["title"] * 3,
     ["author", "date"] + ["title"] * 4),
    ("Smith, J. (2001). A The Veteran population model.", ["author"] * 3 + ["note"] * 2 + ["title"] * 3,
     ["author"] * 3 + ["note"] * 2 + ["title"] * 3),  # not alone: a run of two
])
def test_an_article_alone_before_the_title_is_the_titles(text, labels, fixed):
    assert article_opens_title(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels, title", [
    ("Kiesling, S. (2006). The Varation in Conversation Project: Creation of the Corpus.",
     ["author"] * 2 + ["date"] + ["title"] * 2 + ["container-title"] * 7,
     "The Varation in Conversation Project: Creation of the Corpus."),
    ("Bianchi, F. Seismic water in Amsterdam. Venhuistra, in 8th Colloquium on Bird, 2002.",
     ["author"] * 2 + ["title"] * 2 + ["container-title"] * 8 + ["date"],
     "Seismic water in Amsterdam. Venhuistra,"),  # up to the book's own `in`
])
def test_a_lower_case_in_after_a_bare_title_word_goes_on_with_the_title(text, labels, title):
    assert read_with(in_continues_title, text, labels, "title") == title


@pytest.mark.parametrize("text, labels", [
    ("Smith, J. Peer work, in Handbook of Care.", ["author"] * 2 + ["title"] * 2 + ["container-title"] * 4),
    ("Smith, J. Peer work. In Handbook of Care.", ["author"] * 2 + ["title"] * 2 + ["container-title"] * 4),
])
def test_an_in_after_punctuation_opens_the_book(text, labels):
    assert in_continues_title(words(text), list(labels)) == labels


@pytest.mark.parametrize("text, labels, title", [
    ("AMAND (M.), Les fragments retrouvés à Tournai. Latomus, 13, 1954.",
     ["author"] * 2 + ["title"] * 4 + ["journal"] * 2 + ["volume", "date"], "Les fragments retrouvés à Tournai."),
    ("Beza. Psaumes en prose de Loïs Budé. Edited by Pierre Pidoux.",
     ["author"] + ["title"] * 4 + ["container-title"] * 2 + ["editor"] * 4, "Psaumes en prose de Loïs Budé."),
])
def test_a_title_ended_on_a_preposition_takes_the_next_sentence(text, labels, title):
    assert read_with(title_ends_on_open_word, text, labels, "title") == title


def test_a_journal_followed_by_its_date_keeps_its_last_word():
    tokens = words("Gu, F. Gold nanoparticles. Investigative Ophthalmology & Visual Science. 2015. 56 (7): 2268.")
    labels = ["author"] * 2 + ["title"] * 5 + ["journal"] * 2 + ["date", "volume", "issue", "pages"]
    assert title_ends_on_open_word(tokens, list(labels)) == labels


def test_a_quotation_closed_after_a_colon_goes_on_with_the_subtitle():
    tokens = words("Robinson, S. 1998. “Monkey See, Monkey Do:” The Influence of groups. Academy Journal, 41: 6-7.")
    labels = ["author"] * 2 + ["date"] + ["title"] * 8 + ["journal"] * 2 + ["volume", "pages"]
    assert quoted_title(tokens, list(labels)) == labels


@pytest.mark.parametrize("text, labels, title", [
    ("Chapman, H. (1989, Sept 1). Campus pub to open.", ["author"] * 2 + ["date"] * 3 + ["note"] * 2 + ["title"] * 2,
     "Campus pub to open."),
    ("Mohl, S. (1990, April 6). 200 students participate.", ["author"] * 2 + ["date"] * 4 + ["title"] * 2,
     "200 students participate."),
    ("Vent, W. (ed.). 1974. Widerspiegelung der Art.", ["author"] * 2 + ["date"] * 2 + ["title"] * 3,
     "Widerspiegelung der Art."),  # a year after the parenthesis is the date
])
def test_words_after_a_closed_date_parenthesis_open_the_title(text, labels, title):
    assert read_with(title_after_date_parenthesis, text, labels, "title") == title


@pytest.mark.parametrize("text, authors", [
    ("Cappello, Stefania and Alfons Prandi. Carpi: Tradizione e sviluppo.", 5),
    ("Sander, K., und Torsten Ziebertz. Personzentrierte Beratung.", 5),
    ("Nünning, Vera, and Ansgar Nünning. Erzähltextanalyse und Gender Studies.", 5),  # letters beyond ASCII
])
def test_a_list_goes_on_after_a_given_name_or_a_conjunction(text, authors):
    tokens = words(text)
    labels = ["author"] * (2 if tokens[1] == "K.," else 1)
    labels += ["title"] * (len(tokens) - len(labels))
    assert author_list_continues(tokens, labels)[:authors + 1] == ["author"] * authors + ["title"]


def test_a_journal_after_the_names_is_no_name():
    tokens = words("João Bergenkamp, Tomas Skiwójwak, Pro. Sto. Soc., 1983, 15, 294.")
    labels = ["author"] * 2 + ["title"] * 2 + ["journal"] * 3 + ["date", "volume", "pages"]
    assert author_list_continues(tokens, list(labels)) == labels


def test_a_title_of_given_and_family_after_a_whole_list_stays():
    tokens = words("Toby S Patel, and Peter A MacLeod, Dimtri and Volcanic Interface. London: Sage, 1967.")
    labels = ["author"] * 8 + ["title"] * 4 + ["location", "publisher", "date"]
    assert author_list_continues(tokens, list(labels)) == labels


@pytest.mark.parametrize("text, labels, title", [
    ("Chomsky, N. Knowledge of language: Its nature, origin, and use. New York: Praeger.",
     ["author"] * 2 + ["title"] * 6 + ["container-title"] * 2 + ["location"] * 2 + ["publisher"],
     "Knowledge of language: Its nature, origin, and use."),
    ("Soto, G. Jungle Laboratories: Mexican Peasants, National Projects, and the Pill. Durham: Duke, 2009.",
     ["author"] * 2 + ["title"] * 4 + ["container-title"] * 5 + ["location", "publisher", "date"],
     "Jungle Laboratories: Mexican Peasants, National Projects, and the Pill."),
    ("Debelak, D. Marketing plan: for your business, service, or product. Adams Media. 2000.",
     ["author"] * 2 + ["title"] * 5 + ["container-title"] * 5 + ["date"],
     "Marketing plan: for your business, service, or product."),  # the list ends with its sentence
    ("Wordsworth, W. The Prelude, or Growth of a Poet’s Mind. Edited by Ernest Sélincourt.",
     ["author"] * 2 + ["title"] * 7 + ["container-title"] + ["editor"] * 4,
     "The Prelude, or Growth of a Poet’s Mind."),
])
def test_a_book_title_cut_in_its_list_or_before_its_editors_goes_on(text, labels, title):
    assert read_with(book_title_split, text, labels, "title") == title


def test_a_book_after_a_title_closed_by_a_comma_stays_a_book():
    tokens = words("Smith, J. Peer work, Handbook of Care. London: Sage, 2001.")
    labels = ["author"] * 2 + ["title"] * 2 + ["container-title"] * 3 + ["location", "publisher", "date"]
    assert book_title_split(tokens, list(labels)) == labels


@pytest.mark.parametrize("text, labels, fixed", [
    ("Press, 1924. Reprinted from 1811 edition.", ["publisher", "date", "pages", "pages", "date", "note"],
     ["publisher", "date", "note", "note", "date", "note"]),  # no number: a note
    ("Biology, 26, pp. 1911–15. www.cell.com, doi:10.1016/x.", ["journal", "volume"] + ["pages"] * 3 + ["doi"],
     ["journal", "volume", "pages", "pages", "note", "doi"]),  # a word after the last number
    ("Universite Paris 7, 1992.", ["publisher", "publisher", "volume", "pages"],
     ["publisher", "publisher", "volume", "date"]),  # a lone year, no date read
    ("Review, 2001, 1992.", ["journal", "date", "pages"], ["journal", "date", "pages"]),  # a date read: pages
    ("Preface, pp. xii-xiv.", ["title", "pages", "pages"], ["title", "pages", "pages"]),  # Roman numerals
    ("Times, 3 May, p. 4 and passim.", ["journal", "date", "date"] + ["pages"] * 4,
     ["journal", "date", "date"] + ["pages"] * 4),  # page words after the number
])
def test_pages_hold_numbers(text, labels, fixed):
    assert pages_hold_numbers(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels, journal", [
    ('"Fault Tolerance," Computer, Special Issue on Fault-Tolerant Systems, Vol. 23,',
     ["title"] * 2 + ["journal"] * 6 + ["volume"] * 2, "Computer,"),
    ("Girard, P. Onions. Journal of Logic, Special Issue: Belief Change, 17 (3), 213-29.",
     ["author"] * 2 + ["title"] + ["journal"] * 7 + ["volume", "issue", "pages"], "Journal of Logic,"),
    ("Smith, J. Peer work. Special Issues in Care, 12, 3-4.",  # the journal's own name
     ["author"] * 2 + ["title"] * 2 + ["journal"] * 4 + ["volume", "pages"], "Special Issues in Care,"),
])
def test_a_special_issue_after_the_journals_comma_is_a_note(text, labels, journal):
    assert read_with(special_issue_leaves_journal, text, labels, "journal") == journal


@pytest.mark.parametrize("text, labels, fixed", [
    ("In Essays Presented to N. R. Ker. London:", ["container-title"] * 3 + ["editor"] * 4 + ["location"],
     ["container-title"] * 7 + ["location"]),
    ("In Practice health peer. Tigar, eds. Pp. 49.", ["container-title"] * 3 + ["editor"] * 3 + ["pages"] * 2,
     ["container-title"] * 3 + ["editor"] * 3 + ["pages"] * 2),  # not a preposition
    ("In Essays on care to Sue Ker, eds. London:", ["container-title"] * 4 + ["editor"] * 4 + ["location"],
     ["container-title"] * 4 + ["editor"] * 4 + ["location"]),  # an editor's mark: editors
])
def test_names_after_a_preposition_without_an_editors_mark_go_on_with_the_book(text, labels, fixed):
    assert lower_case_editors_continue_book(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels, title", [
    ("Kubiatowicz, J. APRIL: a processor. In Proc. 17th Symp., May 1990.",
     ["author"] * 2 + ["date"] + ["title"] * 2 + ["container-title"] * 4 + ["date"] * 2, "APRIL: a processor."),
    ("Gu F. In vitro Uptake. Science. 2013. 54: 50.", ["author"] * 2 + ["date"] + ["title"] * 2 + ["journal", "date",
                                                                                                  "volume", "pages"],
     "In vitro Uptake."),
])
def test_a_date_without_a_digit_between_names_and_title_opens_the_title(text, labels, title):
    assert read_with(wordy_date_opens_title, text, labels, "title") == title


@pytest.mark.parametrize("text, labels", [
    ("Smith, J. (n.d.). Peer work. Journal, 2001.", ["author"] * 2 + ["date", "title", "title", "journal", "date"]),
    ("Smith, J. Spring. Peer work. Journal.", ["author"] * 2 + ["date", "title", "title", "journal"]),  # no year
])
def test_a_wordy_date_stays_when_it_is_the_only_date_or_no_date(text, labels):
    assert wordy_date_opens_title(words(text), list(labels)) == labels


@pytest.mark.parametrize("text, labels, fixed", [
    ("Verb. Asia Major 4. 43–49.", ["title", "journal", "journal", "edition", "edition"],
     ["title", "journal", "journal", "volume", "pages"]),
    ("Psychology 23. 4 (2004): 447–63.", ["journal", "edition", "edition", "date", "pages"],
     ["journal", "volume", "issue", "date", "pages"]),
    ("Reading. 3. Aufl. Lyon : Jocia,", ["container-title", "edition", "edition", "location", "location",
                                         "publisher"],
     ["container-title", "edition", "edition", "location", "location", "publisher"]),  # a book's edition
    ("Journal 2. Aufl.", ["journal", "edition", "edition"], ["journal", "edition", "edition"]),
])
def test_a_bare_number_read_as_an_edition_after_a_journal_is_its_volume(text, labels, fixed):
    assert volume_after_journal(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels, edition", [
    ("Barber, C. (1997). Early Modern English, 2 nd edition. Edinburgh:", ["author"] * 2 + ["date"] + ["title"] * 6
     + ["location"], "2 nd edition."),
    ("Barnes, F. (1972) Cartridges of the World (Revised 3rd edition). DBI Books,", ["author"] * 2 + ["date"]
     + ["title"] * 7 + ["publisher"] * 2, "(Revised 3rd edition)."),
    ("Tosa, H. Informal Cell (revised Edition). Curr Opin, 44.", ["author"] * 2 + ["title"] * 4 + ["journal"] * 2
     + ["volume"], ""),  # no number: a title's own words
    ("Smith, J. Peer work, second edition of the guide. London:", ["author"] * 2 + ["title"] * 8 + ["location"], ""),
])
def test_an_edition_closing_the_title_is_the_edition(text, labels, edition):
    assert read_with(edition_leaves_title, text, labels, "edition") == edition


@pytest.mark.parametrize("text, labels, publisher, place", [
    ("Burton, R. 1995. Birdfeeder handbook. Dorling Kindersley, New York, New York, USA.",
     ["author"] * 2 + ["date"] + ["title"] * 4 + ["location"] * 5, "Dorling Kindersley,", "New York, New York, USA."),
    ("Sovocool, K. 2005. Xeriscape Study. Southern Nevada Water Authority, Las Vegas, Nev.",
     ["author"] * 2 + ["date"] + ["title"] * 9, "Southern Nevada Water Authority,", "Las Vegas, Nev."),
    ("Smith, J. 2001. A history. Britain, France and the rest of Europe.",  # a word in lower case: the title's
     ["author"] * 2 + ["date"] + ["title"] * 9, "", ""),
    ("Smith, J. 2001. Peer work. Oxford, England. Journal of Care, 12.",  # a journal follows: not an imprint
     ["author"] * 2 + ["date"] + ["title"] * 4 + ["journal"] * 3 + ["volume"], "", ""),
])
def test_names_between_commas_closing_the_reference_after_the_title_are_its_imprint(text, labels, publisher, place):
    assert read_with(imprint_closes_reference, text, labels, "publisher") == publisher
    assert read_with(imprint_closes_reference, text, labels, "location") == place


@pytest.mark.parametrize("text, labels, fixed", [
    ("Emissions trading: Progress and prospects Zhang, D., 2014", ["title"] * 4 + ["author"] * 3 + ["date"],
     ["title"] * 5 + ["author"] * 2 + ["date"]),
    ("Military Ethics, in COOPER, L., Handbook.", ["title"] * 2 + ["author"] * 3 + ["container-title"],
     ["title"] * 2 + ["author"] * 3 + ["container-title"]),  # `in` opens the names
    ("A title van der Berg, J., 2001.", ["title"] * 2 + ["author"] * 4 + ["date"],
     ["title"] * 2 + ["author"] * 4 + ["date"]),  # a particle
])
def test_lower_case_words_do_not_open_names_after_the_title(text, labels, fixed):
    assert lower_case_opens_names(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels, fixed", [
    ("Sarver, E., Education Fields, 9th International Conference on Mining,", ["author"] * 2 + ["title"] * 3
     + ["container-title"] * 4, ["author"] * 2 + ["title"] * 2 + ["container-title"] * 5),
    ("Sarver, E., The 9th Symphony, Annual Review of Music,", ["author"] * 2 + ["title"] * 3
     + ["journal"] * 4, ["author"] * 2 + ["title"] * 3 + ["journal"] * 4),  # no comma before it: the title's
])
def test_an_ordinal_closing_the_title_opens_the_meetings_name(text, labels, fixed):
    assert ordinal_opens_meeting(words(text), list(labels)) == fixed


def test_an_article_after_a_fields_closing_mark_opens_the_title():
    tokens = words("France, Anatole 1923 [1895]. Le jardin d’Épicure, Paris:")
    labels = ["author"] * 2 + ["date", "note", "note", "title", "title", "location"]
    assert article_opens_title(tokens, list(labels))[5] == "title"


@pytest.mark.parametrize("text, labels, container", [
    ("COLOMB, N. Les propositions. ASH, 05/09/2014, n°2873, pp. 15-16.", ["author"] * 2 + ["title"] * 2
     + ["journal"] * 3 + ["issue", "pages", "pages"], "ASH,"),
    ("Kusworo, A. Phase, International Journal of Communications, July-September 2010, 52-58",
     ["author"] * 2 + ["title"] + ["journal"] * 5 + ["date", "pages"], "International Journal of Communications,"),
    ("In Studie a texty 2, 1915, 132-164.", ["container-title"] * 6 + ["pages"], "In Studie a texty 2,"),
    ("In Particle Among Alpine Inflation, 1948. P. Ramo, ed. Pp. 938-958. 1956.",  # a book's own year
     ["container-title"] * 6 + ["editor"] * 3 + ["pages"] * 2 + ["date"], "In Particle Among Alpine Inflation, 1948."),
])
def test_a_date_after_a_periodicals_comma_is_the_date(text, labels, container):
    assert read_with(date_leaves_container, text, labels, "journal" if "journal" in labels else "container-title") \
        == container


@pytest.mark.parametrize("text, labels, fixed", [
    ("Li, B. 2009. Secure Location: concept and performance. GPS Solutions, 1-11.",
     ["author"] * 2 + ["date"] + ["title"] * 8,
     ["author"] * 2 + ["date"] + ["title"] * 5 + ["journal"] * 2 + ["pages"]),
    ("Srivastava, L. (2007). Radio identification: ubiquity. info, 9 (1).", ["author"] * 2 + ["date"] + ["title"] * 6,
     ["author"] * 2 + ["date"] + ["title"] * 3 + ["journal", "volume", "issue"]),
    ("Ingter, K. American climate. Domestic fish on tissue, 1648-1696. Schmdorf, 1997.",  # a title's years
     ["author"] * 2 + ["title"] * 7 + ["location", "date"], ["author"] * 2 + ["title"] * 7 + ["location", "date"]),
    ("Li, B. Secure Location. GPS Solutions, 1-11. Lancet.", ["author"] * 2 + ["title"] * 5 + ["journal"],
     ["author"] * 2 + ["title"] * 5 + ["journal"]),  # a journal read elsewhere
])
def test_a_titles_last_sentence_closing_on_numbers_is_the_journal(text, labels, fixed):
    assert numbers_close_title(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels, fixed", [
    ("Librarians.” College & Research Libraries News 73,", ["title", "publisher", "publisher"] + ["journal"] * 3
     + ["volume"], ["title"] + ["journal"] * 5 + ["volume"]),
    ("Presses,” Publishing Research Quarterly 7", ["title", "publisher"] + ["journal"] * 2 + ["volume"],
     ["title"] + ["journal"] * 3 + ["volume"]),
    ("Title. Sage, Research Quarterly 7", ["title", "publisher"] + ["journal"] * 2 + ["volume"],
     ["title", "publisher"] + ["journal"] * 2 + ["volume"]),  # a comma between them: a publisher
])
def test_words_read_as_a_publisher_running_into_a_journal_open_it(text, labels, fixed):
    assert publisher_opens_journal(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels, fixed", [
    ("BUREAU D’AUDIENCES PUBLIQUES (2011). Projet de parc éolien", ["title"] * 8,
     ["author"] * 3 + ["date"] + ["title"] * 4),
    ("Music Library Association. (1983). A basic music library.", ["title"] * 8,
     ["author"] * 3 + ["date"] + ["title"] * 4),
    ("Smith, J. (1983). Peer work.", ["author"] * 2 + ["date"] + ["title"] * 2,
     ["author"] * 2 + ["date"] + ["title"] * 2),  # names read
    ("The war of (1812). A history.", ["title"] * 6, ["title"] * 6),  # no body before it: the title's own words
])
def test_a_body_before_a_year_in_parentheses_is_the_author(text, labels, fixed):
    assert body_before_year(words(text), list(labels)) == fixed


@pytest.mark.parametrize("text, labels, fixed", [
    ("Pocock, Chris. 50 Years of the U- 2: The History.", ["author"] * 2 + ["date"] + ["note"] * 3
     + ["container-title"] * 4, ["author"] * 2 + ["title"] * 4 + ["container-title"] * 4),
    ("Pocock, Chris. 50 Years. Of the U- 2: The History.", ["author"] * 2 + ["date"] + ["note"] * 3
     + ["container-title"] * 4, ["author"] * 2 + ["date"] + ["note"] * 3 + ["container-title"] * 4),  # a sentence
])
def test_a_number_and_a_note_between_names_and_title_open_the_title(text, labels, fixed):
    assert number_opens_title(words(text), list(labels)) == fixed


def test_a_place_and_publisher_before_apas_original_work_note_are_the_imprint():
    tokens = words("Cheng, H. (1981). Selected works. Peking: Chunghwa Book. (Original work published 1871)")
    labels = ["author"] * 2 + ["date"] + ["title"] * 5 + ["publisher"] * 3 + ["date"]
    assert read_with(imprint_closes_title, " ".join(tokens), labels, "publisher") == \
        "Chunghwa Book. (Original work published"
    assert read_with(imprint_closes_title, " ".join(tokens), labels, "location") == "Peking:"


@pytest.mark.parametrize("text, genre", [
    ("Smith, J. (1999). Fast parsing (Tech. Rep. No. 12). Stanford:", "(Tech. Rep. No. 12)."),
    ("Mullin, C. (2012). Why access matters (Policy Brief 2012-01PBL). Washington:", "(Policy Brief 2012-01PBL)."),
    ("Smith, J. (1999). Fast parsing (in French). Paris:", ""),  # no report's word or number
    ("Smith, J. (1999). The Report (1951-1960). Paris:", ""),  # a title's own words: no report's word inside
])
def test_a_reports_number_in_parentheses_closing_the_title_is_its_genre(text, genre):
    tokens = words(text)
    labels = ["author"] * 2 + ["date"] + ["title"] * (len(tokens) - 4) + ["location"]
    assert read_with(report_number_leaves_title, text, labels, "genre") == genre


@pytest.mark.parametrize("segments, volume, issue, article", [
    ([("journal", "BMJ Open"), ("date", "2019;"), ("pages", "9:e012345.")], "9", None, "e012345"),
    ([("journal", "PLoS One."), ("date", "2014;"), ("volume", "9"), ("pages", "(3):e91234.")], "9", "3", "e91234"),
    ([("journal", "BMJ Open."), ("date", "2019 Mar"), ("edition", "5; 9 (3):e012345.")], "9", "3", "e012345"),
    ([("journal", "Cochrane Database Syst Rev."), ("date", "2013;"), ("pages", "(3):CD004807.")], None, "3", "CD004807"),
    ([("title", "Why 9:e1 matters."), ("journal", "Lancet.")], None, None, None),  # a title's own words
])
def test_a_volume_and_issue_glued_to_an_article_number_are_read(segments, volume, issue, article):
    found = [Segment(label, text, 1.0) for label, text in segments]
    assert (read_volume(found)[0]["volume"], read_volume(found)[0]["issue"]) == (volume, issue)
    assert read_pages_field(found)[0]["article_number"] == article
