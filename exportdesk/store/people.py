"""The people who receive technology: their records, status history, who may see them,
and the re-checks a change opens."""

from __future__ import annotations

from typing import Any, ClassVar

from exportdesk.store.base import Part
from exportdesk.store.errors import StoreError
from exportdesk.store.folding import contains_sql, equals_sql, fold_case
from exportdesk.store.users import User

# Columns the People screen may sort on.
PEOPLE_SORT = (
    "external_id",
    "family_name",
    "nationality",
    "status",
    "department",
    "supervisor",
    "entry_date",
    "stay_from",
    "stay_until",
    "declared_on",
)

# The latest declaration and the pledges' states are summarised on the person's row
# (see _refresh_summary), so the list reads one table.
_LIST_SQL = """
SELECT p.id, p.external_id, p.family_name, p.given_name, p.name_native, p.nationality,
       p.status, p.department_id, coalesce(d.code, '') AS department, p.supervisor,
       p.host_user_id, p.entry_date, p.stay_from, p.stay_until, p.email, p.needs_recheck,
       p.declared_on, p.category_bits, p.pledge_states
FROM people p LEFT JOIN departments d ON d.id = p.department_id
"""


# What a search looks in; every column is NOT NULL but the department's code.
_HAY = " || ' ' || ".join(
    [
        *(
            f"coalesce(p.{c}, '')"
            for c in ("family_name", "given_name", "name_native", "external_id", "supervisor")
        ),
        "coalesce(p.nationality, '')",
        "coalesce(p.status, '')",
        "coalesce(d.code, '')",
    ]
)


def _order_sql(order_by: str, descending: bool, engine: str) -> str:
    """Sorted by `order_by` (case-insensitive), empty values last, ties by name and id.

    The same order on both engines: every letter folded as the search folds it
    (folding.py), then compared by code point, which is SQLite's only order and
    PostgreSQL's "C" collation (a database in ja_JP or en_US would otherwise sort É
    beside E on the server and after Z on SQLite)."""
    if order_by not in PEOPLE_SORT:
        raise StoreError("invalid", detail="order_by")
    column = "coalesce(d.code, '')" if order_by == "department" else f"coalesce(p.{order_by}, '')"
    direction = " DESC" if descending else ""
    by_code_point = ' COLLATE "C"' if engine == "postgresql" else ""
    return (
        f"CASE WHEN {column} = '' THEN 1 ELSE 0 END,"
        f" fold_case({column}){by_code_point}{direction},"
        f" p.family_name{by_code_point}, p.id"
    )


_CATEGORIES = [[c for c, bit in ((1, 1), (2, 2), (3, 4)) if bits & bit] for bits in range(8)]


def categories_from_bits(bits: int | None) -> list[int] | None:
    """[1, 3] from 0b101; None when there is no declaration."""
    return None if bits is None else list(_CATEGORIES[bits])


