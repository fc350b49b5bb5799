"""The Excel readers (tracker and questionnaire) take anything and either read it or refuse it
with one clear message (InputError), never a traceback: random bytes, truncations and byte
edits of a real tracker, workbooks that unpack to too much."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import MINI
from tests.report.conftest import MINI_ASSESSMENT, write_assessment
from wizard.core.errors import InputError
from wizard.report import xlsx, xlsx_read

pytestmark = pytest.mark.slow  # fuzzing: hundreds of generated inputs


@pytest.fixture(scope="module")
def tracker_bytes(tmp_path_factory) -> bytes:
    from wizard.report.common import prepare

    folder = tmp_path_factory.mktemp("fuzz-tracker")
    prepared = prepare(write_assessment(folder, MINI_ASSESSMENT), MINI)
    return xlsx.render_tracker(prepared.report, "both")


def _read_all(path):
    for reader in (xlsx_read.read_tracker, xlsx_read.read_questionnaire, xlsx_read.kind):
        try:
            reader(path)
        except InputError as exc:
            text = str(exc)
            assert str(path) in text or "!" in text
            assert "Traceback" not in text and "\n" not in text


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_edited_and_random_workbooks_read_or_refuse_with_a_message(tracker_bytes, tmp_path,
                                                                   data):
    choice = data.draw(st.sampled_from(["truncate", "flip", "random", "member"]))
    blob = bytearray(tracker_bytes)
    if choice == "truncate":
        blob = blob[: data.draw(st.integers(0, len(blob)))]
    elif choice == "flip":
        for _ in range(data.draw(st.integers(1, 20))):
            index = data.draw(st.integers(0, len(blob) - 1))
            blob[index] = data.draw(st.integers(0, 255))
    elif choice == "random":
        blob = bytearray(data.draw(st.binary(max_size=2000)))
    else:   # one member of the archive replaced by junk: a damaged sheet or part
        source = zipfile.ZipFile(io.BytesIO(tracker_bytes))
        victim = data.draw(st.sampled_from(source.namelist()))
        junk = data.draw(st.binary(max_size=300))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for name in source.namelist():
                target.writestr(name, junk if name == victim else source.read(name))
        blob = bytearray(out.getvalue())
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(bytes(blob))
    _read_all(path)


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_read, "MAX_UNPACKED", 2 * 1024 * 1024)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (xlsx_read.MAX_UNPACKED + 1))
    assert path.stat().st_size < xlsx_read.MAX_BYTES
    with pytest.raises(InputError, match="unpacks to more than"):
        xlsx_read.read_tracker(path)
