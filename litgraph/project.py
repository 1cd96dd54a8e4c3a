"""The project: one review's folder, found from the current folder and read once from litgraph.toml.

A project is a folder holding `litgraph.toml` (docs/projects.md). Every command
finds it as git finds a repository: `--project DIR`, else `LITGRAPH_PROJECT`,
else the nearest `litgraph.toml` in the current folder or above it. A folder
without one but with a `corpus/` folder is a legacy project (corpus/, build/,
vocabulary/ beside them). Relative paths in the toml resolve against its folder.

    >>> settings = parse_settings('title = "CHW and blood pressure"\\nvocabulary = ["vocabulary/"]', "litgraph.toml")
    >>> settings["title"], settings["vocabulary"]
    ('CHW and blood pressure', ['vocabulary/'])

Errors: `ProjectFileError` (a bad litgraph.toml, with its line) and
`NoProjectError` (no project here), both InputError (exit 2).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError, InputError

CONFIG_NAME = "litgraph.toml"
PROJECT_ENV = "LITGRAPH_PROJECT"
# key -> (accepted types, what the message calls it)
KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "title": ((str,), "a string"), "corpus": ((str,), "a path"), "build": ((str,), "a path"),
    "vocabulary": ((list,), "a list of paths"), "queries": ((str,), "a path"),
    "style": ((str,), "a CSL style name"), "mailto": ((str,), "an e-mail address"),
    "key_format": ((str,), "a citation-key pattern"),
    "parser_model": ((str,), "a path"), "allow_service": ((bool,), "true or false"),
    "query_timeout": ((int, float), "a number of seconds"), "replace_core_designs": ((bool,), "true or false"),
    "crossref": ((dict,), "a table of Crossref client settings (litgraph/crossref/config.py)"),
    "opencitations": ((dict,), "a table of OpenCitations client settings (litgraph/opencitations/config.py)"),
}
DEFAULT_QUERY_TIMEOUT_S = 60.0


class ProjectFileError(CorpusError):
    """A litgraph.toml that cannot be read: bad TOML, an unknown key or a value of the wrong kind."""


class NoProjectError(InputError):
    """A command needs a project and none was found."""


@dataclass(frozen=True, slots=True)
class Project:
    """Everything a command needs to know about its project, resolved to absolute paths."""

    root: Path
    title: str
    corpus: Path
    vocabulary: tuple[Path, ...]
    build: Path
    queries: Path | None = None
    style: str = "apa"
    mailto: str | None = None
    parser_model: Path | None = None
    allow_service: bool = False
    query_timeout: float = DEFAULT_QUERY_TIMEOUT_S  # 0: no limit
    replace_core_designs: bool = False
    config: Path | None = None
    key_format: str | None = None  # how `litgraph build` mints new citation keys (cite/keypattern.py)

    def vocabulary_files(self) -> tuple[Path, ...]:
        """The shipped core, then the project's own Turtle files: what the concept loader reads."""
        from .resources import core_vocabulary_files

        return core_vocabulary_files(self.replace_core_designs) + turtle_files(self.vocabulary)


