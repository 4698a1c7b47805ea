"""Files that hold personal data (exports, backups, PDFs of cases): written owner-only,
whole or not at all.

The content goes to a hidden temporary file beside the target (created 0600), is flushed
to disk and then renamed over the target; any failure (full disk, read-only folder)
removes the temporary file and raises StoreError with a clear message.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from exportdesk.portable import restrict_to_owner
from exportdesk.store.errors import StoreError

PRIVATE = 0o600


def os_error(exc: OSError, path: Path | str) -> StoreError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreError("disk_full", path=str(path))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreError("cannot_write", path=str(path), reason=exc.strerror or str(exc))
    return StoreError("cannot_write", path=str(path), reason=exc.strerror or str(exc))


def temporary_beside(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def write_private(target: Path | str, write: Callable[[BinaryIO], None]) -> Path:
    """Write `target` owner-only through `write(fh)`; all or nothing."""
    target = Path(target)
    tmp = temporary_beside(target)
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE)
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        restrict_to_owner(tmp)  # logs where the file system keeps other modes
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise os_error(exc, target) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def write_bytes_private(target: Path | str, data: bytes) -> Path:
    return write_private(target, lambda fh: fh.write(data) and None)
