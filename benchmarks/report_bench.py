"""Report speed: the full bilingual PDF of the largest example against a bare QTextDocument
printing the same HTML to PDF (so the ratio is what our pipeline adds: templates, the chart,
fonts, footers), the Word report and the Excel tracker of the same example against our own
PDF of it (measured in the same run), plus the HTML and CSV export times.

Run alone: ``python benchmarks/report_bench.py`` (prints the rows, exits 1 if a target is
missed); ``benchmarks/run.py`` imports ``measure()``. Same process, medians, runs interleaved.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import row  # noqa: E402

PDF_TARGET = 1.5        # ours / bare QTextDocument print
DOCX_TARGET = 1.5       # bilingual Word report / our bilingual PDF
XLSX_TARGET = 0.5       # bilingual Excel tracker / our bilingual PDF
HTML_TARGET = 0.5       # seconds, absolute
CSV_TARGET = 0.05       # seconds, absolute


def largest_case():
    """(name, report data, content) of the largest example; without examples, a full
    assessment of the built-in packs; without those, the small test packs."""
    from wizard import paths
    from wizard.core.assessment import load_assessment, new_assessment
    from wizard.core.content import load_content
    from wizard.core.engine import evaluate
    from wizard.core.errors import WizardError

    examples = sorted(paths.examples_dir().glob("*.json"), key=lambda p: p.stat().st_size)
    try:
        content = load_content()
        if examples:
            loaded = load_assessment(examples[-1], content)
            return examples[-1].name, evaluate(content, loaded.assessment, loaded.dropped), \
                content
        from synthetic import full_answers

        assessment = new_assessment(content, "both")
        assessment.answers = full_answers(content)
        assessment.meta.company = "Benchmark Co., Ltd."
        return "full answers, built-in packs", evaluate(content, assessment), content
    except WizardError:
        content = load_content(HERE.parent / "tests" / "fixtures" / "mini")
        assessment = new_assessment(content, "both")
        assessment.answers = {"profile.activities": ["chips"], "profile.customer_hq": ["CN"],
                              "chips.sells": "yes", "profile.screening": "no"}
        return "mini test packs", evaluate(content, assessment), content


def _bare_pdf(html: str) -> bytes:
    """The baseline: Qt's own QTextDocument.print_ of the same HTML, nothing else."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc = QTextDocument()
    doc.setHtml(html)
    doc.print_(writer)
    del writer
    buffer.close()
    return bytes(data.data())


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(quick: bool = False) -> list[dict]:
    from wizard.report import chart, export, pdf, templating
    from wizard.report.view import report_context

    pdf.ensure_app()
    name, report, content = largest_case()
    lang = "both"
    rows_ = chart.chart_rows(report)
    info = pdf.ChartImage(pdf.CHART_URL, chart.WIDTH, chart.height(rows_, lang))
    qt_html = templating.render("report.html", lang, **report_context(
        report, lang, target="qt", content=content, chart=info))

    def ours() -> bytes:
        return export.render(report, "pdf", lang, content=content)

    def baseline() -> bytes:
        return _bare_pdf(qt_html)

    def word() -> bytes:
        return export.render(report, "docx", lang, content=content)

    def excel() -> bytes:
        return export.render(report, "xlsx", lang, content=content)

    ours(), baseline(), word(), excel()  # warm up: fonts, templates, Babel data, imports
    runs = 3 if quick else 7
    ours_times, base_times, word_times, excel_times = [], [], [], []
    for _ in range(runs):  # interleaved, so machine noise hits all alike
        ours_times.append(_median(ours, 1))
        base_times.append(_median(baseline, 1))
        word_times.append(_median(word, 1))
        excel_times.append(_median(excel, 1))
    docx_size, xlsx_size = len(word()), len(excel())
    html_time = _median(lambda: export.render(report, "html", lang, content=content), runs)
    csv_time = _median(lambda: export.render(report, "csv", lang), runs * 3)
    with tempfile.TemporaryDirectory() as folder:
        pages = pdf.write_pdf(report, lang, Path(folder) / "r.pdf", content=content)
        size = pages.stat().st_size
    label = f"{name}: {len(report.findings)} findings, {len(report.actions)} actions"
    return [
        row(f"report: bilingual PDF ({label}, {size // 1024} KB) vs bare QTextDocument print",
            statistics.median(ours_times), statistics.median(base_times), PDF_TARGET),
        row(f"report: bilingual Word report (DOCX, {docx_size // 1024} KB) vs our bilingual PDF",
            statistics.median(word_times), statistics.median(ours_times), DOCX_TARGET),
        row(f"report: bilingual Excel tracker (XLSX, {xlsx_size // 1024} KB) vs our bilingual PDF",
            statistics.median(excel_times), statistics.median(ours_times), XLSX_TARGET),
        row("report: bilingual HTML export", html_time, None, HTML_TARGET, kind="absolute"),
        row("report: action plan CSV export", csv_time, None, CSV_TARGET, kind="absolute"),
    ]


def main() -> int:
    results = measure(quick="--quick" in sys.argv)
    for r in results:
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else "-"
        base = f"{r['baseline'] * 1000:.0f} ms" if r["baseline"] else "-"
        target = (f"<= {r['target']:g}x" if r["kind"] == "ratio"
                  else f"<= {r['target'] * 1000:.0f} ms")
        print(f"{r['metric']}: ours {r['ours'] * 1000:.0f} ms, baseline {base}, ratio {ratio}, "
              f"target {target}: {'pass' if r['passed'] else 'FAIL'}")
    return 0 if all(r["passed"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
