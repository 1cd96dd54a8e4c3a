"""Mentions: what one member (a seed paper, or one printed entry) says about its work.

A seed paper and a printed reference are compared the same way, so both are
turned into a `Mention`: the member, the fields it offers (as a
ParsedReference) and the comparison keys computed once from them. A build of
50,000 entries compares hundreds of thousands of pairs, so nothing a comparison
reads (the member key included) is recomputed per pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Author, Member, Paper, ParsedReference, ReferenceEntry
from .normalise import (acronym, body_key, container_words, content_words, doi_key, family_key,
                        digits, family_parts, title_key, undoubled)


@dataclass(frozen=True, slots=True)
class Mention:
    """One member with its fields and their comparison keys."""

    member: Member
    fields: ParsedReference
    is_seed: bool
    key: str                             # member.key, computed once
    doi: str | None                      # lower-case
    title: str                           # title_key of the printed title, undoubled ("" if none)
    first_author: str                    # family_key, or body_key for a body ("" if none)
    first_author_parts: tuple[str, ...]  # parts of a compound family name
    corporate: bool                      # the first author is a body, not a person
    author_keys: frozenset[str]          # family keys of every person author
    container: tuple[str, ...]           # container_words
    locator: str | None                  # the first page, or the article number where there is none
    acronym: str                         # a body's initials ("" for a person)
    title_words: int                     # words in `title`
    volume_key: str                      # the volume, trimmed and lower-case
    locator_key: str                     # the locator, trimmed and lower-case
    first_page_digits: str               # digits(first page)

    @property
    def year(self) -> int | None:
        return self.fields.year

    @property
    def signature(self) -> tuple:
        """Everything `compare` reads: mentions with one signature compare alike with any other."""
        f = self.fields
        return (self.doi, self.title, self.first_author, self.first_author_parts, self.corporate,
                self.author_keys, self.container, self.acronym, f.year, f.volume, self.locator,
                f.first_page, f.last_page)


def mention_from_entry(entry: ReferenceEntry) -> Mention:
    return make_mention(Member(entry.paper_doi, entry.list, entry.position), entry.parsed, False)


def mention_from_paper(paper: Paper) -> Mention:
    fields = ParsedReference(
        raw=paper.title, type=paper.type, authors=paper.authors, year=paper.year,
        title=paper.title, container=paper.container, volume=paper.volume, issue=paper.issue,
        first_page=paper.first_page, last_page=paper.last_page,
        article_number=paper.article_number, publisher=paper.publisher, doi=paper.doi,
    )
    return make_mention(Member(paper.doi, "paper", None), fields, True)


def make_mention(member: Member, fields: ParsedReference, is_seed: bool) -> Mention:
    first = fields.authors[0] if fields.authors else None
    corporate = first is not None and first.literal is not None
    title = undoubled(title_key(fields.title))
    locator = fields.first_page or fields.article_number
    return Mention(
        member=member, fields=fields, is_seed=is_seed, key=member.key, doi=doi_key(fields.doi),
        title=title,
        first_author=author_key(first),
        first_author_parts=() if first is None or corporate else family_parts(first.family),
        corporate=corporate,
        author_keys=frozenset(k for a in fields.authors if a.literal is None
                              for k in [family_key(a.family)] if k),
        container=container_words(fields.container),
        locator=locator,
        acronym=acronym(first.literal) if corporate else "",
        title_words=len(title.split()),
        volume_key=(fields.volume or "").strip().lower(),
        locator_key=(locator or "").strip().lower(),
        first_page_digits=digits(fields.first_page),
    )


def author_key(author: Author | None) -> str:
    if author is None:
        return ""
    if author.literal is not None:
        return body_key(author.literal)
    return family_key(author.family)


def blocking_keys(mention: Mention) -> tuple[str, ...]:
    """Keys under which a mention is compared with others.

    The first author's name (a misspelt name still meets its twin through the
    title key), and the first three significant title words, which survive
    truncation, dropped subtitles and a body credited in place of another.
    """
    keys = []
    if mention.first_author:
        keys.append("author:" + mention.first_author)
    title_words = content_words(mention.fields.title)
    if title_words:
        keys.append("title:" + " ".join(title_words[:3]))
    return tuple(keys)
