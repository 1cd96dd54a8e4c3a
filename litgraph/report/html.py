"""HTML building blocks of the report: escaping, the page frame, and safe CSL entries (stdlib only)."""

from __future__ import annotations

import html
from html.parser import HTMLParser

SITE_TITLE = "litgraph evidence report"
NAV = (("index.html", "Overview"), ("map.html", "Evidence map"), ("equivocal.html", "Equivocal outcomes"),
       ("network.html", "Citation network"), ("works.html", "Works"), ("changes.html", "What changed"),
       ("search.html", "Search"))


def esc(value: object) -> str:
    """Text as HTML (quotes escaped too, so it is safe in attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def link(href: str, text: object, **attrs: str) -> str:
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return f'<a href="{esc(href)}"{extra}>{esc(text)}</a>'


def page(title: str, body: str, depth: int = 0, current: str = "", footer: str = "",
         scripts: tuple[str, ...] = ()) -> str:
    """A whole page: `depth` is how many folders below the site root it lives (for relative links)."""
    root = "../" * depth
    here = ' aria-current="page"'
    items = "".join(f'<li><a href="{root}{href}"{here if href == current else ""}>{esc(text)}</a></li>'
                    for href, text in NAV)
    tags = "".join(f'<script src="{root}{s}"></script>' for s in scripts)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · {SITE_TITLE}</title>
<link rel="stylesheet" href="{root}assets/style.css">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header class="site">
<p class="brand"><a href="{root}index.html">litgraph</a> <span>evidence report</span></p>
<nav aria-label="Site"><ul>{items}</ul></nav>
<form class="search" action="{root}search.html" method="get" role="search">
<label for="site-q">Search titles and authors</label>
<input id="site-q" name="q" type="search" autocomplete="off"><button type="submit">Search</button>
</form>
</header>
<main id="main">
{body}
</main>
<footer class="site"><p>{footer}</p></footer>
{tags}
</body>
</html>
"""


class _Sanitiser(HTMLParser):
    """Keeps the inline tags a CSL entry uses; escapes every text run (citeproc-py leaves `&` raw)."""

    KEEP = {"i", "b", "em", "strong", "sup", "sub", "span"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.KEEP:
            self.out.append(f"<{tag}>")

    def handle_endtag(self, tag):
        if tag in self.KEEP:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))


def safe_entry(entry_html: str) -> str:
    """A formatted reference from citeproc as safe HTML: inline emphasis kept, everything else text."""
    parser = _Sanitiser()
    parser.feed(entry_html)
    parser.close()
    return "".join(parser.out).strip()
