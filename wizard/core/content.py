"""Loading a folder of questionnaire packs into one :class:`Content`, the model the engine,
the wizard and the reports read.

``load_content(folder)`` parses every pack once, checks it (``wizard.core.checks``) and
compiles every condition once. It raises :class:`ContentError` listing every problem found;
``validate_folder`` returns that list instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Optional

from wizard import fingerprint, paths
from wizard.core import expr, frameworks
from wizard.core.errors import ContentError, ExpressionError
from wizard.core.model import (Action, Finding, Glossary, LegalRule, Manifest, Pack, Question,
                               Registry, Section, from_plain, to_plain)
from wizard.core.problems import Problem, line_of
from wizard.i18n import N_, NP_

MAX_STAMP_BYTES = 1024 * 1024  # the per-file limit of wizard.core.yamlsource.MAX_BYTES

GLOSSARY_FILE = "glossary.yaml"
RULES_FILE = "rules.yaml"
MANIFEST_FILE = "content.yaml"
# files of the content folder that are not packs: file name -> (Content field, model class)
SHARED_FILES = {GLOSSARY_FILE: ("glossary", Glossary), RULES_FILE: ("registry", Registry),
                MANIFEST_FILE: ("manifest", Manifest)}
# Installed content without a valid signature carries this file (wizard.content_store writes
# it); every report made with it says "unverified content"
UNVERIFIED_MARK = ".unverified"
UNNAMED = "local"  # the content id of a folder without content.yaml (a questionnaire author's)
MAX_PACK_FILES = 50
MAX_FOLDER_BYTES = 3 * 1024 * 1024  # all packs of a folder (built-in: about 0.5 MB)
MAX_CONDITION_CHARS = 200_000  # all conditions of a folder together (built-in: about 13,000)

# What a user sees when the wizard or a report cannot start on a folder of packs (the list of
# problems, for questionnaire authors, stays in English: readiness-wizard validate)
NO_FOLDER = N_("{folder}: no such folder of questionnaire packs")
NO_PACKS = N_("{folder}: no questionnaire packs (*.yaml) in this folder")
TOO_MANY_PACKS = N_("{folder}: {count} YAML files; at most {limit} packs")
FOLDER_TOO_BIG = N_("{folder}: the questionnaire packs are {size} MB together; at most {limit} MB")
PROBLEMS = NP_("{folder}: {count} problem in the questionnaire packs; run 'readiness-wizard "
               "validate' to see it",
               "{folder}: {count} problems in the questionnaire packs; run 'readiness-wizard "
               "validate' for the list")


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    """A question where it stands: its pack and section, its global position, its condition.

    ``pack_id``, ``kind`` and ``control`` repeat what the pack and question say, so that the
    engine's passes over every question read one small object instead of three models."""

    qid: str
    pack_id: str
    kind: str
    conditions: tuple[expr.Expr, ...]
    area: str
    control: bool
    pack: Pack
    section: Section
    question: Question
    index: int

    @classmethod
    def of(cls, qid: str, pack: Pack, section: Section, question: Question, index: int,
           conditions: tuple) -> "QuestionInfo":
        return cls(qid=qid, pack_id=pack.id, kind=question.kind, conditions=conditions,
                   area=pack.area, control=question.role == "control", pack=pack,
                   section=section, question=question, index=index)

    @property
    def text(self) -> dict:
        """``{ko, en}`` of the question."""
        return self.question.text.as_dict()

    @property
    def section_title(self) -> dict:
        """``{ko, en}`` of its section's title."""
        return self.section.title.as_dict()


