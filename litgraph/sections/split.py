"""`refs split`: a reference section copied from a PDF or a web page -> one entry per line.

The pipeline, each step a small pure function:

1. lines: back-links ("go back to reference") cut, link-label lines
   ("CrossRef", "Google Scholar", "Article") dropped;
2. boundaries: a **numbered** list ("1.", "[1]", "1 " at the start of a line,
   or a number alone on its line; numbers must rise, by at most 3) starts an
   entry at each number and keeps the printed number as the position. An
   **unnumbered** list starts an entry at a blank line, or at a line that
   begins like an entry (a family name and initials or given name:
   "Bach, S", "Sells DL,", "Cleary, Michelle"; or a body and a year:
   "Department of Health (2007)") when the line before ended like one (".",
   "?", ")", a digit, or a link label, whole or cut: "1735.Google");
3. joining: the lines of an entry are joined with a space, but a line that
   ends in a hyphen is joined **without** the hyphen ("organi-" + "sation"),
   except when the next part starts with a capital or a digit ("Ward-" +
   "Griffin", "2004-" + "2006"), when the part before it is a word usually
   written with a hyphen ("peer-", "self-", "co-", "well-", "quasi-" ...), or
   when the hyphenated word is printed elsewhere in the section; then it is
   kept. A DOI or URL broken at a line end is joined without a space;
4. cleaning: an entry printed twice in a row keeps one copy; link labels at
   its end are cut; whitespace collapsed.

Doubtful boundaries are reported with their line: a line that begins like an
entry but follows one that does not end like one (joined), a line that looks
complete before a capitalised line that does not look like an entry start
(joined), and gaps in a numbered list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .labels import ends_with_label, is_label_line, strip_back_link, strip_glued_labels, undouble

NUMBER_ALONE = re.compile(r"^\[?(\d{1,4})[.\])]?$")
NUMBER_LEAD = re.compile(r"^(?:\[(\d{1,4})\]|(\d{1,4})[.)]|(\d{1,4})(?=\s+[A-Z\"“‘]))\s+")
PARTICLE = r"(?:van|von|der|den|de|la|le|da|di|du|dos|del)\s"
NAME = rf"[A-Z][\w'’]*(?:(?:-\s?|\s)(?:{PARTICLE}){{0,2}}[A-Z][\w'’]*){{0,2}}"   # Della Rocca, Van der Post
ENTRY_START = re.compile(
    rf"^(?:{NAME},\s*[A-Z]"                      # Bach, S / Cleary, Michelle / Van der Post, LF
    rf"|{NAME}\s[A-Z]{{1,3}}[,:]"                 # Sells DL, / Corrigan PW:
    r"|[A-Z][\w'’&.\- ]{1,80}?\s\(\d{4})")       # Department of Health (2007) / JCPMH (2012 a)
ENDS_ENTRY = re.compile(r"[.?!)\]\d]$")
LOOKS_COMPLETE = re.compile(r"(?:\d\s*[-–]?\s*\d*\.|\b10\.\d{4,}/\S+\.?)$")
HEADING = re.compile(r"^(?:references?(?: list)?|literature(?: cited)?|bibliography|works cited|sources)\s*:?$", re.I)
HYPHEN_WORDS = frozenset("peer self co non well long short cross user service case first mixed high low cost "
                         "part full face follow one two three multi evidence community family person patient "
                         "consumer carer lived quasi semi ex all half".split())
IN_LINK = re.compile(r"(?:\b10\.\d{4,}/|https?://)\S*$")


@dataclass(frozen=True, slots=True)
class SplitEntry:
    position: int
    text: str
    line: int           # the first line of the entry in the input


@dataclass(frozen=True, slots=True)
class Doubt:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class SplitResult:
    entries: tuple[SplitEntry, ...]
    doubts: tuple[Doubt, ...]
    numbered: bool

    def as_tsv(self) -> str:
        return "".join(f"{e.position}\t{e.text}\n" for e in self.entries)


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    text: str
    label_cut: bool = False


def split_section(text: str) -> SplitResult:
    lines = clean_lines(text)
    numbered = is_numbered(lines)
    groups, doubts = (numbered_groups if numbered else unnumbered_groups)(lines)
    entries = [SplitEntry(pos, tidy(join_lines([x.text for x in group], text)), group[0].number)
               for pos, group in groups]
    return SplitResult(tuple(e for e in entries if e.text), tuple(doubts), numbered)


def clean_lines(text: str) -> list[Line]:
    """Each input line without back-links and glued labels; label-only lines become blank."""
    out = []
    for number, raw in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        line = strip_back_link(raw.replace("\r", "")).strip()
        if is_label_line(line) or HEADING.match(line):
            out.append(Line(number, "", label_cut=True))
            continue
        out.append(Line(number, line))   # labels glued to the end are cut per entry (tidy)
    return out


def is_numbered(lines: list[Line]) -> bool:
    numbers = [n for line in lines if (n := number_of(line.text)) is not None]
    rising = sum(1 for a, b in zip(numbers, numbers[1:]) if 0 < b - a <= 3)
    return len(numbers) >= 2 and rising >= (len(numbers) - 1) * 0.6


def number_of(text: str) -> int | None:
    match = NUMBER_ALONE.match(text) or NUMBER_LEAD.match(text)
    return int(next(g for g in match.groups() if g)) if match else None


def numbered_groups(lines: list[Line]):
    groups: list[tuple[int, list[Line]]] = []
    doubts: list[Doubt] = []
    last = 0
    for line in lines:
        number = number_of(line.text)
        if number is not None and 0 < number - last <= 3:
            if number - last > 1:
                doubts.append(Doubt(line.number, f"number {last + 1} is not printed (after {last}, {number})"))
            last = number
            rest = line.text[len(NUMBER_LEAD.match(line.text).group()):] if NUMBER_LEAD.match(line.text) else ""
            groups.append((number, [Line(line.number, rest)] if rest else []))
        elif line.text and groups:
            groups[-1][1].append(line)
    return [(n, g) for n, g in groups if g], doubts


def unnumbered_groups(lines: list[Line]):
    groups: list[list[Line]] = []
    doubts: list[Doubt] = []
    previous: Line | None = None
    for line in lines:
        if not line.text:
            previous = None if not line.label_cut else (previous and Line(previous.number, previous.text, True))
            continue
        start, doubt = starts_entry(previous, line)
        if doubt:
            doubts.append(Doubt(line.number, doubt))
        if start or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
        previous = line
    return list(enumerate(groups, 1)), doubts


def starts_entry(previous: Line | None, line: Line) -> tuple[bool, str | None]:
    """Whether `line` starts a new entry, and why that is doubtful (None when it is not)."""
    if previous is None:
        return True, None
    looks_start = bool(ENTRY_START.match(line.text))
    ended = previous.label_cut or bool(ENDS_ENTRY.search(previous.text)) or ends_with_label(previous.text)
    if looks_start and ended:
        return True, None
    if looks_start:
        return False, f"begins like an entry, but line {previous.number} does not end like one: joined"
    if line.text[:1].isupper() and LOOKS_COMPLETE.search(previous.text):
        return False, f"line {previous.number} looks complete, but this line does not begin like an entry: joined"
    return False, None


def join_lines(parts: list[str], whole: str) -> str:
    text = ""
    for part in parts:
        if text.endswith("-") and not text.endswith(" -") and part:
            text = text if keep_hyphen(text, part, whole) else text[:-1]
            text += part
        elif IN_LINK.search(text) and part[:1].islower():   # a DOI or URL broken at the line end
            text += part
        else:
            text = f"{text} {part}" if text else part
    return text


def keep_hyphen(before: str, after: str, whole: str) -> bool:
    """The line-break hyphen rule (see the module docstring)."""
    left = re.search(r"([\w'’]+)-$", before)
    right = re.match(r"[\w'’]+", after)
    if not left or not right or not after[0].islower():
        return True
    word = left.group(1)
    if word.lower() in HYPHEN_WORDS or re.search(rf"\b{re.escape(word)}-{re.escape(right.group())}\b", whole):
        return True
    return False


def tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return strip_glued_labels(undouble(text))[0]
