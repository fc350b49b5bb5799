"""A cache of checked content, so the program parses and checks its YAML packs once, not at
every start.

The key is a BLAKE2b digest (``fingerprint``) over what produced an entry: the compiled code of
every module that reads, checks and normalises the packs (``PRODUCERS``: a change to the schema
or the loader misses the cache even when the program's version number did not move) and every
pack file's name and digest (the ones the loader's folder stamp already took). An entry is one line of header (the key and the
digest of the rest) and then the checked content as plain JSON (``wizard.core.model.to_plain``),
written only when the packs passed every check. On a hit the rest is read only if its digest
matches, so a damaged or truncated cache is ignored and rebuilt, never half used; the content
objects are then rebuilt from it without pydantic and the cross-reference checks run again.
The digest guards against damage, not against someone who can already write the user's own
files. Nothing here is ever executed (JSON only).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from wizard import paths
from wizard.core.storage import atomic_write
from wizard.fingerprint import code_digest, digest

MAX_BYTES = 64 * 1024 * 1024

# The modules whose code decides what a cache entry holds (read, checked, normalised, indexed).
PRODUCERS = ("wizard.core.schema", "wizard.core.model", "wizard.core.content",
             "wizard.core.yamlsource", "wizard.core.expr", "wizard.core.problems",
             "wizard.core.citations", "wizard.core.timeline", "wizard.core.content_cache",
             "wizard.core.checks", "wizard.core.checks.base", "wizard.core.checks.packs",
             "wizard.core.checks.questions", "wizard.core.checks.expressions",
             "wizard.core.checks.findings", "wizard.core.checks.rules",
             "wizard.core.checks.glossary", "wizard.core.frameworks",
             "wizard.core.frameworks_schema")


def key_for(stamp: tuple) -> Optional[str]:
    """The key for a folder's packs as ``content._stamp`` describes them (each file's name,
    size and digest), or None when a file or the producing code could not be read and
    digested (no caching then)."""

    code = code_digest(PRODUCERS)
    if code is None:
        return None
    parts = [code.encode()]
    for name, _size, file_digest in stamp:
        if not isinstance(file_digest, str):
            return None
        parts += [name.encode("utf-8"), file_digest.encode()]
    return digest(*parts)


def _file(key: str) -> Path:
    return paths.cache_dir() / f"content-{key[:32]}.json"


def read(key: str) -> Optional[dict]:
    """The cached content for ``key`` ({packs: [{file, data}], shared, lines, frameworks}),
    or None    (missing, unreadable, not ours, or not what its header's digest says)."""

    path = _file(key)
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        header, _, body = path.read_bytes().partition(b"\n")
        head = json.loads(header)
        if not isinstance(head, dict) or head.get("key") != key \
                or head.get("digest") != digest(body):
            return None
        data = json.loads(body)
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def write(key: str, packs: list[tuple[str, dict]], shared: dict[str, dict],
          lines: dict[str, int], frameworks: Optional[dict] = None) -> None:
    """Store checked content (packs, the shared files by Content field: glossary, registry,
    and the programme frameworks); failures are ignored (the cache is only an
    optimisation)."""

    body = json.dumps({"packs": [{"file": name, "data": data} for name, data in packs],
                       "shared": shared, "lines": lines, "frameworks": frameworks},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"key": key, "digest": digest(body)}).encode("ascii")
    target = _file(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob("content-*.json"):
            if old != target:
                old.unlink(missing_ok=True)
        atomic_write(target, header + b"\n" + body)
    except Exception:  # noqa: BLE001 - a read-only or full disk must not stop the program
        pass
