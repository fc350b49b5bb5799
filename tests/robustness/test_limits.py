"""Size and nesting limits on every file the program loads, each refused with a message that
names the file and says what is wrong (and quickly: a limit that is checked after the damage
is done is no limit)."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import MINI
from tests.robustness._support import add_long_findings, assert_readable, run_cli
from wizard.core import assessment as assessment_mod
from wizard.core import content as content_mod
from wizard.core import yamlsource
from wizard.core.assessment import load_assessment, parse_assessment
from wizard.core.content import load_content, validate_folder
from wizard.core.errors import AssessmentError, ContentError

HEADER = {"format": "ai-trade-readiness-assessment", "schema_version": 1,
          "packs": {"profile": "1.0.0", "chips": "1.0.0"}}


def _refused(call, *names, match: str):
    with pytest.raises(AssessmentError) as info:
        call()
    message = str(info.value)
    assert match in message, message
    assert_readable(message, *names, max_lines=2)
    return message


# ------------------------------------------------------------------- assessment files

def test_an_assessment_over_10_mb_is_refused_before_it_is_read(tmp_path, mini_content):
    assert assessment_mod.MAX_BYTES == 10 * 1024 * 1024
    path = tmp_path / "큰 파일.json"
    with path.open("wb") as fh:
        fh.truncate(assessment_mod.MAX_BYTES + 1)
    start = time.perf_counter()
    _refused(lambda: load_assessment(path, mini_content), str(path), match="at most 10 MB")
    assert time.perf_counter() - start < 2


def test_assessment_bytes_over_10_mb_are_refused(mini_content):
    data = json.dumps({**HEADER, "notes": {"x": "a" * assessment_mod.MAX_BYTES}}).encode()
    _refused(lambda: parse_assessment(data, mini_content, "big.json"), "big.json",
             match="at most 10 MB")


def test_an_assessment_just_under_the_limit_is_judged_on_its_content(mini_content):
    filler = " " * (assessment_mod.MAX_BYTES - 200)
    data = (json.dumps(HEADER)[:-1] + filler + "}").encode()
    assert len(data) <= assessment_mod.MAX_BYTES
    loaded = parse_assessment(data, mini_content, "padded.json")
    assert loaded.assessment.answers == {}


def _nested(depth: int):
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


def test_nesting_deeper_than_the_limit_is_refused(mini_content):
    limit = assessment_mod.MAX_DEPTH
    deep = json.dumps({**HEADER, "answers": {"chips.sells": _nested(limit + 1)}}).encode()
    _refused(lambda: parse_assessment(deep, mini_content, "deep.json"), "deep.json",
             match=f"nested deeper than {limit} levels")
    # within the limit, the same shape gets the ordinary "wrong answer" message instead
    shallow = json.dumps({**HEADER, "answers": {"chips.sells": _nested(limit - 3)}}).encode()
    _refused(lambda: parse_assessment(shallow, mini_content, "shallow.json"), "shallow.json",
             match="use yes, no or unsure")


def test_nesting_that_would_overflow_the_parser_is_refused(mini_content):
    for data in (b"[" * 200_000, b'{"a":' * 200_000):
        _refused(lambda: parse_assessment(data, mini_content, "bomb.json"), "bomb.json",
                 match="nested")


def test_numbers_with_absurd_digit_counts_are_refused(mini_content):
    for digits in (assessment_mod.MAX_DIGITS + 1, 5000, 100_000):
        data = b'{"format": "ai-trade-readiness-assessment", "schema_version": ' + \
            b"9" * digits + b"}"
        _refused(lambda: parse_assessment(data, mini_content, "digits.json"), "digits.json",
                 match=f"a number with {digits} digits")


# --------------------------------------------------- entries, values, texts, duplicate keys

def _no_schema(monkeypatch):
    """Fail if the file reaches the schema: the caps must refuse it before validation."""
    from wizard.core import assessment_schema

    def reached(*args, **kwargs):
        raise AssertionError("the file reached validation")

    monkeypatch.setattr(assessment_schema.Assessment, "model_validate", reached)


@pytest.mark.slow
@pytest.mark.parametrize("part", ["answers", "notes", "plan"])
def test_more_entries_than_the_limit_are_refused_before_validation(monkeypatch, mini_content,
                                                                   part):
    """800,000 empty notes on unknown questions used to load (and the JSON report of them took
    34 s and 1.2 GB); 950,000 unknown plan entries took 23 s to be refused."""
    count = {"answers": 300_000, "notes": 800_000, "plan": 950_000}[part]
    value = {"answers": "yes", "notes": "", "plan": {}}[part]
    data = json.dumps({**HEADER, part: {f"{i:x}": value for i in range(count)}},
                      separators=(",", ":")).encode()
    assert len(data) <= assessment_mod.MAX_BYTES
    _no_schema(monkeypatch)
    message = _refused(lambda: parse_assessment(data, mini_content, "많은 항목.json"),
                       "많은 항목.json", match=f'"{part}" has {count:,} entries')
    assert f"at most {assessment_mod.MAX_ENTRIES:,}" in message


def test_entries_up_to_the_limit_are_judged_on_their_content(mini_content):
    limit = assessment_mod.MAX_ENTRIES
    data = json.dumps({**HEADER, "notes": {f"chips.q_{i}": "메모" for i in range(limit)}},
                      ensure_ascii=False).encode()
    _refused(lambda: parse_assessment(data, mini_content, "unknown.json"), "unknown.json",
             match="2,000 answers, notes or plan entries are for questions or actions")


def test_at_most_500_entries_that_no_longer_fit_are_set_aside(monkeypatch, mini_content):
    """Entries an older version had are set aside and listed in every report; the PDF of
    2,000 long ones took 156 s (docs/guarantees.md). 500 are accepted, 501 refused early."""
    limit = assessment_mod.MAX_DROPPED
    older = {**HEADER, "packs": {"profile": "0.9.0", "chips": "0.9.0"}}
    fits = {**older, "notes": {f"chips.gone_{i}": "메모" for i in range(limit - 10)},
            "plan": {f"gone_{i}": {"owner": "김"} for i in range(10)}}
    loaded = parse_assessment(json.dumps(fits).encode(), mini_content, "older.json")
    assert len(loaded.dropped) == limit
    too_many = {**fits, "answers": {"chips.gone_x": "yes"}}
    _no_schema(monkeypatch)
    message = _refused(lambda: parse_assessment(json.dumps(too_many).encode(), mini_content,
                                                "older.json"), "older.json", match="501 answers")
    assert f"at most {limit:,} can be set aside" in message


def test_more_values_than_the_limit_are_refused(monkeypatch, mini_content):
    data = json.dumps({**HEADER, "answers": {"chips.sells": ["x"] * 200_000}}).encode()
    _no_schema(monkeypatch)
    _refused(lambda: parse_assessment(data, mini_content, "values.json"), "values.json",
             match=f"more than {assessment_mod.MAX_VALUES:,} values")


def test_a_text_longer_than_any_the_program_writes_is_refused(mini_content):
    for raw in ({**HEADER, "answers": {"gone.q": "가" * 6000}},
                {**HEADER, "notes": {"x" * 6000: ""}}):
        data = json.dumps(raw, ensure_ascii=False).encode()
        _refused(lambda: parse_assessment(data, mini_content, "long.json"), "long.json",
                 match="a text of 6,000 characters (at most 5,000)")


def test_a_duplicate_key_is_refused_with_the_key_and_its_line(mini_content):
    """A trailing "answers": {} used to win and silently empty every answer."""
    text = ('{"format": "ai-trade-readiness-assessment", "schema_version": 1,\n'
            ' "packs": {"profile": "1.0.0", "chips": "1.0.0"},\n'
            ' "answers": {"chips.sells": "yes"},\n'
            ' "notes": {},\n'
            ' "answers": {}\n}')
    message = _refused(lambda: parse_assessment(text.encode(), mini_content, "dup.json"),
                       "dup.json", match="line 5")
    assert '"answers" appears twice' in message
    nested = ('{"format": "ai-trade-readiness-assessment", "schema_version": 1,\n'
              ' "answers": {\n  "chips.sells": "yes",\n  "chips.\\u0073ells": "no"}}')
    message = _refused(lambda: parse_assessment(nested.encode(), mini_content, "dup2.json"),
                       "dup2.json", match="line 4")
    assert '"chips.sells" appears twice' in message
    # the same key in two different objects is not a duplicate
    fine = ('{"format": "ai-trade-readiness-assessment", "schema_version": 1,\n'
            ' "meta": {"company": "a"}, "plan": {"apply_licence": {"owner": "b"}}}')
    parse_assessment(fine.encode(), mini_content, "fine.json")


# -------------------------------------------------------------------- questionnaire packs

def _only_problem(folder, match: str) -> str:
    problems = validate_folder(folder)
    text = "\n".join(map(str, problems))
    assert match in text, text
    for problem in problems:
        assert_readable(str(problem), str(folder))
    with pytest.raises(ContentError) as info:
        load_content(folder)
    assert_readable(str(info.value), str(folder), max_lines=2)
    return text


def test_a_pack_file_over_1_mb_is_refused_before_it_is_read(mini_dir):
    assert yamlsource.MAX_BYTES == 1024 * 1024
    big = mini_dir / "chips.yaml"
    with big.open("ab") as fh:
        fh.truncate(yamlsource.MAX_BYTES + 1)
    text = _only_problem(mini_dir, "the limit is 1 MB")
    assert "chips.yaml" in text


def test_packs_over_3_mb_together_are_refused(mini_dir):
    """Each file under its own limit, but together over the folder's: refused before any is
    read (about 2 seconds of checking per MB of dense packs, see docs/guarantees.md)."""
    filler = "# " + "x" * 100 + "\n"
    for index in range(4):
        path = mini_dir / f"extra_{index}.yaml"
        path.write_text(filler * (900_000 // len(filler)), encoding="utf-8")
    text = _only_problem(mini_dir, "at most 3 MB")
    assert "3.4 MB together" in text


def test_packs_with_more_than_100000_values_together_are_refused(mini_dir):
    """Building each value costs about 20 microseconds: a pack of 500,000 one-letter values
    (1 MB) took 10 s to check. They are counted before anything is built."""
    half = yamlsource.MAX_NODES // 2 + 10
    for index in range(2):
        (mini_dir / f"values_{index}.yaml").write_text(
            "id: x\nlist: [" + ",".join(["a"] * half) + "]\n", encoding="utf-8")
    text = _only_problem(mini_dir, f"more than {yamlsource.MAX_NODES:,} values")
    assert "values_1.yaml" in text


def test_nesting_deeper_than_the_limit_in_a_pack_is_refused(mini_dir):
    limit = yamlsource.MAX_DEPTH
    for style in ("flow", "block"):
        if style == "flow":
            deep = "[" * (limit + 5) + "]" * (limit + 5)
        else:
            deep = "".join("\n" + "  " * (i + 1) + "- " for i in range(limit + 5)) + "x"
        (mini_dir / "chips.yaml").write_text(f"id: chips\nextra: {deep}\n", encoding="utf-8")
        text = _only_problem(mini_dir, f"nested deeper than {limit} levels")
        assert "chips.yaml:" in text


def test_a_yaml_bomb_of_aliases_is_refused_at_once(mini_dir):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    (mini_dir / "chips.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    text = _only_problem(mini_dir, "aliases (*name) are not allowed")
    assert "chips.yaml:2:" in text                  # the line of the first alias
    assert time.perf_counter() - start < 5


def test_merge_keys_are_aliases_too(mini_dir):
    text = (mini_dir / "chips.yaml").read_text(encoding="utf-8")
    text = text.replace('title: {ko: "첨단 반도체", en: "Advanced chips"}',
                        'title: &t {ko: "첨단 반도체", en: "Advanced chips"}\n'
                        'intro2:\n  <<: *t')
    (mini_dir / "chips.yaml").write_text(text, encoding="utf-8")
    _only_problem(mini_dir, "aliases (*name) are not allowed")


def test_more_than_50_pack_files_are_refused(tmp_path):
    assert content_mod.MAX_PACK_FILES == 50
    folder = tmp_path / "많은 팩"
    folder.mkdir()
    for i in range(content_mod.MAX_PACK_FILES + 1):
        (folder / f"p{i:02d}.yaml").write_text("id: x\n", encoding="utf-8")
    start = time.perf_counter()
    _only_problem(folder, "at most 50 packs")
    assert time.perf_counter() - start < 2          # refused before any file is parsed


def test_50_pack_files_are_not_refused_for_their_number(tmp_path):
    folder = tmp_path / "packs"
    shutil.copytree(MINI, folder)
    for i in range(content_mod.MAX_PACK_FILES - 2):
        (folder / f"p{i:02d}.yaml").write_text("id: x\n", encoding="utf-8")
    problems = "\n".join(map(str, validate_folder(folder)))
    assert "at most" not in problems and "p00.yaml" in problems


def test_an_endless_device_is_refused_without_being_read(tmp_path, mini_content):
    """``stat`` says 0 bytes for a device or a pipe; it is refused as not an ordinary file
    before a byte is read (a pipe would otherwise wait for a writer)."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    link = tmp_path / "endless.json"
    link.symlink_to("/dev/zero")
    _refused(lambda: load_assessment(link, mini_content), str(link),
             match="not an ordinary file")