def turtle_files(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """Files as given, folders expanded to their *.ttl files (sorted); missing paths left out."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(path.glob("*.ttl"))
        elif path.is_file():
            out.append(path)
    return tuple(out)


def find_project(start: Path | None = None, explicit: Path | None = None,
                 env: Mapping[str, str] = os.environ) -> Project:
    """The project of `start` (default: the current folder), unless `explicit` or LITGRAPH_PROJECT names one.

    Raises:
        ProjectFileError: the litgraph.toml found is malformed.
        NoProjectError: no litgraph.toml here or above, and no legacy corpus/ folder here.
    """
    start = Path(start or Path.cwd()).resolve()
    named = explicit or (Path(env[PROJECT_ENV]) if env.get(PROJECT_ENV) else None)
    if named is not None:
        return load_project(config_of(Path(named)))
    config = nearest_config(start)
    if config is not None:
        return load_project(config)
    if (start / "corpus").is_dir():
        return legacy_project(start)
    raise NoProjectError(f"no {CONFIG_NAME} in {start} or any folder above it: "
                         "start a project with `litgraph init DIR`, or give --project DIR")


def find_project_or_none(start: Path | None = None, explicit: Path | None = None,
                         env: Mapping[str, str] = os.environ) -> Project | None:
    """As find_project, but None where there is no project (a malformed toml still raises)."""
    try:
        return find_project(start, explicit, env)
    except NoProjectError:
        return None


def config_of(named: Path) -> Path:
    """The litgraph.toml a --project / LITGRAPH_PROJECT value names (the file or its folder)."""
    config = named if named.name == CONFIG_NAME else named / CONFIG_NAME
    if not config.is_file():
        raise NoProjectError(f"{named}: no {CONFIG_NAME} there (start a project with `litgraph init {named}`)")
    return config.resolve()


def nearest_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    return None


def legacy_project(root: Path) -> Project:
    """A folder without litgraph.toml: corpus/, build/ and (if present) vocabulary/ beside them."""
    vocabulary = root / "vocabulary"
    return Project(root=root, title=root.name, corpus=root / "corpus", build=root / "build",
                   vocabulary=(vocabulary,) if vocabulary.is_dir() else ())


def load_project(config: Path) -> Project:
    """Read `config` (a litgraph.toml) into a Project; relative paths resolve against its folder."""
    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProjectFileError(str(config), f"cannot read: {error}") from error
    return project_from_settings(parse_settings(text, str(config)), config.parent.resolve(), config)


def project_from_settings(settings: dict, root: Path, config: Path | None = None) -> Project:
    def path(key: str, default: str | None) -> Path | None:
        value = settings.get(key, default)
        return (root / value).resolve() if value else None

    vocabulary = tuple((root / v).resolve() for v in settings.get("vocabulary", ["vocabulary/"]))
    return Project(
        root=root, title=settings.get("title", root.name), corpus=path("corpus", "corpus"),
        vocabulary=vocabulary, build=path("build", "build"), queries=path("queries", None),
        style=settings.get("style", "apa"), mailto=settings.get("mailto") or None,
        parser_model=path("parser_model", None), allow_service=settings.get("allow_service", False),
        query_timeout=float(settings.get("query_timeout", DEFAULT_QUERY_TIMEOUT_S)),
        replace_core_designs=settings.get("replace_core_designs", False), config=config,
        key_format=settings.get("key_format"))


def parse_settings(text: str, path: str) -> dict:
    """The settings of a litgraph.toml, checked: bad TOML, unknown keys, wrong kinds -> ProjectFileError."""
    import tomllib

    try:
        settings = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ProjectFileError(path, f"not valid TOML: {detail}", int(match[1]) if match else None) from error
    for key, value in settings.items():
        check_setting(key, value, text, path)
    return settings


def check_setting(key: str, value, text: str, path: str) -> None:
    line = line_of_key(text, key)
    if key not in KEYS:
        known = ", ".join(sorted(KEYS))
        raise ProjectFileError(path, f"unknown setting {key!r} (known: {known})", line)
    kinds, wanted = KEYS[key]
    wrong_bool = isinstance(value, bool) and bool not in kinds
    if not isinstance(value, kinds) or wrong_bool:
        raise ProjectFileError(path, f"{key} must be {wanted}, not {value!r}", line)
    if key == "vocabulary" and not all(isinstance(v, str) for v in value):
        raise ProjectFileError(path, f"vocabulary must be a list of paths, not {value!r}", line)
    if key == "mailto" and value and "@" not in value:
        raise ProjectFileError(path, f"mailto must be an e-mail address, not {value!r}", line)


def line_of_key(text: str, key: str) -> int | None:
    """The line where `key = ...` (or a table `[key]`) is set; tomllib gives no positions for keys."""
    pattern = re.compile(rf"^\s*(\[\s*{re.escape(key)}\s*\]|[\"']?{re.escape(key)}[\"']?\s*=)")
    return next((n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line)), None)
