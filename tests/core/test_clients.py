"""The client library: a folder of assessments read as a client list, read-only."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from wizard.core.clients import SORT_KEYS, read_library, scan, sort_standings
from wizard.core.content import load_content

from tests.clients.helpers import CLIENTS, client_folder, fingerprint
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def content():
    return load_content()


def test_good_files_are_clients_and_bad_files_are_listed_with_why(tmp_path, content):
    folder = client_folder(tmp_path)
    library = read_library(folder, content, dt.date(2026, 12, 4))
    assert sorted(s.client.path.name for s in library.standings) == sorted(CLIENTS)
    kinds = {u.path.name: u.kind for u in library.unreadable}
    assert kinds == {"damaged.json": "not_json", "notes.json": "not_json",
                     "package.json": "not_assessment", "from_2030.json": "too_new"}
    newer = next(u for u in library.unreadable if u.path.name == "from_2030.json")
    assert "from_2030.json" in newer.reason["en"] and "newer version" in newer.reason["en"]
    assert newer.reason["ko"] != newer.reason["en"]
    # backups, temporary files and subfolders are not clients
    assert not any(s.client.path.name.endswith((".bak", ".tmp")) for s in library.standings)
    assert "deep.json" not in {s.client.path.name for s in library.standings}


def test_a_client_shows_what_the_engine_computes(tmp_path, content):
    from wizard.core.assessment import load_assessment
    from wizard.core.engine import evaluate

    folder = client_folder(tmp_path, bad=False)
    on = dt.date(2026, 12, 4)
    library = read_library(folder, content, on)
    standing = next(s for s in library.standings if s.client.path.name == "hbm_packager.json")
    report = evaluate(content, load_assessment(EXAMPLES / "hbm_packager.json", content).assessment,
                      on=on)
    assert standing.client.company == report.meta["company"]
    assert standing.client.date == "2026-12-03"
    assert standing.client.content_id == "unknown"      # schema 2 files do not record it
    assert [(a.area, a.exposure, a.readiness) for a in standing.areas] == \
        [(a.id, a.exposure, a.readiness) for a in report.areas]
    assert standing.open_critical == sum(
        1 for a in report.actions if a.severity == "critical" and not a.watch_only
        and a.plan.status in ("open", "in_progress"))


def test_overdue_actions_follow_the_date(tmp_path, content):
    folder = client_folder(tmp_path, bad=False)

    def overdue(on):
        library = read_library(folder, content, on)
        return {s.client.path.name: [o.id for o in s.overdue] for s in library.standings}

    # hbm_packager's plan: hold shipments due 2026-12-05 (in progress), VEU check 2026-12-12,
    # HBM check 2026-12-31 (both open)
    assert overdue(dt.date(2026, 12, 4))["hbm_packager.json"] == []
    assert overdue(dt.date(2026, 12, 13))["hbm_packager.json"] == [
        "chips_hold_shipments", "chips_veu_licence_check"]
    assert "chips_hbm_check" in overdue(dt.date(2027, 1, 5))["hbm_packager.json"]


def test_done_actions_are_never_overdue(tmp_path, content):
    import json

    folder = client_folder(tmp_path, bad=False)
    path = folder / "hbm_packager.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for edit in data["plan"].values():
        edit["status"] = "done"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    library = read_library(folder, content, dt.date(2027, 6, 1))
    standing = next(s for s in library.standings if s.client.path.name == "hbm_packager.json")
    assert standing.overdue == () and standing.open_critical == 0


def test_sorting(tmp_path, content):
    folder = client_folder(tmp_path, bad=False)
    library = read_library(folder, content, dt.date(2027, 1, 5))
    by = {key: [s.client.path.name for s in sort_standings(library.standings, key)]
          for key in SORT_KEYS}
    standings = library.standings
    companies = [s.client.company.casefold() for s in sort_standings(standings, "company")]
    assert companies == sorted(companies)
    readiness = [s.readiness for s in sort_standings(standings, "readiness")]
    assert readiness == sorted(readiness)
    overdue = [len(s.overdue) for s in sort_standings(standings, "overdue")]
    assert overdue == sorted(overdue, reverse=True) and overdue[0] > overdue[-1]
    exposure = [s.exposure for s in sort_standings(standings, "exposure")]
    assert exposure[0] == "critical"
    assert by["company"] != by["readiness"]
    with pytest.raises(ValueError):
        sort_standings(standings, "colour")


def test_sorting_by_date_puts_the_newest_first_and_undated_last(tmp_path, content):
    import json

    folder = client_folder(tmp_path, bad=False)
    for name, day in (("data_business.json", "2025-01-02"), ("hbm_packager.json", "")):
        path = folder / name
        data = json.loads(path.read_text(encoding="utf-8"))
        data["meta"]["date"] = day
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    library = read_library(folder, content, dt.date(2027, 1, 5))
    names = [s.client.path.name for s in sort_standings(library.standings, "date")]
    assert names[-2:] == ["data_business.json", "hbm_packager.json"]


def test_nothing_in_the_folder_changes(tmp_path, content):
    from wizard.core.recheck import recheck_folder

    folder = client_folder(tmp_path)
    before = fingerprint(folder)
    read_library(folder, content, dt.date(2027, 1, 5))
    recheck_folder(folder, content, dt.date(2027, 6, 1))
    assert fingerprint(folder) == before
    assert sorted(p.name for p in folder.iterdir()) == sorted(before_names(before))


def before_names(before: dict) -> set:
    return {name.split("/")[0] for name in before}


def test_an_empty_folder_is_an_empty_list(tmp_path, content):
    found = scan(tmp_path, content)
    assert found.clients == () and found.unreadable == ()


def test_a_recorded_content_is_read_when_present():
    from types import SimpleNamespace

    from wizard.core.clients import recorded_content

    assert recorded_content(SimpleNamespace()) == ("unknown", "unknown")
    assert recorded_content(SimpleNamespace(content={"id": "x", "version": "2"})) == ("x", "2")
    record = SimpleNamespace(id="us-ai-trade-rules", version="2027.01.15")
    assert recorded_content(SimpleNamespace(content=record)) == (
        "us-ai-trade-rules", "2027.01.15")
    assert recorded_content(SimpleNamespace(content={"id": "", "version": 3})) == (
        "unknown", "unknown")


def test_one_unreadable_file_never_stops_the_rest(tmp_path, content):
    folder = tmp_path / "c"
    folder.mkdir()
    shutil.copy2(EXAMPLES / "hbm_packager.json", folder / "a.json")
    (folder / "b.json").mkdir()         # a folder named like a file
    shutil.copy2(EXAMPLES / "data_business.json", folder / "c.json")
    found = scan(folder, content)
    assert [c.path.name for c in found.clients] == ["a.json", "c.json"]
    assert [(u.path.name, u.kind) for u in found.unreadable] == [("b.json", "unreadable")]


def test_a_folder_that_cannot_be_read_is_said_so(tmp_path, content):
    from wizard.core.errors import InputError

    with pytest.raises(InputError) as caught:
        scan(tmp_path / "gone", content)
    assert "gone" in caught.value.render("en") and caught.value.exit_code == 2
    assert caught.value.render("ko") != caught.value.render("en")
