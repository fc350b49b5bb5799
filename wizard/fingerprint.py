"""Content fingerprints for the program's caches (compiled catalogs, checked content).

BLAKE2b from CPython's own ``_blake2`` module: ``hashlib`` would load OpenSSL's libcrypto as
well (about 3 MB of memory and 4 ms at every start) for a digest that names cache files and
protects nothing. Falls back to ``hashlib`` where the built-in module is missing.
"""

from __future__ import annotations

import functools
import importlib.util
import marshal

try:
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - every CPython we support has it
    from hashlib import blake2b as _blake2b


def digest(*parts: bytes) -> str:
    """A hex digest over ``parts``, each one delimited (("ab", "c") and ("a", "bc") differ)."""
    state = _blake2b(digest_size=32)
    for part in parts:
        state.update(len(part).to_bytes(8, "little"))
        state.update(part)
    return state.hexdigest()


@functools.lru_cache(maxsize=4)
def code_digest(modules: tuple[str, ...]) -> str | None:
    """A digest of the code of ``modules`` (found, not imported), so a cache keyed on it
    misses whenever that code changes: their source files in a checkout or a wheel, their
    code objects from the archive of a PyInstaller bundle. None when one cannot be read."""

    parts = []
    for name in modules:
        spec = importlib.util.find_spec(name)
        loader = getattr(spec, "loader", None)
        try:
            if spec is not None and spec.has_location and spec.origin:
                with open(spec.origin, "rb") as fh:
                    parts.append(fh.read())
            else:
                parts.append(marshal.dumps(loader.get_code(name)))
        except (OSError, AttributeError, ImportError, ValueError):
            return None
    return digest(*parts)
