"""``readiness-wizard clients``: the list, the re-check summary, refusals and exit codes."""

from __future__ import annotations

import pytest

import csv
import io

from tests.cli.test_cli import _no_traceback, run
from tests.clients.helpers import changed_content, client_folder, fingerprint


pytestmark = pytest.mark.slow  # re-checks folders of clients through the command line

def test_the_list_prints_every_client_and_says_which_files_it_could_not_read(tmp_path):
    folder = client_folder(tmp_path)
    before = fingerprint(folder)
    result = run("clients", folder, "--on", "2026-12-13", "--sort", "overdue")
    _no_traceback(result)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["Company", "Date"]
    assert "Seorin Packaging" in lines[1]          # two overdue actions on 2026-12-13
    assert "Readiness" in lines[0] and "Overdue" in lines[0]
    assert "readiness" in lines[2]                 # the areas' figures under each client
    assert "4 files could not be read" in result.stderr
    assert "from_2030.json" in result.stderr and "newer version" in result.stderr
    assert fingerprint(folder) == before


def test_the_list_in_korean(tmp_path):
    folder = client_folder(tmp_path, bad=False)
    result = run("clients", folder, lang="ko_KR.UTF-8")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0]
    assert "회사명" in header and "Company" not in header


def test_recheck_names_the_affected_clients(tmp_path):
    folder = client_folder(tmp_path)
    before = fingerprint(folder)
    packs = changed_content(tmp_path, finding=False)
    result = run("clients", folder, "--recheck", "--packs", packs, "--on", "2027-03-01")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "3 clients affected" in result.stderr
    assert "Daon Data Works" in out and "In force" in out and "Suspended" in out
    assert out.index("Daon Data Works") < out.index("Seorin Packaging")   # affected first
    assert fingerprint(folder) == before


def test_recheck_writes_html_pdf_and_csv_and_never_replaces_without_force(tmp_path):
    folder = client_folder(tmp_path)
    before = fingerprint(folder)
    packs = changed_content(tmp_path, finding=False)
    out = tmp_path / "out"
    out.mkdir()
    for name in ("summary.html", "summary.pdf", "summary.csv"):
        result = run("clients", folder, "--recheck", "--packs", packs, "--on", "2027-03-01",
                     "--lang", "ko", "-o", out / name)
        assert result.returncode == 0, result.stderr
    html = (out / "summary.html").read_text(encoding="utf-8")
    assert "(주)다온데이터웍스" in html and "damaged.json" in html
    assert (out / "summary.pdf").read_bytes().startswith(b"%PDF")
    rows = list(csv.reader(io.StringIO((out / "summary.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "회사명" and len(rows) == 1 + 4
    assert sum(1 for row in rows[1:] if row[6] != "0") == 3       # status changes
    # a second run refuses to replace, and says how
    again = run("clients", folder, "--recheck", "--packs", packs, "-o", out / "summary.pdf")
    assert again.returncode == 2 and "--force" in again.stderr
    forced = run("clients", folder, "--recheck", "--packs", packs, "-o", out / "summary.pdf",
                 "--force")
    assert forced.returncode == 0, forced.stderr
    assert fingerprint(folder) == before


def test_the_list_as_csv(tmp_path):
    folder = client_folder(tmp_path, bad=False)
    out = tmp_path / "list.csv"
    result = run("clients", folder, "-o", out, "--on", "2026-12-13", "--sort", "company")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Company", "Assessor", "File"]
    assert any(h.endswith(": readiness") for h in rows[0])
    assert len(rows) == 5


def test_refusals(tmp_path):
    folder = client_folder(tmp_path, bad=False)
    missing = run("clients", tmp_path / "nowhere")
    assert missing.returncode == 2 and "not a folder" in missing.stderr
    _no_traceback(missing)
    html_list = run("clients", folder, "-o", tmp_path / "list.html")
    assert html_list.returncode == 2 and "--recheck" in html_list.stderr
    assert not (tmp_path / "list.html").exists()
    bad_sort = run("clients", folder, "--sort", "colour")
    assert bad_sort.returncode == 2 and "invalid choice" in bad_sort.stderr
    bad_date = run("clients", folder, "--on", "yesterday")
    assert bad_date.returncode == 2
    txt = run("clients", folder, "--recheck", "-o", tmp_path / "summary.txt")
    assert txt.returncode == 2 and not (tmp_path / "summary.txt").exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["hbm_packager.json", "gpu_cloud_reseller.json", "data_business.json",
         "fabless_chip_designer.json"])


def test_the_sort_keys_are_the_cores():
    from wizard.cli import clients_cmds
    from wizard.core import clients

    assert clients_cmds.SORT_KEYS == clients.SORT_KEYS
