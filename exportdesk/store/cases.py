"""Cases: reading, listing and searching them, and the applicant's side."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any, ClassVar

from exportdesk.domain.workflow import APPLICANT_EDITABLE, OFFICE_EDITABLE, TRANSITIONS
from exportdesk.store.base import Part, _action, _dumps, _loads, _status
from exportdesk.store.conflicts import DRAFT_WRITES, claim_case, conflict
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

# Case files must stay small enough to mail; the container refuses members over 100 MB.
MAX_ATTACHMENT_BYTES = 20 * 2**20
MAX_ATTACHMENTS = 50


class Cases(Part):
    # --- cases: reading ---------------------------------------------------------------

    def case_id_for(self, ref_or_id: str) -> int:
        """Accept a case's numeric id or its reference (2026-000123)."""
        row = self._row(
            "SELECT id FROM cases WHERE ref = ? OR CAST(id AS TEXT) = ?", [ref_or_id, ref_or_id]
        )
        if row is None:
            raise StoreError("not_found")
        return int(row["id"])

    def _case_row(self, case_id: int) -> dict[str, Any]:
        row = self._row("SELECT * FROM cases WHERE id = ?", [case_id])
        if row is None:
            raise StoreError("not_found")
        return row

    def can_see(self, actor: User, case: dict[str, Any]) -> bool:
        return (
            actor.sees_all_cases
            or case["applicant_id"] == actor.id
            or case["filed_by_id"] == actor.id
            or case["department_id"] in actor.managed_departments()
        )

    def may_output(self, actor: User, case: dict[str, Any]) -> bool:
        """Whether `actor` may print or export the case: what they may see, except other
        people's drafts, which are not records yet (docs/threat-model.md)."""
        own = case["applicant_id"] == actor.id or case["filed_by_id"] == actor.id
        return self.can_see(actor, case) and (own or case["status"] != "draft")

    @staticmethod
    def _decode(row: dict[str, Any]) -> dict[str, Any]:
        case = dict(row)
        case["answers"] = _loads(case.pop("answers_json"), {})
        case["facts"] = _loads(case.pop("facts_json"))
        case["determination"] = _loads(case.pop("determination_json"))
        case["review"] = _loads(case.pop("review_json"), {})
        return case

    def get_case(self, actor: User | None, case_id: int) -> dict[str, Any]:
        """A case with approvals, messages and attachments (None: the file owner, CLI)."""
        row = self._case_row(case_id)
        if actor is not None and not self.can_see(actor, row):
            raise StoreError("not_visible")
        case = self._decode(row)
        case["applicant_name"] = self.store.get_user(row["applicant_id"]).name
        who = self._row(
            "SELECT u.job_title, d.name_ja, d.name_en FROM users u"
            " LEFT JOIN departments d ON d.id = ? WHERE u.id = ?",
            [row["department_id"], row["applicant_id"]],
        )
        case["applicant_title"] = (who or {}).get("job_title") or ""
        case["department_ja"] = (who or {}).get("name_ja") or ""
        case["department_en"] = (who or {}).get("name_en") or ""
        case["filed_by_name"] = self.store.get_user(row["filed_by_id"]).name
        case["approvals"] = self._rows(
            "SELECT a.*, u.name AS user_name FROM approvals a JOIN users u ON u.id = a.user_id"
            " WHERE case_id = ? ORDER BY a.id",
            [case_id],
        )
        case["messages"] = self._rows(
            "SELECT m.*, u.name AS user_name FROM messages m JOIN users u ON u.id = m.user_id"
            " WHERE case_id = ? ORDER BY m.id",
            [case_id],
        )
        case["attachments"] = self._rows(
            "SELECT id, filename, sha256, size, added_by, at FROM attachments WHERE case_id = ?"
            " ORDER BY id",
            [case_id],
        )
        return case

    def _visibility_sql(
        self, actor: User | None, *, others_drafts: bool = True
    ) -> tuple[str, list[Any]]:
        """SQL restricting cases to what `actor` may see (None: the file owner, CLI).

        `others_drafts=False` (exports, printing): drafts only of the actor's own cases."""
        if actor is not None and not others_drafts:
            where, params = self._visibility_sql(actor)
            return (
                f"({where} AND (c.status != 'draft' OR c.applicant_id = ? OR c.filed_by_id = ?))",
                [*params, actor.id, actor.id],
            )
        if actor is None or actor.sees_all_cases:
            return "TRUE", []
        deps = sorted(actor.managed_departments())
        clause = "(c.applicant_id = ? OR c.filed_by_id = ?"
        params: list[Any] = [actor.id, actor.id]
        if deps:
            clause += f" OR c.department_id IN ({','.join('?' * len(deps))})"
            params += deps
        return clause + ")", params

    def _filters(
        self,
        actor: User | None,
        status: str | list[str] | None,
        department_id: int | None,
        search: str | None,
        mine: bool,
    ) -> tuple[str, str, list[Any]]:
        """(the FROM item named `c`, the WHERE clause, their parameters in that order)."""
        search_sql = None
        if search and search.strip():
            search_sql = self.db.text_search(search.strip())
        where, params = self._visibility_sql(actor)
        clauses = [where]
        if status:
            statuses = [status] if isinstance(status, str) else list(status)
            clauses.append(f"c.status IN ({','.join('?' * len(statuses))})")
            params += statuses
        if department_id is not None:
            clauses.append("c.department_id = ?")
            params.append(department_id)
        if mine and actor is not None:
            clauses.append("(c.applicant_id = ? OR c.filed_by_id = ?)")
            params += [actor.id, actor.id]
        if search_sql is None:
            return "cases c", " AND ".join(clauses), params
        clauses.append(search_sql.clause)
        return (
            search_sql.source,
            " AND ".join(clauses),
            [*search_sql.source_params, *params, *search_sql.clause_params],
        )

    LIST_COLUMNS: ClassVar[str] = (
        "c.id, c.ref, c.status, c.activity, c.title, c.counterpart_name, c.counterpart_country,"
        " c.outcome, c.applicant_id, c.filed_by_id, c.department_id, c.created_at, c.updated_at,"
        " c.submitted_at, c.closed_at, c.decision, c.round, c.determination_json, c.planned_date"
    )
    SORTABLE: ClassVar[frozenset[str]] = frozenset(
        {
            "updated_at",
            "created_at",
            "submitted_at",
            "ref",
            "status",
            "title",
            "counterpart_name",
            "activity",
            "planned_date",
        }
    )

    def list_cases(
        self,
        actor: User | None,
        *,
        status: str | list[str] | None = None,
        department_id: int | None = None,
        search: str | None = None,
        mine: bool = False,
        order_by: str = "updated_at",
        descending: bool = True,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        source, where, params = self._filters(actor, status, department_id, search, mine)
        if order_by not in self.SORTABLE:
            order_by = "updated_at"
        direction = "DESC" if descending else "ASC"
        # Page the ids first (from the index alone), then fetch the page's rows: a deep
        # offset then skips index entries, not joined rows.
        order = f"c.{order_by} {direction}, c.id {direction}"
        sql = (
            f"SELECT {self.LIST_COLUMNS}, a.name AS applicant_name,"
            " a.job_title AS applicant_title, d.name_ja AS department_ja,"
            " d.name_en AS department_en FROM"
            f" (SELECT c.id FROM {source} WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?) AS page"
            f" JOIN cases c ON c.id = page.id JOIN users a ON a.id = c.applicant_id"
            " LEFT JOIN departments d ON d.id = c.department_id"
            f" ORDER BY {order}"
        )
        return self._rows(sql, [*params, limit, offset])

    def count_cases(
        self,
        actor: User,
        *,
        status: str | list[str] | None = None,
        department_id: int | None = None,
        search: str | None = None,
        mine: bool = False,
    ) -> int:
        source, where, params = self._filters(actor, status, department_id, search, mine)
        return int(
            self.db.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]
        )

    def counts_by_status(self, actor: User) -> dict[str, int]:
        where, params = self._visibility_sql(actor)
        rows = self.db.execute(
            f"SELECT status, count(*) FROM cases c WHERE {where} GROUP BY status", params
        )
        return {s: n for s, n in rows}

    # --- cases: applicant side ----------------------------------------------------------

    def _may_file_for(self, actor: User, applicant_id: int) -> bool:
        if applicant_id == actor.id:
            return actor.has("applicant") or actor.has("office") or actor.has("admin")
        return bool(
            self.db.execute(
                "SELECT 1 FROM proxies WHERE proxy_id = ? AND applicant_id = ?",
                [actor.id, applicant_id],
            ).fetchone()
        )

    def _require_owner(self, actor: User, case: dict[str, Any]) -> None:
        if case["applicant_id"] == actor.id:
            return
        if case["filed_by_id"] == actor.id and self._may_file_for(actor, case["applicant_id"]):
            return
        raise StoreError("not_owner")

    def _new_ref(self, case_id: int) -> str:
        """2026-000123 at the office; 2026-K7QM-0123 on a member installation, whose prefix
        comes from its key, so that its cases keep their reference at the office."""
        inst = self._row("SELECT ref_prefix FROM institution WHERE id = 1")
        prefix = inst["ref_prefix"] if inst else ""
        year = self.clock().year
        return f"{year}-{prefix}-{case_id:04d}" if prefix else f"{year}-{case_id:06d}"

    def _check_texts(self, answers: dict[str, Any]) -> None:
        from exportdesk.domain.text_rules import answer_problems  # with the forms

        problems = answer_problems(self.catalog.questions, answers)
        if problems:
            raise StoreError(
                "invalid",
                detail={
                    "ja": "、".join(ja for ja, _ in problems),
                    "en": "; ".join(en for _, en in problems),
                },
            )

    def _derived_columns(self, answers: dict[str, Any]) -> dict[str, Any]:
        return {
            "activity": str(answers.get("activity") or ""),
            "title": str(answers.get("title") or ""),
            "counterpart_name": str(answers.get("counterpart_name") or ""),
            "counterpart_country": str(answers.get("counterpart_country") or ""),
            "planned_date": str(answers.get("planned_date") or ""),
        }

    def create_case(
        self,
        actor: User,
        *,
        applicant_id: int | None = None,
        answers: dict[str, Any] | None = None,
        person_id: int | None = None,
    ) -> dict[str, Any]:
        applicant_id = applicant_id or actor.id
        if not self._may_file_for(actor, applicant_id):
            raise StoreError("not_proxy" if applicant_id != actor.id else "forbidden")
        applicant = self.store.get_user(applicant_id)
        if person_id is not None:  # linked to a record the filer may see, as link_case_person
            self.store.get_person(actor, person_id)
        from exportdesk.domain.checksheet import normalise_dates

        answers = normalise_dates(self.catalog, answers or {})
        self._check_texts(answers)
        now = self.now()
        row = {
            "ref": f"tmp-{uuid.uuid4().hex}",
            "applicant_id": applicant_id,
            "filed_by_id": actor.id,
            "department_id": applicant.department_id,
            "person_id": person_id,
            "status": "draft",
            "answers_json": _dumps(answers),
            "forms_version": self.catalog.version,
            "created_at": now,
            "updated_at": now,
            **self._derived_columns(answers),
        }
        with self.db.atomic():
            case_id = int(self.db["cases"].insert(row).last_pk)
            # The number comes from the cases' own sequence (the id); a campus database
            # gives it in its insert trigger, so read back whichever is stored.
            self.db.execute(
                "UPDATE cases SET ref = ? WHERE id = ? AND ref LIKE 'tmp-%'",
                [self._new_ref(case_id), case_id],
            )
            stored = self._row("SELECT ref FROM cases WHERE id = ?", [case_id])
            assert stored is not None
            ref = stored["ref"]
            self._audit(
                actor,
                "create",
                "case",
                case_id,
                None,
                {"ref": ref, "applicant_id": applicant_id, "answers": answers},
            )
        return self.get_case(actor, case_id)

    def save_draft(
        self,
        actor: User,
        case_id: int,
        answers: dict[str, Any],
        *,
        expected_revision: int | None = None,
    ) -> dict[str, Any]:
        """Autosave: replace the answers of an editable case (audited as a diff)."""
        case = self._case_row(case_id)
        self._require_owner(actor, case)
        if case["status"] not in APPLICANT_EDITABLE:
            raise StoreError("not_editable", status=_status(case["status"]))
        if expected_revision is not None and expected_revision != case["revision"]:
            raise conflict(self, "draft_conflict", case_id, DRAFT_WRITES)
        self._check_texts(answers)
        old = _loads(case["answers_json"], {})
        from exportdesk.domain.checksheet import normalise_dates

        answers = normalise_dates(self.catalog, answers)
        keys = sorted(set(old) | set(answers))
        before = {k: old.get(k) for k in keys if old.get(k) != answers.get(k)}
        after = {k: answers.get(k) for k in before}
        if not before:
            return self._decode(case)
        with self.db.atomic():
            # The applicant and their proxy may both have the draft open: the one who
            # saves second from an older copy is refused, not silently written over.
            claim_case(self, case_id, expected_revision, "draft_conflict", DRAFT_WRITES)
            revision = self._case_row(case_id)["revision"]
            self.db["cases"].update(
                case_id,
                {
                    "answers_json": _dumps(answers),
                    "updated_at": self.now(),
                    "revision": revision + 1,
                    **self._derived_columns(answers),
                },
            )
            self._audit(actor, "save", "case", case_id, before, after)
        return self._decode(self._case_row(case_id))

    def evaluate_answers(self, answers: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """Facts and determination for a set of answers (raises FactsError)."""
        # The rules engine (forms, pydantic) loads on first use: not needed to sign in.
        from exportdesk.domain.checksheet import CheckSheet
        from exportdesk.domain.determination import evaluate_dict

        facts = CheckSheet(self.catalog).facts(answers)
        return facts, evaluate_dict(facts, self.catalog)

    def determine(self, answers: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """Facts and determination of a complete sheet, computed here with our forms,
        whoever filled it; refused (StoreError) while a required answer is missing."""
        from exportdesk.domain.checksheet import CheckSheet
        from exportdesk.domain.facts import FactsError

        missing = CheckSheet(self.catalog).missing(answers)
        if missing:
            raise StoreError(
                "incomplete",
                missing={
                    "ja": "、".join(q.text.ja for q in missing),
                    "en": "; ".join(q.text.en for q in missing),
                },
            )
        try:
            return self.evaluate_answers(answers)
        except FactsError as exc:
            raise StoreError("invalid", detail=str(exc)) from None

    def _screened(
        self, case: dict[str, Any], facts: dict[str, Any], determination: dict[str, Any]
    ) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        """Screen the counterpart against the lists in force (None: no list imported). A
        possible match is a red flag, an export-ban hit a stop: both reach the engine, whose
        determination is then computed again."""
        from exportdesk.domain.determination import evaluate_dict

        eul = self.store.eul
        previous = (case.get("review") or {}).get("screening")
        screening = eul.screening_for(case, previous=previous)
        if screening is not None and eul.apply_to_facts(facts, screening):
            determination = evaluate_dict(facts, self.catalog)
        return screening, determination

    def submit(self, actor: User, case_id: int) -> dict[str, Any]:

        case = self._case_row(case_id)
        self._require_owner(actor, case)
        if case["status"] not in TRANSITIONS["submit"]:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("submit")
            )
        answers = _loads(case["answers_json"], {})
        facts, determination = self.determine(answers)
        review = _loads(case["review_json"], {})
        screening, determination = self._screened(self._decode(case), facts, determination)
        if screening is not None:
            review["screening"] = screening
        resubmission = case["status"] == "returned"
        update = {
            "status": "submitted",
            "facts_json": _dumps(facts),
            "determination_json": _dumps(determination),
            "outcome": determination["outcome"],
            "forms_version": self.catalog.version,
            "submitted_at": self.now(),
            "updated_at": self.now(),
            "round": case["round"] + (1 if resubmission else 0),
            "decision": None,
            "decision_reasons": None,
            "decision_conditions": None,
            "review_json": _dumps(review),
            "revision": case["revision"] + 1,
        }
        with self.db.atomic():
            self.db["cases"].update(case_id, update)
            self._audit(
                actor,
                "status",
                "case",
                case_id,
                {"status": case["status"]},
                {
                    "status": "submitted",
                    "outcome": determination["outcome"],
                    "round": update["round"],
                },
            )
        return self.get_case(actor, case_id)

    def withdraw(self, actor: User, case_id: int, reason: str = "") -> dict[str, Any]:
        case = self._case_row(case_id)
        if not (
            actor.has("office")
            or case["applicant_id"] == actor.id
            or case["filed_by_id"] == actor.id
        ):
            raise StoreError("not_owner")
        if case["status"] not in TRANSITIONS["withdraw"]:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("withdraw")
            )
        with self.db.atomic():
            self._set_status(actor, case, "withdrawn", {"closed_at": self.now()}, reason=reason)
        return self.get_case(actor, case_id)

    def discard_empty_draft(self, actor: User, case_id: int) -> bool:
        """A draft opened and closed with nothing answered is not a record: remove it, so
        that 'New case' leaves no numbered empty drafts behind. Anything else stays."""
        case = self._case_row(case_id)
        self._require_owner(actor, case)
        answers = _loads(case["answers_json"], {})
        has_attachments = self._row(
            "SELECT 1 AS one FROM attachments WHERE case_id = ? LIMIT 1", [case_id]
        )
        if (
            case["status"] != "draft"
            or any(v not in (None, "", [], {}) for v in answers.values())
            or has_attachments
            or case["person_id"]
        ):
            return False
        with self.db.atomic():
            self.db.execute("DELETE FROM cases WHERE id = ? AND status = 'draft'", [case_id])
            self._audit(actor, "discard", "case", case_id, {"ref": case["ref"]}, None)
        return True

    def duplicate(self, actor: User, case_id: int) -> dict[str, Any]:
        """'Same as last time': a new draft with the answers of a visible case."""
        source = self.get_case(actor, case_id)
        answers = dict(source["answers"])
        for key in ("planned_date",):  # a new occasion has a new date
            answers.pop(key, None)
        applicant = (
            source["applicant_id"]
            if self._may_file_for(actor, source["applicant_id"])
            else actor.id
        )
        person_id = source["person_id"]
        if person_id is not None and not self.store.may_edit_person(actor, person_id):
            person_id = None  # the copy is about someone this filer may not see
        return self.create_case(actor, applicant_id=applicant, answers=answers, person_id=person_id)

    def answer_questions(self, actor: User, case_id: int, text: str) -> None:
        case = self._case_row(case_id)
        self._require_owner(actor, case)
        if not text.strip():
            raise StoreError("invalid", detail="answer")
        with self.db.atomic():
            self._message(actor, case, "answer", text)

    def _set_status(
        self,
        actor: User,
        case: dict[str, Any],
        status: str,
        update: dict[str, Any] | None = None,
        **details: Any,
    ) -> None:
        """Move a case to `status` and audit the move (call inside a transaction)."""
        self.db["cases"].update(
            case["id"], {"status": status, "updated_at": self.now(), **(update or {})}
        )
        self._audit(
            actor,
            "status",
            "case",
            case["id"],
            {"status": case["status"]},
            {"status": status, **details},
        )

    def _message(self, actor: User, case: dict[str, Any], kind: str, text: str) -> None:
        row = {
            "case_id": case["id"],
            "round": case["round"],
            "user_id": actor.id,
            "kind": kind,
            "body": text,
            "at": self.now(),
        }
        self.db["messages"].insert(row)
        self._audit(actor, kind, "case", case["id"], None, {"text": text, "round": case["round"]})

    def add_attachment(
        self, actor: User, case_id: int, filename: str, content: bytes
    ) -> dict[str, Any]:
        case = self._case_row(case_id)
        if not self.can_see(actor, case):
            raise StoreError("not_visible")
        owner = case["applicant_id"] == actor.id or case["filed_by_id"] == actor.id
        if not (
            (owner and case["status"] in APPLICANT_EDITABLE)
            or (actor.has("office") and case["status"] in OFFICE_EDITABLE)
        ):
            raise StoreError("not_editable", status=_status(case["status"]))
        if len(content) > MAX_ATTACHMENT_BYTES:
            raise StoreError(
                "invalid",
                detail={
                    "ja": f"添付ファイルは{MAX_ATTACHMENT_BYTES // 2**20}MBまでです",
                    "en": f"attachments are limited to {MAX_ATTACHMENT_BYTES // 2**20} MB",
                },
            )
        if not Path(filename).name.strip():
            raise StoreError("invalid", detail="filename")
        count = self._row("SELECT count(*) AS n FROM attachments WHERE case_id = ?", [case_id])
        if count and count["n"] >= MAX_ATTACHMENTS:
            raise StoreError("invalid", detail=f"more than {MAX_ATTACHMENTS} attachments")
        digest = hashlib.sha256(content).hexdigest()
        row = {
            "case_id": case_id,
            "filename": Path(filename).name,
            "sha256": digest,
            "size": len(content),
            "content": content,
            "added_by": actor.id,
            "at": self.now(),
        }
        with self.db.atomic():
            att_id = self.db["attachments"].insert(row).last_pk
            self._audit(
                actor,
                "attach",
                "case",
                case_id,
                None,
                {"filename": row["filename"], "sha256": digest, "size": len(content)},
            )
        return {"id": att_id, "sha256": digest}

    def attachment_content(self, actor: User, attachment_id: int) -> tuple[str, bytes]:
        row = self._row("SELECT * FROM attachments WHERE id = ?", [attachment_id])
        if row is None:
            raise StoreError("not_found")
        if not self.can_see(actor, self._case_row(row["case_id"])):
            raise StoreError("not_visible")
        if hashlib.sha256(row["content"]).hexdigest() != row["sha256"]:
            raise StoreError("invalid", detail="attachment content does not match its hash")
        return row["filename"], row["content"]
