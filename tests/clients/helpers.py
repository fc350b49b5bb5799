"""A client folder made of the examples (and bad files), and content that changed since."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from tests.conftest import BUILTIN, EXAMPLES

# The examples used as clients (file name -> company as the file records it).
CLIENTS = ("hbm_packager.json", "gpu_cloud_reseller.json", "data_business.json",
           "fabless_chip_designer.json")
# prog_embargoed_customers: a condition that fires for every client selling to China
EMBARGO_WHEN = ("when: \"customer_countries has @embargoed or occupied_regions == 'yes' or "
                "cloud.embargoed_users == 'yes' or api.serves_embargoed == 'yes'\"")
CHINA_WHEN = "when: \"customer_countries has 'CN' or occupied_regions == 'yes'\""
AFFILIATES_END = ("          en: \"No extension found (checked 2026-12-03). Confirm with counsel "
                  "whether an extension was published.\"\n")


def client_folder(tmp_path: Path, bad: bool = True) -> Path:
    """Four example clients; with ``bad``, also a damaged file, other JSON, a file of another
    format, a file from a newer program, a backup and a temporary file."""
    folder = tmp_path / "clients"
    folder.mkdir()
    for name in CLIENTS:
        shutil.copy2(EXAMPLES / name, folder / name)
    data = json.loads((EXAMPLES / "hbm_packager.json").read_text(encoding="utf-8"))
    if bad:
        (folder / "damaged.json").write_text('{"format": "ai-trade-readiness-assessment", ',
                                             encoding="utf-8")
        (folder / "package.json").write_text('{"name": "left-pad", "version": "1.3.0"}',
                                             encoding="utf-8")
        (folder / "notes.json").write_bytes(b"\xff\xfe not text")
        newer = dict(data, schema_version=99)
        (folder / "from_2030.json").write_text(json.dumps(newer), encoding="utf-8")
        (folder / "hbm_packager.json.bak").write_text("{}", encoding="utf-8")
        (folder / ".hbm_packager.json.1a2b.tmp").write_text("{", encoding="utf-8")
        (folder / "sub").mkdir()
        shutil.copy2(EXAMPLES / "system_integrator.json", folder / "sub" / "deep.json")
    return folder


def changed_content(tmp_path: Path, *, finding: bool = True, suspension: bool = True) -> Path:
    """The built-in content with prog_embargoed_customers firing for customers in China
    (``finding``) and the Affiliates Rule suspended again from 2027-01-15 (``suspension``)."""
    folder = tmp_path / "new-content"
    shutil.copytree(BUILTIN, folder)
    if finding:
        profile = folder / "profile.yaml"
        text = profile.read_text(encoding="utf-8")
        assert EMBARGO_WHEN in text
        profile.write_text(text.replace(EMBARGO_WHEN, CHINA_WHEN), encoding="utf-8")
    if suspension:
        rules = folder / "rules.yaml"
        text = rules.read_text(encoding="utf-8")
        assert AFFILIATES_END in text
        rules.write_text(text.replace(AFFILIATES_END, AFFILIATES_END + (
            "      - date: 2027-01-15\n        event: suspended\n        until: 2028-01-14\n"),
            1), encoding="utf-8")
    return folder


def fingerprint(folder: Path) -> dict:
    """Every file under ``folder`` with its size, modification time and SHA-256."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns,
                                         hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}
