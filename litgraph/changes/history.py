"""Where build manifests live, and which earlier build a comparison starts from.

    build/current/manifest.json          the live build's manifest (inside its generation)
    build/history/<build id>.json        every build's manifest, the newest KEEP kept

`baseline` picks the build to compare the live one with: the one before it,
a build named by its id (or a unique start of it, or its digest), or the last
build made on or before a date.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..atomic import write_text_atomic
from ..errors import InputError

MANIFEST = "manifest.json"
HISTORY = "history"
KEEP = 200


def manifest_text(manifest: dict[str, Any]) -> str:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def write_manifest(folder: Path, manifest: dict[str, Any]) -> None:
    """Write `manifest` into a generation folder (before it is published)."""
    write_text_atomic(folder / MANIFEST, manifest_text(manifest))


def record_history(build_dir: Path, manifest: dict[str, Any]) -> None:
    """Keep a copy under build/history/, dropping all but the newest KEEP."""
    folder = build_dir / HISTORY
    folder.mkdir(exist_ok=True)
    write_text_atomic(folder / f"{manifest['build']}.json", manifest_text(manifest))
    for old in sorted(folder.glob("*.json"))[:-KEEP]:
        old.unlink(missing_ok=True)


def read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def current_manifest(build_dir: Path) -> dict[str, Any] | None:
    """The live build's manifest, or None (no build yet, or one written before manifests existed)."""
    return read_manifest(build_dir / "current" / MANIFEST)


def history(build_dir: Path) -> list[dict[str, Any]]:
    """Every kept manifest, oldest first (ids begin with their UTC time)."""
    found = (read_manifest(p) for p in sorted((build_dir / HISTORY).glob("*.json")))
    return [m for m in found if m and "build" in m]


def baseline(build_dir: Path, current: dict[str, Any], since: str | None = None) -> dict[str, Any] | None:
    """The manifest to compare `current` with: the previous build, or the one `since` names.

    Raises:
        InputError: `since` is neither a known build id nor a date.
    """
    earlier = [m for m in history(build_dir) if m["build"] < current["build"]]
    if since is None:
        return earlier[-1] if earlier else None
    named = [m for m in history(build_dir) if m["build"].startswith(since) or m["build"].endswith(f"-{since}")]
    if len(named) == 1 or (named and all(m["build"] == named[0]["build"] for m in named)):
        return named[0]
    if len(named) > 1:
        raise InputError(f"--since {since}: names {len(named)} builds; give more of the id (litgraph changes --list)")
    return on_or_before(earlier, since)


def on_or_before(earlier: list[dict[str, Any]], since: str) -> dict[str, Any] | None:
    """The last build made on or before the date `since` (YYYY-MM-DD or an ISO time, UTC unless given)."""
    moment = parse_date(since)
    made = [m for m in earlier if datetime.fromisoformat(m["created"]) <= moment]
    return made[-1] if made else None


def parse_date(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"--since {text}: not a build id (litgraph changes --list) "
                         "nor a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)") from None
    if len(text) == 10:  # a day: everything built by the end of it
        moment = moment.replace(hour=23, minute=59, second=59, microsecond=999999)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
