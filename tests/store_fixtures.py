"""Shared builders for store tests: an institution with one user per role."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exportdesk.store import Store
from exportdesk.store.sample import visit_answers
from exportdesk.store.users import User

PASSWORD = "correct horse battery"


class FakeClock:
    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += dt.timedelta(**kw)


@dataclass
class Campus:
    store: Store
    clock: FakeClock
    admin: User
    office: User
    office2: User
    chief: User
    manager_eng: User
    manager_sci: User
    prof: User
    prof_sci: User
    secretary: User
    eng: int
    sci: int


def make_campus(path: Path, icp_format: str = "small") -> Campus:
    clock = FakeClock()
    store = Store(path, clock=clock)
    admin = store.setup(
        name_ja="架空工業大学",
        name_en="Example Institute of Technology",
        icp_format=icp_format,
        office_name_ja="安全保障輸出管理室",
        office_name_en="Export Control Office",
        departments=[
            ("ENG", "工学部", "Faculty of Engineering"),
            ("SCI", "理学部", "Faculty of Science"),
        ],
        admin_login="admin",
        admin_name="管理 太郎",
        admin_password=PASSWORD,
        office_email="export@example.ac.jp",
    )
    deps = {d["code"]: d["id"] for d in store.departments()}
    eng, sci = deps["ENG"], deps["SCI"]

    def user(
        login: str,
        name: str,
        roles: list[tuple[str, int | None]],
        dep: int | None = None,
        lang="ja",
    ) -> User:
        return store.create_user(
            admin,
            login=login,
            name=name,
            password=PASSWORD,
            roles=roles,
            department_id=dep,
            language=lang,
        )

    office = user("office1", "輸出 花子", [("office", None)])
    office2 = user("office2", "審査 次郎", [("office", None)])
    chief = user("chief", "統括 三郎", [("chief_manager", None)])
    manager_eng = user("mgr-eng", "工学 部長", [("dept_manager", eng), ("applicant", None)], eng)
    manager_sci = user("mgr-sci", "理学 部長", [("dept_manager", sci)], sci)
    prof = user("prof", "研究 一郎", [("applicant", None)], eng)
    prof_sci = user("prof-sci", "理論 四郎", [("applicant", None)], sci, lang="en")
    secretary = user("secretary", "秘書 五子", [("proxy", None)], eng)
    store.add_proxy(admin, secretary.id, prof.id)
    return Campus(
        store,
        clock,
        admin,
        office,
        office2,
        chief,
        manager_eng,
        manager_sci,
        prof,
        prof_sci,
        secretary,
        eng,
        sci,
    )


def plain_visit_answers(**extra: Any) -> dict[str, Any]:
    """A complete check sheet: a German visiting researcher, nothing controlled."""
    defaults = {
        "title": "Visit of Dr. Example from TU Example",
        "counterpart_name": "Technische Universität Beispiel",
    }
    return visit_answers(**(defaults | extra))


def controlled_answers() -> dict[str, Any]:
    """List-controlled technology to a newly arrived (non-resident) researcher."""
    return plain_visit_answers(
        technology_provided=True,
        technology_where="japan",
        technology_description="Moulding data for carbon-fibre composites",
        publicly_available=False,
        basic_science=False,
        for_patent_filing=False,
        technology_list_controlled="yes",
        technology_list_items=["5"],
        end_use="Joint testing of composite samples",
    )


REVIEW_DEFAULTS: dict[str, Any] = {
    "technology_classification": {"choice": "listed", "items": "5(2)"},
    "goods_classification": {"choice": "not_applicable", "items": ""},
    "classification_basis": "office_comparison",
    "use_requirement": False,
    "end_user_requirement": False,
    "inform_requirement": False,
    "resident_confirmed": "non_resident",
    "pledge": "on_file",
}


def ready_for_decision(store: Store, actor: User, case_id: int) -> None:
    """Answer what the review sheet requires (keeping what is there) and record why the
    counterpart is not screened: no list is imported in these test installations."""
    current = store.get_case(actor, case_id)["review"]
    store.save_review(actor, case_id, REVIEW_DEFAULTS | current)
    if "screening" not in current:
        store.waive_screening(actor, case_id, "No list imported in this test installation")
