"""The user's settings file: language, recent files, last folder, window geometry.

Pure Python (no Qt): the wizard passes in the folder (Qt's ``AppConfigLocation``); the
environment variable ``READINESS_CONFIG_DIR`` overrides it, which is how tests isolate
themselves. The file is ``settings.json`` in that folder.

Loading never fails: a missing, oversized, unreadable or malformed file, or values of the
wrong type, give the defaults for what is wrong and keep what is right. Saving is atomic
(``wizard.core.storage.atomic_write``) and reports failure by returning ``False`` instead of
raising, because losing a preference must never stop the program.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from wizard.core.errors import WizardError

ENV_VAR = "READINESS_CONFIG_DIR"
FILE_NAME = "settings.json"
MAX_BYTES = 256 * 1024
MAX_RECENT = 8
MAX_PATH = 4096
MAX_GEOMETRY = 8192
LANGUAGE_MODES = ("ko", "en", "both")


@dataclass
class Settings:
    """What the program remembers between runs."""

    language: Optional[str] = None          # "ko" | "en" | "both"; None: follow the system
    recent_files: list[str] = field(default_factory=list)
    last_dir: str = ""
    geometry: str = ""                      # Qt's saveGeometry(), base64
    show_steps: bool = True                 # the steps and progress panel

    def add_recent(self, path: Union[str, Path]) -> None:
        """Put ``path`` first in the recent files (once), keeping at most ``MAX_RECENT``."""
        text = _string(str(path), MAX_PATH)
        if not text:
            return
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]

    def remove_recent(self, path: Union[str, Path]) -> None:
        self.recent_files = [p for p in self.recent_files if p != str(path)]


def config_dir(default: Union[str, Path, None] = None) -> Path:
    """The settings folder: ``$READINESS_CONFIG_DIR`` if set, else ``default``, else
    ``~/.config/ai-trade-readiness`` (the UI passes Qt's AppConfigLocation)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    if default:
        return Path(default)
    return Path.home() / ".config" / "ai-trade-readiness"


def _folder(folder: Union[str, Path, None]) -> Path:
    """The folder given, or (none given) the one ``config_dir`` chooses."""
    return Path(folder) if folder else config_dir()


def _string(value: Any, limit: int) -> Optional[str]:
    """``value`` if it is text that can be saved again (no NUL, no unpaired surrogate)."""
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return value


def from_dict(raw: Any) -> Settings:
    """Settings from parsed JSON, keeping only well-typed values."""
    settings = Settings()
    if not isinstance(raw, dict):
        return settings
    language = raw.get("language")
    if language in LANGUAGE_MODES:
        settings.language = language
    recent = raw.get("recent_files")
    if isinstance(recent, list):
        for item in recent:
            text = _string(item, MAX_PATH)
            if text and text not in settings.recent_files:
                settings.recent_files.append(text)
            if len(settings.recent_files) >= MAX_RECENT:
                break
    last_dir = _string(raw.get("last_dir"), MAX_PATH)
    if last_dir is not None:
        settings.last_dir = last_dir
    geometry = _string(raw.get("geometry"), MAX_GEOMETRY)
    if geometry is not None:
        settings.geometry = geometry
    if isinstance(raw.get("show_steps"), bool):
        settings.show_steps = raw["show_steps"]
    return settings


def load(folder: Union[str, Path, None] = None) -> Settings:
    """The saved settings, or defaults for anything missing or malformed. Never raises."""
    path = _folder(folder) / FILE_NAME
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return Settings()
        data = path.read_bytes()
        raw = json.loads(data.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return Settings()
    return from_dict(raw)


def save(settings: Settings, folder: Union[str, Path, None] = None) -> bool:
    """Write the settings atomically; ``False`` (and nothing raised) if it cannot be written."""
    from wizard.core.storage import atomic_write  # not needed to show the first page

    target = _folder(folder)
    try:
        data = json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n"
        payload = data.encode("utf-8")
        target.mkdir(parents=True, exist_ok=True)
        atomic_write(target / FILE_NAME, payload)
    except (OSError, ValueError, TypeError, WizardError):
        return False
    return True
