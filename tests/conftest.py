from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EXPORTDESK_LANG", "ja")
os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")
# The installation key every Store signs its audit head with: a throwaway folder, never
# the developer's own (subprocesses inherit it).
os.environ.setdefault("EXPORTDESK_KEYS", tempfile.mkdtemp(prefix="exportdesk-test-keys-"))
# Commands sign in as a script does: the fixtures' password from the environment (the
# sign-in tests remove it to check the refusals). Each command still names its --user.
os.environ.setdefault("EXPORTDESK_PASSWORD", "correct horse battery")
# The forms cache of the test run, not the user's.
os.environ.setdefault("EXPORTDESK_CACHE", tempfile.mkdtemp(prefix="exportdesk-cache-"))
# The window's settings (the campus address chosen once) in a throwaway folder.
os.environ.setdefault("EXPORTDESK_CONFIG", tempfile.mkdtemp(prefix="exportdesk-config-"))
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


@pytest.fixture(scope="session")
def pg_cluster():  # type: ignore[no-untyped-def]
    """One throwaway PostgreSQL cluster for the session (tests/pg_cluster.py).

    Skips only where PostgreSQL cannot run here; under CI a missing server fails.
    """
    from tests import pg_cluster

    reason = pg_cluster.unavailable_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {reason}")
        pytest.skip(reason)
    cluster = pg_cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_pair(request, tmp_path):  # type: ignore[no-untyped-def]
    """tests.test_exchange.make_pair with the office on its own SQLite file or on the
    campus database (there each person imports and decides through their own
    connection): a laptop off the campus network keeps its own file, and its case files
    import into either. Call it with the ICP format."""
    from tests.campus_world import campus_on
    from tests.test_exchange import Pair, make_pair

    def make(fmt: str = "small") -> Pair:
        return make_pair(tmp_path, fmt, campus_on(request, tmp_path / "office.db", fmt))

    return make
