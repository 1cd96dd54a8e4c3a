"""The citation network of the seed papers and the works two or more of them cite, as SVG (pure, deterministic).

Layout: the seed papers in a row, citations between seeds as arcs above them; below, one box
per set of citing seeds (the works cited by exactly those seeds), joined to each of those
seeds by one edge whose width grows with the number of works. Boxes are ordered by how many
seeds share them, then by size, and wrap onto further rows; every name links to its work page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .html import esc
from .refs import short_label

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D31", "#000000")
WIDTH, SEED_Y, SEED_H, BOX_W, LINE, TOP = 960, 130, 54, 216, 19, 340


@dataclass(frozen=True, slots=True)
class Group:
    seeds: tuple[str, ...]   # the citing seeds, in seed order
    works: tuple[str, ...]   # the works exactly those seeds cite


def shared_groups(seeds: tuple[str, ...], citations, min_seeds: int = 2) -> list[Group]:
    """Works cited by `min_seeds` or more seed papers, grouped by the set of seeds citing them."""
    citing: dict[str, set[str]] = defaultdict(set)
    for a, b in citations:
        if a in seeds and b not in seeds:
            citing[b].add(a)
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for work, by in citing.items():
        if len(by) >= min_seeds:
            groups[tuple(s for s in seeds if s in by)].append(work)
    order = sorted(groups, key=lambda k: (-len(k), -len(groups[k]), [seeds.index(s) for s in k]))
    return [Group(k, tuple(groups[k])) for k in order]


def seed_positions(seeds: tuple[str, ...]) -> dict[str, float]:
    step = WIDTH / max(len(seeds), 1)
    return {s: step * (i + 0.5) for i, s in enumerate(seeds)}


def box_positions(groups: list[Group]) -> list[tuple[float, float, float]]:
    """(x, y, height) of each group's box: as many per row as fit, rows centred."""
    per_row = max(1, int((WIDTH - 20) // (BOX_W + 18)))
    out, y = [], TOP
    for start in range(0, len(groups), per_row):
        row = groups[start:start + per_row]
        heights = [34 + LINE * len(g.works) for g in row]
        left = (WIDTH - len(row) * BOX_W - (len(row) - 1) * 18) / 2
        out += [(left + i * (BOX_W + 18), y, h) for i, h in enumerate(heights)]
        y += max(heights) + 60
    return out


def seed_arcs(seeds, citations, xs, colour) -> list[str]:
    """Citations between seeds as arcs above them; left-to-right arcs lower, right-to-left higher."""
    arcs = []
    for a, b in citations:
        if a in seeds and b in seeds and a != b:
            side = 1 if xs[b] > xs[a] else -1
            x1, x2 = xs[a] + 14 * side, xs[b] - 14 * side
            lift = (30 if side > 0 else 60) + abs(x2 - x1) * 0.15
            arcs.append(f'<path class="seed-cite" d="M{x1:.1f},{SEED_Y} C{x1:.1f},{SEED_Y - lift:.1f} '
                        f'{x2:.1f},{SEED_Y - lift:.1f} {x2:.1f},{SEED_Y - 2}" stroke="{colour[a]}" '
                        f'marker-end="url(#arrow)"/>')
    return arcs


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def network_svg(seeds: tuple[str, ...], citations, works, href, label=short_label) -> str:
    """The picture as an SVG document; `href(iri)` gives a work page's link, `works` the CiteItems by IRI."""
    seeds = tuple(sorted(seeds, key=lambda s: (works[s].year or 0, works[s].key)))
    groups = shared_groups(seeds, citations)
    xs, boxes = seed_positions(seeds), box_positions(groups)
    colour = {s: COLOURS[i % len(COLOURS)] for i, s in enumerate(seeds)}
    height = max([y + h for _, y, h in boxes], default=TOP) + 30
    parts = seed_arcs(seeds, citations, xs, colour)
    for group, (x, y, h) in zip(groups, boxes):
        for s in group.seeds:
            cx = x + BOX_W / 2
            parts.append(f'<path class="edge" d="M{xs[s]:.1f},{SEED_Y + SEED_H} C{xs[s]:.1f},{SEED_Y + SEED_H + 90} '
                         f'{cx:.1f},{y - 90} {cx:.1f},{y}" stroke="{colour[s]}" '
                         f'stroke-width="{1.5 + len(group.works) / 2.5:.1f}"/>')
    for group, (x, y, h) in zip(groups, boxes):
        parts.append(group_box(group, x, y, h, works, href, label, colour))
    for s in seeds:
        parts.append(seed_node(s, xs[s], works[s], href, label, colour[s]))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
            f'height="{height:.0f}" role="img" aria-labelledby="network-title" class="network">'
            f'<title id="network-title">Citation network: {len(seeds)} seed papers and the '
            f'{sum(len(g.works) for g in groups)} works two or more of them cite</title>'
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker></defs>'
            f'<style>{SVG_STYLE}</style>{"".join(parts)}</svg>')


def seed_node(iri, x, item, href, label, colour) -> str:
    name = label(item)
    venue = clip(item.container or "", 28)
    return (f'<a href="{esc(href(iri))}" class="seed"><title>{esc(item.title or name)}</title>'
            f'<rect x="{x - 95:.1f}" y="{SEED_Y}" width="190" height="{SEED_H}" rx="8" stroke="{colour}"/>'
            f'<text x="{x:.1f}" y="{SEED_Y + 22}" class="seed-name">{esc(name)}</text>'
            f'<text x="{x:.1f}" y="{SEED_Y + 41}" class="seed-venue">{esc(venue)}</text></a>')


def group_box(group, x, y, h, works, href, label, colour) -> str:
    dots = "".join(f'<circle cx="{x + 14 + 11 * i}" cy="{y + 16}" r="4.5" fill="{colour[s]}"/>'
                   for i, s in enumerate(group.seeds))
    head = f"{len(group.works)} works · cited by {len(group.seeds)} seeds"
    ordered = sorted(group.works, key=lambda w: (label(works[w]).lower(), w))
    names = "".join(
        f'<a href="{esc(href(w))}"><title>{esc(works[w].title or label(works[w]))}</title>'
        f'<text x="{x + 12}" y="{y + 40 + LINE * i}" class="work">{esc(clip(label(works[w]), 27))}</text></a>'
        for i, w in enumerate(ordered))
    return (f'<g class="group"><rect x="{x:.1f}" y="{y}" width="{BOX_W}" height="{h}" rx="6"/>{dots}'
            f'<text x="{x + 16 + 11 * len(group.seeds)}" y="{y + 20}" class="group-head">{esc(head)}</text>'
            f'{names}</g>')


SVG_STYLE = """
text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:#1a1a1a}
.seed rect{fill:#fff;stroke-width:3}.seed-name{font-size:15px;font-weight:600;text-anchor:middle}
.seed-venue{font-size:11.5px;text-anchor:middle;fill:#444}.seed:hover rect,.seed:focus rect{fill:#eef4fb}
.edge{fill:none;stroke-opacity:.55}.seed-cite{fill:none;stroke-width:2}
.group rect{fill:#fafafa;stroke:#999}.group-head{font-size:12px;fill:#444}
.work{font-size:13px;fill:#0b4f8a;text-decoration:underline}a:hover .work,a:focus .work{fill:#000}
"""
