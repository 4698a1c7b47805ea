"""The installation's Ed25519 key: where it lives, how it is made, how its signatures are
checked. The store signs the audit chain's head with it; case files are signed with it too.

The key sits in its own folder (`EXPORTDESK_KEYS`, else `keys` in the user data folder),
apart from the database, so a copy of the database alone cannot sign a rewritten history.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KEY_FILE = "ed25519.pem"


def default_key_dir() -> Path:
    env = os.environ.get("EXPORTDESK_KEYS")
    if env:
        return Path(env)
    from exportdesk.store.db_location import data_folder

    return data_folder() / "keys"


def _read(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} does not hold an Ed25519 key")
    return key


def load_key(key_dir: Path | str | None = None) -> Ed25519PrivateKey | None:
    """The key if it exists (never creates one: for checking, not signing)."""
    path = Path(key_dir or default_key_dir()) / KEY_FILE
    return _read(path) if path.exists() else None


def load_or_create_key(key_dir: Path | str | None = None) -> Ed25519PrivateKey:
    """The installation's signing key, created at first use, readable by the owner only."""
    key_dir = Path(key_dir or default_key_dir())
    path = key_dir / KEY_FILE
    if path.exists():
        return _read(path)
    key_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # no POSIX modes there: the folder's ACL applies
        os.chmod(key_dir, 0o700)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    # Written aside and linked into place: a second process starting at the same moment
    # either wins the link or reads the complete key of the first, never half a file.
    tmp = key_dir / f".{KEY_FILE}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
        fh.flush()
        os.fsync(fh.fileno())
    try:
        os.link(tmp, path)
    except FileExistsError:
        return _read(path)
    finally:
        tmp.unlink(missing_ok=True)
    return key


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def fingerprint(public_key: str) -> str:
    digest = hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return base64.b64encode(key.sign(data)).decode()


def signature_valid(public_key: str, data: bytes, signature: str) -> bool:
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key, validate=True))
        public.verify(base64.b64decode(signature, validate=True), data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