def test_a_pack_nested_100000_levels_deep_is_a_problem_not_a_crash(tmp_path):
    """libyaml's composer recurses in C: this 200 KB pack killed the validator with SIGSEGV
    (exit -11) before the nesting was checked on the event stream (wizard/core/yamlsource.py
    ``_check_events``). A subprocess, so that a crash fails this test instead of pytest."""
    folder = tmp_path / "깊은 팩"
    folder.mkdir()
    (folder / "flow.yaml").write_text("id: flow\nx: " + "[" * 100_000 + "]" * 100_000 + "\n",
                                      encoding="utf-8")
    (folder / "block.yaml").write_text("id: block\nx:\n" + "- " * 100_000 + "x\n",
                                       encoding="utf-8")
    result = run_cli("validate", folder, timeout=120)
    assert result.returncode == 1, (result.returncode, result.stderr[-500:])
    # one located problem per file; the wording after "not valid YAML" may be ours or the YAML
    # library's own (PyYAML 6.0.4 reports deep flow nesting itself): behaviour, not wording
    for name in ("flow.yaml", "block.yaml"):
        assert re.search(rf"{name}:[1-9]\d*: not valid YAML", result.stderr), result.stderr[-500:]
    assert "Traceback" not in result.stderr


def test_a_broken_link_among_the_packs_is_a_problem_not_a_crash(mini_dir):
    (mini_dir / "gone.yaml").symlink_to(mini_dir / "nowhere.yaml")
    assert validate_folder(mini_dir) == []          # not a file: not a pack
    assert len(load_content(mini_dir).packs) == 2   # the cache's stamp used to raise here


