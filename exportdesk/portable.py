"""Operating-system differences in one place, each with a fallback that says what it did.

POSIX file modes do not exist on Windows: `os.chmod` there only toggles the read-only flag,
and a file inherits the access list of its folder (a user's profile folder is private to the
user by default). Network shares and FAT-formatted USB sticks refuse modes on any system.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("exportdesk")
_WINDOWS = os.name == "nt"


def restrict_to_owner(path: Path | str, *, folder: bool = False) -> bool:
    """Make a file (0600) or folder (0700) readable by its owner only, where the system allows.

    Returns False, and logs a warning naming the path, where it cannot be done.
    """
    if _WINDOWS:
        log.warning(
            "%s: Windows has no owner-only file modes; access follows the folder's permissions"
            " (keep ExportDesk's data inside your user profile)",
            path,
        )
        return False
    path = Path(path)
    try:
        os.chmod(path, 0o700 if folder else 0o600)
    except OSError as exc:
        log.warning("%s: permissions could not be restricted to the owner (%s)", path, exc.strerror)
        return False
    mode = path.stat().st_mode & 0o777
    if mode != (0o700 if folder else 0o600):
        # Some file systems (FAT, SMB mounts) accept chmod and ignore it.
        log.warning("%s: the file system keeps mode %o; others may be able to read it", path, mode)
        return False
    return True
