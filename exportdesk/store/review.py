"""The office's side of a case: review, decisions, approvals; retention and audit."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

from exportdesk.domain.workflow import (
    CHAINS,
    FINAL,
    OFFICE_EDITABLE,
    STEP_TEXT,
    TRANSITIONS,
    next_step,
)
from exportdesk.store import audit
from exportdesk.store.base import Part, _action, _dumps, _loads, _status
from exportdesk.store.conflicts import REVIEW_WRITES, claim_case, conflict, lock_case
from exportdesk.store.errors import StoreError
from exportdesk.store.users import User

STORE_OWNED = ("screening", "screening_waiver", "office_approvals")


class Reviews(Part):
    # --- cases: office side ------------------------------------------------------------------

    def _require_reviewer(self, actor: User, case: dict[str, Any]) -> None:
        if not self.store.can_see(actor, case):
            raise StoreError("not_visible")
        if not actor.has("office"):
            raise StoreError("forbidden")

    def take_for_review(self, actor: User, case_id: int) -> dict[str, Any]:
        case = self.store._case_row(case_id)
        self._require_reviewer(actor, case)
        if case["status"] not in TRANSITIONS["take_for_review"]:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("review")
            )
        with self.db.atomic():
            self.store._set_status(actor, case, "under_review")
        return self.store.get_case(actor, case_id)

    def save_review(
        self,
        actor: User,
        case_id: int,
        review: dict[str, Any],
        *,
        expected_revision: int | None = None,
    ) -> dict[str, Any]:
        """Save the review sheet's answers (autosaved like a draft).

        `expected_revision`: the case's revision the editor loaded; a colleague's save
        since then refuses this one (review_conflict) and changes nothing."""
        case = self._case_under_review(actor, case_id)
        if expected_revision is not None and expected_revision != case["revision"]:
            raise conflict(self, "review_conflict", case_id, REVIEW_WRITES)
        with self.db.atomic():
            claim_case(self, case_id, expected_revision, "review_conflict", REVIEW_WRITES)
            # Read again under the row's lock: what is merged below is what is stored.
            case = self._case_under_review(actor, case_id)
            old = _loads(case["review_json"], {})
            # Screening results, waivers and received approvals are the store's to write.
            review = {k: v for k, v in review.items() if k not in STORE_OWNED} | {
                k: old[k] for k in STORE_OWNED if k in old
            }
            changed = {k for k in set(old) | set(review) if old.get(k) != review.get(k)}
            if not changed:
                return self.store._decode(case)
            self.db["cases"].update(
                case_id,
                {
                    "review_json": _dumps(review),
                    "updated_at": self.now(),
                    "revision": case["revision"] + 1,
                },
            )
            self._audit(
                actor,
                "review",
                "case",
                case_id,
                {k: old.get(k) for k in sorted(changed)},
                {k: review.get(k) for k in sorted(changed)},
            )
            return self.store._decode(self.store._case_row(case_id))

    def record_decision(
        self,
        actor: User,
        case_id: int,
        decision: str,
        reasons: str,
        conditions: str = "",
        *,
        expected_revision: int | None = None,
    ) -> dict[str, Any]:
        """`expected_revision`: as for save_review (a decision is part of the review)."""
        case = self._case_under_review(actor, case_id)
        if expected_revision is not None and expected_revision != case["revision"]:
            raise conflict(self, "review_conflict", case_id, REVIEW_WRITES)
        options = self.catalog.decision_by_id
        if decision not in options:
            raise StoreError("invalid", detail=f"decision {decision}")
        if not reasons.strip():
            raise StoreError("reasons_required")
        if options[decision].status == "approved_with_conditions" and not conditions.strip():
            raise StoreError("conditions_required")
        if decision == "returned":
            return self.return_case(actor, case_id, reasons)
        self._require_review_complete(case, decision)
        signed = self._approved_steps(case)
        if "office" in signed:
            raise self._signed_by_colleague(actor, case_id) or StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("change decision")
            )
        with self._colleague_first(actor, case_id), self.db.atomic():
            claim_case(self, case_id, expected_revision, "review_conflict", REVIEW_WRITES)
            case = self._case_under_review(actor, case_id)
            self._require_review_complete(case, decision)
            self.db["cases"].update(
                case_id,
                {
                    "revision": case["revision"] + 1,
                    "decision": decision,
                    "decision_reasons": reasons.strip(),
                    "decision_conditions": conditions.strip() or None,
                    "decided_at": self.now(),
                    "status": "under_review",
                    "updated_at": self.now(),
                },
            )
            self._audit(
                actor,
                "decision",
                "case",
                case_id,
                {"decision": case["decision"], "status": case["status"]},
                {
                    "decision": decision,
                    "reasons": reasons,
                    "conditions": conditions,
                    "status": "under_review",
                },
            )
            return self.store.get_case(actor, case_id)  # as written, under the row's lock

    def _require_review_complete(self, case: dict[str, Any], decision: str | None) -> None:
        from exportdesk.domain.review_rules import decision_blockers  # loads the forms

        blockers = decision_blockers(self.catalog, _loads(case["review_json"], {}), decision)
        if blockers:
            raise StoreError(
                "review_incomplete",
                missing={
                    "ja": "、".join(ja for ja, _ in blockers),
                    "en": "; ".join(en for _, en in blockers),
                },
            )

    def _case_under_review(self, actor: User, case_id: int) -> dict[str, Any]:
        """The case row, if `actor` is the office and the case is open for review."""
        case = self.store._case_row(case_id)
        self._require_reviewer(actor, case)
        if case["status"] not in OFFICE_EDITABLE:
            raise StoreError("not_editable", status=_status(case["status"]))
        return case

    def _store_review(
        self, actor: User, case_id: int, key: str, value: Any, action: str, details: Any
    ) -> dict[str, Any]:
        """Write a part of the review only the store writes (screening, waiver), audited.
        Merged into the review as stored under the row's lock, so a colleague's save in
        between is kept; the revision stays (nothing anyone typed changes)."""
        with self.db.atomic():
            claim_case(self, case_id, None, "review_conflict", REVIEW_WRITES)
            review = _loads(self.store._case_row(case_id)["review_json"], {})
            review[key] = value
            self.db["cases"].update(
                case_id, {"review_json": _dumps(review), "updated_at": self.now()}
            )
            self._audit(actor, action, "case", case_id, None, details)
        return self.store.get_case(actor, case_id)

    def screen_case(self, actor: User, case_id: int) -> dict[str, Any] | None:
        """Screen the counterpart against the lists in force now; None if none imported."""
        case = self._case_under_review(actor, case_id)
        review = _loads(case["review_json"], {})
        screening = self.store.eul.screening_for(
            self.store._decode(case), previous=review.get("screening")
        )
        if screening is None:
            return None
        details = {"list_version": screening.get("list_version"), "hits": len(screening["hits"])}
        return self._store_review(actor, case_id, "screening", screening, "screen", details)

    def waive_screening(self, actor: User, case_id: int, reason: str) -> dict[str, Any]:
        """Record why the counterpart is not screened (no list imported yet, no counterpart)."""
        self._case_under_review(actor, case_id)
        if not reason.strip():
            raise StoreError("reasons_required")
        waiver = {"reason": reason.strip(), "by": actor.name, "at": self.now()}
        return self._store_review(
            actor, case_id, "screening_waiver", waiver, "waive_screening", waiver
        )

    def _approved_steps(self, case: dict[str, Any]) -> list[str]:
        rows = self.db.execute(
            "SELECT step FROM approvals WHERE case_id = ? AND round = ? AND action = 'approve'"
            " ORDER BY id",
            [case["id"], case["round"]],
        ).fetchall()
        return [r[0] for r in rows]

    def approval_chain(self, case_id: int) -> list[dict[str, Any]]:
        """Each step of the current round: who may sign, and who signed when."""
        case = self.store._case_row(case_id)
        inst = self.store.institution()
        assert inst is not None
        signed = {
            r["step"]: r
            for r in self._rows(
                "SELECT a.*, u.name AS user_name FROM approvals a JOIN users u ON u.id = a.user_id"
                " WHERE case_id = ? AND round = ? AND action = 'approve'",
                [case_id, case["round"]],
            )
        }
        return [
            {"step": step, "role": role, "approval": signed.get(step)}
            for step, role in CHAINS[inst["icp_format"]]
        ]

    def pending_step(self, case_id: int) -> tuple[str, str] | None:
        case = self.store._case_row(case_id)
        if case["status"] not in TRANSITIONS["approve"]:
            return None
        inst = self.store.institution()
        assert inst is not None
        return next_step(inst["icp_format"], self._approved_steps(case))

    @staticmethod
    def _holds(actor: User, case: dict[str, Any], role: str) -> bool:
        if role == "dept_manager":
            return actor.has("dept_manager", case["department_id"])
        return actor.has(role)

    def _check_signer(self, actor: User, case: dict[str, Any], step: str, role: str) -> None:
        if actor.id in (case["applicant_id"], case["filed_by_id"]):
            raise StoreError("self_approval")
        if not self._holds(actor, case, role):
            ja, en = STEP_TEXT[step]
            raise StoreError("wrong_role", step={"ja": ja, "en": en})

    def _signed_by_colleague(self, actor: User, case_id: int) -> StoreError | None:
        """The refusal to give when a colleague signed first the step this person came to
        sign (they opened the case before it moved on): not a missing role or a wrong
        state, which are what the case now looks like. None: no such step."""
        case = self.store._case_row(case_id)  # as committed now, after a refusal too
        for row in self._rows(
            "SELECT a.step, a.role, a.user_id, u.name AS user_name FROM approvals a"
            " JOIN users u ON u.id = a.user_id"
            " WHERE a.case_id = ? AND a.round = ? AND a.action = 'approve' ORDER BY a.id",
            [case_id, case["round"]],
        ):
            if row["user_id"] != actor.id and self._holds(actor, case, row["role"]):
                ja, en = STEP_TEXT[row["step"]]
                return StoreError("step_signed", step={"ja": ja, "en": en}, name=row["user_name"])
        return None

    @contextlib.contextmanager
    def _colleague_first(self, actor: User, case_id: int) -> Iterator[None]:
        """On a campus database a colleague's signature may land between a write's checks
        and the write itself; the server's guard then refuses it (nothing of it remains):
        say what happened rather than the guard's own reason."""
        try:
            yield
        except StoreError as refused:
            if refused.code not in ("refused_by_server", "forbidden_by_server"):
                raise
            raise self._signed_by_colleague(actor, case_id) or refused from None

    def approve(self, actor: User, case_id: int, comment: str = "") -> dict[str, Any]:
        case = self.store._case_row(case_id)
        if not self.store.can_see(actor, case):
            raise StoreError("not_visible")
        if case["status"] not in TRANSITIONS["approve"]:
            raise self._signed_by_colleague(actor, case_id) or StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("approve")
            )
        inst = self.store.institution()
        assert inst is not None
        signed = self._approved_steps(case)
        step_role = next_step(inst["icp_format"], signed)
        if step_role is None:
            raise self._signed_by_colleague(actor, case_id) or StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("approve")
            )
        step, role = step_role
        try:
            self._check_signer(actor, case, step, role)
        except StoreError as refused:
            if refused.code != "wrong_role":
                raise
            raise self._signed_by_colleague(actor, case_id) or refused from None
        signers = {
            r[0]
            for r in self.db.execute(
                "SELECT user_id FROM approvals"
                " WHERE case_id = ? AND round = ? AND action = 'approve'",
                [case_id, case["round"]],
            )
        }
        if actor.id in signers:
            raise StoreError("already_approved_step")
        if step in ("office", "chief") and not case["decision"]:
            raise StoreError("no_decision")
        if step in ("office", "chief"):
            # What held when the decision was recorded must still hold when it is signed:
            # the review may have been edited or the counterpart screened again since.
            self._require_review_complete(case, case["decision"])
        complete = next_step(inst["icp_format"], [*signed, step]) is None
        new_status = "under_review"
        if complete:
            new_status = self.catalog.decision_by_id[case["decision"]].status
        with self._colleague_first(actor, case_id), self.db.atomic():
            if step in ("office", "chief"):
                # Under the row's lock, as the signature is written: a colleague who set a
                # classification to "unclear" (or changed the decision) a moment ago is seen.
                lock_case(self, case_id)
                locked = self.store._case_row(case_id)
                if locked["decision"] != case["decision"] or locked["round"] != case["round"]:
                    raise StoreError("review_changed")
                self._require_review_complete(locked, locked["decision"])
            self.db["approvals"].insert(
                {
                    "case_id": case_id,
                    "round": case["round"],
                    "step": step,
                    "user_id": actor.id,
                    "role": role,
                    "action": "approve",
                    "comment": comment,
                    "at": self.now(),
                }
            )
            update: dict[str, Any] = {"status": new_status, "updated_at": self.now()}
            if complete:
                update["closed_at"] = self.now()
            self.db["cases"].update(case_id, update)
            self._audit(
                actor,
                "approve",
                "case",
                case_id,
                {"status": case["status"]},
                {"status": new_status, "step": step, "comment": comment, "final": complete},
            )
        return self.store.get_case(actor, case_id)

    def return_case(self, actor: User, case_id: int, comment: str) -> dict[str, Any]:
        """Send a case back to the applicant with questions (office or the current approver)."""
        case = self.store._case_row(case_id)
        if not self.store.can_see(actor, case):
            raise StoreError("not_visible")
        if case["status"] not in TRANSITIONS["return"]:
            raise StoreError(
                "bad_transition", status=_status(case["status"]), action=_action("return")
            )
        if not comment.strip():
            raise StoreError("comment_required")
        pending = self.pending_step(case_id)
        if not actor.has("office"):
            if pending is None:
                raise StoreError("forbidden")
            self._check_signer(actor, case, *pending)
        if actor.id in (case["applicant_id"], case["filed_by_id"]):
            raise StoreError("self_approval")
        with self.db.atomic():
            self.db["approvals"].insert(
                {
                    "case_id": case_id,
                    "round": case["round"],
                    "step": pending[0] if pending else "office",
                    "user_id": actor.id,
                    "role": pending[1] if pending else "office",
                    "action": "return",
                    "comment": comment,
                    "at": self.now(),
                }
            )
            self.store._message(actor, case, "question", comment)
            self.store._set_status(actor, case, "returned", comment=comment)
        return self.store.get_case(actor, case_id)

    # --- retention, audit -----------------------------------------------------------------

    def retention_until(self, case: dict[str, Any]) -> dt.date:
        inst = self.store.institution()
        years = inst["retention_years"] if inst else 7
        anchor = dt.datetime.fromisoformat(case["closed_at"] or case["updated_at"]).date()
        try:
            return anchor.replace(year=anchor.year + years)
        except ValueError:  # 29 February
            return anchor.replace(year=anchor.year + years, day=28)

    def delete_case(self, actor: User, case_id: int) -> None:
        """Only an administrator, only after the retention period, only a closed case."""
        self._require(actor.has("admin"))
        case = self.store._case_row(case_id)
        until = self.retention_until(case)
        if case["status"] not in FINAL | {"withdrawn"} or self.clock().date() < until:
            raise StoreError("retention", until=until.isoformat())
        with self.db.atomic():
            for table in ("approvals", "messages", "attachments"):
                self.db.execute(f"DELETE FROM {table} WHERE case_id = ?", [case_id])
            self.db.execute("DELETE FROM cases WHERE id = ?", [case_id])
            self._audit(
                actor,
                "delete",
                "case",
                case_id,
                {"ref": case["ref"], "status": case["status"]},
                None,
            )

    def timeline(self, actor: User, case_id: int) -> list[dict[str, Any]]:
        case = self.store._case_row(case_id)
        if not self.store.can_see(actor, case):
            raise StoreError("not_visible")
        rows = self._rows(
            "SELECT seq, at, user_id, user_login, action, before_json, after_json FROM audit_log"
            " WHERE entity = 'case' AND entity_id = ? ORDER BY seq",
            [str(case_id)],
        )
        for row in rows:
            row["before"] = _loads(row.pop("before_json"))
            row["after"] = _loads(row.pop("after_json"))
        return rows

    def verify_audit(self) -> audit.VerifyResult:
        """The chain, every record's seal and the head's signature by this installation."""
        return self.db.verify_audit()

    def record_export(self, actor: User | None, what: str, target: str, count: int) -> None:
        with self.db.atomic():
            self._audit(actor, "export", what, "", None, {"target": target, "count": count})

    def iter_cases_for_export(
        self, actor: User, status: list[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        """The cases `actor` may see, without other people's drafts (exports, printing)."""
        where, params = self.store._visibility_sql(actor, others_drafts=False)
        statuses = list(status or [])
        status_sql = f" AND c.status IN ({','.join('?' * len(statuses))})" if statuses else ""
        cursor = self.db.execute(
            f"SELECT c.*, a.name AS applicant_name, f.name AS filed_by_name FROM cases c"
            f" JOIN users a ON a.id = c.applicant_id JOIN users f ON f.id = c.filed_by_id"
            f" WHERE {where}{status_sql} ORDER BY c.id",
            [*params, *statuses],
        )
        cols = [c[0] for c in cursor.description]
        for values in cursor:
            yield self.store._decode(dict(zip(cols, values, strict=True)))
