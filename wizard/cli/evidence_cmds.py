"""``readiness-wizard evidence``: list, check, add and remove an assessment's evidence.

    evidence list ASSESSMENT
    evidence check ASSESSMENT          exit 1 when a file is missing or altered, else 0
    evidence add ASSESSMENT (--question ID | --action ID) (--file PATH | --reference TEXT)
    evidence remove ASSESSMENT (--question ID | --action ID) NUMBER

Files are copied into ``<assessment stem>.evidence/`` beside the assessment
(:mod:`wizard.core.evidence`); the assessment is saved with the usual atomic save, keeping the
previous file as ``.bak``.
"""

from __future__ import annotations

from pathlib import Path

from wizard.cli.words import say
from wizard.core.errors import InputError
from wizard.core.storage import backup_path
from wizard.i18n import N_, NP_

HELP = N_("list, check, add and remove the evidence of an assessment")
DESCRIPTION = N_("Evidence is files kept in the folder <assessment>.evidence beside the "
                 "assessment (named by their SHA-256) and references to documents kept "
                 "elsewhere, each on a question or a plan action.")
LIST_HELP = N_("list every evidence item with its state")
CHECK_HELP = N_("check every evidence file against its SHA-256 (exit 1 when one is missing or "
                "altered)")
ADD_HELP = N_("attach a file or add a reference to a question or a plan action")
REMOVE_HELP = N_("remove an evidence item (its number as 'evidence list' shows it)")
ASSESSMENT_HELP = N_("the assessment file")
PACKS_HELP = N_("questionnaire packs (default: built-in)")
QUESTION_HELP = N_("the question's id (as in the questionnaire, e.g. chips.export_eccn)")
ACTION_HELP = N_("the plan action's id")
FILE_HELP = N_("the file to attach (copied; the original is not changed)")
REFERENCE_HELP = N_("a document number or where the document is kept")
NOTE_HELP = N_("a short note on the item")
NUMBER_HELP = N_("the item's number on that question or action (from 1)")

NONE = N_("{file}: no evidence recorded")
ITEM_FILE = N_("{number}. {name} ({size}, added {added}) SHA-256 {sha256}: {status}")
ITEM_REFERENCE = N_("{number}. reference: {reference} (added {added})")
ITEM_NOTE = N_("   note: {note}")
SUMMARY = N_("{present} present, {missing} missing, {altered} altered, {references} "
             "reference(s)")
ALL_GOOD = N_("{file}: every evidence file is present and unchanged")
PROBLEMS = NP_("{file}: {count} evidence file is missing or altered",
               "{file}: {count} evidence files are missing or altered")
ATTACHED = N_("Attached {name} to {target}; stored as {stored}.")
REFERENCED = N_("Added the reference to {target}.")
REMOVED = N_("Removed {what} from {target}.")
SAVED = N_("Saved {file} (the previous version is {backup}).")
UNKNOWN_QUESTION = N_("{question}: no such question in the questionnaires; 'readiness-wizard "
                      "blank --format md' lists the question ids")
UNKNOWN_ACTION = N_("{action}: no such plan action in the questionnaires; the report's action "
                    "plan and 'readiness-wizard report --format json' list the action ids")
WOULD_DROP = NP_("{file}: {count} answer or plan entry no longer fits the current "
                 "questionnaires; saving now would leave it out. Open the assessment in the "
                 "wizard and save it there first (or give --packs with the questionnaires it was "
                 "answered with)",
                 "{file}: {count} answers or plan entries no longer fit the current "
                 "questionnaires; saving now would leave them out. Open the assessment in the "
                 "wizard and save it there first (or give --packs with the questionnaires it was "
                 "answered with)")


def register(sub) -> None:
    parser = sub.add_parser("evidence", help=say(HELP), description=say(DESCRIPTION))
    commands = parser.add_subparsers(dest="evidence_command", metavar="COMMAND", required=True,
                                     parser_class=type(parser))
    for name, helptext, handler in (("list", LIST_HELP, run_list),
                                    ("check", CHECK_HELP, run_check)):
        command = commands.add_parser(name, help=say(helptext), description=say(helptext))
        _common(command)
        command.set_defaults(handler=handler)

    add = commands.add_parser("add", help=say(ADD_HELP), description=say(ADD_HELP))
    _common(add)
    _target(add)
    what = add.add_mutually_exclusive_group(required=True)
    what.add_argument("--file", metavar="PATH", help=say(FILE_HELP))
    what.add_argument("--reference", metavar="TEXT", help=say(REFERENCE_HELP))
    add.add_argument("--note", metavar="TEXT", default="", help=say(NOTE_HELP))
    add.set_defaults(handler=run_add)

    remove = commands.add_parser("remove", help=say(REMOVE_HELP), description=say(REMOVE_HELP))
    _common(remove)
    _target(remove)
    remove.add_argument("number", metavar="NUMBER", type=int, help=say(NUMBER_HELP))
    remove.set_defaults(handler=run_remove)


