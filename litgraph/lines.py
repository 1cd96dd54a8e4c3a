"""Read curated text files line by line, splitting only where the file has a line end.

`str.splitlines` also splits on U+2028, U+2029, U+0085, form feeds and other
separators that may sit inside one printed reference; a list file read that way
gives two records for one line and line numbers past the end of the file. Here
a line ends at `\\n` (a `\\r` before it is dropped), and nowhere else.

    >>> split_lines("1\\ta\\u2028b\\r\\n2\\tc\\x0c\\n")
    ['1\\ta\\u2028b', '2\\tc\\x0c']
"""

from __future__ import annotations

from pathlib import Path

from .errors import CorpusError


def split_lines(text: str) -> list[str]:
    """The lines of `text`, split on `\\n` and `\\r\\n` only; no empty last line for a final line end."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def read_text(path: Path) -> str:
    """The text of a curated file: UTF-8, a leading BOM dropped.

    Raises:
        CorpusError: the file cannot be read, or is not UTF-8 (naming the line of the first bad byte).
    """
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        line = exc.object[:exc.start].count(b"\n") + 1
        raise CorpusError(str(path), f"cannot read: not UTF-8 (byte 0x{exc.object[exc.start]:02x}); "
                                     "save it as UTF-8", line) from exc
    except OSError as exc:
        raise CorpusError(str(path), f"cannot read: {exc.strerror or exc}") from exc


def read_lines(path: Path) -> list[str]:
    """`split_lines` of `read_text`: number them from 1 to name a line in an error."""
    return split_lines(read_text(path))
