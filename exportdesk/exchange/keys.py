"""The installation's Ed25519 signing key and how keys are shown to people."""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from exportdesk.portable import restrict_to_owner


def default_key_dir() -> Path:
    env = os.environ.get("EXPORTDESK_KEYS")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("ExportDesk", appauthor=False) / "keys"


def load_or_create_key(key_dir: Path | None = None) -> Ed25519PrivateKey:
    """The installation's signing key, created at first use, readable by the owner only."""
    key_dir = Path(key_dir or default_key_dir())
    path = key_dir / "ed25519.pem"
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} is not an Ed25519 key")
        return key
    key_dir.mkdir(parents=True, exist_ok=True)
    restrict_to_owner(key_dir, folder=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    return key


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def fingerprint(public_key: str) -> str:
    digest = hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def ref_prefix(public_key: str) -> str:
    """Four letters and digits from the key: a member installation's reference prefix."""
    digest = hashlib.sha256(base64.b64decode(public_key)).digest()
    return base64.b32encode(digest).decode()[:4]
