"""A progress bar for long Crossref runs: done/total, the counts so far, and the request rate.

Drawn with rich on stderr; silent with `--quiet` or when stderr is not a
terminal (a pipe, a log file, the tests).
"""

from __future__ import annotations

from collections.abc import Callable


class RunProgress:
    """`with RunProgress("matching", total, rate) as bar: bar.advance("accepted 3 · review 1")`."""

    def __init__(self, label: str, total: int, rate: Callable[[], float], quiet: bool = False) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)
        self.enabled = not quiet and self.console.is_terminal and total > 0
        self.label, self.total, self.rate = label, total, rate
        self._progress = None
        self._task = None

    def __enter__(self) -> RunProgress:
        if self.enabled:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn)

            self._progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[counts]}"), TextColumn("{task.fields[rate]:.1f} req/s"),
                TimeElapsedColumn(), console=self.console, transient=False)
            self._progress.start()
            self._task = self._progress.add_task(self.label, total=self.total, counts="", rate=0.0)
        return self

    def advance(self, counts: str = "") -> None:
        if self._progress is not None:
            self._progress.update(self._task, advance=1, counts=counts, rate=self.rate())

    def note(self, message: str) -> None:
        """A line above the bar (a retry, a wait), shown only when the bar is."""
        if self._progress is not None:
            self._progress.console.print(message, style="dim")

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
