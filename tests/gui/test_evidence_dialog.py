"""The evidence dialog of a question and of a plan action: attach, add a reference, open,
remove (the stored file goes only when the assessment is saved without it), missing and
altered files shown; screenshots at 800x600 and 1366x768 in Korean and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import A100, answer_all
from wizard.core.evidence import folder_for
from wizard.ui import evidence_dialog
from wizard.ui.evidence_dialog import EvidenceDialog
from wizard.ui.readiness_wizard import PageId

KEY = "question:chips.sells"

def _edit(path, data: bytes) -> None:
    """Someone edits a stored copy (stored read-only, as a careful user would find it)."""
    path.chmod(0o600)
    path.write_bytes(data)



@pytest.fixture
def saved(make_window, tmp_path, dialogs):
    """A window whose assessment is saved as tmp_path/acme.aitr.json."""
    window = make_window()
    answer_all(window, A100)
    path = tmp_path / "acme.aitr.json"
    dialogs.save_paths.append(str(path))
    assert window.files.save_as()
    return window, path


def _memo(tmp_path: Path, name: str = "classification memo.pdf", data: bytes = b"%PDF memo"):
    source = tmp_path / "outside" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    return source


def _cells(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_attach_reference_open_and_remove(saved, tmp_path, dialogs, monkeypatch, qtbot):
    window, path = saved
    session = window.session
    dialog = EvidenceDialog(session, KEY, "Evidence for the question", window)
    qtbot.addWidget(dialog)
    assert dialog.table.isHidden() and "No evidence yet" in dialog.info.text()

    source = _memo(tmp_path)
    dialogs.open_paths += [str(source), str(source)]
    dialog.attach_button.click()
    dialog.attach_button.click()                     # the same file twice: stored once
    rows = _cells(dialog)
    assert [r[1] for r in rows] == ["classification memo.pdf"] * 2
    assert rows[0][2] == "9 B" and rows[0][5] == "present" and rows[0][4].endswith("\u2026")
    stored = list(folder_for(path).iterdir())
    assert len(stored) == 1 and stored[0].suffix == ".pdf"
    assert stored[0].read_bytes() == b"%PDF memo" and source.exists()   # a copy
    assert session.modified

    opened = []
    monkeypatch.setattr(evidence_dialog, "open_file", lambda p: opened.append(p) or True)
    dialog.select(1)
    dialog.open_button.click()
    assert opened == [stored[0]]

    monkeypatch.setattr(evidence_dialog.ReferenceDialog, "exec", _fill_reference)
    dialog.reference_button.click()
    assert _cells(dialog)[2][1] == "Reference: CM-2026-014\nbinder 3"
    assert _cells(dialog)[2][5] == "reference"
    dialog.select(3)
    assert not dialog.open_button.isEnabled()        # a reference has no file to open

    dialogs.question_answers += [pytest.importorskip("PySide6.QtWidgets").QMessageBox
                                 .StandardButton.Yes] * 2
    dialog.select(1)
    dialog.remove_button.click()
    dialog.select(1)
    dialog.remove_button.click()
    assert [r[1] for r in _cells(dialog)] == ["Reference: CM-2026-014\nbinder 3"]
    assert stored[0].exists()                        # not before the save
    assert window.files.save()
    assert not stored[0].exists()                    # saved without it: deleted


def _fill_reference(self):
    self.reference.setText("CM-2026-014")
    self.note.setText("binder 3")
    return evidence_dialog.QDialog.DialogCode.Accepted


def test_missing_and_altered_are_shown_never_fatal(saved, tmp_path, dialogs, qtbot):
    window, path = saved
    session = window.session
    session.attach_evidence(KEY, _memo(tmp_path, "a.pdf", b"one"))
    session.attach_evidence(KEY, _memo(tmp_path, "b.xlsx", b"two"))
    assert window.files.save()
    folder = folder_for(path)
    (folder / session.evidence(KEY)[0].stored_name()).unlink()
    _edit(folder / session.evidence(KEY)[1].stored_name(), b"TWO")
    dialog = EvidenceDialog(session, KEY, "Evidence", window)
    qtbot.addWidget(dialog)
    assert [r[5] for r in _cells(dialog)] == ["missing", "altered"]
    assert "1 missing, 1 altered" in dialog.info.text()
    dialog.select(1)
    dialog.open_button.click()
    assert "is not in" in dialogs.texts("warning")[-1]
    report = session.report()
    assert [e.status for e in report.evidence] == ["missing", "altered"]


def test_unsaved_assessment_takes_references_only(make_window, qtbot, dialogs):
    window = make_window()
    dialog = EvidenceDialog(window.session, KEY, "Evidence", window)
    qtbot.addWidget(dialog)
    assert not dialog.attach_button.isEnabled()
    assert "Save the assessment first" in dialog.info.text()


def test_save_as_takes_the_files_along(saved, tmp_path, dialogs):
    window, path = saved
    window.session.attach_evidence(KEY, _memo(tmp_path))
    other = tmp_path / "elsewhere" / "copy.aitr.json"
    other.parent.mkdir()
    dialogs.save_paths.append(str(other))
    assert window.files.save_as()
    assert [e.status for e in window.session.checked_evidence(KEY)] == ["present"]
    assert len(list(folder_for(other).iterdir())) == 1
    assert len(list(folder_for(path).iterdir())) == 1          # the old folder stays


def test_question_button_and_plan_column_count(saved, tmp_path, monkeypatch):
    window, _path = saved
    session = window.session
    session.attach_evidence(KEY, _memo(tmp_path))
    assert window.wizard.go_to(PageId.RESULTS)
    page = window.wizard.currentPage()
    model = page.plan_model
    from wizard.ui.results.plan import EVIDENCE

    action = model.action_id(0)
    session.add_reference(f"action:{action}", "DOC-1")
    shown = []
    monkeypatch.setattr(EvidenceDialog, "exec", lambda self: shown.append(self.key) or 0)
    page.plan.evidence_requested.emit(action)
    assert shown == [f"action:{action}"]
    assert model.data(model.index(0, EVIDENCE)) == "1"
    for page_id in range(window.wizard.currentId()):
        page = window.wizard.page(page_id)
        blocks = getattr(page, "blocks", {})
        if "chips.sells" in blocks:
            block = blocks["chips.sells"]
            block.load()
            assert block.evidence_button.text() == "Evidence (1)"
            block.evidence_button.click()
            assert shown[-1] == KEY
            return
    pytest.fail("no block for chips.sells")


@pytest.mark.parametrize("mode", ["en", "ko", "both"])
@pytest.mark.parametrize("size", [(800, 600), (1366, 768)])
def test_screenshots(saved, tmp_path, mode, size, qtbot, screenshots_dir):
    from wizard.ui import lang

    window, path = saved
    lang.set_mode(mode)
    session = window.session
    name = "\uc218\ucd9c\ud1b5\uc81c memo classification memo.pdf"
    session.attach_evidence(KEY, _memo(tmp_path, name), "signed by the compliance officer")
    session.attach_evidence(KEY, _memo(tmp_path, "screening-log-2026.xlsx", b"x" * 50_000))
    session.add_reference(KEY, "CM-2026-014, compliance binder 3", "original in the safe")
    _edit(folder_for(path) / session.evidence(KEY)[1].stored_name(), b"changed")
    window.resize(*size)
    dialog = EvidenceDialog(session, KEY, lang.tr(evidence_dialog.QUESTION_HEAD,
                                                  text=lang.pick(session.content.questions[
                                                      "chips.sells"].question.text, " / ")),
                            window)
    qtbot.addWidget(dialog)
    dialog.resize(min(760, size[0] - 40), min(420, size[1] - 80))
    dialog.show()
    qtbot.waitExposed(dialog)
    for _ in range(3):
        QApplication.processEvents()
    name = f"helperb-evidence-{mode}-{size[0]}x{size[1]}"
    assert dialog.grab().save(str(screenshots_dir / f"{name}.png"))
    assert dialog.grab().save(f"/tmp/{name}.png")
    # nothing cut: every button's text fits it
    for button in (dialog.attach_button, dialog.reference_button, dialog.open_button,
                   dialog.remove_button):
        assert button.width() >= button.sizeHint().width() - 2, button.text()
    # the window itself with the question's evidence button
    assert window.wizard.go_to(PageId.RESULTS)
    window.wizard.currentPage().tabs.setCurrentIndex(3)
    for _ in range(3):
        QApplication.processEvents()
    window.grab().save(f"/tmp/helperb-plan-{mode}-{size[0]}x{size[1]}.png")
    # the question with its Evidence (3) button beside the note
    section = next(pid for key, pid in window.wizard.sections.items() if key[0] == "chips")
    assert window.wizard.go_to(section)
    block = window.wizard.currentPage().blocks["chips.sells"]
    for _ in range(3):
        QApplication.processEvents()
    label = {"ko": "\uc99d\ube59\uc790\ub8cc(3)", "en": "Evidence (3)",
             "both": "\uc99d\ube59\uc790\ub8cc(3)\nEvidence (3)"}[mode]
    assert block.evidence_button.text() == label
    assert block.evidence_button.width() >= block.evidence_button.sizeHint().width()
    window.grab().save(f"/tmp/helperb-question-{mode}-{size[0]}x{size[1]}.png")
