"""Shared set-up of the report tests: the cases every format is rendered for (a hand-built
assessment on the small test packs, and every examples/*.json on the built-in packs once that
folder has files), hostile text, and the poppler tools that read the PDFs back."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest

from tests.conftest import EXAMPLES, MINI

HOSTILE = "<script>alert(1)</script> {{ 7*7 }}"
HAVE_POPPLER = shutil.which("pdftotext") is not None
needs_poppler = pytest.mark.skipif(
    not HAVE_POPPLER, reason="pdftotext (poppler-utils) is not installed: apt-get install "
                             "poppler-utils to read the PDFs back")

MINI_ASSESSMENT = {
    "format": "ai-trade-readiness-assessment", "schema_version": 1,
    "packs": {"profile": "1.0.0", "chips": "1.0.0"},
    "meta": {"company": "Hanbit Semiconductor", "assessor": "Kim", "date": "2026-11-23",
             "language": "ko"},
    "answers": {"profile.activities": ["chips"], "profile.customer_hq": ["CN", "SG"],
                "profile.staff": 42, "profile.screening": "no", "profile.training": "sometimes",
                "chips.sells": "yes", "chips.tops": 312, "chips.bits": 16,
                "chips.die_area": 826, "chips.kyc": "unsure"},
    "notes": {"chips.kyc": "Ask the distributor", "profile.screening": "Planned for Q1"},
    "plan": {"apply_licence": {"owner": "Lee (CFO)", "due": "2026-12-31",
                               "status": "in_progress", "comment": "Draft ready"},
             "watch_bill": {"owner": "", "due": "", "status": "done", "comment": ""}},
}


@pytest.fixture(autouse=True, scope="session")
def _widgets_application(qapp):
    """A QApplication before any PDF code runs: the PDF code would otherwise create a bare
    QGuiApplication, and wizard tests run later in the same process need widgets."""
    return qapp


@dataclass(frozen=True)
class Case:
    name: str
    assessment: Optional[Path]  # None: the hand-built MINI_ASSESSMENT
    packs: Optional[Path]  # None: the built-in packs


def cases() -> list[Case]:
    """The mini case, plus one per examples/*.json (evaluated on the built-in packs)."""
    found = [Case("mini", None, MINI)]
    if EXAMPLES.is_dir():
        found += [Case(p.stem, p, None) for p in sorted(EXAMPLES.glob("*.json"))]
    return found


CASES = cases()


@pytest.fixture(scope="session")
def mini_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mini-case")
    return write_assessment(folder, MINI_ASSESSMENT, "mini.json")


@pytest.fixture(scope="session", params=CASES, ids=[c.name for c in CASES])
def case(request) -> Case:
    return request.param


@pytest.fixture(scope="session")
def prepared_cache():
    return {}


@pytest.fixture
def prepared(case, prepared_cache, mini_file):
    from wizard.report.common import prepare

    if case.name not in prepared_cache:
        prepared_cache[case.name] = prepare(case.assessment or mini_file, case.packs)
    return prepared_cache[case.name]


@pytest.fixture(scope="session")
def mini_prepared(mini_file):
    from wizard.report.common import prepare

    return prepare(mini_file, MINI)


def write_assessment(folder: Path, data: dict, name: str = "a.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def pdf_text(path: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, check=True).stdout.decode("utf-8")


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True,
                         text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines()
                    if line.startswith("Pages:")))


def pdf_fonts(path: Path) -> list[dict]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True,
                         text=True).stdout.splitlines()
    fonts = []
    for line in out[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the flags are the 5th-3rd from the end
        fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return fonts


def screenshot(pdf: Path, folder: Path, name: str, page: int = 1) -> Path:
    """PNG of one page for people to look at, in ``folder`` (the ``screenshots_dir``
    fixture: ``--screenshots DIR`` or a temporary folder)."""
    stem = Path(folder) / name
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True, capture_output=True)
    return stem.with_suffix(".png")
