"""Help > Content updates in the real wizard: the installed versions, installing from a file
(asking before an unsigned bundle), choosing the version in use, trusting a key; screenshots
at 800x600 and 1366x768 in Korean and English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import BUILTIN
from tests.content_updates.conftest import NEW_VERSION, members, signed
from tests.gui.conftest import Dialogs

SB = QMessageBox.StandardButton


@pytest.fixture
def recorded(monkeypatch) -> Dialogs:
    recorder = Dialogs()
    recorder.install(monkeypatch)
    return recorder


@pytest.fixture(autouse=True)
def english_ui(monkeypatch, qapp):
    from wizard.ui import app as ui_app
    from wizard.ui import lang

    monkeypatch.setattr(lang, "system_mode", lambda: "en")
    ui_app.application()
    lang.set_mode("en")
    yield
    lang.set_mode("en")


def _dialog(qtbot, loaded=None):
    from wizard.ui.content_dialog import ContentDialog

    dialog = ContentDialog(loaded)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _cells(dialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_the_menu_opens_the_dialog(qtbot, store, recorded, tmp_path, monkeypatch):
    from wizard.ui import app as ui_app
    from wizard.ui import content_dialog

    shown = []
    monkeypatch.setattr(content_dialog.ContentDialog, "exec", lambda self: shown.append(self))
    config = tmp_path / "config"
    config.mkdir()
    window = ui_app.create_window(config)
    qtbot.addWidget(window)
    assert window.startup(None, str(BUILTIN))
    titles = [a.text() for a in window.help_menu.actions()]
    assert "Content &updates..." in titles
    window.content_action.trigger()
    assert shown and _cells(shown[0])[0][1] == "2026.12.03"


def test_install_use_and_trust_from_the_dialog(qtbot, store, recorded, good_bundle,
                                               keypair, other_keypair, tmp_path):
    from wizard.core.content import load_content

    dialog = _dialog(qtbot, load_content(BUILTIN))
    assert _cells(dialog) == [["\u2714", "2026.12.03", "2026-12-03", "AI Trade Readiness",
                               "verified (built-in)"]]
    assert not dialog.use_button.isEnabled()

    recorded.open_paths.append(str(good_bundle))
    dialog.install_button.click()
    kind, _title, text = recorded.calls[-1]
    assert kind == "information" and f"Content us-ai-trade-rules {NEW_VERSION}" in text
    assert "In force -> Suspended" in text and "next start" in text
    rows = _cells(dialog)
    assert [r[1] for r in rows] == ["2026.12.03", NEW_VERSION]
    assert rows[1][0] == "\u2714" and rows[1][4] == "verified"
    assert "In use from the next start" in dialog.state.text()

    dialog.table.selectRow(0)
    assert dialog.use_button.isEnabled()
    dialog.use_button.click()
    assert store.active_folder() == store.builtin_folder()
    assert _cells(dialog)[0][0] == "\u2714"
    assert "next start" not in dialog.state.text()

    # an unsigned bundle: asked first; No installs nothing, Yes installs it marked
    unsigned = tmp_path / "unsigned.aitr-content"
    files = members(good_bundle)
    files["content.yaml"] = files["content.yaml"].replace(NEW_VERSION.encode(), b"2099.05.01")
    unsigned.write_bytes(signed(files, keypair, sign=False, manifest={"version": "2099.05.01"}))
    before = store.installed()
    recorded.open_paths.append(str(unsigned))
    recorded.question_answers.append(SB.No)
    dialog.install_button.click()
    assert recorded.calls[-1][0] == "question" and "unverified content" in recorded.calls[-1][2]
    assert store.installed() == before
    recorded.open_paths.append(str(unsigned))
    recorded.question_answers.append(SB.Yes)
    dialog.install_button.click()
    assert _cells(dialog)[-1][1:] == ["2099.05.01", "2026-12-03", "AI Trade Readiness",
                                      "unverified"]

    # a refused bundle says why and changes nothing
    broken = tmp_path / "broken.aitr-content"
    broken.write_bytes(b"PK\x03\x04 not really")
    recorded.open_paths.append(str(broken))
    dialog.install_button.click()
    kind, title, text = recorded.calls[-1]
    assert kind == "warning" and title == "The bundle was not installed"
    assert "damaged" in text and len(_cells(dialog)) == 3

    key = tmp_path / "other.pub"
    key.write_bytes(other_keypair.public_pem)
    recorded.open_paths.append(str(key))
    dialog.trust_button.click()
    from wizard.core import signing

    assert signing.spaced(other_keypair.key_id) in recorded.calls[-1][2]
    assert other_keypair.key_id in store.trusted_keys()


@pytest.mark.parametrize("mode", ["ko", "en"])
@pytest.mark.parametrize("size", [(800, 600), (1366, 768)])
def test_screenshots(qtbot, store, recorded, good_bundle, keypair, tmp_path, mode, size,
                     screenshots_dir):
    from wizard.core.content import load_content
    from wizard.ui import lang

    store.install(good_bundle)
    files = members(good_bundle)
    files["content.yaml"] = files["content.yaml"].replace(NEW_VERSION.encode(), b"2099.05.01")
    unsigned = tmp_path / "unsigned.aitr-content"
    unsigned.write_bytes(signed(files, keypair, sign=False, manifest={"version": "2099.05.01"}))
    store.install(unsigned, allow_unsigned=True, activate=False)
    lang.set_mode(mode)
    dialog = _dialog(qtbot, load_content(BUILTIN))
    dialog.resize(*size)
    for _ in range(3):
        QApplication.processEvents()
    image = dialog.grab().toImage()
    path = screenshots_dir / f"content-updates-{mode}-{size[0]}x{size[1]}.png"
    assert image.save(str(path))
    if mode == "ko":
        assert dialog.install_button.text().startswith("파일에서 설치")
        assert "검증되지 않음" in _cells(dialog)[-1][4]
    for button in (dialog.install_button, dialog.use_button, dialog.trust_button):
        assert button.width() >= button.sizeHint().width(), button.text()
    header = dialog.table.horizontalHeader()
    assert sum(header.sectionSize(i) for i in range(header.count())) <= \
        dialog.table.viewport().width() + 1, "the table needs a horizontal scroll bar"


def test_the_welcome_page_says_when_the_content_in_use_is_unverified(
        qtbot, store, recorded, good_bundle, keypair, tmp_path):
    from PySide6.QtWidgets import QLabel

    from wizard.ui import app as ui_app

    files = members(good_bundle)
    files["content.yaml"] = files["content.yaml"].replace(NEW_VERSION.encode(), b"2099.05.01")
    unsigned = tmp_path / "unsigned.aitr-content"
    unsigned.write_bytes(signed(files, keypair, sign=False, manifest={"version": "2099.05.01"}))

    def welcome_text(packs) -> str:
        config = tmp_path / f"config-{packs is None}"
        config.mkdir(exist_ok=True)
        window = ui_app.create_window(config)
        qtbot.addWidget(window)
        assert window.startup(None, packs)
        return window.findChild(QLabel, "welcomeText").text()

    assert "Unverified content" not in welcome_text(str(BUILTIN))
    store.install(unsigned, allow_unsigned=True)
    assert "Unverified content" in welcome_text(None)    # the content in use, by default
