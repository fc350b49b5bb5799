"""The one module that knows where the program's data files live.

Three layouts are supported, tried in this order:

* PyInstaller bundle: everything under ``sys._MEIPASS`` (``questionnaires/``, ``translations/``,
  ``wizard/...``);
* installed wheel: data copied into the package (``wizard/_data/questionnaires``, ...);
* source checkout: the repository's top-level ``questionnaires/`` and ``translations/``.

Nothing else in the program checks for ``sys._MEIPASS`` or builds data paths itself.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def _roots() -> tuple[Path, ...]:
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle))
    roots.append(PACKAGE_DIR / "_data")
    if (PACKAGE_DIR.parent / "pyproject.toml").is_file():  # a source checkout, not site-packages
        roots.append(PACKAGE_DIR.parent)
    return tuple(roots)


def _find(name: str) -> Path:
    for root in _roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    return (_roots() or (PACKAGE_DIR / "_data",))[-1] / name


def questionnaires_dir() -> Path:
    """The built-in questionnaire packs."""
    return _find("questionnaires")


def translations_dir() -> Path:
    """The gettext catalogs (``<lang>/LC_MESSAGES/wizard.po`` and compiled ``.mo``)."""
    return _find("translations")


def examples_dir() -> Path:
    """Example assessments (source checkout and bundle; may be absent in a wheel)."""
    return _find("examples")


def templates_dir() -> Path:
    """Jinja2 report templates (part of the package)."""
    return PACKAGE_DIR / "report" / "templates"


def fonts_dir() -> Path:
    """Bundled OFL fonts with Hangul and ballot-box glyphs (part of the package)."""
    return PACKAGE_DIR / "assets" / "fonts"


def cache_dir() -> Path:
    """Where the program may keep files it can always rebuild (the checked-content cache).
    ``READINESS_CACHE_DIR`` overrides it (tests, portable installs)."""

    override = os.environ.get("READINESS_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "ai-trade-readiness"


APP_NAME = "ai-trade-readiness"


def data_dir() -> Path:
    """Where the program keeps the user's own data it cannot rebuild: installed content
    bundles, the choice of content in use and the publisher keys the user trusts. The
    platform's convention (``platformdirs``: ``~/.local/share/ai-trade-readiness`` on Linux,
    ``~/Library/Application Support/ai-trade-readiness`` on macOS,
    ``%LOCALAPPDATA%\\ai-trade-readiness`` on Windows); ``READINESS_DATA_DIR`` overrides it
    (tests, portable installs)."""

    override = os.environ.get("READINESS_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # only here: most commands never need the data folder

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def publisher_keys_dir() -> Path:
    """The publisher keys shipped with the program (Ed25519 public keys, ``*.pub``): content
    bundles signed with their private halves install without further questions."""
    return PACKAGE_DIR / "assets" / "keys"