class People(Part):
    PERSON_FIELDS: ClassVar[tuple[str, ...]] = (
        "external_id",
        "family_name",
        "given_name",
        "name_native",
        "nationality",
        "birth_date",
        "entry_date",
        "stay_from",
        "stay_until",
        "employed_in_japan",
        "status",
        "funding",
        "foreign_contracts",
        "department_id",
        "host_user_id",
        "supervisor",
        "email",
    )

    # --- who sees whom --------------------------------------------------------------

    @staticmethod
    def sees_all_people(actor: User) -> bool:
        return actor.has("office") or actor.has("admin") or actor.has("chief_manager")

    def _people_scope(self, actor: User) -> tuple[str, list[Any]]:
        """SQL restricting `people p` to those the actor may see.

        The office, the chief manager and the administrator see everyone; a department
        manager sees their departments' people; anyone else the people they host or
        recorded themselves, and a proxy the people hosted by the applicants they file
        for: a secretary filing a visiting researcher's case for the professor links it
        to the visitor's record (the campus database's policy on people says the same).
        """
        if self.sees_all_people(actor):
            return "TRUE", []
        parts = [
            "p.host_user_id = ?",
            "p.created_by = ?",
            "p.host_user_id IN (SELECT x.applicant_id FROM proxies x WHERE x.proxy_id = ?)",
        ]
        params: list[Any] = [actor.id, actor.id, actor.id]
        managed = sorted(actor.managed_departments())
        if managed:
            parts.append(f"p.department_id IN ({', '.join('?' * len(managed))})")
            params += managed
        return "(" + " OR ".join(parts) + ")", params

    def may_see_person(self, actor: User, person: dict[str, Any]) -> bool:
        if self.sees_all_people(actor):
            return True
        host = person.get("host_user_id")
        return (
            host == actor.id
            or person.get("created_by") == actor.id
            or person.get("department_id") in actor.managed_departments()
            or (host is not None and host in self.store.proxy_applicant_ids(actor.id))
        )

    def get_person(self, actor: User, person_id: int) -> dict[str, Any]:
        """A person's record, if the actor may see it. A record the campus database's
        policy hides reads as absent, so absent and hidden give the same refusal."""
        person = self._row("SELECT * FROM people WHERE id = ?", [person_id])
        if person is None or not self.may_see_person(actor, person):
            raise StoreError("person_not_visible")
        return person

    def may_add_person(self, actor: User) -> bool:
        """Who may record a new person (an applicant or proxy for the people they host)."""
        return any(actor.has(r) for r in ("applicant", "proxy", "office", "dept_manager", "admin"))

    def may_edit_person(self, actor: User, person_id: int) -> bool:
        """Whoever may see a person's record may correct it: the test update_person makes."""
        try:
            self.get_person(actor, person_id)
        except StoreError:
            return False
        return True

    def departments_for_new_person(self, actor: User) -> list[int] | None:
        """The departments `actor` may record a new person in; None: any, or none at all.
        A department manager (not the office) records people of the departments they
        manage, so that each record is someone's to look after."""
        if self.sees_all_people(actor) or not actor.managed_departments():
            return None
        return sorted(actor.managed_departments())

    def may_host(self, user_id: int) -> bool:
        """Who a person's host (受入教員) may be: an active account that files cases."""
        row = self._row(
            "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id"
            " WHERE u.id = ? AND u.active = 1 AND r.role = 'applicant'",
            [user_id],
        )
        return row is not None

    def people_screen_allowed(self, actor: User) -> bool:
        """The People screen: the office and department managers (for their department)."""
        return self.sees_all_people(actor) or bool(actor.managed_departments())

    # --- records ----------------------------------------------------------------------

    def _check_person(
        self, fields: dict[str, Any], before: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """`fields` checked and as stored; `before`: the record they change (None: new)."""
        from exportdesk.domain.countries import is_country_code
        from exportdesk.domain.dates import DateError, parse_date
        from exportdesk.domain.people import PERSON_DATES, default_people_rules

        unknown = set(fields) - set(self.PERSON_FIELDS)
        if unknown:
            raise StoreError("invalid", detail=", ".join(sorted(unknown)))
        if "nationality" in fields and not is_country_code(fields["nationality"]):
            raise StoreError("invalid", detail="nationality")
        if "family_name" in fields and not str(fields["family_name"] or "").strip():
            raise StoreError("invalid", detail="family_name")
        fields = dict(fields)
        for key in PERSON_DATES:
            if key in fields and fields[key] in ("", None):
                fields[key] = None  # a date cleared
            elif key in fields:
                try:  # typed as 2026/12/01 or 令和8年12月1日, stored as 2026-12-01
                    fields[key] = parse_date(str(fields[key])).isoformat()
                except DateError as exc:  # `why` says what is wrong with the date
                    raise StoreError(
                        "invalid", detail=key, why={"ja": exc.ja, "en": exc.en}
                    ) from None
        clean = dict(fields)
        for key in ("department_id", "host_user_id"):
            if clean.get(key) in ("", None):
                if key in clean:
                    clean[key] = None
                continue
            table = "departments" if key == "department_id" else "users"
            if self._row(f"SELECT id FROM {table} WHERE id = ?", [clean[key]]) is None:
                raise StoreError("invalid", detail=key)
        if "employed_in_japan" in clean:
            clean["employed_in_japan"] = int(bool(clean["employed_in_japan"]))
        if clean.get("status") and default_people_rules().status_id(clean["status"]) is None:
            raise StoreError("invalid", detail="status")
        for key in ("external_id", "given_name", "name_native", "supervisor", "email"):
            if key in clean and clean[key] is None:
                clean[key] = ""
        self._check_dates(before or {}, clean)
        return clean

    @staticmethod
    def _check_dates(before: dict[str, Any], clean: dict[str, Any]) -> None:
        """The dates being stored against the rules (1900-2100), and the period of stay
        as it would then be (it may not end before it starts)."""
        import datetime as dt

        from exportdesk.domain.people import PERSON_DATES, person_date_problems

        after = {**before, **clean}
        dates: dict[str, dt.date | None] = {}
        for key in PERSON_DATES:
            try:
                dates[key] = dt.date.fromisoformat(str(after[key])[:10]) if after.get(key) else None
            except ValueError:  # an unreadable date kept from before is not this change's
                dates[key] = None
        for key, ja, en in person_date_problems(dates):
            # A date out of range counts only when this change brings it.
            if key in clean or (key == "stay_until" and "stay_from" in clean):
                raise StoreError("invalid", detail=key, why={"ja": ja, "en": en})

    def add_person(self, actor: User, **fields: Any) -> int:
        self._require(self.may_add_person(actor))
        if not str(fields.get("family_name", "")).strip() or not fields.get("nationality"):
            raise StoreError("invalid", detail="family_name / nationality")
        clean = self._check_person(fields)
        allowed = self.departments_for_new_person(actor)
        if allowed is not None and clean.get("department_id") not in allowed:
            raise StoreError("person_department", detail="department_id")
        if not self.sees_all_people(actor) and not actor.managed_departments():
            # An applicant records the people they host.
            clean.setdefault("host_user_id", actor.id)
        self._check_person_links(actor, clean, None)
        with self.db.atomic():
            pid = self._insert_person(actor, clean)
        return pid

    def _check_person_links(
        self, actor: User, clean: dict[str, Any], before: dict[str, Any] | None
    ) -> None:
        """What a record points at, where it changes: the host files cases, and the ID
        from the student or personnel system is not another visible person's."""
        host = clean.get("host_user_id")
        changed = before is None or before.get("host_user_id") != host
        if host is not None and changed and not self.may_host(int(host)):
            raise StoreError("person_host", detail="host_user_id")
        external = str(clean.get("external_id") or "").strip()
        if external and (before is None or before.get("external_id") != external):
            own = before["id"] if before else None
            # Across all people (on the campus database through a function that answers
            # yes or no); the holder is named only to someone who may see them.
            if self.db.name == "postgresql":
                sql, params = "SELECT person_id_taken(?, ?)", [external, own]
            else:
                sql = "SELECT EXISTS (SELECT 1 FROM people WHERE external_id = ? AND id <> ?)"
                params = [external, own or 0]
            if not self.db.execute(sql, params).fetchone()[0]:
                return
            others = [i for i in self.find_people(actor, external_id=external) if i != own]
            if not others:
                raise StoreError(
                    "person_id_taken_elsewhere", detail="external_id", external_id=external
                )
            other = self.person(others[0])
            name = " ".join(x for x in (other["family_name"], other["given_name"]) if x)
            raise StoreError(
                "person_id_taken", detail="external_id", external_id=external, name=name
            )

    def _insert_person(self, actor: User, clean: dict[str, Any]) -> int:
        now = self.now()
        pid = int(
            self.db["people"]
            .insert({**clean, "created_by": actor.id, "created_at": now, "updated_at": now})
            .last_pk
        )
        if clean.get("status"):
            self.db["person_status_history"].insert(
                {
                    "person_id": pid,
                    "status": clean["status"],
                    "recorded_at": now,
                    "recorded_by": actor.id,
                }
            )
        self._audit(actor, "create", "person", pid, None, clean)
        return pid

    def update_person(
        self,
        actor: User,
        person_id: int,
        *,
        loaded: dict[str, Any] | None = None,
        **fields: Any,
    ) -> dict[str, Any]:
        """Change a person's record; a change of status, funding or employment opens a re-check.

        `loaded`: the record as the form loaded it. A field this save changes that a
        colleague changed since (to something else) refuses the save (person_conflict),
        changing nothing; their changes to other fields stay as they are."""
        before = self.get_person(actor, person_id)
        clean = self._check_person(fields, before)
        self._check_person_links(actor, clean, before)
        with self.db.atomic():
            if loaded is not None:
                # Under the row's lock: nobody writes the record between check and write.
                self.db.execute(
                    "UPDATE people SET updated_at = updated_at WHERE id = ?", [person_id]
                )
                before = self.get_person(actor, person_id)
                self._refuse_overwrite(person_id, before, loaded, clean)
            self._update_person(actor, before, clean)
        return self.person(person_id)

    def _refuse_overwrite(
        self,
        person_id: int,
        now: dict[str, Any],
        loaded: dict[str, Any],
        clean: dict[str, Any],
    ) -> None:
        from exportdesk.store.conflicts import last_change, when

        lost = sorted(
            k for k in clean if k in loaded and now.get(k) != loaded[k] and now.get(k) != clean[k]
        )
        if lost:
            last = last_change(self, "person", person_id, ("update", "create"), lost)
            raise StoreError(
                "person_conflict",
                name=last.get("user_name") or last.get("user_login") or "?",
                at=when(last.get("at")),
                fields=", ".join(lost),
                keys=lost,
            )

    def _update_person(
        self, actor: User, before: dict[str, Any], clean: dict[str, Any]
    ) -> list[str]:
        from exportdesk.domain.people import RECHECK_FIELDS

        person_id = before["id"]
        changed = {k: v for k, v in clean.items() if before.get(k) != v}
        if not changed:
            return []
        now = self.now()
        update: dict[str, Any] = {**changed, "updated_at": now}
        recheck = [k for k in changed if k in RECHECK_FIELDS]
        self.db["people"].update(person_id, update)
        self._audit(
            actor, "update", "person", person_id, {k: before.get(k) for k in changed}, changed
        )
        if "status" in changed:
            self.db["person_status_history"].insert(
                {
                    "person_id": person_id,
                    "status": changed["status"],
                    "recorded_at": now,
                    "recorded_by": actor.id,
                }
            )
        if recheck:
            self._open_recheck(actor, person_id, ", ".join(recheck))
        return list(changed)

    def person(self, person_id: int) -> dict[str, Any]:
        """A person's record without a visibility check (for the store's own use)."""
        row = self._row("SELECT * FROM people WHERE id = ?", [person_id])
        if row is None:
            raise StoreError("not_found")
        return row

    def status_history(self, actor: User, person_id: int) -> list[dict[str, Any]]:
        self.get_person(actor, person_id)
        return self._rows(
            "SELECT * FROM person_status_history WHERE person_id = ? ORDER BY recorded_at, id",
            [person_id],
        )

    # --- the list -----------------------------------------------------------------------

    def list_people(
        self,
        actor: User,
        *,
        search: str = "",
        order_by: str = "family_name",
        descending: bool = False,
        department_id: int | None = None,
        recheck_only: bool = False,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """The people the actor may see, filtered by a search text and sorted."""
        where, params = self._people_where(actor, search, department_id, recheck_only)
        order = _order_sql(order_by, descending, self.db.name)
        sql = f"{_LIST_SQL} WHERE {where} ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self._list_rows(sql, params)

    def people_order(
        self,
        actor: User,
        *,
        search: str = "",
        order_by: str = "family_name",
        descending: bool = False,
        department_id: int | None = None,
        recheck_only: bool = False,
    ) -> list[int]:
        """The ids list_people would return, in its order: what a screen needs to show
        10,000 people at once and read only the rows it paints (people_rows)."""
        where, params = self._people_where(actor, search, department_id, recheck_only)
        # The department's code only when searched or sorted on (the join doubles the time).
        join = search.strip() or order_by == "department"
        sql = (
            "SELECT p.id FROM people p"
            + (" LEFT JOIN departments d ON d.id = p.department_id" if join else "")
            + f" WHERE {where} ORDER BY {_order_sql(order_by, descending, self.db.name)}"
        )
        return [r[0] for r in self.db.execute(sql, params).fetchall()]

    def people_rows(self, actor: User, ids: list[int]) -> dict[int, dict[str, Any]]:
        """The list rows of these people, by id; those the actor may not see are left out."""
        if not ids:
            return {}
        scope, params = self._people_scope(actor)
        marks = ", ".join("?" * len(ids))
        rows = self._list_rows(f"{_LIST_SQL} WHERE {scope} AND p.id IN ({marks})", [*params, *ids])
        return {row["id"]: row for row in rows}

    def _list_rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        """Rows of _LIST_SQL with the declared categories as a list."""
        rows = self._rows(sql, params)
        for row in rows:
            row["categories"] = categories_from_bits(row.pop("category_bits"))
        return rows

    def _people_where(
        self, actor: User, search: str, department_id: int | None, recheck_only: bool
    ) -> tuple[str, list[Any]]:
        """The actor's scope, and every word of `search` in a name, the ID, the supervisor,
        the nationality, the status or the department's code (case-insensitive for every
        letter, on both engines)."""
        scope, params = self._people_scope(actor)
        where = [scope]
        if department_id is not None:
            where.append("p.department_id = ?")
            params.append(department_id)
        if recheck_only:
            where.append("p.needs_recheck = 1")
        for word in (fold_case(search) or "").split():
            # Not lower() alone: SQLite's folds ASCII letters only (store/folding.py).
            clause, patterns = contains_sql(_HAY, word)
            where.append(clause)
            params += patterns
        return " AND ".join(where), params

    def _refresh_summary(self, person_id: int) -> None:
        """Copy the latest declaration and the pledges' states onto the person's row
        (inside the caller's transaction)."""
        self.db.execute(
            """UPDATE people SET
                declared_on = (SELECT x.declared_on FROM declarations x
                    WHERE x.person_id = people.id AND x.state != 'requested'
                    ORDER BY x.declared_on DESC, x.id DESC LIMIT 1),
                category_bits = (SELECT x.category_1 + x.category_2 * 2 + x.category_3 * 4
                    FROM declarations x WHERE x.person_id = people.id AND x.state != 'requested'
                    ORDER BY x.declared_on DESC, x.id DESC LIMIT 1),
                pledge_states = coalesce((SELECT group_concat(kind || ':' || state)
                    FROM (SELECT kind, state FROM pledges WHERE person_id = people.id
                          ORDER BY id) AS ordered), '')
            WHERE id = ?""",
            [person_id],
        )

    def find_people(self, actor: User, *, external_id: str = "", name: str = "") -> list[int]:
        """Ids of visible people with this external id, or this full name."""
        scope, params = self._people_scope(actor)
        if external_id:
            sql = f"SELECT p.id FROM people p WHERE {scope} AND p.external_id = ?"
            return [r[0] for r in self.db.execute(sql, [*params, external_id])]
        clause, values = equals_sql("p.family_name || ' ' || p.given_name", fold_case(name) or "")
        sql = f"SELECT p.id FROM people p WHERE {scope} AND {clause}"
        return [r[0] for r in self.db.execute(sql, [*params, *values])]

    # --- re-checks ----------------------------------------------------------------------

    def _open_recheck(
        self, actor: User | None, person_id: int, reason: str, case_id: int | None = None
    ) -> int:
        """Open a re-check (inside the caller's transaction) unless the same one is open."""
        existing = self._row(
            "SELECT id FROM rechecks WHERE person_id = ? AND closed_at IS NULL"
            " AND coalesce(case_id, 0) = ? AND reason = ?",
            [person_id, case_id or 0, reason],
        )
        if existing:
            return int(existing["id"])
        rid = int(
            self.db["rechecks"]
            .insert(
                {
                    "person_id": person_id,
                    "case_id": case_id,
                    "reason": reason,
                    "opened_at": self.now(),
                    "opened_by": actor.id if actor else None,
                }
            )
            .last_pk
        )
        if case_id is None:
            self.db["people"].update(person_id, {"needs_recheck": 1, "recheck_reason": reason})
        self._audit(
            actor,
            "recheck_opened",
            "person",
            person_id,
            None,
            {"because": reason.split(", "), "case_id": case_id, "recheck_id": rid},
        )
        return rid

    def rechecks(self, actor: User, person_id: int, *, open_only: bool = False) -> list[dict]:
        self.get_person(actor, person_id)
        sql = "SELECT * FROM rechecks WHERE person_id = ?"
        if open_only:
            sql += " AND closed_at IS NULL"
        return self._rows(sql + " ORDER BY opened_at, id", [person_id])

    def case_rechecks(self, actor: User, case_id: int) -> list[dict[str, Any]]:
        """Open re-checks on a case (its person's declaration or an answer changed)."""
        self.store.get_case(actor, case_id)
        return self._rows(
            "SELECT * FROM rechecks WHERE case_id = ? AND closed_at IS NULL ORDER BY id",
            [case_id],
        )

    def close_recheck(self, actor: User, recheck_id: int, note: str = "") -> None:
        """The office closes a re-check it has dealt with."""
        self._require(actor.has("office"))
        row = self._row("SELECT * FROM rechecks WHERE id = ?", [recheck_id])
        if row is None:
            raise StoreError("not_found")
        if row["closed_at"]:
            raise StoreError("bad_state", state="closed")
        with self.db.atomic():
            self.db["rechecks"].update(recheck_id, {"closed_at": self.now(), "closed_by": actor.id})
            self._sync_recheck_flag(row["person_id"])
            self._audit(
                actor,
                "recheck_closed",
                "person",
                row["person_id"],
                None,
                {"recheck_id": recheck_id, "note": note},
            )

    def _sync_recheck_flag(self, person_id: int) -> None:
        still = self._rows(
            "SELECT reason FROM rechecks WHERE person_id = ? AND case_id IS NULL"
            " AND closed_at IS NULL ORDER BY id",
            [person_id],
        )
        self.db["people"].update(
            person_id,
            {
                "needs_recheck": int(bool(still)),
                "recheck_reason": ", ".join(r["reason"] for r in still),
            },
        )

    def people_needing_recheck(self, actor: User | None = None) -> list[dict[str, Any]]:
        if actor is None:
            return self._rows("SELECT * FROM people WHERE needs_recheck = 1 ORDER BY updated_at")
        scope, params = self._people_scope(actor)
        return self._rows(
            f"SELECT p.* FROM people p WHERE {scope} AND p.needs_recheck = 1 ORDER BY p.updated_at",
            params,
        )