# ------------------------------------------------------------- settings and recovery files

def test_settings_and_recovery_files_have_size_limits(tmp_path, monkeypatch):
    from wizard import settings
    from wizard.recovery import MAX_BYTES, RecoveryStore

    monkeypatch.delenv(settings.ENV_VAR, raising=False)
    with (tmp_path / settings.FILE_NAME).open("wb") as fh:
        fh.truncate(settings.MAX_BYTES + 1)
    assert settings.load(tmp_path) == settings.Settings()
    with (tmp_path / "recovery-abc.json").open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    assert RecoveryStore(tmp_path).entries() == []


# ------------------------------------------------------------------ the content cache

@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("READINESS_CACHE_DIR", str(folder))
    content_mod._load_cached.cache_clear()
    yield folder
    content_mod._load_cached.cache_clear()


def _damage(cache_dir, data: bytes) -> None:
    entries = sorted(cache_dir.glob("content-*.json"))
    assert len(entries) == 1
    entries[0].write_bytes(data)
    content_mod._load_cached.cache_clear()


@pytest.mark.parametrize("data", [
    b"[" * 200_000,                                        # RecursionError in json.loads
    b"\xff\xfe garbage", b"", b"null", b'{"key": 1}',
    json.dumps({"packs": "xxxx", "lines": []}).encode(),
    # a whole entry for these packs (its header's key and digest are right) whose body is not
    # content: too deeply nested, the wrong shapes, a pack without its questions
    ("entry", b"[" * 200_000),
    ("entry", json.dumps({"packs": "xxxx", "lines": []}).encode()),
    ("entry", json.dumps({"packs": [{"file": "chips.yaml", "data": {"id": "chips"}}],
                          "glossary": None, "lines": {}}).encode()),
    ("entry", json.dumps({"packs": [], "glossary": None, "lines": {}}).encode()),
])
def test_a_damaged_content_cache_is_ignored_and_the_packs_load(mini_dir, cache_dir, data):
    """The checked-content cache (wizard/core/content_cache.py) lives in the user's cache
    folder; whatever happens to it, the program must still start from the YAML."""
    assert len(load_content(mini_dir).packs) == 2          # writes the cache
    if isinstance(data, tuple):
        from wizard import fingerprint
        from wizard.core import content_cache
        from wizard.core.content import _stamp

        body = data[1]
        header = {"key": content_cache.key_for(_stamp(mini_dir)),
                  "digest": fingerprint.digest(body)}
        data = json.dumps(header).encode() + b"\n" + body
    _damage(cache_dir, data)
    assert len(load_content(mini_dir).packs) == 2


