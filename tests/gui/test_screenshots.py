"""Screenshots of every page type in both languages (and bilingual), offscreen, into the
``screenshots_dir`` (``pytest --screenshots DIR`` keeps them to look at; by default a temporary
folder, never the repository); the test checks that the images are not blank and that Korean
is drawn with a font that has Hangul."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtGui import QColor, QFontDatabase, QFontInfo, QImage, QRawFont
from PySide6.QtWidgets import QApplication

from tests.conftest import BUILTIN, MINI, ROOT
from tests.gui.conftest import A100, answer_all, fill_everything
from wizard.ui.readiness_wizard import PageId

pytestmark = pytest.mark.slow  # walks every page of the real packs in two languages



def _distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
            if len(seen) > 50:
                return len(seen)
    return len(seen)


def _save(window, name: str, folder) -> QImage:
    for _ in range(3):                       # let pending layout requests settle
        QApplication.processEvents()
    image = window.grab().toImage()
    path = folder / f"{name}.png"
    assert image.save(str(path)), path
    assert _distinct_colours(image) > 10, f"{path} looks blank"
    return image


def _has_hangul(font) -> bool:
    family = QFontInfo(font).family()
    systems = QFontDatabase.writingSystems(family)
    raw = QRawFont.fromFont(font)
    return QFontDatabase.WritingSystem.Korean in systems and raw.supportsCharacter(0xD55C)


def _shoot_all(window, prefix: str, folder) -> list[str]:
    wizard = window.wizard
    names = []
    wizard.restart()
    while True:
        page = wizard.currentPage()
        kind = type(page).__name__.replace("Page", "").lower()
        if kind == "section":
            kind = f"section-{page.pack.id}-{page.section.id}"
            block = page.first_visible_block()
            if block is not None and block.info.question.kind != "calculator":
                block.help_button.setChecked(True)      # show the help panel once per page
        name = f"{prefix}-{len(names):02d}-{kind}"
        _save(window, name, folder)
        names.append(name)
        if wizard.currentId() == PageId.RESULTS:
            for tab in range(1, page.tabs.count()):
                page.tabs.setCurrentIndex(tab)
                _save(window, f"{name}-tab{tab}", folder)
            page.tabs.setCurrentIndex(0)
        if wizard.nextId() == -1:
            return names
        wizard.next()


@pytest.mark.parametrize("mode", ["en", "ko", "both"])
def test_screenshots_of_every_page(make_window, mode, screenshots_dir):
    window = make_window()
    window.set_language(mode)
    answer_all(window, A100)
    window.session.set_meta(company="Hanbit Semiconductor", assessor="Kim")
    window.session.set_note("chips.sells", "per price list")
    names = _shoot_all(window, f"mini-{mode}", screenshots_dir)
    assert len(names) == len(window.wizard.path())
    if mode != "en":
        page = window.wizard.page(PageId.RESULTS)
        assert _has_hangul(page.heading.font())
        assert _has_hangul(window.wizard.currentPage().heading.font())
        block = window.wizard.page(window.wizard.sections[("chips", "products")]).blocks[
            "chips.sells"]
        assert _has_hangul(block.text.font())
        assert _has_hangul(block.editor.buttons["yes"].label.font())


def test_screenshots_at_200_percent(tmp_path, screenshots_dir):
    code = textwrap.dedent("""
        import sys
        from PySide6.QtGui import QGuiApplication
        from wizard.ui import app as ui_app
        qapp = ui_app.application()
        window = ui_app.create_window(sys.argv[1])
        window.resize(640, 400)          # 1280 x 800 physical pixels at 200 %
        window.show()
        assert window.startup(None, sys.argv[2])
        window.session.set_answer("profile.activities", ["chips"])
        for lang in ("en", "ko"):
            window.set_language(lang)
            window.wizard.restart()
            for step in range(3):
                window.wizard.next()
            qapp.processEvents()
            image = window.grab().toImage()
            assert image.width() >= 1280, image.width()
            image.save(sys.argv[3] + f"/scale200-{lang}-profile.png")
        print(QGuiApplication.primaryScreen().devicePixelRatio())
        window.session.modified = False
        window.close()
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               QT_SCALE_FACTOR="2")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(MINI), str(screenshots_dir)],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("2")
    for lang in ("en", "ko"):
        image = QImage(str(screenshots_dir / f"scale200-{lang}-profile.png"))
        assert not image.isNull() and _distinct_colours(image) > 10
        assert image.pixelColor(5, 5) != QColor()


@pytest.mark.parametrize("mode", ["en", "ko"])
def test_screenshots_of_the_real_packs(make_window, mode, screenshots_dir):
    window = make_window(packs=BUILTIN)
    window.set_language(mode)
    content = window.session.content
    for qid, info in content.questions.items():
        q = info.question
        if info.pack.id == content.packs[0].id and q.kind == "multi":
            window.session.set_answer(qid, [o.id for o in q.options if o.id not in q.exclusive])
    fill_everything(window)
    window.session.set_meta(company="Hanbit Semiconductor", assessor="Kim")
    names = _shoot_all(window, f"real-{mode}", screenshots_dir)
    assert len(names) == len(window.wizard.path())
