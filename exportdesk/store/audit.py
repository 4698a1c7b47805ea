"""The audit log: who did what, when, with before/after values, hash-chained.

Each entry's hash covers its own fields, the seals of the rows it changed (see
`seals`) and the previous entry's hash. The chain's head (last seq and hash) is kept in
`meta` and signed with the installation's key. Editing, deleting or reordering an
entry breaks the chain; editing a record behind the application's back breaks its
seal; recomputing the whole chain needs the key; and heads already given out in
files (`check_heads`) show a history that was rewritten or cut short.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from exportdesk.store import keys, seals

GENESIS = "0" * 64
HEAD_KEY = "audit_head"
SIGNED_KEY = "audit_head_signed"
ISSUED_KEY = "audit_issued"
MAX_PROBLEMS = 50


def canonical(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(prev_hash: str, row: dict[str, Any]) -> str:
    fields = [
        prev_hash,
        row["seq"],
        row["at"],
        row["user_id"],
        row["user_login"],
        row["action"],
        row["entity"],
        str(row["entity_id"]),
        row["before_json"],
        row["after_json"],
    ]
    # Entries written before seals existed hash as they always did.
    if row.get("state_json") is not None:
        fields.append(row["state_json"])
    payload = canonical(fields)
    assert payload is not None
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _meta(db: sqlite_utils.Database, key: str) -> Any:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else None


def _set_meta(db: sqlite_utils.Database, key: str, value: Any) -> None:
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, json.dumps(value)],
    )


def installation_uid(db: sqlite_utils.Database) -> str:
    try:
        row = db.execute("SELECT uid FROM institution WHERE id = 1").fetchone()
    except Exception:  # a schema before exchange ids
        return ""
    return str(row[0]) if row and row[0] else ""


def head_message(installation: str, seq: int, digest: str) -> bytes:
    text = canonical(["exportdesk-audit-head", installation, seq, digest])
    assert text is not None
    return text.encode("utf-8")


def sign_head(db: sqlite_utils.Database, key: Ed25519PrivateKey) -> None:
    """Sign the current head (inside the transaction that moved it)."""
    head = _meta(db, HEAD_KEY)
    if not head:
        return
    seq, digest = head
    uid = installation_uid(db)
    _set_meta(
        db,
        SIGNED_KEY,
        {
            "installation": uid,
            "seq": seq,
            "hash": digest,
            "public_key": keys.public_key_text(key),
            "signature": keys.sign(key, head_message(uid, seq, digest)),
        },
    )


def append(
    db: sqlite_utils.Database,
    *,
    at: str,
    user_id: int | None,
    user_login: str,
    action: str,
    entity: str,
    entity_id: Any = "",
    before: Any = None,
    after: Any = None,
    state: seals.State | None = None,
    key: Ed25519PrivateKey | None = None,
) -> int:
    """Add one entry. Call inside the transaction that makes the change, after it."""
    head = _meta(db, HEAD_KEY)
    last_seq, prev_hash = head if head else (0, GENESIS)
    row = {
        "seq": last_seq + 1,
        "at": at,
        "user_id": user_id,
        "user_login": user_login,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "before_json": canonical(before),
        "after_json": canonical(after),
        "state_json": canonical(state) if state else None,
        "prev_hash": prev_hash,
    }
    row["hash"] = entry_hash(prev_hash, row)
    db.execute(
        "INSERT INTO audit_log (seq, at, user_id, user_login, action, entity, entity_id,"
        " before_json, after_json, state_json, prev_hash, hash) VALUES (:seq, :at, :user_id,"
        " :user_login, :action, :entity, :entity_id, :before_json, :after_json, :state_json,"
        " :prev_hash, :hash)",
        row,
    )
    _set_meta(db, HEAD_KEY, [row["seq"], row["hash"]])
    if key is not None:
        sign_head(db, key)
    return int(row["seq"])


# --- signed heads given out -----------------------------------------------------------


def signed_head(db: sqlite_utils.Database) -> dict[str, Any] | None:
    """The signed head as it stands, for a file or sheet to carry (None: nothing signed).

    Refuses (ValueError) a signature that does not belong to the current head: a head is
    only ever given out when the chain and its signature agree.
    """
    signed = _meta(db, SIGNED_KEY)
    head = _meta(db, HEAD_KEY)
    if not signed or not head:
        return None
    if [signed.get("seq"), signed.get("hash")] != list(head):
        raise ValueError("the audit chain's head is not signed")
    return dict(signed)


def note_issued(db: sqlite_utils.Database, head: dict[str, Any]) -> None:
    """Remember the newest head handed out, so a restore of an older copy can warn."""
    issued = _meta(db, ISSUED_KEY)
    if not issued or head["seq"] > issued[0]:
        _set_meta(db, ISSUED_KEY, [head["seq"], head["hash"]])


def issued(db: sqlite_utils.Database) -> tuple[int, str] | None:
    value = _meta(db, ISSUED_KEY)
    return (int(value[0]), str(value[1])) if value else None


def head_signature_valid(head: dict[str, Any]) -> bool:
    try:
        message = head_message(str(head["installation"]), int(head["seq"]), str(head["hash"]))
        return keys.signature_valid(str(head["public_key"]), message, str(head["signature"]))
    except (KeyError, TypeError, ValueError):
        return False


# --- verification -----------------------------------------------------------------------


@dataclass
class VerifyResult:
    ok: bool
    entries: int
    problems: list[str]
    head: tuple[int, str] | None = None
    signed_by: str = ""
    notes: list[str] = field(default_factory=list)


def has_seals(db: sqlite_utils.Database) -> bool:
    """Whether the schema has row seals and signed heads (a copy from before them has not)."""
    return any(c[1] == "state_json" for c in db.execute("PRAGMA table_info(audit_log)"))


def _walk(db: sqlite_utils.Database, problems: list[str]) -> tuple[int, str, int, seals.Ledger]:
    ledger = seals.Ledger()
    prev_hash = GENESIS
    expected_seq = 1
    count = 0
    state = "state_json" if has_seals(db) else "NULL AS state_json"
    cursor = db.execute(
        "SELECT seq, at, user_id, user_login, action, entity, entity_id, before_json,"
        f" after_json, {state}, prev_hash, hash FROM audit_log ORDER BY seq"
    )
    cols = [c[0] for c in cursor.description]
    for values in cursor:
        row = dict(zip(cols, values, strict=True))
        count += 1
        seq = row["seq"]
        if seq != expected_seq:
            problems.append(f"entry {expected_seq} is missing (next is {seq})")
        if row["prev_hash"] != prev_hash:
            problems.append(f"entry {seq}: does not follow the previous entry (deleted or moved)")
        if entry_hash(row["prev_hash"], row) != row["hash"]:
            problems.append(f"entry {seq}: content does not match its hash (edited)")
        if row["state_json"]:
            try:
                ledger.apply(seq, json.loads(row["state_json"]))
            except (ValueError, TypeError):
                problems.append(f"entry {seq}: unreadable seals (edited)")
        prev_hash = row["hash"]
        expected_seq = seq + 1
    return count, prev_hash, expected_seq - 1, ledger


def verify(db: sqlite_utils.Database, public_key: str | None = None) -> VerifyResult:
    """Check the chain, the seals of every record and the signature of the head.

    `public_key`: this installation's key; without it the signature is checked against
    the key it names, and that key's fingerprint is reported for the reader to compare.
    """
    problems: list[str] = []
    count, last_hash, last_seq, ledger = _walk(db, problems)
    head = _meta(db, HEAD_KEY)
    if head:
        head_seq, head_hash = head
        if (head_seq, head_hash) != (last_seq, last_hash):
            problems.append(
                f"the log ends at entry {last_seq} but the recorded head is entry"
                f" {head_seq} (entries removed from the end, or the head altered)"
            )
    elif count:
        problems.append("the recorded head of the log is missing")
    signed_by = ""
    notes: list[str] = []
    if not has_seals(db):
        notes.append("made before records were sealed: only the chain itself was checked")
        return VerifyResult(not problems, count, problems, None, "", notes)
    signed = _meta(db, SIGNED_KEY)
    if count:
        if not signed:
            problems.append("the head of the log carries no signature (removed or replaced)")
        elif [signed.get("seq"), signed.get("hash")] != [last_seq, last_hash]:
            problems.append(
                f"the signed head is entry {signed.get('seq')}, the log ends at entry {last_seq}"
                " (history rewritten or cut short)"
            )
        elif not head_signature_valid(signed):
            problems.append("the signature of the head is not valid (the head was altered)")
        elif public_key and signed["public_key"] != public_key:
            problems.append(
                "the head is signed by another key"
                f" ({keys.fingerprint(signed['public_key'])}), not this installation's"
            )
        else:
            signed_by = keys.fingerprint(signed["public_key"])
    problems += ledger.compare(seals.current(db))
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in ("attachments", "person_scans"):  # files: content against its own hash
        if table not in tables:
            continue
        for row_id, digest, content in db.execute(f"SELECT id, sha256, content FROM {table}"):
            if hashlib.sha256(content).hexdigest() != digest:
                problems.append(f"{table} row {row_id}: content does not match its sha256")
    if len(problems) > MAX_PROBLEMS:
        problems = [*problems[:MAX_PROBLEMS], f"… and {len(problems) - MAX_PROBLEMS} more"]
    return VerifyResult(
        not problems, count, problems, (last_seq, last_hash) if count else None, signed_by, notes
    )


def entry_at(db: sqlite_utils.Database, seq: int) -> str | None:
    row = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
    return str(row[0]) if row else None


def check_heads(
    db: sqlite_utils.Database, heads: list[tuple[str, dict[str, Any]]], public_key: str | None
) -> tuple[list[str], list[str]]:
    """Compare the chain with heads that files carry: (problems, notes).

    A head counts for this database when it is signed by this installation's key (or,
    without the key at hand, names this installation). A head beyond the end of the
    log, or one the log disagrees with, means history was cut short or rewritten.
    """
    problems: list[str] = []
    notes: list[str] = []
    uid = installation_uid(db)
    last = db.execute("SELECT max(seq) FROM audit_log").fetchone()[0] or 0
    for source, head in heads:
        if not head_signature_valid(head):
            problems.append(f"{source}: the head it carries has no valid signature")
            continue
        ours = head["public_key"] == public_key if public_key else head["installation"] == uid
        if not ours:
            notes.append(
                f"{source}: head of another installation"
                f" ({keys.fingerprint(head['public_key'])}); not compared"
            )
            continue
        seq = int(head["seq"])
        if seq > last:
            problems.append(
                f"{source}: holds entry {seq} of this log, which now ends at entry {last}"
                " (history deleted, or restored from an older copy)"
            )
        elif entry_at(db, seq) != head["hash"]:
            problems.append(
                f"{source}: entry {seq} of this log differs from the head given out"
                " (history rewritten)"
            )
        else:
            notes.append(f"{source}: entry {seq} matches")
    return problems, notes
