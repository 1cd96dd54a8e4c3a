"""OpenCitations settings: options, then the environment, then the project's litgraph.toml `[opencitations]`.

The access token (an OpenCitations key, sent as the `authorization` header)
comes from `LITGRAPH_OPENCITATIONS_TOKEN` or `token` in `[opencitations]`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

DEFAULT_BASE_URL = "https://api.opencitations.net/index/v2"
TOKEN_ENV = "LITGRAPH_OPENCITATIONS_TOKEN"
KEYS = {"base_url", "token", "cache_dir"}


@dataclass(frozen=True, slots=True)
class Settings:
    base_url: str = DEFAULT_BASE_URL
    token: str | None = None
    mailto: str | None = None
    cache_dir: Path | None = None
    offline: bool = False
    timeout: float = 30.0
    max_retries: int = 5
    backoff_base: float = 1.0
    backoff_cap: float = 60.0
    max_retry_after: float = 300.0


def project_table(start: Path | None = None) -> dict[str, str]:
    """The `[opencitations]` table of the nearest litgraph.toml (empty when none)."""
    from ..project import nearest_config

    path = nearest_config((start or Path.cwd()).resolve())
    if path is None or not path.is_file():
        return {}
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("opencitations", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(table, dict) or table.keys() - KEYS:
        raise InputError(f"{path}: [opencitations] takes only {', '.join(sorted(KEYS))}")
    return {k: str(v) for k, v in table.items()}


def default_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "litgraph" / "opencitations"


def resolve_settings(*, base_url: str | None = None, cache_dir: str | None = None, no_cache: bool = False,
                     offline: bool = False, **tuning) -> Settings:
    if offline and no_cache:
        raise InputError("--offline answers from the cache: it cannot go with --no-cache")
    table = project_table()
    cache = None if no_cache else Path(cache_dir or table.get("cache_dir") or default_cache_dir())
    return Settings(base_url=(base_url or table.get("base_url") or DEFAULT_BASE_URL).rstrip("/"),
                    token=os.environ.get(TOKEN_ENV) or table.get("token") or None,
                    mailto=os.environ.get("LITGRAPH_MAILTO") or None, cache_dir=cache, offline=offline, **tuning)
