"""Work-arounds for defects of particular Qt for Python releases, for the wizard (``wizard.ui``)
and the PDF report (``wizard.report.pdf``) alike, so it sits above both.

PySide6 6.12.0 on Python 3.11 returns ``None`` from every method without a result (``setText``,
``setData``, ...) without taking a reference to it. From Python 3.12 on ``None`` is immortal
and nothing happens; on 3.11 each such call lowers ``None``'s reference count by one, and after
a few thousand calls (a minute of clicking) the interpreter aborts with "Fatal Python error:
none_dealloc". ``guard_none_refcount`` detects the defect by measuring it and, only then, gives
``None`` a reference count it can never lose, which is what Python 3.12 does for every
interpreter. Install PySide6-Essentials other than 6.12.0 on Python 3.11 to avoid it entirely.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

_GUARDED = False
_MARGIN = 1 << 40


def leaks_none_references() -> bool:
    """True when a void Qt call loses a reference to ``None`` (the 6.12.0 defect)."""
    if sys.version_info >= (3, 12):
        return False

    probe = QObject()
    probe.setObjectName("probe")
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 10


def guard_none_refcount() -> bool:
    """Make ``None`` immortal if this Qt binding leaks references to it; True if it did."""
    global _GUARDED
    if _GUARDED:
        return True
    if not leaks_none_references():
        return False
    import ctypes

    # ob_refcnt is the first field of every object in release builds of CPython 3.11.
    ctypes.c_ssize_t.from_address(id(None)).value += _MARGIN
    _GUARDED = True
    return True
