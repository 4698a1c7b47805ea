"""Case files on the campus database: what the server refuses the office at a terminal.

The office imports case files from PCs off the network: it records their senders
(known only from their files), adds their answers and attachments in their name, and
resubmits their returned cases. An office member at `psql` must not use that to act
for someone who signs in here, nor forge or remove a case's exchange id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest

from exportdesk.exchange import Exchange
from exportdesk.store import Store, StoreError
from tests.campus_world import World, person_campus
from tests.store_fixtures import PASSWORD, controlled_answers, plain_visit_answers
from tests.test_campus_pg import psql
from tests.test_exchange import make_pair, send

TABLES = (
    *("cases", "messages", "attachments", "audit_log", "users", "user_roles"),
    *("trusted_keys", "exchange_log"),
)


@pytest.fixture(scope="module")
def cases(pg_cluster, tmp_path_factory):  # type: ignore[no-untyped-def]
    """A returned case of a sender known only from their files (imported through
    ExportDesk), a returned case of the professor who signs in here, and one of theirs
    that an import before this release tied to an exchange id."""
    tmp: Path = tmp_path_factory.mktemp("exchange")
    c = person_campus(pg_cluster)
    w: World = c.store.world  # type: ignore[attr-defined]
    pair = make_pair(tmp, "small", c)
    _, path = send(pair, "case-1.exportdesk")
    remote = pair.office_x.import_case(c.office, path, trust_new_key=True)["case_id"]
    ids: dict[str, Any] = {"remote": remote, "prof": c.prof.id, "office": c.office.id}
    for name in ("campus", "legacy"):
        case = c.store.create_case(c.prof, answers=plain_visit_answers())
        c.store.submit(c.prof, case["id"])
        ids[name] = case["id"]
    for case_id in (remote, ids["campus"], ids["legacy"]):
        c.store.take_for_review(c.office, case_id)
        c.store.return_case(c.office, case_id, "図面を添付してください")
    with psycopg.connect(w.admin_dsn) as conn:
        conn.execute(
            "UPDATE exportdesk.cases SET exchange_id = 'legacy-import' WHERE id = %s",
            [ids["legacy"]],
        )
    ids["remote_user"] = c.store.get_case(c.office, remote)["applicant_id"]
    ids["tmp"], ids["campus_world"] = tmp, c
    yield w, ids
    c.store.close()


def snapshot(w: World) -> dict[str, list[tuple]]:
    """The cases and what hangs on them, read as the schema owner (past every policy)."""
    with psycopg.connect(w.admin_dsn) as conn:
        return {
            t: conn.execute(f"SELECT * FROM exportdesk.{t} ORDER BY 1").fetchall() for t in TABLES
        }


NEW_CASE = (
    "INSERT INTO exportdesk.cases (ref, applicant_id, filed_by_id, status, forms_version,"
    " created_at, updated_at, exchange_id) VALUES ('tmp-x', {prof}, {prof}, 'submitted', '1',"
    " 'now', 'now', 'forged')"
)


@pytest.mark.parametrize(
    ("who", "statement", "message"),
    [
        # An exchange id is never given, changed or cleared by hand.
        (
            "office",
            "UPDATE exportdesk.cases SET exchange_id = 'forged' WHERE id = {campus}",
            "origin do not change",
        ),
        (
            "office2",
            "UPDATE exportdesk.cases SET exchange_id = NULL WHERE id = {remote}",
            "origin do not change",
        ),
        (
            "office2",
            "UPDATE exportdesk.cases SET exchange_id = 'other' WHERE id = {remote}",
            "origin do not change",
        ),
        (
            "office2",
            "UPDATE exportdesk.cases SET exchange_id = NULL WHERE id = {legacy}",
            "origin do not change",
        ),
        (
            "office",
            "UPDATE exportdesk.cases SET exchange_key = 'forged' WHERE id = {remote}",
            "origin do not change",
        ),
        # The office never resubmits in the name of someone who signs in here…
        (
            "office",
            "UPDATE exportdesk.cases SET title = title || ' (edited)', status = 'submitted'"
            " WHERE id = {legacy}",
            "not allowed",
        ),
        ("office", NEW_CASE, "row-level security"),
        ("office", NEW_CASE.replace("'forged'", "NULL"), "row-level security"),
        (
            "office2",
            NEW_CASE.replace("'submitted'", "'approved'").replace("'forged'", "NULL"),
            "row-level security",
        ),
        ("prof", NEW_CASE.replace("'submitted'", "'draft'"), "row-level security"),
        # …nor writes their messages or attachments.
        (
            "office",
            "INSERT INTO exportdesk.messages (case_id, round, user_id, kind, body, at)"
            " VALUES ({legacy}, 1, {prof}, 'comment', 'I confirm', 'now')",
            "row-level security",
        ),
        (
            "office",
            "INSERT INTO exportdesk.messages (case_id, round, user_id, kind, body, at)"
            " VALUES ({legacy}, 1, {prof}, 'answer', 'I confirm', 'now')",
            "row-level security",
        ),
        (
            "office2",
            "INSERT INTO exportdesk.attachments (case_id, filename, sha256, size, content,"
            " added_by, at) VALUES ({legacy}, 'a.pdf', 'x', 1, 'x', {prof}, 'now')",
            "row-level security",
        ),
        # A sender known from files gives answers, never comments in someone's voice.
        (
            "office",
            "INSERT INTO exportdesk.messages (case_id, round, user_id, kind, body, at)"
            " VALUES ({remote}, 1, {remote_user}, 'comment', 'I confirm', 'now')",
            "row-level security",
        ),
    ],
)
def test_the_office_cannot_act_for_an_applicant_at_a_terminal(
    cases: tuple[World, dict], who: str, statement: str, message: str
) -> None:
    w, ids = cases
    before = snapshot(w)
    result = psql(w, who, statement.format(**ids))
    assert result.returncode != 0, (statement, result.stdout)
    assert "ERROR" in result.stderr and message in result.stderr, result.stderr
    assert snapshot(w) == before


def test_the_review_stays_the_offices_and_a_file_senders_case_resubmits(
    cases: tuple[World, dict],
) -> None:
    """What the import does is still allowed, and the office's review sheet is its own."""
    w, ids = cases
    result = psql(
        w,
        "office2",
        f"UPDATE exportdesk.cases SET review_json = review_json WHERE id = {ids['campus']}"
        " RETURNING id",
    )
    assert result.returncode == 0 and result.stdout.split() == [str(ids["campus"])]
    statement = (
        "BEGIN; UPDATE exportdesk.cases SET status = 'submitted', round = round + 1"
        f" WHERE id = {ids['remote']};"
        " INSERT INTO exportdesk.messages (case_id, round, user_id, kind, body, at)"
        f" VALUES ({ids['remote']}, 1, {ids['remote_user']}, 'answer', '添付しました', 'now');"
        " ROLLBACK;"
    )
    before = snapshot(w)
    result = psql(w, "office", statement)
    assert result.returncode == 0 and "ERROR" not in result.stderr, result.stderr
    assert snapshot(w) == before  # rolled back: the fixture's cases stay returned


def test_a_file_in_the_name_of_someone_who_signs_in_here_is_refused(
    cases: tuple[World, dict],
) -> None:
    """The professor signs in to the campus database: a case file under their login
    (their own laptop, or anyone with the institution file) is not imported for them."""
    w, ids = cases
    tmp: Path = ids["tmp"]
    c = ids["campus_world"]
    laptop = Store(tmp / "own-laptop.db")
    x = Exchange(laptop, key_dir=tmp / "own-laptop-keys")
    user = x.import_profile(
        tmp / "institution.exportdesk",
        login=c.prof.login,
        name="研究 一郎",
        password=PASSWORD,
        department="ENG",
    )
    case = laptop.create_case(user, answers=controlled_answers())
    x.write_case(user, case["id"], tmp / "own-laptop.exportdesk")
    laptop.close()
    office_x = Exchange(w.store(c.office), key_dir=tmp / "office-keys")
    before = snapshot(w)
    with pytest.raises(StoreError) as err:
        office_x.import_case(c.office, tmp / "own-laptop.exportdesk", trust_new_key=True)
    assert err.value.code == "campus_sender" and c.prof.login in err.value.en
    assert "キャンパス" in err.value.ja
    assert snapshot(w) == before