@dataclass(frozen=True)
class FindingInfo:
    pack: Pack
    finding: Finding
    when: expr.Expr
    reads: tuple = ()  # the QuestionInfo of the questions its condition reads, in order


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
    registry: Optional[Registry] = None
    lines: dict[str, int] = field(default_factory=dict)
    frameworks: Optional[frameworks.Frameworks] = None  # programme elements (frameworks.py)
    manifest: Optional[Manifest] = None  # content.yaml: what this content is

    @property
    def content_id(self) -> str:
        """The content's id (``content.yaml``; ``local`` for a folder without one)."""
        return self.manifest.id if self.manifest else UNNAMED

    @property
    def content_version(self) -> str:
        """The content's version (``content.yaml``; for a folder without one, the packs'
        versions joined, so that a changed pack still reads as other content)."""
        if self.manifest:
            return self.manifest.version
        return "+".join(f"{pack.id}-{pack.version}" for pack in self.packs)

    @cached_property
    def unverified(self) -> bool:
        """Installed from a bundle without a signature the program could check."""
        return (self.folder / UNVERIFIED_MARK).exists()

    @cached_property
    def rules(self) -> dict[str, LegalRule]:
        """The registry's rules by id (empty without a registry)."""
        return {rule.id: rule for rule in self.registry.rules} if self.registry else {}

    @cached_property
    def controls(self) -> tuple[QuestionInfo, ...]:
        """The control (readiness) questions, in question order."""
        return tuple(info for info in self.questions.values() if info.control)

    @cached_property
    def calculators(self) -> tuple[QuestionInfo, ...]:
        """The calculator questions, in question order."""
        return tuple(info for info in self.questions.values() if info.kind == "calculator")

    def citations(self, rule_ids) -> list[str]:
        """The citations of the registry rules ``rule_ids``, in order, each once."""
        seen: dict[str, None] = {}
        for rule_id in rule_ids:
            rule = self.rules.get(rule_id)
            for citation in rule.citations if rule else ():
                seen.setdefault(citation)
        return list(seen)

    def pack(self, pack_id: str) -> Pack:
        for pack in self.packs:
            if pack.id == pack_id:
                return pack
        raise KeyError(pack_id)

    @property
    def versions(self) -> dict[str, str]:
        return {pack.id: pack.version for pack in self.packs}

    @property
    def dated(self) -> list:
        """Every part of the content that carries as-of and review-by dates: the packs and
        the rule registry."""
        return [*self.packs, *([self.registry] if self.registry else [])]

    @property
    def as_of(self):
        return min(part.as_of for part in self.dated)

    @property
    def review_by(self):
        return min(part.review_by for part in self.dated)


def _pydantic_problems(file: str, data, error) -> list[Problem]:
    """The problems in a pydantic ``ValidationError``, each at its line of ``file``."""
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        place = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc)
        place = place.replace(".[", "[")
        message, code = item["msg"], "S003"
        if item["type"] == "missing":
            code = "S001"
            message = "missing"
            if loc and loc[-1] in ("ko", "en"):
                message = f"the {'Korean' if loc[-1] == 'ko' else 'English'} text is missing"
        elif item["type"] == "extra_forbidden":
            code = "S002"
            message = "unknown key (misspelt?); see docs/pack-format.md for the keys allowed"
        elif item["type"] == "literal_error":
            message = f"{message} (got {item.get('input')!r})"
        problems.append(Problem(file, line_of(data, loc), f"{place}: {message}", code))
    return problems


