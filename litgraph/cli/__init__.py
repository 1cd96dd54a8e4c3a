"""The `litgraph` command line: thin commands over the library.

Exit codes (documented in the README):
    0  success
    1  finished, but some records failed (or the store failed while answering, or an
       internal error: one line, and the traceback with LITGRAPH_DEBUG=1)
    2  bad input or usage: a malformed file, an unknown query or parameter, a bad option
    3  an upstream service (Crossref, a SPARQL endpoint) failed
  130  interrupted (Ctrl-C, SIGINT)
  143  terminated (SIGTERM)
Heavy libraries are imported inside commands so that `litgraph --help` is fast.
"""

from __future__ import annotations

import importlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..errors import EXIT_BAD_INPUT, EXIT_PARTIAL, LitgraphError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="litgraph")
def cli() -> None:
    """litgraph: a bibliographic knowledge graph for evidence synthesis.

    Example:

        litgraph build && litgraph query most-cited --format table
    """


def register_commands(group: click.Group) -> None:
    """Add the commands every module of this package lists in its COMMANDS.

    The modules are found by listing this folder (pkgutil costs 10-40 ms of every start-up) and
    must import nothing heavy at their top (tests/test_cli.py and tests/test_startup.py check).
    """
    names = sorted({p.partition(".")[0] for p in os.listdir(__path__[0]) if p.endswith(".py")} - {"__init__"})
    for name in names:
        module = importlib.import_module(f"{__name__}.{name}")
        for command in getattr(module, "COMMANDS", ()):
            group.add_command(command)


register_commands(cli)


class Terminated(BaseException):
    """SIGTERM arrived: raised like KeyboardInterrupt, so `finally` blocks and atomic writes clean up."""


def raise_terminated(signum, frame) -> None:
    raise Terminated


@contextmanager
def sigterm_raises() -> Iterator[None]:
    """Turn SIGTERM into `Terminated` for the block (main thread only; the old handler comes back)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, mapping litgraph errors to one line on stderr and an exit code."""
    with sigterm_raises():
        run(argv)


def run(argv: list[str] | None) -> None:
    """The CLI with each way it can end mapped to its documented exit code."""
    try:
        cli.main(args=argv, prog_name="litgraph", standalone_mode=False)
    except Terminated:
        click.echo("litgraph: terminated", err=True)
        sys.exit(143)
    except LitgraphError as exc:
        click.echo(f"litgraph: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("litgraph: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_BAD_INPUT if exc.exit_code == 2 else exc.exit_code)
    except KeyboardInterrupt:
        click.echo("litgraph: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:  # a bug in litgraph: one line, the traceback on request
        if os.environ.get("LITGRAPH_DEBUG"):
            raise
        click.echo(f"litgraph: internal error: {type(exc).__name__}: {exc} "
                   "(set LITGRAPH_DEBUG=1 for the traceback)", err=True)
        sys.exit(EXIT_PARTIAL)
    sys.exit(0)
