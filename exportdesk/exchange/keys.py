"""How keys are shown to people and what they derive. The installation's key itself (where
it lives, how it is made) is the store's (exportdesk.store.keys): the same key signs the
audit chain's head and every file this installation writes."""

from __future__ import annotations

import base64
import hashlib

from exportdesk.store.keys import (
    default_key_dir,
    fingerprint,
    load_or_create_key,
    public_key_text,
)

__all__ = ["default_key_dir", "fingerprint", "load_or_create_key", "public_key_text", "ref_prefix"]


def ref_prefix(public_key: str) -> str:
    """Four letters and digits from the key: a member installation's reference prefix."""
    digest = hashlib.sha256(base64.b64decode(public_key)).digest()
    return base64.b32encode(digest).decode()[:4]
