"""``readiness-wizard content ...``: content updates without a network. Publishers make a key
and build signed bundles; users install, list, choose and trust (docs/content-updates.md)."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from wizard.cli.output import write_output
from wizard.cli.words import language, say
from wizard.core.errors import InputError
from wizard.core.storage import atomic_write
from wizard.i18n import N_, NP_

HELP = N_("install, list and choose content updates; build and sign them")
DESCRIPTION = N_("Content updates travel as signed bundles (*.aitr-content) that install "
                 "without a network. Publishers: keygen, build. Users: install, list, use, "
                 "trust. See docs/content-updates.md.")
BUILD_HELP = N_("check the content in DIR and build a signed bundle of it")
BUILD_DIR_HELP = N_("the content folder (packs, glossary.yaml, rules.yaml, content.yaml)")
KEY_HELP = N_("the publisher's private key (PEM, from 'content keygen')")
BUNDLE_OUT_HELP = N_("the bundle file to write (*.aitr-content)")
PREVIOUS_HELP = N_("the content to list changes against (default: the built-in content)")
FORCE_HELP = N_("replace the file if it exists")
KEYGEN_HELP = N_("make a publisher key pair (the private key, and its public key beside it)")
KEYFILE_OUT_HELP = N_("the private key file to write; the public key goes beside it as .pub")
INSTALL_HELP = N_("check a content bundle and install it beside the other versions")
FILE_HELP = N_("the bundle (*.aitr-content)")
UNSIGNED_HELP = N_("install a bundle without a signature; every report made with it says "
                   "'unverified content'")
REPLACE_HELP = N_("replace an installed bundle of the same version (it is kept aside)")
KEEP_HELP = N_("install only; keep the content in use as it is")
LIST_HELP = N_("list the content versions on this computer")
USE_HELP = N_("choose the content the wizard and the commands use")
VERSION_ARG_HELP = N_("an installed version, or 'builtin' for the content shipped with the "
                      "program")
ID_HELP = N_("the content id, when several contents have this version")
TRUST_HELP = N_("trust a publisher's public key for installing bundles")
TRUST_FILE_HELP = N_("the publisher's public key file (PEM)")
TRUST_LIST_HELP = N_("list the keys bundles may be signed with")
UNTRUST_HELP = N_("stop trusting a publisher key")
FINGERPRINT_HELP = N_("the key's fingerprint, as 'content trust --list' shows it")

BUILT = NP_("{file}: content {content} {version} (as of {as_of}), {files} files, signed with "
            "key {key}; {count} change against {previous}",
            "{file}: content {content} {version} (as of {as_of}), {files} files, signed with "
            "key {key}; {count} changes against {previous}")
KEY_WRITTEN = N_("private key: {private} (keep it secret and off shared folders)\npublic key: "
                 "{public} (give it to users, or ship it with the program)\nfingerprint: {key}")
KEY_SAME = N_("{path}: give the private key file a name that does not end in .pub")
KEY_EXISTS = N_("{path}: the file exists; a key is never overwritten. Choose another name.")
INSTALLED = N_("installed content {content} {version} (as of {as_of}, {publisher}), signed "
               "with key {key}")
INSTALLED_UNSIGNED = N_("installed content {content} {version} (as of {as_of}, {publisher}) "
                        "WITHOUT a signature: every report made with it says 'unverified "
                        "content'")
ALREADY = N_("content {content} {version} is already installed; nothing changed")
NOW_IN_USE = N_("now in use; 'readiness-wizard content use builtin' goes back to the built-in "
                "content")
NOT_IN_USE = N_("the content in use stays {version}; 'readiness-wizard content use {new}' "
                "switches")
CHANGES = N_("What changed:")
IN_USE = N_("in use: {content} {version} ({folder})")
USING = N_("now using content {content} {version}")
TRUSTED = N_("trusted key {key}\nBundles signed with it now install; 'readiness-wizard content "
             "untrust {short}' stops that.")
UNTRUSTED = N_("key {key} is no longer trusted")
NO_TRUST_FILE = N_("give a public key file, or --list")
KEY_ROW_SHIPPED = N_("{key}  shipped with the program")
KEY_ROW_TRUSTED = N_("{key}  trusted by you")
NO_KEYS = N_("no publisher keys")
# the columns of 'content list'
COLUMNS = (N_("In use"), N_("Version"), N_("Content"), N_("As of"), N_("Publisher"),
           N_("Signature"))
VERIFIED = N_("verified")
UNVERIFIED = N_("unverified")
BUILTIN_WORD = N_("built-in")
NO_DIR = N_("{folder}: no such folder")
NO_BUNDLE = N_("{path}: no such file")

# The commands import the content store, bundles and signing (and with them cryptography) when
# they run, not here: this module is imported to build the parser of every command.


def register(sub) -> None:
    parser = sub.add_parser("content", help=say(HELP), description=say(DESCRIPTION))
    commands = parser.add_subparsers(dest="content_command", metavar="COMMAND", required=True,
                                     parser_class=type(parser))
    build = commands.add_parser("build", help=say(BUILD_HELP), description=say(BUILD_HELP))
    build.add_argument("folder", metavar="DIR", help=say(BUILD_DIR_HELP))
    build.add_argument("--key", required=True, metavar="KEY", help=say(KEY_HELP))
    build.add_argument("-o", "--output", required=True, metavar="FILE",
                       help=say(BUNDLE_OUT_HELP))
    build.add_argument("--previous", metavar="DIR", help=say(PREVIOUS_HELP))
    build.add_argument("--force", action="store_true", help=say(FORCE_HELP))
    build.set_defaults(handler=run_build)

    keygen = commands.add_parser("keygen", help=say(KEYGEN_HELP), description=say(KEYGEN_HELP))
    keygen.add_argument("-o", "--output", required=True, metavar="KEYFILE",
                        help=say(KEYFILE_OUT_HELP))
    keygen.set_defaults(handler=run_keygen)

    install = commands.add_parser("install", help=say(INSTALL_HELP),
                                  description=say(INSTALL_HELP))
    install.add_argument("file", metavar="FILE", help=say(FILE_HELP))
    install.add_argument("--allow-unsigned", action="store_true", help=say(UNSIGNED_HELP))
    install.add_argument("--force", action="store_true", help=say(REPLACE_HELP))
    install.add_argument("--keep-current", action="store_true", help=say(KEEP_HELP))
    install.set_defaults(handler=run_install)

    listing = commands.add_parser("list", help=say(LIST_HELP), description=say(LIST_HELP))
    listing.set_defaults(handler=run_list)

    use = commands.add_parser("use", help=say(USE_HELP), description=say(USE_HELP))
    use.add_argument("version", metavar="VERSION", help=say(VERSION_ARG_HELP))
    use.add_argument("--id", dest="content_id", metavar="ID", help=say(ID_HELP))
    use.set_defaults(handler=run_use)

    trust = commands.add_parser("trust", help=say(TRUST_HELP), description=say(TRUST_HELP))
    trust.add_argument("keyfile", nargs="?", metavar="KEYFILE", help=say(TRUST_FILE_HELP))
    trust.add_argument("--list", action="store_true", help=say(TRUST_LIST_HELP))
    trust.set_defaults(handler=run_trust)

    untrust = commands.add_parser("untrust", help=say(UNTRUST_HELP),
                                  description=say(UNTRUST_HELP))
    untrust.add_argument("fingerprint", metavar="FINGERPRINT", help=say(FINGERPRINT_HELP))
    untrust.set_defaults(handler=run_untrust)


def _folder(value: str) -> Path:
    folder = Path(value)
    if not folder.is_dir():
        raise InputError.said(NO_DIR, folder=str(folder))
    return folder


def run_build(args) -> int:
    from wizard import content_store
    from wizard.core import bundle, signing
    from wizard.core.content import load_content

    folder = _folder(args.folder)
    previous = _folder(args.previous) if args.previous else content_store.builtin_folder()
    key = signing.load_private(Path(args.key))
    built = bundle.build(folder, key, previous)
    write_output(args.output, built.data, force=args.force,
                 inputs=[Path(args.key), *sorted(folder.glob("*.yaml"))])
    old = load_content(previous)
    out = sys.stderr if args.output == "-" else sys.stdout
    print(say(BUILT, file=args.output, content=built.manifest["content_id"],
              version=built.manifest["version"], as_of=built.manifest["as_of"],
              files=len(built.manifest["files"]), key=signing.spaced(signing.fingerprint(
                  key.public_key())), count=len(built.changelog["entries"]),
              previous=f"{old.content_id} {old.content_version}"), file=out)
    _print_changes(built.changelog, out)
    return 0


def run_keygen(args) -> int:
    from wizard.core import signing

    private = Path(args.output)
    public = private.with_suffix(signing.PUBLIC_SUFFIX) if private.suffix \
        else Path(str(private) + signing.PUBLIC_SUFFIX)
    if private == public:
        raise InputError.said(KEY_SAME, path=str(private))
    for path in (private, public):
        if path.exists() or path.is_symlink():
            raise InputError.said(KEY_EXISTS, path=str(path))
    pair = signing.generate()
    atomic_write(private, pair.private_pem, private=True)
    atomic_write(public, pair.public_pem, private=False)
    print(say(KEY_WRITTEN, private=str(private), public=str(public),
              key=signing.spaced(pair.key_id)))
    return 0


def _print_changes(changes: dict, out=None) -> None:
    entries = changes.get("entries") or []
    if not entries:
        return
    lang = language()
    print(say(CHANGES), file=out or sys.stdout)
    for entry in entries:
        print(f"  - {entry.get(lang) or entry.get('en', '')}", file=out or sys.stdout)


def run_install(args) -> int:
    from wizard import content_store
    from wizard.core import signing

    path = Path(args.file)
    if not path.is_file():
        raise InputError.said(NO_BUNDLE, path=str(path))
    result = content_store.install(path, allow_unsigned=args.allow_unsigned, force=args.force,
                                   activate=not args.keep_current)
    row = result.row
    if result.already:
        print(say(ALREADY, content=row.content_id, version=row.version))
        return 0
    if row.verified:
        print(say(INSTALLED, content=row.content_id, version=row.version, as_of=row.as_of,
                  publisher=row.publisher, key=signing.spaced(row.key_id or "")))
    else:
        print(say(INSTALLED_UNSIGNED, content=row.content_id, version=row.version,
                  as_of=row.as_of, publisher=row.publisher))
    if result.activated:
        print(say(NOW_IN_USE))
    else:
        active = next(r for r in content_store.installed() if r.active)
        print(say(NOT_IN_USE, version=active.version, new=row.version))
    _print_changes(result.changelog)
    return 0


def run_list(args) -> int:
    from wizard import content_store

    rows = [[say(c) for c in COLUMNS]]
    for row in content_store.installed():
        signature = say(VERIFIED) if row.verified else say(UNVERIFIED)
        if row.builtin:
            signature = f"{signature} ({say(BUILTIN_WORD)})"
        rows.append(["*" if row.active else "", row.version, row.content_id, row.as_of,
                     row.publisher, signature])
    widths = [max(_width(r[i]) for r in rows) for i in range(len(COLUMNS))]
    for r in rows:
        print("  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(r, widths)).rstrip())
    active = next(r for r in content_store.installed() if r.active)
    print(say(IN_USE, content=active.content_id, version=active.version,
              folder=str(active.folder)))
    return 0


def _width(text: str) -> int:
    """Columns a terminal gives ``text`` (Hangul and other wide letters take two)."""

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def run_use(args) -> int:
    from wizard import content_store

    row = content_store.use(args.version, args.content_id)
    print(say(USING, content=row.content_id, version=row.version))
    return 0


def run_trust(args) -> int:
    from wizard import content_store
    from wizard.core import signing

    if args.list:
        shipped, trusted = content_store.shipped_keys(), content_store.trusted_keys()
        for key in shipped:
            print(say(KEY_ROW_SHIPPED, key=signing.spaced(key)))
        for key in trusted:
            if key not in shipped:
                print(say(KEY_ROW_TRUSTED, key=signing.spaced(key)))
        if not shipped and not trusted:
            print(say(NO_KEYS))
        return 0
    if not args.keyfile:
        raise InputError.said(NO_TRUST_FILE)
    key = content_store.trust(Path(args.keyfile))
    print(say(TRUSTED, key=signing.spaced(key), short=key))
    return 0


def run_untrust(args) -> int:
    from wizard import content_store
    from wizard.core import signing

    content_store.untrust(args.fingerprint)
    print(say(UNTRUSTED, key=signing.spaced(args.fingerprint.replace(" ", "").lower())))
    return 0
