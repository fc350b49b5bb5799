"""Where each installed content version lives (helper A1's module; this is a stub with only
``folder_for``, for the content record's what-changed list, replaced at merge by A1's)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from wizard import paths


def folder_for(content_id: str, version: str) -> Optional[Path]:
    """The folder of content ``content_id`` at ``version`` if it is installed (the built-in
    content included), else None."""
    from wizard.core.yamlsource import load_yaml  # the stub reads one small file on demand

    folder = paths.questionnaires_dir()
    try:
        manifest = load_yaml(folder / "content.yaml")
    except Exception:  # noqa: BLE001 - no readable manifest: nothing is installed here
        return None
    if isinstance(manifest, dict) and (manifest.get("id"), str(manifest.get("version"))) \
            == (content_id, version):
        return folder
    return None