def test_content_cache_read_survives_a_deeply_nested_file(cache_dir):
    """BUG in wizard/core/content_cache.py (read): ``json.loads`` of a cache file nested
    200,000 levels deep raises RecursionError, which ``except (OSError, ValueError)`` does
    not catch; load_content let it escape and the program could not start until the user
    found and deleted the hidden cache file (content.py now guards the call). Fix: catch
    RecursionError too in ``read``, and skip files over a size limit (``stat().st_size >
    64 MB``) before reading them whole."""
    from wizard.core import content_cache

    key = "0" * 64
    cache_dir.mkdir(parents=True, exist_ok=True)
    (cache_dir / f"content-{key[:32]}.json").write_bytes(b"[" * 200_000)
    assert content_cache.read(key) is None


def test_conditions_longer_than_200000_characters_together_are_refused_before_parsing(
        mini_dir, monkeypatch):
    """Parsing costs about a microsecond a character: 2.8 MB of 2,000-character conditions
    took 5 to 10 s to check. The limit is checked before any condition is parsed."""
    from wizard.core import expr

    add_long_findings(mini_dir / "chips.yaml", 110)

    def parse(*args, **kwargs):
        raise AssertionError("a condition was parsed")

    monkeypatch.setattr(expr, "parse", parse)
    _only_problem(mini_dir, f"longer than {content_mod.MAX_CONDITION_CHARS:,} characters")
