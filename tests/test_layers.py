"""The house rules that keep trust in one place: only store/ writes SQL or reaches into
the store's private parts; domain/ knows nothing of Qt, SQL or PDFs."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "exportdesk"

PRIVATE_STORE = re.compile(
    r"store\._\w+\(|\.db\[|\.db\.(execute|query|atomic)|\b_audit\(|\._case_row\(|\._rows?\("
)
# Maintenance of the database file itself (integrity check, backup, restore) is the one
# command that works below the store's interface.
ALLOWED = {"cli/db_cmd.py"}


def sources(outside: str) -> list[Path]:
    return [
        p
        for p in PACKAGE.rglob("*.py")
        if not p.relative_to(PACKAGE).as_posix().startswith(outside)
    ]


def test_nothing_outside_the_store_writes_sql_or_uses_its_private_parts():
    offenders = []
    for path in sources("store/"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PRIVATE_STORE.search(line):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert offenders == []


def test_the_rule_check_finds_a_violation(tmp_path: Path):
    # The pattern must catch what exchange code used to do.
    for line in (
        'store.db["cases"].update(1, {})',
        "store._audit(actor, 'x', 'case', 1)",
        'self.store._row("SELECT 1")',
        "store.db.execute('DELETE FROM cases')",
    ):
        assert PRIVATE_STORE.search(line), line


def test_domain_imports_no_qt_sql_or_pdf():
    banned = re.compile(r"^\s*(from|import)\s+(PySide6|sqlite3|sqlite_utils|reportlab|psycopg)")
    offenders = [
        f"{p.name}: {line.strip()}"
        for p in (PACKAGE / "domain").rglob("*.py")
        for line in p.read_text(encoding="utf-8").splitlines()
        if banned.match(line)
    ]
    assert offenders == []
