"""What arrives from another installation: case files at the office, decision files at
the applicant's, the institution file on a new PC.

The exchange layer has checked a file's signature and its schema; a signature proves
who sent it, nothing more. Here every claim is checked against this installation's
own rules and records, exactly as for an action taken in the window: who may file for
whom, which case an exchange id belongs to, what the determination is (recomputed with
our forms), which status moves are allowed. Each import is one transaction.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
import uuid
from pathlib import Path
from typing import Any

from exportdesk.domain.workflow import CHAINS, FINAL, OPEN
from exportdesk.store.base import Part, _dumps, _loads, _status
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

# A reference as ExportDesk writes it: 2026-000123 or 2026-K7QM-0123.
REF_PATTERN = re.compile(r"^\d{4}-(?:[A-Z0-9]{2,8}-)?\d{4,9}$")
# What a decision file may set, and from which local status.
MEMBER_REF = re.compile(r"^\d{4}-[A-Z0-9]{2,8}-\d{4,9}$")
DECISION_STATUSES = frozenset(FINAL | {"returned"})
OFFICE_LOGIN = "export-control-office"


class Received(Part):
    # --- the installation's identity --------------------------------------------------

    def institution_uid(self) -> str:
        inst = self.store.institution()
        if inst is None:
            raise StoreError("forbidden")
        if inst.get("uid"):
            return str(inst["uid"])
        uid = uuid.uuid4().hex
        with self.db.atomic():
            self.db.execute("UPDATE institution SET uid = ? WHERE id = 1 AND uid = ''", [uid])
        return str(self.store.institution()["uid"])  # type: ignore[index]

    def publish_office_key(self, actor: User, public_key: str, fingerprint: str, path: str) -> None:
        """The office hands out its institution file: its key is the one decisions carry."""
        if not (actor.has("admin") or actor.has("office")):
            raise StoreError("forbidden")
        if self.is_member():
            raise StoreError("forbidden")
        with self.db.atomic():
            self.db["institution"].update(1, {"office_public_key": public_key})
            self._audit(
                actor,
                "export",
                "institution_profile",
                1,
                None,
                {"file": path, "fingerprint": fingerprint},
            )

    def case_files_needed(self) -> bool:
        """Whether cases reach the office as files: not on a campus database, where the
        office reads the same records as the applicant writes."""
        return self.db.name != "postgresql"

    def is_member(self) -> bool:
        """Set up from the office's institution file (a professor's PC), not the office."""
        row = self._row("SELECT member FROM institution WHERE id = 1")
        return bool(row and row["member"])

    def setup_member(
        self,
        profile: dict[str, Any],
        *,
        office_key: str,
        ref_prefix: str,
        login: str,
        name: str,
        password: str,
        department: str = "",
    ) -> User:
        """A new PC from the institution file: the institution, and one applicant who is not
        an administrator. All or nothing."""
        if self.store.is_set_up():
            raise StoreError("forbidden")
        if not re.fullmatch(r"[A-Z0-9]{2,8}", ref_prefix):
            raise StoreError("invalid", detail="ref_prefix")
        # The login travels in case files: the same rules the office applies to them.
        if not re.fullmatch(r"[^\s]{1,100}", login) or login.casefold() == OFFICE_LOGIN:
            raise StoreError("invalid", detail="login")
        codes = {d["code"] for d in profile["departments"]}
        if department and department not in codes:
            raise StoreError("invalid", detail=f"department {department}")
        with self.db.atomic():
            user = self.store.setup(
                name_ja=profile["name_ja"],
                name_en=profile["name_en"],
                icp_format=profile["icp_format"],
                office_name_ja=profile["office_name_ja"],
                office_name_en=profile["office_name_en"],
                office_email=profile.get("office_email", ""),
                retention_years=profile["retention_years"],
                departments=[
                    (d["code"], d["name_ja"], d["name_en"]) for d in profile["departments"]
                ],
                admin_login=login,
                admin_name=name,
                admin_password=password,
                profile=profile.get("profile") or {},
                roles=[("applicant", None)],
            )
            dep = self._row("SELECT id FROM departments WHERE code = ?", [department])
            self.db["institution"].update(
                1,
                {
                    "uid": profile["uid"],
                    "office_public_key": office_key,
                    "member": 1,
                    "ref_prefix": ref_prefix,
                },
            )
            if dep:
                self.db["users"].update(user.id, {"department_id": dep["id"]})
            self._audit(
                user,
                "setup_member",
                "institution",
                1,
                None,
                {"uid": profile["uid"], "ref_prefix": ref_prefix, "department": department},
            )
        return self.store.get_user(user.id)

    # --- files seen and keys trusted ----------------------------------------------------

    def exchange_seen(self, sha256: str) -> dict[str, Any] | None:
        return self._row("SELECT * FROM exchange_log WHERE sha256 = ?", [sha256])

    def _log_exchange(self, sha256: str, kind: str, case_id: int | None, sender: str) -> None:
        self.db["exchange_log"].insert(
            {
                "sha256": sha256,
                "kind": kind,
                "case_id": case_id,
                "sender": sender,
                "imported_at": self.now(),
            }
        )

    def trusted_key(self, login: str) -> dict[str, Any] | None:
        # Logins are case-insensitive here as everywhere: PROF is prof, with prof's key.
        # (lower() on both sides: ASCII case folding, as SQLite's NOCASE, on both engines.)
        return self._row("SELECT * FROM trusted_keys WHERE lower(login) = lower(?)", [login])

    def case_for_exchange(self, exchange_id: str) -> dict[str, Any] | None:
        return self._row(
            "SELECT id, ref, round, status, exchange_key FROM cases WHERE exchange_id = ?",
            [exchange_id],
        )

    # --- the applicant's side: a case written for the office ----------------------------

    def prepare_send(self, actor: User, case_id: int) -> dict[str, Any]:
        """Submit the case if needed; it must be submitted to be sent. Returns the case."""
        case = self.store.get_case(actor, case_id)
        self.store._require_owner(actor, case)
        if case["status"] in ("draft", "returned"):
            case = self.store.submit(actor, case_id)
        if case["status"] != "submitted":
            raise StoreError(
                "bad_transition",
                status=_status(case["status"]),
                action={"ja": "送付", "en": "send"},
            )
        return case

    def mark_sent(
        self, actor: User, case_id: int, exchange_id: str, own_key: str, path: str, sha256: str
    ) -> dict[str, Any]:
        case = self.store._case_row(case_id)
        self.store._require_owner(actor, case)
        if case["exchange_id"] and case["exchange_id"] != exchange_id:
            raise StoreError("exchange_owner")
        with self.db.atomic():
            self.db["cases"].update(
                case_id,
                {"exchange_id": exchange_id, "exchange_key": own_key, "sent_at": self.now()},
            )
            self._audit(
                actor,
                "send",
                "case",
                case_id,
                None,
                {"file": path, "sha256": sha256, "round": case["round"]},
            )
        return self.store.get_case(actor, case_id)

    # --- the office's side: a case file arrives -----------------------------------------

    def _remote_user(self, actor: User, login: str, name: str, email: str, dep: str) -> int:
        """The local record of a person known only from their files (cannot sign in here)."""
        row = self._row("SELECT id FROM users WHERE login = ?", [login])
        if row:
            return int(row["id"])
        department = self._row("SELECT id FROM departments WHERE code = ?", [dep])
        user_id = int(
            self.db["users"]
            .insert(
                {
                    "login": login,
                    "name": name or login,
                    "email": email,
                    "department_id": department["id"] if department else None,
                    "password_hash": "!" + secrets.token_hex(8),
                    "active": 0,
                    "created_at": self.now(),
                }
            )
            .last_pk
        )
        self.store._insert_roles(user_id, [("applicant", None)])
        self._audit(actor, "create", "user", user_id, None, {"login": login, "via": "case file"})
        return user_id

    def _refuse_staff_logins(self, *logins: str) -> None:
        """A file may not speak for this installation's staff: a key first seen with the
        login of an office member, manager or administrator is refused, not trusted."""
        staff = {"office", "chief_manager", "admin", "dept_manager"}
        for login in logins:
            user = self.store.user_by_login(login)
            if login.casefold() == OFFICE_LOGIN or (
                user is not None and {r for r, _ in user.roles} & staff
            ):
                raise StoreError("filed_for_other", sender=login, applicant=login)

    def _refuse_campus_logins(self, *logins: str) -> None:
        """The office speaks for a sender only if they are known only from their files:
        someone who signs in to the campus database submits, answers and attaches
        through their own connection (the server refuses it in their name too)."""
        from exportdesk.store.pg.engine import PASSWORD_MARK

        for login in logins:
            row = self._row(
                "SELECT password_hash FROM users WHERE lower(login) = lower(?)", [login]
            )
            if row is not None and row["password_hash"] == PASSWORD_MARK:
                raise StoreError("campus_sender", login=login)

    def _check_attachments(self, listed: list[dict[str, Any]], files: dict[str, bytes]) -> None:
        """Each attachment once, named as a plain file name, within the local size limit,
        and as big and as hashed as the file says."""
        from exportdesk.store.cases import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS

        if len(listed) > MAX_ATTACHMENTS:
            raise StoreError("invalid", detail=f"more than {MAX_ATTACHMENTS} attachments")
        paths = [a["path"] for a in listed]
        if len(set(paths)) != len(paths):
            raise StoreError("invalid", detail="an attachment is listed twice")
        for att in listed:
            content = files[att["path"]]
            name = att["filename"]
            if (
                not name.strip()
                or name != Path(name.replace("\\", "/")).name
                or name in (".", "..")
                or any(unicodedata.category(c) in ("Cc", "Cf") for c in name)
            ):
                raise StoreError("invalid", detail="attachment file name")
            if len(content) > MAX_ATTACHMENT_BYTES:
                raise StoreError("invalid", detail=f"attachment {name} is too large")
            if len(content) != att["size"] or hashlib.sha256(content).hexdigest() != att["sha256"]:
                raise StoreError("invalid", detail=f"attachment {name} does not match its hash")

    def _check_filer(self, sender: str, applicant: str) -> None:
        """A sender files for itself, or as a registered proxy of a registered applicant."""
        if sender.casefold() == applicant.casefold():
            return
        proxy = self._row("SELECT id FROM users WHERE login = ?", [sender])
        owner = self._row("SELECT id FROM users WHERE login = ?", [applicant])
        if (
            proxy
            and owner
            and self._row(
                "SELECT 1 AS ok FROM proxies WHERE proxy_id = ? AND applicant_id = ?",
                [proxy["id"], owner["id"]],
            )
        ):
            return
        raise StoreError("filed_for_other", sender=sender, applicant=applicant)

    def receive_case(
        self,
        actor: User,
        case: dict[str, Any],
        attachments: dict[str, bytes],
        *,
        sender: dict[str, str],
        fingerprint: str,
        sha256: str,
        trust_new_key: bool,
    ) -> dict[str, Any]:
        """Import a validated case file (see exchange.schemas.CaseFile) as the office."""

        if not actor.has("office"):
            raise StoreError("forbidden")
        seen = self.exchange_seen(sha256)
        if seen:
            return {"already": True, "case_id": seen["case_id"]}
        login, key = sender["login"], sender["public_key"]
        known = self.trusted_key(login)
        if known and known["public_key"] != key:
            raise StoreError("key_mismatch", login=login, fingerprint=fingerprint)
        if known is None and not trust_new_key:
            raise StoreError("key_not_trusted", login=login, fingerprint=fingerprint)
        applicant = case["applicant"]
        if case["filed_by"]["login"].casefold() != login.casefold():
            raise StoreError("filed_for_other", sender=login, applicant=case["filed_by"]["login"])
        self._check_filer(login, applicant["login"])
        self._refuse_staff_logins(login, applicant["login"])
        self._refuse_campus_logins(login, applicant["login"])
        self._check_attachments(case["attachments"], attachments)
        answers = case["answers"]
        # Only answers to this sheet's questions: anything else would be stored unread.
        unknown = sorted(set(answers) - set(self.catalog.questions))
        if unknown:
            raise StoreError("invalid", detail=f"answers to unknown questions: {unknown[:5]}")
        self.store._check_texts(answers)
        facts, determination = self.store.determine(answers)
        row = self._row("SELECT * FROM cases WHERE exchange_id = ?", [case["exchange_id"]])
        if row is not None:
            if row["exchange_key"] and row["exchange_key"] != key:
                raise StoreError("exchange_owner")
            if row["status"] != "returned":
                raise StoreError("not_returned")
            if case["round"] <= row["round"]:
                raise StoreError("stale_round", got=case["round"], have=row["round"])
        with self.db.atomic():
            if known is None:
                self.db["trusted_keys"].insert(
                    {
                        "login": login,
                        "public_key": key,
                        "fingerprint": fingerprint,
                        "first_seen": self.now(),
                        "trusted_by": actor.id,
                    }
                )
                self._audit(actor, "trust_key", "user", login, None, {"fingerprint": fingerprint})
            applicant_id = self._remote_user(
                actor,
                applicant["login"],
                applicant.get("name", ""),
                applicant.get("email", ""),
                applicant.get("department", ""),
            )
            filer = case["filed_by"]
            filer_id = (
                applicant_id
                if filer["login"].casefold() == applicant["login"].casefold()
                else self._remote_user(actor, filer["login"], filer.get("name", ""), "", "")
            )
            if row is not None and row["applicant_id"] != applicant_id:
                raise StoreError("exchange_owner")
            # The department is the office's record of the applicant, not the file's claim
            # (it decides which manager signs); the file's only counts at first contact.
            known_user = self.store.get_user(applicant_id)
            department = (
                {"id": known_user.department_id}
                if known_user.department_id is not None
                else self._row(
                    "SELECT id FROM departments WHERE code = ?", [applicant.get("department", "")]
                )
            )
            columns = {
                **self.store._derived_columns(answers),
                "answers_json": _dumps(answers),
                "facts_json": _dumps(facts),
                "determination_json": _dumps(determination),
                "outcome": determination["outcome"],
                "forms_version": self.catalog.version,
                "status": "submitted",
                "round": case["round"],
                # Received now, by the office's clock: a file's time stamps are not believed.
                "submitted_at": self.now(),
                "updated_at": self.now(),
                "decision": None,
                "decision_reasons": None,
                "decision_conditions": None,
            }
            if row is None:
                ref = case["sender_ref"]
                # Only a member PC's own numbering is kept: an unprefixed number could
                # collide with one this office gives its own cases later.
                if not MEMBER_REF.fullmatch(ref) or self._row(
                    "SELECT 1 AS taken FROM cases WHERE ref = ?", [ref]
                ):
                    ref = f"tmp-{uuid.uuid4().hex}"
                case_id = int(
                    self.db["cases"]
                    .insert(
                        {
                            **columns,
                            "ref": ref,
                            "applicant_id": applicant_id,
                            "filed_by_id": filer_id,
                            "department_id": department["id"] if department else None,
                            "exchange_id": case["exchange_id"],
                            "exchange_key": key,
                            "created_at": self.now(),
                        }
                    )
                    .last_pk
                )
                if ref.startswith("tmp-"):
                    # Taken or malformed: our own number; the decision file carries it back.
                    self.db.execute(
                        "UPDATE cases SET ref = ? WHERE id = ?",
                        [self.store._new_ref(case_id), case_id],
                    )
                before = None
            else:
                case_id = int(row["id"])
                # A new revision: a sheet open on the old round refuses its stale save.
                revision = int(row.get("revision") or 0) + 1
                self.db["cases"].update(
                    case_id, {**columns, "exchange_key": key, "revision": revision}
                )
                before = {"status": row["status"], "round": row["round"]}
            for m in case["messages"]:
                self.db["messages"].insert(
                    {
                        "case_id": case_id,
                        "round": case["round"] - 1,
                        "user_id": applicant_id,
                        "kind": "answer",
                        "body": m["body"],
                        "at": m["at"],
                    }
                )
            for att in case["attachments"]:
                content = attachments[att["path"]]
                self.db["attachments"].insert(
                    {
                        "case_id": case_id,
                        "filename": att["filename"],
                        "sha256": hashlib.sha256(content).hexdigest(),
                        "size": len(content),
                        "content": content,
                        "added_by": applicant_id,
                        "at": self.now(),
                    }
                )
            decoded = self.store._decode(self.store._case_row(case_id))
            review = decoded["review"]
            screening, determination = self.store._screened(decoded, facts, determination)
            if screening is not None:
                review["screening"] = screening
                self.db["cases"].update(
                    case_id,
                    {
                        "review_json": _dumps(review),
                        "facts_json": _dumps(facts),
                        "determination_json": _dumps(determination),
                        "outcome": determination["outcome"],
                    },
                )
            self._audit(
                actor,
                "import_case",
                "case",
                case_id,
                before,
                {
                    "status": "submitted",
                    "round": case["round"],
                    "from": login,
                    "outcome": determination["outcome"],
                    "file_sha256": sha256,
                },
            )
            self._log_exchange(sha256, "case", case_id, login)
        return {"already": False, "case_id": case_id, "new": row is None, "round": case["round"]}

    # --- the applicant's side: the office's decision arrives ------------------------------

    def _office_user(self) -> int:
        """A local user that cannot sign in and stands for the office in messages."""
        row = self._row("SELECT id FROM users WHERE login = ?", [OFFICE_LOGIN])
        if row:
            return int(row["id"])
        inst = self.store.institution() or {}
        return int(
            self.db["users"]
            .insert(
                {
                    "login": OFFICE_LOGIN,
                    "name": inst.get("office_name_ja") or OFFICE_LOGIN,
                    "password_hash": "!",
                    "active": 0,
                    "created_at": self.now(),
                }
            )
            .last_pk
        )

    def receive_decision(
        self,
        actor: User,
        decision: dict[str, Any],
        *,
        sender_key: str,
        own_key: str,
        sha256: str,
    ) -> dict[str, Any]:
        """Import a validated decision file (see exchange.schemas.DecisionFile)."""
        seen = self.exchange_seen(sha256)
        if seen:
            return {"already": True, "case_id": seen["case_id"]}
        inst = self.store.institution() or {}
        if not inst.get("office_public_key") or sender_key != inst["office_public_key"]:
            raise StoreError("not_office_key")
        row = self._row("SELECT * FROM cases WHERE exchange_id = ?", [decision["exchange_id"]])
        if row is None or (row["exchange_key"] and row["exchange_key"] != own_key):
            raise StoreError("unknown_case")
        if not self.store.can_see(actor, row):
            raise StoreError("not_visible")
        self.store._require_owner(actor, row)
        if decision["round"] != row["round"]:
            raise StoreError("stale_round", got=decision["round"], have=row["round"])
        status = decision["status"]
        shown = {"ja": status, "en": status}
        if status not in DECISION_STATUSES or row["status"] not in OPEN:
            raise StoreError("decision_not_allowed", status=_status(row["status"]), decision=shown)
        if status in FINAL:
            option = self.catalog.decision_by_id.get(decision["decision"] or "")
            if option is None or option.status != status:
                raise StoreError("invalid", detail=f"decision {decision['decision']}")
            if not (decision["reasons"] or "").strip():
                raise StoreError("reasons_required")
            if status == "approved_with_conditions" and not (decision["conditions"] or "").strip():
                raise StoreError("conditions_required")
        elif not decision["questions"]:
            raise StoreError("comment_required")
        steps = {step for chain in CHAINS.values() for step, _ in chain}
        for a in decision["approvals"]:
            if a["step"] not in steps:
                raise StoreError("invalid", detail=f"approval step {a['step']}")
        ref = decision.get("ref") or row["ref"]
        if ref != row["ref"] and (
            not REF_PATTERN.fullmatch(ref)
            or self._row("SELECT 1 AS t FROM cases WHERE ref = ?", [ref])
        ):
            raise StoreError("invalid", detail=f"ref {ref}")
        review = _loads(row["review_json"], {})
        review["office_approvals"] = decision["approvals"]
        with self.db.atomic():
            office = self._office_user()
            self.db["cases"].update(
                row["id"],
                {
                    "ref": ref,
                    "status": status,
                    "decision": decision["decision"] if status in FINAL else None,
                    "decision_reasons": decision["reasons"],
                    "decision_conditions": decision["conditions"],
                    "decided_at": decision["decided_at"],
                    "review_json": _dumps(review),
                    "closed_at": decision["closed_at"] if status in FINAL else None,
                    "revision": int(row.get("revision") or 0) + 1,
                    "updated_at": self.now(),
                },
            )
            for q in decision["questions"]:
                self.db["messages"].insert(
                    {
                        "case_id": row["id"],
                        "round": row["round"],
                        "user_id": office,
                        "kind": "question",
                        "body": q["body"],
                        "at": q["at"],
                    }
                )
            self._audit(
                actor,
                "import_decision",
                "case",
                row["id"],
                {"status": row["status"], "ref": row["ref"]},
                {
                    "status": status,
                    "decision": decision["decision"],
                    "ref": ref,
                    "file_sha256": sha256,
                },
            )
            self._log_exchange(sha256, "decision", row["id"], OFFICE_LOGIN)
        return {"already": False, "case_id": row["id"], "status": status}

    def decision_payload(self, actor: User, case_id: int) -> dict[str, Any]:
        """What the office sends back: its decision or its questions, for this round."""
        if not actor.has("office"):
            raise StoreError("forbidden")
        case = self.store.get_case(actor, case_id)
        if not case.get("exchange_id"):
            raise StoreError("unknown_case")
        if case["status"] not in DECISION_STATUSES:
            raise StoreError("no_decision")
        return {
            "exchange_id": case["exchange_id"],
            "ref": case["ref"],
            "round": case["round"],
            "status": case["status"],
            "decision": case["decision"],
            "reasons": case["decision_reasons"],
            "conditions": case["decision_conditions"],
            "decided_at": case["decided_at"],
            "closed_at": case["closed_at"],
            "questions": [
                {"body": m["body"], "at": m["at"]}
                for m in case["messages"]
                if m["kind"] == "question" and m["round"] == case["round"]
            ],
            "approvals": [
                {
                    "step": a["step"],
                    "name": a["user_name"],
                    "at": a["at"],
                    "action": a["action"],
                    "comment": a["comment"] or "",
                }
                for a in case["approvals"]
                if a["round"] == case["round"]
            ],
        }

    def record_decision_sent(self, actor: User, case_id: int, path: str, sha256: str) -> None:
        with self.db.atomic():
            self._audit(
                actor, "export", "decision", case_id, None, {"file": path, "sha256": sha256}
            )
