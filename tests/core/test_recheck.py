"""Re-checking a client library: which clients a content change or a date change affects,
checked against two full evaluations of each client."""

from __future__ import annotations

import datetime as dt

import pytest

from wizard.core.clients import scan
from wizard.core.content import load_content
from wizard.core.engine import evaluate
from wizard.core.recheck import finding_changes, recheck_folder, recheck_scan, redefined

from tests.clients.helpers import changed_content, client_folder


@pytest.fixture(scope="module")
def old():
    return load_content()


@pytest.fixture(scope="module")
def new(tmp_path_factory, old):
    return load_content(changed_content(tmp_path_factory.mktemp("content")))


class _Shown:
    def __init__(self, f) -> None:
        self.severity, self.title, self.status, self.label = (f.severity, f.title, f.status,
                                                              f.status_label)


def _full(content, assessment, day) -> dict:
    return {f.id: _Shown(f) for f in evaluate(content, assessment, on=day).findings}


def _key(changes) -> list:
    return [(c.id, c.kind, c.before, c.after, c.before_label, c.after_label) for c in changes]


@pytest.mark.parametrize("on", [dt.date(2026, 1, 1), dt.date(2027, 2, 1), dt.date(2029, 1, 1)])
@pytest.mark.parametrize("then_given", [False, True])
def test_only_what_can_change_is_evaluated_and_it_agrees_with_full_evaluations(
        tmp_path, old, new, on, then_given):
    folder = client_folder(tmp_path, bad=False)
    found = scan(folder, new)
    result = recheck_scan(found, new, on, (lambda cid, version: old) if then_given else None)
    then = old if then_given else new
    for item in result.clients:
        assessment = item.client.loaded.assessment
        expected = finding_changes(_full(then, assessment, item.client.day),
                                   _full(new, assessment, on))
        assert _key(item.changes) == _key(expected), item.client.path.name


def test_a_rule_suspended_again_names_the_clients_it_affects(tmp_path, new):
    folder = client_folder(tmp_path)
    result = recheck_folder(folder, new, dt.date(2027, 3, 1))
    affected = {item.client.path.name: item.changes for item in result.affected}
    # the Affiliates Rule finding (in force again on the clients' date, 2026-12-03, and
    # suspended on 2027-03-01 in the new content) is in three of the four clients' results
    assert set(affected) == {"gpu_cloud_reseller.json", "data_business.json",
                             "fabless_chip_designer.json"}
    change = next(c for c in affected["data_business.json"] if c.id == "prog_affiliates_rule")
    assert (change.kind, change.before, change.after) == ("status", "in_force", "suspended")
    assert "2027" in change.after_label["en"]
    assert [u.path.name for u in result.unreadable] == sorted(
        ["damaged.json", "from_2030.json", "notes.json", "package.json"])


def test_a_changed_finding_shows_as_new_for_the_clients_it_now_reaches(tmp_path, old, new):
    folder = client_folder(tmp_path, bad=False)
    result = recheck_folder(folder, new, dt.date(2026, 12, 10), lambda cid, version: old)
    new_embargo = {item.client.path.name for item in result.clients
                   if any(c.id == "prog_embargoed_customers" and c.kind == "new"
                          for c in item.changes)}
    # the one client selling to China; the others' answers do not reach the new condition
    assert new_embargo == {"hbm_packager.json"}
    assert result.clients[0].client.path.name == "hbm_packager.json"
    assert [item.changes for item in result.clients[1:]] == [(), (), ()]


def test_most_affected_first(tmp_path, old, new):
    folder = client_folder(tmp_path, bad=False)
    result = recheck_folder(folder, new, dt.date(2027, 3, 1), lambda cid, version: old)
    weights = [item.weight for item in result.clients]
    assert weights == sorted(weights, reverse=True)
    assert result.clients[0].changes


def test_nothing_changes_on_the_clients_own_date_with_their_own_content(tmp_path, old):
    folder = client_folder(tmp_path, bad=False)
    result = recheck_folder(folder, old, dt.date(2026, 12, 3))
    assert result.affected == ()


def test_redefined_findings(old, new):
    assert redefined(old, old) == frozenset()
    assert redefined(old, new) == {"prog_embargoed_customers"}


def test_a_question_change_redefines_the_findings_that_depend_on_it(tmp_path, old):
    import shutil

    from tests.conftest import BUILTIN

    folder = tmp_path / "c"
    shutil.copytree(BUILTIN, folder)
    profile = folder / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    # the embargo finding is unchanged, but a question it reads now shows to fewer companies
    marker = "show_if: \"customer_countries has ['UA', 'RU']\""
    assert marker in text
    text = text.replace(marker, "show_if: \"customer_countries has ['UA']\"", 1)
    profile.write_text(text, encoding="utf-8")
    changed = load_content(folder)
    assert "prog_embargoed_customers" in redefined(old, changed)
