"""Loading a folder of questionnaire packs into one :class:`Content`, the model the engine,
the wizard and the reports read.

``load_content(folder)`` parses every pack once, checks it (``wizard.core.validate``) and
compiles every condition once. It raises :class:`ContentError` listing every problem found;
``validate_folder`` returns that list instead.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional

from wizard.core import expr, fingerprint
from wizard.core.errors import ContentError, ExpressionError
from wizard.core.model import (Action, Finding, Glossary, Pack, Question, Section, from_plain,
                               to_plain)
from wizard.core.problems import Problem, line_of
from wizard.i18n import N_, NP_

MAX_STAMP_BYTES = 10 * 1024 * 1024  # the per-file limit of wizard.core.yamlsource.MAX_BYTES

GLOSSARY_FILE = "glossary.yaml"
MAX_PACK_FILES = 50

# What a user sees when the wizard or a report cannot start on a folder of packs (the list of
# problems, for questionnaire authors, stays in English: readiness-wizard validate)
NO_FOLDER = N_("{folder}: no such folder of questionnaire packs")
NO_PACKS = N_("{folder}: no questionnaire packs (*.yaml) in this folder")
TOO_MANY_PACKS = N_("{folder}: {count} YAML files; at most {limit} packs")
PROBLEMS = NP_("{folder}: {count} problem in the questionnaire packs; run 'readiness-wizard "
               "validate' to see it",
               "{folder}: {count} problems in the questionnaire packs; run 'readiness-wizard "
               "validate' for the list")


def _shared_text(cache: dict, text) -> dict:
    """``{ko, en}`` for ``text`` from ``cache``, made once: every report shares the same dict
    (read only). Keyed by identity: the content keeps its texts alive."""
    key = id(text)
    cached = cache.get(key)
    if cached is None:
        cached = cache[key] = {"ko": text.ko, "en": text.en}
    return cached


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    """A question where it stands: its pack and section, its global position, its condition.

    ``pack_id``, ``kind`` and ``control`` repeat what the pack and question say, so that the
    engine's passes over every question read one small object instead of three models."""

    # the fields every pass over the questions reads come first: they share a cache line
    qid: str
    pack_id: str
    kind: str
    conditions: tuple[expr.Expr, ...]
    area: str
    control: bool
    text: dict  # {ko, en} of the question, shared by every report (read only)
    section_title: dict  # {ko, en} of its section's title, likewise
    words: dict  # answer -> {ko, en}, filled as answers are shown (presenting.answer_words)
    held: list  # [the engine's last report line for this question], reused while it holds
    pack: Pack
    section: Section
    question: Question
    index: int

    @classmethod
    def of(cls, qid: str, pack: Pack, section: Section, question: Question, index: int,
           conditions: tuple, texts: dict) -> "QuestionInfo":
        """``texts``: the content's text cache (``Content.text_cache``)."""
        return cls(qid=qid, pack_id=pack.id, kind=question.kind, conditions=conditions,
                   area=pack.area, control=question.role == "control",
                   text=_shared_text(texts, question.text),
                   section_title=_shared_text(texts, section.title), words={}, held=[None],
                   pack=pack, section=section, question=question, index=index)


@dataclass(frozen=True)
class FindingInfo:
    pack: Pack
    finding: Finding
    when: expr.Expr
    # what every report repeats for this finding (rule status words, the questions its
    # condition reads), made on first use by the engine and then shared (read only)
    memo: dict = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class ActionInfo:
    pack: Pack
    action: Action


@dataclass
class Content:
    """Every pack of a content folder, indexed and with conditions compiled."""

    folder: Path
    packs: tuple[Pack, ...]
    files: dict[str, Path]
    questions: dict[str, QuestionInfo]
    groups: dict[str, frozenset[str]]
    findings: tuple[FindingInfo, ...]
    actions: dict[str, ActionInfo]
    applies: dict[str, Optional[expr.Expr]]
    glossary: Optional[Glossary] = None
    lines: dict[str, int] = field(default_factory=dict)
    # {ko, en} dicts of the content's texts, made once and shared by every report (read only)
    text_cache: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def controls(self) -> tuple[QuestionInfo, ...]:
        """The control (readiness) questions, in question order."""
        return tuple(info for info in self.questions.values() if info.control)

    @cached_property
    def calculators(self) -> tuple[QuestionInfo, ...]:
        """The calculator questions, in question order."""
        return tuple(info for info in self.questions.values() if info.kind == "calculator")

    def text(self, text) -> dict:
        """``{ko, en}`` for one of this content's texts (the same dict object every time)."""
        return _shared_text(self.text_cache, text)

    def pack(self, pack_id: str) -> Pack:
        for pack in self.packs:
            if pack.id == pack_id:
                return pack
        raise KeyError(pack_id)

    @property
    def versions(self) -> dict[str, str]:
        return {pack.id: pack.version for pack in self.packs}

    @property
    def as_of(self):
        return min(pack.as_of for pack in self.packs)

    @property
    def review_by(self):
        return min(pack.review_by for pack in self.packs)


