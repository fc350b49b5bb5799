"""Build hook: copy the questionnaire packs into the wheel (``wizard/_data/questionnaires``) and
compile the gettext catalogs (``translations/<lang>/LC_MESSAGES/*.po``) into
``wizard/_data/translations/<lang>/LC_MESSAGES/*.mo``, so an installed program finds the same
data as a source checkout (see ``wizard/paths.py``).

Everything else in ``translations/`` (``countries.json``, the country names) is copied as it is.
Of the catalogs, only the compiled ``.mo`` files go into the wheel: ``wizard.i18n`` prefers a ``.mo`` unless a
``.po`` beside it is newer, and installers do not keep file times, so shipping both could make
an installed program parse the ``.po`` files instead. Compiled files are build output and never
committed (``.gitignore``); the PyInstaller spec compiles its own copy the same way.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def compile_catalogs(source: Path, target: Path) -> list[Path]:
    """Compile every ``source/<lang>/LC_MESSAGES/*.po`` to ``target/<lang>/LC_MESSAGES/*.mo``
    (fuzzy entries left out, as gettext does); returns the files written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        lang = po.parent.parent.name
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        mo = target / lang / "LC_MESSAGES" / po.with_suffix(".mo").name
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as fh:
            write_mo(fh, catalog)
        written.append(mo)
    if not written:
        raise SystemExit(f"setup.py: no gettext catalogs (*.po) under {source}")
    return written


class BuildWithData(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "wizard" / "_data"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "questionnaires", target / "questionnaires",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))
        shutil.copytree(ROOT / "translations", target / "translations",
                        ignore=shutil.ignore_patterns("*.po", "*.pot", "*.mo", ".*"))
        compile_catalogs(ROOT / "translations", target / "translations")


setup(cmdclass={"build_py": BuildWithData})