def _common(parser) -> None:
    parser.add_argument("assessment", metavar="ASSESSMENT", help=say(ASSESSMENT_HELP))
    parser.add_argument("--packs", metavar="DIR", help=say(PACKS_HELP))


def _target(parser) -> None:
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--question", metavar="ID", help=say(QUESTION_HELP))
    group.add_argument("--action", metavar="ID", help=say(ACTION_HELP))


def _load(args):
    from wizard.core.assessment import load_assessment
    from wizard.core.content import load_content

    content = load_content(Path(args.packs) if args.packs else None)
    return content, load_assessment(Path(args.assessment), content)


def _key(args, content) -> str:
    from wizard.core.evidence import key_for

    if args.question is not None:
        if args.question not in content.questions:
            raise InputError.said(UNKNOWN_QUESTION, question=args.question)
        return key_for("question", args.question)
    if args.action not in content.actions:
        raise InputError.said(UNKNOWN_ACTION, action=args.action)
    return key_for("action", args.action)


def _print_items(path: Path, checked) -> None:
    from wizard.core.evidence import STATUS_WORDS, size_text

    if not checked:
        print(say(NONE, file=str(path)))
        return
    key = None
    for entry in checked:
        if entry.key != key:
            key = entry.key
            print(key)
        item = entry.item
        added = item.added or "-"
        if item.kind == "file":
            print("  " + say(ITEM_FILE, number=entry.number, name=item.name,
                             size=size_text(item.size), added=added, sha256=item.sha256,
                             status=say(STATUS_WORDS[entry.status])))
        else:
            print("  " + say(ITEM_REFERENCE, number=entry.number, reference=item.reference,
                             added=added))
        if item.note:
            print("  " + say(ITEM_NOTE, note=item.note))


def _checked(args):
    from wizard.core import evidence

    _, loaded = _load(args)
    path = Path(args.assessment)
    return path, evidence.check(loaded.assessment, path)


def run_list(args) -> int:
    from wizard.core.evidence import counts

    path, checked = _checked(args)
    _print_items(path, checked)
    if checked:
        number = counts(checked)
        print(say(SUMMARY, present=number["present"], missing=number["missing"],
                  altered=number["altered"], references=number["reference"]))
    return 0


def run_check(args) -> int:
    path, checked = _checked(args)
    _print_items(path, checked)
    bad = sum(1 for entry in checked if entry.status in ("missing", "altered"))
    if bad:
        print(say(PROBLEMS, count=bad, file=str(path)))
        return 1
    if checked:
        print(say(ALL_GOOD, file=str(path)))
    return 0


def _save(path: Path, loaded) -> None:
    from wizard.core.assessment import save_assessment

    save_assessment(path, loaded.assessment)
    print(say(SAVED, file=str(path), backup=str(backup_path(path))))


def _editable(args):
    content, loaded = _load(args)
    if loaded.dropped:
        raise InputError.said(WOULD_DROP, file=args.assessment, count=len(loaded.dropped))
    return content, loaded


def run_add(args) -> int:
    from wizard.core import evidence

    content, loaded = _editable(args)
    path = Path(args.assessment)
    key = _key(args, content)
    if args.file is not None:
        item = evidence.attach(loaded.assessment, path, key, Path(args.file), args.note)
        _save(path, loaded)
        print(say(ATTACHED, name=item.name, target=key,
                  stored=str(evidence.folder_for(path) / item.stored_name())))
    else:
        evidence.add_reference(loaded.assessment, key, args.reference, args.note)
        _save(path, loaded)
        print(say(REFERENCED, target=key))
    return 0


def run_remove(args) -> int:
    from wizard.core import evidence

    _, loaded = _editable(args)
    path = Path(args.assessment)
    # no check against the questionnaires: evidence on a retired question can still go
    key = (evidence.key_for("question", args.question) if args.question is not None
           else evidence.key_for("action", args.action))
    item = evidence.remove(loaded.assessment, key, args.number)
    _save(path, loaded)
    evidence.sweep(path, loaded.assessment, [item])
    print(say(REMOVED, what=item.name or item.reference, target=key))
    return 0
