"""Personal and corporate names as CSL-JSON name objects."""

from __future__ import annotations

import random

from . import openvocab
from .vocab import CORPORATE, NAMES, PARTICLES, SUFFIXES

TRADITIONS = sorted(NAMES)


def person(rng: random.Random) -> dict[str, str]:
    """A person: family name with particle, suffix or capitals now and then, full or initialled given."""
    tradition = rng.choice(TRADITIONS)
    givens, families = NAMES[tradition]
    surname = openvocab.family(rng) if rng.random() < 0.4 else rng.choice(families)
    name = {"family": surname, "given": given_name(rng, givens)}
    if tradition in PARTICLES and rng.random() < 0.3:
        name["non-dropping-particle"] = rng.choice(PARTICLES[tradition])
    if rng.random() < 0.04:
        name["suffix"] = rng.choice(SUFFIXES)
    if rng.random() < 0.04:
        name["family"] = name["family"].upper()
    return name


def given_name(rng: random.Random, givens: tuple[str, ...]) -> str:
    given = rng.choice(givens)
    roll = rng.random()
    if roll < 0.3:
        return given[0] + "."
    if roll < 0.45:
        return f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}."
    if roll < 0.55:
        return f"{given[0]}. {rng.choice('ABCDEFGHJKLMNPRSTW')}."
    return given


def corporate(rng: random.Random) -> dict[str, str]:
    return {"literal": rng.choice(CORPORATE)}


def author_count(rng: random.Random) -> int:
    """1 to 30 authors: mostly a handful, sometimes a consortium-sized list."""
    roll = rng.random()
    if roll < 0.75:
        return rng.randint(1, 4)
    if roll < 0.95:
        return rng.randint(5, 10)
    return rng.randint(11, 30)


def people(rng: random.Random, count: int | None = None) -> list[dict[str, str]]:
    return [person(rng) for _ in range(count or author_count(rng))]