def _read_packs(folder: Path) -> tuple[list[tuple[Path, Pack, object]], dict, dict[str, int],
                                      list[Problem], set[str]]:
    """The packs of ``folder`` (path, pack, YAML data with lines), its shared files by Content
    field (glossary, registry), the lines of the registry's entries, problems, and the names
    of the files that could not be read."""
    problems: list[Problem] = []
    if not folder.is_dir():
        raise ContentError.said(NO_FOLDER, folder=str(folder))
    files = sorted(p for p in folder.glob("*.yaml")
                   if p.is_file() and p.name != frameworks.FILE)
    if not files:
        raise ContentError.said(NO_PACKS, folder=str(folder))
    pack_files = [p for p in files if p.name not in SHARED_FILES]
    if len(pack_files) > MAX_PACK_FILES:
        raise ContentError.said(TOO_MANY_PACKS, folder=str(folder), count=len(pack_files),
                                limit=MAX_PACK_FILES)
    total = sum(_size(path) for path in files)
    if total > MAX_FOLDER_BYTES:
        raise ContentError.said(FOLDER_TOO_BIG, folder=str(folder), size=f"{total / 2**20:.1f}",
                                limit=MAX_FOLDER_BYTES // 2**20)
    from pydantic import ValidationError  # only when the cache misses, like YAML

    from wizard.core import schema
    from wizard.core.yamlsource import Budget, load_yaml

    packs, shared, lines = [], {}, {}
    broken: set[str] = set()
    budget = Budget()     # values in all the folder's packs together
    for path in files:
        if budget.left < 0:   # over the limit already (said once, at the file that went over)
            broken.add(path.stem)
            continue
        try:
            data = load_yaml(path, budget)
        except ContentError as exc:
            problems.extend(exc.problems or [Problem(str(path), 1, str(exc), "F002")])
            broken.add(path.stem)
            continue
        if not isinstance(data, dict):
            problems.append(Problem(str(path), 1, "expected a mapping at the top of the file",
                                    "F006"))
            broken.add(path.stem)
            continue
        name, model = SHARED_FILES.get(path.name, (None, Pack))
        checker = getattr(schema, model.__name__)
        try:
            checked = checker.model_validate(data)
        except ValidationError as exc:
            problems.extend(_pydantic_problems(str(path), data, exc))
            broken.add(path.stem)
            continue
        parsed = from_plain(model, checked.model_dump(mode="json"))
        if name is None:
            packs.append((path, parsed, data))
            continue
        shared[name] = parsed
        if isinstance(parsed, Registry):
            lines.update(_registry_lines(parsed, data))
    return packs, shared, lines, problems, broken


def _registry_lines(registry: Registry, data) -> dict[str, int]:
    """Lines of the registry's entries and timeline events, for problems found later."""
    lines = {}
    for r_i, rule in enumerate(registry.rules):
        lines[f"rule:{rule.id}"] = line_of(data, ("rules", r_i))
        for e_i, _event in enumerate(rule.timeline):
            lines[f"rule:{rule.id}:{e_i}"] = line_of(data, ("rules", r_i, "timeline", e_i))
    return lines


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0    # the loader reports it


def _conditions_over_limit(read: list) -> Optional[Problem]:
    """Parsing a condition costs about a microsecond a character: a folder's conditions are
    limited together, and checked before any is parsed (the problem names the first pack
    whose conditions go over the limit)."""
    total = 0
    for path, pack, data in read:
        sources = [pack.applies_if] + [f.when for f in pack.findings]
        for section in pack.sections:
            sources.append(section.show_if)
            sources.extend(q.show_if for q in section.questions)
        total += sum(len(source) for source in sources if source)
        if total > MAX_CONDITION_CHARS:
            return Problem(str(path), 1, f"the conditions (show_if, when, applies_if) of the "
                                         f"packs are longer than {MAX_CONDITION_CHARS:,} "
                                         f"characters together, at this pack; the limit keeps "
                                         f"checking fast: shorten or combine them", "F003")
    return None


def _compile(source: Optional[str], pack_id: str, where: str, line: int,
             problems: list[Problem], file: str) -> Optional[expr.Expr]:
    if source is None:
        return None
    try:
        return expr.parse(source, pack_id)
    except ExpressionError as exc:
        problems.append(Problem(file, line, f"{where}: {exc}", "X001"))
        return None


def _build(folder: Path) -> tuple[Optional[Content], list[Problem]]:
    read, shared, lines, problems, broken = _read_packs(folder)
    content, problems = _assemble(folder, read, shared, problems, broken, lines)
    return content, sorted(set(problems) | set(frameworks.load(folder, content, broken)))


def _assemble(folder: Path, read: list, shared: dict, problems: list[Problem],
              broken: set[str], lines: Optional[dict] = None) -> tuple[Content, list[Problem]]:
    """Index parsed packs, compile their conditions and check cross-references."""
    from wizard.core import checks

    read.sort(key=lambda item: (item[1].order, item[1].id))
    too_long = _conditions_over_limit(read)
    if too_long is not None:
        empty = Content(folder=folder, packs=(), files={}, questions={}, groups={},
                        findings=(), actions={}, applies={})
        return empty, sorted(set(problems + [too_long]))
    questions: dict[str, QuestionInfo] = {}
    findings: list = []
    actions: dict[str, ActionInfo] = {}
    applies: dict[str, Optional[expr.Expr]] = {}
    groups: dict[str, frozenset[str]] = {}
    files: dict[str, Path] = {}
    lines = dict(lines or {})
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
                qid = f"{pack.id}.{question.id}"
                lines[qid] = line_of(data, loc)
                cond = _compile(question.show_if, pack.id, f"question {question.id}: show_if",
                                line_of(data, loc + ("show_if",)), problems, file)
                conditions = tuple(c for c in (section_cond, cond) if c is not None)
                if qid not in questions:
                    questions[qid] = QuestionInfo.of(qid, pack, section, question, index,
                                                       conditions)
                index += 1
        for f_i, finding in enumerate(pack.findings):
            lines[f"finding:{finding.id}"] = line_of(data, ("findings", f_i))
            when = _compile(finding.when, pack.id, f"finding {finding.id}: when",
                            line_of(data, ("findings", f_i, "when")), problems, file)
            if when is not None:
                findings.append((pack, finding, when))
        for a_i, action in enumerate(pack.actions):
            lines[f"action:{action.id}"] = line_of(data, ("actions", a_i))
            actions.setdefault(action.id, ActionInfo(pack, action))
    findings = [FindingInfo(pack, finding, when, _reads(questions, when))
                for pack, finding, when in findings]
    content = Content(folder=folder, packs=tuple(p for _, p, _ in read), files=files,
                      questions=questions, groups=groups, findings=tuple(findings),
                      actions=actions, applies=applies, lines=lines, **shared)
    problems.extend(checks.check(content, read, broken))
    return content, sorted(set(problems))


def _reads(questions: dict, when: expr.Expr) -> tuple:
    """The questions a finding's condition reads, in question order ("because you answered")."""
    reads = [questions[ref] for ref in when.references() if ref in questions]
    return tuple(sorted(reads, key=lambda info: info.index))


def validate_folder(folder: Path) -> list[Problem]:
    """Every problem in the packs of ``folder`` (empty when the content is clean)."""
    try:
        _, problems = _build(Path(folder))
    except ContentError as exc:
        return [Problem(str(folder), 0, str(exc), "F001")]
    return problems


def _from_cache(folder: Path, entry: dict) -> Optional[Content]:
    """Content rebuilt from a cache entry (its digest already matched), or None when the
    entry does not hold up: the cross-reference checks run again (a few ms), so an entry
    that is whole but wrong is refused like a damaged one."""
    try:
        read = [(folder / item["file"], from_plain(Pack, item["data"]), None)
                for item in entry["packs"]]
        models = dict(SHARED_FILES.values())
        shared = {name: from_plain(models[name], data)
                  for name, data in entry["shared"].items() if data is not None}
        content, problems = _assemble(folder, read, shared, [], set())
        lines = entry.get("lines")
        if problems or not read or not isinstance(lines, dict) \
                or not frameworks.restore(content, entry.get("frameworks")):
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
        return cached
    content, problems = _build(folder)
    if problems:
        raise ContentError.said(PROBLEMS, {"problems": problems}, folder=str(folder),
                                count=len(problems))
    if key:
        shared = {name: to_plain(getattr(content, name))
                  for name, _model in SHARED_FILES.values() if getattr(content, name)}
        content_cache.write(key, [(content.files[p.id].name, to_plain(p))
                                  for p in content.packs], shared, content.lines,
                            frameworks=frameworks.plain(content))
    return content


def load_content(folder: Optional[Path] = None) -> Content:
    """The checked content of ``folder`` (default: the built-in packs). Parsed once per
    folder state: a second call with unchanged files returns the same object."""

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