def _pydantic_problems(file: str, data, error) -> list[Problem]:
    """The problems in a pydantic ``ValidationError``, each at its line of ``file``."""
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        place = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc)
        place = place.replace(".[", "[")
        message = item["msg"]
        if item["type"] == "missing":
            message = "missing"
            if loc and loc[-1] in ("ko", "en"):
                message = f"the {'Korean' if loc[-1] == 'ko' else 'English'} text is missing"
        elif item["type"] == "extra_forbidden":
            message = "unknown key (misspelt?); see docs/pack-format.md for the keys allowed"
        elif item["type"] == "literal_error":
            message = f"{message} (got {item.get('input')!r})"
        problems.append(Problem(file, line_of(data, loc), f"{place}: {message}"))
    return problems


def _read_packs(folder: Path) -> tuple[list[tuple[Path, Pack, object]], Optional[Glossary],
                                      list[Problem], set[str]]:
    problems: list[Problem] = []
    if not folder.is_dir():
        raise ContentError.said(NO_FOLDER, folder=str(folder))
    files = sorted(p for p in folder.glob("*.yaml") if p.is_file())
    if not files:
        raise ContentError.said(NO_PACKS, folder=str(folder))
    if len(files) > MAX_PACK_FILES:
        raise ContentError.said(TOO_MANY_PACKS, folder=str(folder), count=len(files),
                                limit=MAX_PACK_FILES)
    from pydantic import ValidationError  # only when the cache misses, like YAML

    from wizard.core import schema
    from wizard.core.yamlsource import load_yaml

    packs, glossary = [], None
    broken: set[str] = set()
    for path in files:
        try:
            data = load_yaml(path)
        except ContentError as exc:
            problems.extend(exc.problems or [Problem(str(path), 1, str(exc))])
            broken.add(path.stem)
            continue
        if not isinstance(data, dict):
            problems.append(Problem(str(path), 1, "expected a mapping at the top of the file"))
            broken.add(path.stem)
            continue
        glossary_file = path.name == GLOSSARY_FILE
        checker, model = (schema.Glossary, Glossary) if glossary_file else (schema.Pack, Pack)
        try:
            checked = checker.model_validate(data)
        except ValidationError as exc:
            problems.extend(_pydantic_problems(str(path), data, exc))
            broken.add(path.stem)
            continue
        parsed = from_plain(model, checked.model_dump(mode="json"))
        if isinstance(parsed, Glossary):
            glossary = parsed
        else:
            packs.append((path, parsed, data))
    return packs, glossary, problems, broken


def _compile(source: Optional[str], pack_id: str, where: str, line: int,
             problems: list[Problem], file: str) -> Optional[expr.Expr]:
    if source is None:
        return None
    try:
        return expr.parse(source, pack_id)
    except ExpressionError as exc:
        problems.append(Problem(file, line, f"{where}: {exc}"))
        return None


def _build(folder: Path) -> tuple[Optional[Content], list[Problem]]:
    read, glossary, problems, broken = _read_packs(folder)
    return _assemble(folder, read, glossary, problems, broken)


def _assemble(folder: Path, read: list, glossary: Optional[Glossary], problems: list[Problem],
              broken: set[str]) -> tuple[Content, list[Problem]]:
    """Index parsed packs, compile their conditions and check cross-references."""
    from wizard.core import validate

    read.sort(key=lambda item: (item[1].order, item[1].id))
    questions: dict[str, QuestionInfo] = {}
    findings: list[FindingInfo] = []
    actions: dict[str, ActionInfo] = {}
    applies: dict[str, Optional[expr.Expr]] = {}
    groups: dict[str, frozenset[str]] = {}
    files: dict[str, Path] = {}
    lines: dict[str, int] = {}
    texts: dict = {}  # the content's text cache, shared with its questions
    index = 0
    for path, pack, data in read:
        file = str(path)
        files[pack.id] = path
        applies[pack.id] = _compile(pack.applies_if, pack.id, "applies_if",
                                    line_of(data, ("applies_if",)), problems, file)
        for name, group in pack.country_groups.items():
            groups[name] = frozenset(group.countries)
        for s_i, section in enumerate(pack.sections):
            section_cond = _compile(section.show_if, pack.id, f"section {section.id}: show_if",
                                    line_of(data, ("sections", s_i, "show_if")), problems, file)
            for q_i, question in enumerate(section.questions):
                loc = ("sections", s_i, "questions", q_i)
                qid = sys.intern(f"{pack.id}.{question.id}")  # as expr.Ref names are
                lines[qid] = line_of(data, loc)
                cond = _compile(question.show_if, pack.id, f"question {question.id}: show_if",
                                line_of(data, loc + ("show_if",)), problems, file)
                conditions = tuple(c for c in (section_cond, cond) if c is not None)
                if qid not in questions:
                    questions[qid] = QuestionInfo.of(qid, pack, section, question, index,
                                                       conditions, texts)
                index += 1
        for f_i, finding in enumerate(pack.findings):
            lines[f"finding:{finding.id}"] = line_of(data, ("findings", f_i))
            when = _compile(finding.when, pack.id, f"finding {finding.id}: when",
                            line_of(data, ("findings", f_i, "when")), problems, file)
            if when is not None:
                findings.append(FindingInfo(pack, finding, when))
        for a_i, action in enumerate(pack.actions):
            lines[f"action:{action.id}"] = line_of(data, ("actions", a_i))
            actions.setdefault(action.id, ActionInfo(pack, action))
    content = Content(folder=folder, packs=tuple(p for _, p, _ in read), files=files,
                      questions=questions, groups=groups, findings=tuple(findings),
                      actions=actions, applies=applies, glossary=glossary, lines=lines,
                      text_cache=texts)
    problems.extend(validate.check(content, read, broken))
    return content, sorted(set(problems))


