"""The export page hands the core's report data to the report formats and prints it."""

from __future__ import annotations

import json

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from tests.gui.conftest import A100, answer_all
from wizard.ui import printing
from wizard.ui.readiness_wizard import PageId


def _export_page(make_window):
    window = make_window()
    answer_all(window, A100)
    window.session.set_meta(company="Hanbit Semi")
    assert window.wizard.go_to(PageId.EXPORT)
    return window, window.wizard.currentPage()


def test_every_report_format_is_offered_pdf_first_chosen(make_window):
    _window, page = _export_page(make_window)
    assert list(page.format_buttons) == ["html", "pdf", "docx", "xlsx", "md", "csv", "json"]
    assert page.chosen_format() == "pdf"
    assert all(f"(.{fmt})" in button.text() for fmt, button in page.format_buttons.items())


def test_export_json_and_pdf(make_window, dialogs, tmp_path):
    window, page = _export_page(make_window)
    page.format_buttons["json"].setChecked(True)
    dialogs.save_paths.append(str(tmp_path / "report.json"))
    page.export_button.click()
    assert dialogs.calls[-1][0] == "save" and "Hanbit-Semi" in dialogs.calls[-1][2]
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [f["id"] for f in data["findings"]] == ["hq_licence", "no_screening",
                                                   "remote_access_watch"]
    assert str(tmp_path / "report.json") in page.status.text()
    # choosing the same name again replaces it (the file dialog asked already)
    dialogs.save_paths.append(str(tmp_path / "report.json"))
    page.export_button.click()
    assert "warning" not in dialogs.kinds()
    page.format_buttons["pdf"].setChecked(True)
    page.language.setCurrentIndex(page.language.findData("ko"))
    dialogs.save_paths.append(str(tmp_path / "report"))
    page.export_button.click()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_cancelled_export_writes_nothing(make_window, dialogs, tmp_path):
    _window, page = _export_page(make_window)
    page.export_button.click()                       # the dialog returns no path
    assert list(tmp_path.glob("*.json")) == []
    assert page.status.text() == ""


def test_markdown_export_and_printed_document_carry_the_findings(make_window, tmp_path):
    window = make_window()
    answer_all(window, A100)
    printing.write(window.session.report(), "md", "en", tmp_path / "r.md")
    assert "Headquarters rule" in (tmp_path / "r.md").read_text(encoding="utf-8")
    document = printing.build_document(window.session.report(), "ko")
    text = document.toPlainText().replace("\u2060", "")  # word joiners keep citations whole
    assert "15 CFR 744.23(a)(3)" in text


def test_print_preview_paints_the_report(make_window, monkeypatch, tmp_path):
    _window, page = _export_page(make_window)
    out = tmp_path / "preview.pdf"
    shown = []

    def fake_exec(dialog):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        shown.append(dialog)
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    page.preview_button.click()
    assert shown and out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_size > 2000
