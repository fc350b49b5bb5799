"""Build hook: copy the questionnaire packs and the translations into the wheel
(``wizard/_data/``) and compile the gettext catalogs (.po -> .mo) on the way, so an installed
program finds the same data as a source checkout (see ``wizard/paths.py``)."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithData(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "wizard" / "_data"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "questionnaires", target / "questionnaires")
        shutil.copytree(ROOT / "translations", target / "translations",
                        ignore=shutil.ignore_patterns("*.mo"))
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in (target / "translations").glob("*/LC_MESSAGES/*.po"):
            with po.open("rb") as fh:
                catalog = read_po(fh, locale=po.parent.parent.name)
            with po.with_suffix(".mo").open("wb") as fh:
                write_mo(fh, catalog)


setup(cmdclass={"build_py": BuildWithData})
