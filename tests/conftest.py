"""Shared test set-up: headless Qt, the paths of test content, small helpers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if "READINESS_CACHE_DIR" not in os.environ:  # keep tests out of the user's cache folder
    import tempfile

    os.environ["READINESS_CACHE_DIR"] = tempfile.mkdtemp(prefix="aitr-test-cache-")
if "READINESS_DATA_DIR" not in os.environ:  # nor in the user's installed content and keys
    import tempfile

    os.environ["READINESS_DATA_DIR"] = tempfile.mkdtemp(prefix="aitr-test-data-")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
BUILTIN = ROOT / "questionnaires"
EXAMPLES = ROOT / "examples"


def pytest_addoption(parser) -> None:
    parser.addoption("--screenshots", metavar="DIR", default=None,
                     help="keep the screenshots the GUI and report tests take in DIR, to look "
                          "at them (default: a temporary folder; tests never write into the "
                          "repository)")


@pytest.fixture(scope="session")
def screenshots_dir(request, tmp_path_factory) -> Path:
    """Where tests put the screenshots they take: ``--screenshots DIR``, else a temporary
    folder."""
    chosen = request.config.getoption("--screenshots")
    if chosen:
        folder = Path(chosen)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def mini_dir(tmp_path) -> Path:
    """A writable copy of the small test packs."""
    target = tmp_path / "packs"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def mini_content():
    from wizard.core.content import load_content

    return load_content(MINI)
