"""Where the Crossref settings come from: command options, the environment, a config file.

Precedence, highest first: the command option (`--mailto`, `--base-url`,
`--cache-dir`), the environment (`LITGRAPH_MAILTO`), the project's `litgraph.toml`
(the nearest one in the working folder or above it; its top-level `mailto` counts
too), then `~/.config/litgraph/config.toml` (or under `$XDG_CONFIG_HOME`). Both
files take one table::

    [crossref]
    mailto = "librarian@example.org"
    base_url = "https://api.crossref.org"
    cache_dir = "~/.cache/litgraph/crossref"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import CrossrefConfigError

DEFAULT_BASE_URL = "https://api.crossref.org"
MAILTO_ENV = "LITGRAPH_MAILTO"
CONFIG_KEYS = {"mailto", "base_url", "cache_dir"}


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the client needs to know, resolved once per command.

    `cache_dir` is None when the cache is bypassed (`--no-cache`).
    """

    base_url: str = DEFAULT_BASE_URL
    mailto: str | None = None
    cache_dir: Path | None = None
    offline: bool = False
    timeout: float = 30.0
    max_retries: int = 5
    backoff_base: float = 1.0
    backoff_cap: float = 60.0
    max_retry_after: float = 300.0

    @property
    def polite(self) -> bool:
        """Requests carry a contact address, so Crossref serves them from the polite pool."""
        return bool(self.mailto)


def config_files(cwd: Path | None = None) -> list[Path]:
    """The config files consulted, highest precedence first."""
    from ..project import CONFIG_NAME, nearest_config

    home_config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    start = (cwd or Path.cwd()).resolve()
    project = nearest_config(start) or start / CONFIG_NAME  # the project's litgraph.toml, found as git would
    return [project, home_config / "litgraph" / "config.toml"]


def read_config(paths: list[Path]) -> dict[str, str]:
    """The `[crossref]` settings of the files that exist, the first file winning per key."""
    merged: dict[str, str] = {}
    for path in reversed(paths):
        merged.update(crossref_table(path))
    return merged


def crossref_table(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CrossrefConfigError(f"{path}: cannot read config: {exc}") from exc
    table = data.get("crossref", {})
    if not isinstance(table, dict):
        raise CrossrefConfigError(f"{path}: [crossref] must be a table")
    unknown = table.keys() - CONFIG_KEYS
    if unknown:
        raise CrossrefConfigError(f"{path}: unknown [crossref] key(s): {', '.join(sorted(unknown))}")
    project_mailto = data.get("mailto")  # a project's top-level `mailto` (docs/projects.md)
    settings = {"mailto": str(project_mailto)} if isinstance(project_mailto, str) and project_mailto else {}
    return settings | {k: str(v) for k, v in table.items()}


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "litgraph" / "crossref"


def resolve_settings(*, base_url: str | None = None, mailto: str | None = None,
                     cache_dir: str | None = None, no_cache: bool = False, offline: bool = False,
                     config_paths: list[Path] | None = None, **tuning: float) -> Settings:
    """Combine options, environment and config files into Settings.

    Raises:
        CrossrefConfigError: a bad config file, a mailto without "@", or
            `--offline` together with `--no-cache`.
    """
    config = read_config(config_files() if config_paths is None else config_paths)
    mailto = mailto or os.environ.get(MAILTO_ENV) or config.get("mailto") or None
    if mailto is not None and "@" not in mailto:
        raise CrossrefConfigError(f"mailto must be an e-mail address, not {mailto!r}")
    if offline and no_cache:
        raise CrossrefConfigError("--offline answers from the cache, so it cannot go with --no-cache")
    base = (base_url or config.get("base_url") or DEFAULT_BASE_URL).rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise CrossrefConfigError(f"--base-url must be an http(s) URL, not {base!r}")
    cache = None if no_cache else Path(cache_dir or config.get("cache_dir") or default_cache_dir()).expanduser()
    return Settings(base_url=base, mailto=mailto, cache_dir=cache, offline=offline,
                    **{k: v for k, v in tuning.items() if v is not None})
