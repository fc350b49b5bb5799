"""A cache of checked content, so the program parses its YAML packs once, not at every start.

The key is a BLAKE2b digest (``fingerprint``) over the program version and every pack file's
name and digest (the ones the loader's folder stamp already took): any edit to any pack (or a
new program version) misses the cache. The cache holds the pydantic-validated
packs as JSON; on a hit they are validated again by pydantic (fast, in Rust) and the
cross-reference checks run again, so a damaged or tampered cache can never yield content the
validator would refuse — it is simply ignored and rebuilt. Nothing here is ever executed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from wizard import __version__

FORMAT = 1
MAX_BYTES = 64 * 1024 * 1024


def key_for(stamp: tuple) -> Optional[str]:
    """The key for a folder's packs as ``content._stamp`` describes them (each file's name,
    size and digest), or None when a file could not be read and digested (no caching then)."""
    from wizard.core.fingerprint import digest

    parts = [f"{__version__}:{FORMAT}".encode()]
    for name, _size, file_digest in stamp:
        if not isinstance(file_digest, str):
            return None
        parts += [name.encode("utf-8"), file_digest.encode()]
    return digest(*parts)


def _file(key: str) -> Path:
    from wizard import paths

    return paths.cache_dir() / f"content-{key[:32]}.json"


def read(key: str) -> Optional[dict]:
    """The cached entry for ``key``, or None (missing, unreadable, or not ours)."""
    path = _file(key)
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    return data


def write(key: str, packs: list[tuple[str, str]], glossary: Optional[str],
          lines: dict[str, int]) -> None:
    """Store checked content; failures are ignored (the cache is only an optimisation)."""
    from wizard.core.storage import atomic_write

    entry = {"key": key, "packs": [{"file": name, "json": text} for name, text in packs],
             "glossary": glossary, "lines": lines}
    target = _file(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob("content-*.json"):
            if old != target:
                old.unlink(missing_ok=True)
        atomic_write(target, json.dumps(entry, ensure_ascii=False).encode("utf-8"))
    except Exception:  # noqa: BLE001 - a read-only or full disk must not stop the program
        pass
