from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EXPORTDESK_LANG", "ja")
os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")
# The installation key every Store signs its audit head with: a throwaway folder, never
# the developer's own (subprocesses inherit it).
os.environ.setdefault("EXPORTDESK_KEYS", tempfile.mkdtemp(prefix="exportdesk-test-keys-"))
# The forms cache of the test run, not the user's.
os.environ.setdefault("EXPORTDESK_CACHE", tempfile.mkdtemp(prefix="exportdesk-cache-"))
# Case files that member PCs write on submission go to a throwaway folder, not ~/Documents.
os.environ.setdefault("EXPORTDESK_OUTBOX", tempfile.mkdtemp(prefix="exportdesk-outbox-"))

import pytest

from exportdesk.domain.catalog import Catalog, default_catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return default_catalog()


@pytest.fixture
def fonts(qapp):  # type: ignore[no-untyped-def]
    """Register the bundled fonts once the QApplication exists."""
    from exportdesk.gui.app import register_fonts

    return register_fonts(qapp)
