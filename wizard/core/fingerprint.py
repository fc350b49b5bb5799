"""Content fingerprints for the program's caches (compiled catalogs, checked content).

BLAKE2b from CPython's own ``_blake2`` module: ``hashlib`` would load OpenSSL's libcrypto as
well (about 3 MB of memory and 4 ms at every start) for a digest that names cache files and
protects nothing. Falls back to ``hashlib`` where the built-in module is missing.
"""

from __future__ import annotations

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