def validate_folder(folder: Path) -> list[Problem]:
    """Every problem in the packs of ``folder`` (empty when the content is clean)."""
    try:
        _, problems = _build(Path(folder))
    except ContentError as exc:
        return [Problem(str(folder), 0, str(exc))]
    return problems


def _settle() -> None:
    """Content lives as long as the program: move it out of the garbage collector's way, so
    evaluating answers does not rescan every pack object (evaluation stays linear in size)."""
    import gc

    gc.collect(1)  # the loader's young garbage; a full collection would rescan every module
    gc.freeze()


def _from_cache(folder: Path, entry: dict) -> Optional[Content]:
    """Content rebuilt from a cache entry (its digest already matched), or None when the
    entry does not hold up: the cross-reference checks run again (a few ms), so an entry
    that is whole but wrong is refused like a damaged one."""
    try:
        read = [(folder / item["file"], from_plain(Pack, item["data"]), None)
                for item in entry["packs"]]
        glossary = (from_plain(Glossary, entry["glossary"])
                    if entry.get("glossary") else None)
        content, problems = _assemble(folder, read, glossary, [], set())
        lines = entry.get("lines")
        if problems or not read or not isinstance(lines, dict):
            return None
        content.lines = {str(k): int(v) for k, v in lines.items()}
        return content
    except (ValueError, KeyError, TypeError, AttributeError, ContentError, ExpressionError):
        return None


@lru_cache(maxsize=8)
def _load_cached(folder: Path, stamp: tuple) -> Content:
    from wizard.core import content_cache

    key = content_cache.key_for(stamp)  # from the digests the stamp took: no second read
    try:
        entry = content_cache.read(key) if key else None
        cached = _from_cache(folder, entry) if entry is not None else None
    except Exception:  # noqa: BLE001 - a damaged cache (e.g. nested too deeply for the JSON
        cached = None  # parser) is only a lost optimisation, never a program that cannot start
    if cached is not None:
        _settle()
        return cached
    content, problems = _build(folder)
    if problems:
        error = ContentError.said(PROBLEMS, folder=str(folder), count=len(problems))
        error.problems = list(problems)
        raise error
    _settle()
    if key:
        content_cache.write(key, [(content.files[p.id].name, to_plain(p))
                                  for p in content.packs],
                            to_plain(content.glossary) if content.glossary else None,
                            content.lines)
    return content


def load_content(folder: Optional[Path] = None) -> Content:
    """The checked content of ``folder`` (default: the built-in packs). Parsed once per
    folder state: a second call with unchanged files returns the same object."""
    from wizard import paths

    folder = Path(folder) if folder is not None else paths.questionnaires_dir()
    folder = folder.resolve()
    if not folder.is_dir():
        raise ContentError.said(NO_FOLDER, folder=str(folder))
    return _load_cached(folder, _stamp(folder))


def _stamp(folder: Path) -> tuple:
    """What the folder's packs are now: name, size and a digest of each file (a file
    rewritten within the same clock tick keeps its size and mtime; a broken link or a file
    that vanished must not raise here, the loader reports it)."""
    stamp = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            info = path.stat()
            if info.st_size <= MAX_STAMP_BYTES and path.is_file():
                digest = fingerprint.digest(path.read_bytes())
            else:
                digest = info.st_mtime_ns
            stamp.append((path.name, info.st_size, digest))
        except OSError:
            stamp.append((path.name, None, None))
    return tuple(stamp)
