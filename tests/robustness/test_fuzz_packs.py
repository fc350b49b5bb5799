"""Fuzzing the questionnaire loader: mutated copies of the test packs in a folder.

``validate_folder`` returns problems and never raises; ``load_content`` returns content exactly
when there are no problems and otherwise raises ContentError with the same problems; every
problem names its file and reads as a sentence. Mutations: deleted keys, changed types,
duplicated ids, bad expressions, unknown keys (on the parsed YAML), and truncation, random
bytes and inserted characters (on the text).
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import MINI
from tests.robustness._support import assert_readable
from wizard.core.content import load_content, validate_folder
from wizard.core.errors import ContentError
from wizard.core.problems import Problem

pytestmark = pytest.mark.slow  # fuzzing: hundreds of generated inputs

TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(MINI.glob("*.yaml"))}
DATA = {name: yaml.safe_load(text) for name, text in TEXTS.items()}
WORK = Path(tempfile.mkdtemp(prefix="readiness-fuzz-packs-")).resolve()
MARKER = WORK / "code-ran"      # a pack must never be able to create this
FOLDER = WORK / "팩 폴더"        # reused: the content cache is keyed by the files' digests
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

EXPRESSIONS = [
    "__import__('os').system('touch " + str(MARKER) + "')", "open('/etc/passwd')",
    "sells.__class__", "lambda: 1", "a ==", "((((", "x" * 2500, "(" * 60 + "1" + ")" * 60,
    "sells == 'nope'", "profile.nope has 'x'", "profile.activities has @nope", "kyc == 'yes'",
    "chips.tops > 1e999", "1/0 > 1", "answered()", "count(sells, tops)", "sells in [", "'",
    "profile.staff + 'x' > 1", "not", "", "  ", "sells == 'yes' and", "@D5", "1 < 2 < 3",
    "sells == 'yes'\nor tops > 1",
]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(),
    st.sampled_from([10**400, -1, 0, 6, math.nan, math.inf, 1e308, "", " ", "\x00", "\ufeff",
                     dt.date(2026, 11, 23), dt.date(1, 1, 1), "2026-13-45", "1.0.0", "x.y.z",
                     "yes_no_unsure", "calculator", "control", "in_force", "proposed",
                     "critical", "ECCN 3A090", "bad citation", "ko", "en"]),
    st.text(max_size=12), st.sampled_from(EXPRESSIONS),
)
JUNK = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.one_of(st.text(max_size=6),
                              st.sampled_from(["id", "ko", "en", "kind", "show_if", "when"])),
                    inner, max_size=3)), max_leaves=8)
INSERTS = [":", ": ", "-", "- ", "[", "]", "{", "}", "&a ", "*a", "!", "!!str ", "!!binary ",
           "!!python/object/apply:os.system ['touch " + str(MARKER) + "']",
           "!!python/name:os.system", "\t", "'", '"', "\n", "\n  ", "#", "%YAML 1.1\n", "@",
           "`", "|", ">", "---\n", "...\n", "? ", "\\", "\x00", "\x85", "\ufeff", "한글",
           "show_if: \"__import__('os')\"\n", "id: chips\n", "<<: *a\n"]


def _paths(node, prefix=()):
    """Every (path, value) in the parsed pack."""
    yield prefix, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


def _get(node, path):
    for key in path:
        node = node[key]
    return node


@st.composite
def structured(draw) -> str:
    name = draw(st.sampled_from(sorted(DATA)))
    data = copy.deepcopy(DATA[name])
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p, _ in _paths(data) if p]
        if not paths:
            break
        how = draw(st.sampled_from(["delete", "retype", "duplicate", "expression", "unknown",
                                    "expression", "duplicate"]))
        if how == "expression":
            spots = [p for p in paths if p[-1] in ("show_if", "when", "applies_if")]
            spots += [p + ("show_if",) for p, v in _paths(data)
                      if isinstance(v, dict) and "kind" in v and "timeline" not in v]
            if not spots:                   # the rule registry has no conditions
                continue
            path = draw(st.sampled_from(spots))
            value = draw(st.one_of(st.sampled_from(EXPRESSIONS), st.text(max_size=20)))
        elif how == "duplicate":
            lists = [p for p, v in _paths(data) if isinstance(v, list) and v
                     and isinstance(v[0], dict)]
            if not lists:
                continue
            path = draw(st.sampled_from(lists))
            items = _get(data, path)
            items.append(copy.deepcopy(draw(st.sampled_from(items))))
            continue
        else:
            path = draw(st.sampled_from(paths))
            value = draw(JUNK)
        parent = _get(data, path[:-1])
        if how == "delete":
            del parent[path[-1]]
        elif how == "unknown" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["severty", "extra", "Id", "ko ", "한글", "1"]))] = value
        else:
            parent[path[-1]] = value
    event(f"structured {name}")
    return name, yaml.dump(data, Dumper=DUMPER, allow_unicode=True,
                           sort_keys=False).encode("utf-8")


@st.composite
def text_edits(draw):
    name = draw(st.sampled_from(sorted(TEXTS)))
    data = TEXTS[name].encode("utf-8")
    how = draw(st.sampled_from(["truncate", "insert", "insert", "bytes", "random"]))
    event(f"text {how}")
    if how == "truncate":
        return name, data[:draw(st.integers(0, len(data)))]
    if how == "random":
        return name, draw(st.one_of(st.binary(max_size=200),
                                    st.text(max_size=200).map(lambda t: t.encode("utf-8"))))
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(data)))
        if how == "insert":
            chunk = draw(st.one_of(st.sampled_from(INSERTS), st.text(min_size=1, max_size=3)))
            data = data[:pos] + chunk.encode("utf-8") + data[pos:]
        else:
            chunk = draw(st.binary(min_size=1, max_size=4))
            data = data[:pos] + chunk + data[pos + len(chunk):]
    return name, data


def _check(name: str, data: bytes, with_other: bool) -> None:
    folder = FOLDER
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / name).write_bytes(data)
    if with_other:
        other = next(n for n in sorted(TEXTS) if n != name)
        (folder / other).write_text(TEXTS[other], encoding="utf-8")
    problems = validate_folder(folder)          # never raises
    assert isinstance(problems, list)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert Path(problem.file).parent == folder, problem
        assert_readable(str(problem), str(folder), max_chars=6000)
    try:
        content = load_content(folder)
    except ContentError as exc:
        assert problems, "load_content refused what validate_folder passed"
        assert sorted(exc.problems) == problems
        assert_readable(str(exc), str(folder), max_lines=2)
        event("refused")
    else:
        assert problems == [], "load_content accepted what validate_folder refused"
        assert content.packs
        event("loaded")


@settings(max_examples=1000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.filter_too_much])
@given(st.one_of(structured(), text_edits()), st.integers(0, 3).map(lambda n: n == 0))
def test_mutated_packs_validate_to_problems_and_load_or_raise_content_error(mutant, other):
    name, data = mutant
    _check(name, data, other)


def test_no_mutation_ran_code():
    assert not MARKER.exists()


def test_the_unmutated_packs_load():
    folder = Path(tempfile.mkdtemp(dir=WORK))
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert validate_folder(folder) == []
    assert len(load_content(folder).packs) == 2


@pytest.fixture(scope="module", autouse=True)
def _clean_work():
    yield
    shutil.rmtree(WORK, ignore_errors=True)


def test_a_pack_rewritten_within_one_clock_tick_is_not_served_from_the_cache(tmp_path):
    """load_content caches by folder state; that state was (name, mtime, size), so a pack
    rewritten with the same size within the file system's timestamp granularity was served
    stale (the fuzzer above, which reuses one folder, relies on this). Now a digest of the
    bytes is part of the state."""
    import os

    folder = tmp_path / "packs"
    shutil.copytree(MINI, folder)
    assert load_content(folder).pack("chips").title.en == "Advanced chips"
    path = folder / "chips.yaml"
    info = path.stat()
    text = path.read_text(encoding="utf-8").replace('"Advanced chips"', '"Advanced CHIPS"')
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))   # the same tick, the same size
    assert path.stat().st_size == info.st_size
    assert load_content(folder).pack("chips").title.en == "Advanced CHIPS"
