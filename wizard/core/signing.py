"""Ed25519 keys and signatures for content bundles: making a key pair, a key's fingerprint
(the key id a bundle names), signing and checking.

Keys are PEM files: the private key PKCS#8 (unencrypted: keep it off shared disks, see
docs/content-updates.md), the public key SubjectPublicKeyInfo. A key's fingerprint is the
first 32 hex digits of the SHA-256 of its 32 raw public bytes; it is the key id recorded in
a bundle's ``signature`` and shown by ``content trust``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from wizard.core.errors import InputError
from wizard.i18n import N_

FINGERPRINT_DIGITS = 32
MAX_KEY_BYTES = 16 * 1024
PUBLIC_SUFFIX = ".pub"

NOT_A_KEY = N_("{path}: not an Ed25519 {kind} key in PEM form. Give the file that "
               "'readiness-wizard content keygen' wrote.")
UNREADABLE_KEY = N_("{path}: the key file cannot be read ({reason}).")
PRIVATE = N_("private")
PUBLIC = N_("public")


@dataclass(frozen=True)
class KeyPair:
    private_pem: bytes
    public_pem: bytes
    key_id: str


def fingerprint(public_key: Ed25519PublicKey) -> str:
    """The key id of ``public_key``."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:FINGERPRINT_DIGITS]


def spaced(key_id: str) -> str:
    """A key id in groups of four for reading aloud: ``1a2b 3c4d ...``."""
    return " ".join(key_id[i:i + 4] for i in range(0, len(key_id), 4))


def generate() -> KeyPair:
    """A new key pair."""
    private = Ed25519PrivateKey.generate()
    public = private.public_key()
    return KeyPair(
        private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()),
        public.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo),
        fingerprint(public))


def _read(path: Path, kind: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_KEY_BYTES + 1)
    except OSError as exc:
        raise InputError.said(UNREADABLE_KEY, path=str(path),
                              reason=exc.strerror or exc.__class__.__name__) from exc


def public_key_from(data: bytes) -> Ed25519PublicKey:
    """The public key in ``data`` (PEM); ValueError when it is none."""
    key = serialization.load_pem_public_key(data)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def load_public(path: Path) -> Ed25519PublicKey:
    """The public key in the file ``path`` (a private key file gives its public half)."""
    data = _read(Path(path), PUBLIC)
    try:
        return public_key_from(data)
    except (ValueError, TypeError):
        pass
    try:
        return load_private(Path(path)).public_key()
    except InputError:
        raise InputError.said(NOT_A_KEY, path=str(path), kind=PUBLIC) from None


def load_private(path: Path) -> Ed25519PrivateKey:
    data = _read(Path(path), PRIVATE)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise InputError.said(NOT_A_KEY, path=str(path), kind=PRIVATE) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError.said(NOT_A_KEY, path=str(path), kind=PRIVATE)
    return key


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def sign(private_key: Ed25519PrivateKey, data: bytes) -> bytes:
    return private_key.sign(data)


def verifies(public_key: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    """Whether ``signature`` is ``public_key``'s over ``data``."""
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def keys_in(folder: Path) -> dict[str, Ed25519PublicKey]:
    """The public keys (``*.pub``) in ``folder`` by key id; files that are not keys are left
    out (a missing folder has none)."""
    found: dict[str, Ed25519PublicKey] = {}
    try:
        files = sorted(Path(folder).glob("*" + PUBLIC_SUFFIX))
    except OSError:
        return found
    for path in files:
        try:
            key = public_key_from(path.read_bytes()[:MAX_KEY_BYTES])
        except (OSError, ValueError, TypeError):
            continue
        found[fingerprint(key)] = key
    return found
