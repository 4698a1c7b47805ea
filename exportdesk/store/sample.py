"""A small sample institution with users and cases, for screenshots, demos and benchmarks."""

from __future__ import annotations

from typing import Any

from exportdesk.store.service import Store
from exportdesk.store.users import User

SAMPLE_PASSWORD = "sample-password-2026"


def visit_answers(**extra: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {
        "activity": "visiting_researcher",
        "title": "シュミット博士の来訪（材料評価の打合せ）",
        "planned_date": "2026-12-01",
        "counterpart_name": "Technische Universität Beispielstadt",
        "counterpart_country": "DE",
        "nationality": "DE",
        "employed_in_japan": False,
        "entry_date": "2026-11-28",
        "diplomat_or_foreign_official": False,
        "foreign_contract_exists": False,
        "foreign_government_benefit": False,
        "acts_on_foreign_government_instructions": False,
        "technology_provided": False,
        "red_flags": ["none"],
    }
    answers.update(extra)
    return answers


def seed_sample(store: Store, icp_format: str = "large") -> dict[str, User]:
    admin = store.setup(
        name_ja="架空工業大学",
        name_en="Example Institute of Technology",
        icp_format=icp_format,
        office_name_ja="安全保障輸出管理室",
        office_name_en="Security Export Control Office",
        departments=[
            ("ENG", "工学研究科", "Graduate School of Engineering"),
            ("SCI", "理学研究科", "Graduate School of Science"),
        ],
        admin_login="admin",
        admin_name="管理 太郎",
        admin_password=SAMPLE_PASSWORD,
        office_email="export-control@example.ac.jp",
    )
    deps = {d["code"]: d["id"] for d in store.departments()}

    def user(
        login: str, name: str, roles: list[tuple[str, int | None]], dep: str | None = None
    ) -> User:
        return store.create_user(
            admin,
            login=login,
            name=name,
            password=SAMPLE_PASSWORD,
            roles=roles,
            department_id=deps[dep] if dep else None,
        )

    users = {
        "admin": admin,
        "office": user("office", "輸出 花子", [("office", None)]),
        "chief": user("chief", "統括 三郎", [("chief_manager", None)]),
        "manager": user("manager", "工学 部長", [("dept_manager", deps["ENG"])], "ENG"),
        "prof": user("prof", "研究 一郎", [("applicant", None)], "ENG"),
        "secretary": user("secretary", "秘書 五子", [("proxy", None)], "ENG"),
    }
    store.add_proxy(admin, users["secretary"].id, users["prof"].id)
    prof = users["prof"]
    done = store.create_case(prof, answers=visit_answers())
    store.submit(prof, done["id"])
    controlled = store.create_case(
        prof,
        answers=visit_answers(
            activity="foreign_student_admission",
            title="留学生の受入れ（複合材料研究室）",
            counterpart_name="Example University of Science and Technology",
            counterpart_country="CN",
            nationality="CN",
            entry_date="2026-10-01",
            technology_provided=True,
            technology_where="japan",
            technology_description="炭素繊維複合材料の成形条件データ",
            publicly_available=False,
            basic_science=False,
            for_patent_filing=False,
            technology_list_controlled="yes",
            technology_list_items=["5"],
            research_areas=["26030"],
            end_use="博士課程の研究（複合材料の強度評価）",
        ),
    )
    store.submit(prof, controlled["id"])
    store.create_case(
        prof,
        answers={
            "activity": "joint_research",
            "title": "共同研究（下書き）",
            "counterpart_name": "Example Research Institute",
        },
    )
    return users
