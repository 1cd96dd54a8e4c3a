"""--project, --build-dir and --corpus: each command's folders, resolved once from the project it runs in.

The project is `--project DIR`, else $LITGRAPH_PROJECT, else the nearest
litgraph.toml above the current folder, else a legacy folder holding corpus/
(litgraph.project.find_project). An option given on the command line always
wins. Outside any project, --corpus says so and names `litgraph init`;
--build-dir falls back to ./build, so commands that do not read the build
(`query --list`) still run, and those that do say "run `litgraph build` first".
"""

from __future__ import annotations

from pathlib import Path

import click

PROJECT_DIR = "litgraph.project_dir"
PROJECT = "litgraph.project"


def remember_project(ctx: click.Context, param, value):
    if value is not None:
        ctx.find_root().meta[PROJECT_DIR] = value
    return value


def project_in(ctx: click.Context | None = None):
    """The project of this invocation (found once), or None outside any project."""
    from ..project import find_project, find_project_or_none

    meta = (ctx or click.get_current_context()).find_root().meta
    if PROJECT not in meta:
        named = meta.get(PROJECT_DIR)
        meta[PROJECT] = find_project(explicit=Path(named)) if named else find_project_or_none()
    return meta[PROJECT]


def from_project(attribute: str, legacy: str | None):
    """An option callback: the value given, else the project's `attribute`, else `legacy` (None: no project is an error)."""

    def callback(ctx: click.Context, param, value):
        if value is not None:
            return value
        project = project_in(ctx)
        if project is not None:
            return str(getattr(project, attribute))
        if legacy is None:
            from ..project import find_project

            find_project()  # raises NoProjectError, which names `litgraph init`
        return legacy

    return callback


def with_project_option(command):
    """Add `--project DIR` once, however many project-resolved options a command has."""
    if any(p.name == "project_dir" for p in getattr(command, "__click_params__", [])):
        return command
    return click.option(
        "--project", "project_dir", type=click.Path(), is_eager=True, expose_value=False,
        callback=remember_project,
        help="The project folder (default: the nearest litgraph.toml above the current folder, "
             "or $LITGRAPH_PROJECT).")(command)


def build_dir_option(command):
    """`--build-dir`: the project's build folder unless given."""
    command = click.option(
        "--build-dir", default=None, type=click.Path(file_okay=False), callback=from_project("build", "build"),
        help="Folder holding the built graph and store  [default: the project's build folder]")(command)
    return with_project_option(command)


def corpus_option(command=None, *, required: bool = True, help: str = "The corpus folder"):
    """`--corpus` (as `corpus_dir`): the project's corpus folder unless given; outside a project an error if `required`."""

    def decorate(command):
        command = click.option(
            "--corpus", "corpus_dir", default=None, type=click.Path(file_okay=False),
            callback=from_project("corpus", None if required else "corpus"),
            help=f"{help}  [default: the project's corpus folder]")(command)
        return with_project_option(command)

    return decorate(command) if command is not None else decorate


def style_default(ctx: click.Context, param, value):
    """`--style` callback: the value given, else the project's default CSL style, else apa."""
    if value is not None:
        return value
    project = project_in(ctx)
    return project.style if project is not None else "apa"


def key_format_default(value: str | None) -> str | None:
    """`build --key-format`: the pattern given, else the project's key_format (None: the default pattern)."""
    project = project_in()
    return value or (project.key_format if project is not None else None)


def vocabulary_files(corpus_dir: str | Path) -> tuple[Path, ...]:
    """The core and project vocabulary files for a command; outside a project, vocabulary/ beside the corpus."""
    from ..project import legacy_project

    project = project_in() or legacy_project(Path(corpus_dir).resolve().parent)
    return project.vocabulary_files()


def site_default(ctx: click.Context, param, value):
    """`report --out` callback: the value given, else site/ in the project's build folder, else build/site."""
    if value is not None:
        return value
    project = project_in(ctx)
    return str(project.build / "site") if project is not None else "build/site"
