"""Save screenshots of every screen in both languages to docs/screenshots/.

make screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EXPORTDESK_FAST_HASH", "1")

from PySide6.QtWidgets import QApplication, QWidget

from exportdesk.gui.app import create_app, install_language

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


SMALL = (1024, 640)  # the smallest window we support
LARGE = (1920, 1080)
REVIEW = {
    "technology_classification": {"choice": "listed", "items": "5(1)"},
    "goods_classification": {"choice": "not_applicable", "items": ""},
    "classification_basis": "office_comparison",
    "use_requirement": False,
    "end_user_requirement": False,
    "inform_requirement": False,
    "resident_confirmed": "non_resident",
    "pledge": "requested",
}


def large(window: QWidget, name: str) -> None:
    """The same screen on a full-HD monitor, then back to the small window."""
    window.resize(*LARGE)
    shoot(window, f"{name}-1920")
    window.resize(*SMALL)
    QApplication.processEvents()


def shoot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))


def main() -> int:
    from PySide6.QtWidgets import QMessageBox

    from exportdesk.gui.dialogs import LoginDialog
    from exportdesk.gui.main_window import MainWindow
    from exportdesk.gui.setup import SetupDialog
    from exportdesk.store import Store
    from exportdesk.store.sample import seed_sample

    # A modal box would wait forever offscreen: print what it would have said.
    QMessageBox.warning = lambda _parent, title, text, *a, **k: print(f"warning: {title}: {text}")  # type: ignore[method-assign]
    OUT.mkdir(parents=True, exist_ok=True)
    app = create_app()
    for lang in ("ja", "en"):
        install_language(app, lang)
        tmp = Path(tempfile.mkdtemp())
        empty = Store(tmp / "empty.db")
        setup = SetupDialog(empty, lang)
        setup.resize(640, 640)
        setup.show()
        shoot(setup, f"{lang}-01-setup")
        setup.close()

        store = Store(tmp / "sample.db")
        users = seed_sample(store)
        login = LoginDialog(store, lang)
        login.login.setText("prof")
        login.show()
        shoot(login, f"{lang}-02-sign-in")
        login.close()

        window = MainWindow(store, users["prof"], lang)
        window.resize(*SMALL)
        window.show()
        shoot(window, f"{lang}-03-my-cases")
        large(window, f"{lang}-03-my-cases")
        cases = window.cases_page.model
        ids = {cases.rows[i]["title"]: cases.rows[i]["id"] for i in range(cases.rowCount())}
        draft = next(v for k, v in ids.items() if "下書き" in k)
        editor = window.open_case(draft)
        shoot(window, f"{lang}-04-check-sheet-new")
        controlled = next(v for k, v in ids.items() if "留学生" in k)
        editor = window.open_case(controlled)
        shoot(window, f"{lang}-05-check-sheet-office-review")
        large(window, f"{lang}-05-check-sheet-office-review")
        editor.scroll.verticalScrollBar().setValue(editor.scroll.verticalScrollBar().maximum() // 2)
        shoot(window, f"{lang}-06-check-sheet-technology")
        window.tabs.setCurrentWidget(window.guidance)
        shoot(window, f"{lang}-07-guidance")
        window.close()

        store.approve(
            users["manager"], controlled, "部局確認済み"
        )  # large format: department first
        office = MainWindow(store, users["office"], lang)
        office.resize(*SMALL)
        office.show()
        shoot(office, f"{lang}-08-review-queue")
        large(office, f"{lang}-08-review-queue")
        review = office.open_review(controlled)
        shoot(office, f"{lang}-09-review-sheet")
        large(office, f"{lang}-09-review-sheet")
        review.tabs.setCurrentIndex(1)
        shoot(office, f"{lang}-10-review-check-sheet-answers")
        # What the office must have recorded before deciding (no list imported here).
        store.save_review(
            users["office"],
            controlled,
            REVIEW | store.get_case(users["office"], controlled)["review"],
        )
        store.waive_screening(
            users["office"],
            controlled,
            "リスト未取込み（目視で確認）"
            if lang == "ja"
            else "No list imported yet (checked by hand)",
        )
        review.case = store.get_case(users["office"], controlled)
        review._load_values()  # the window shows what was just recorded
        review.refresh()
        review.inputs["reasons"].setPlainText(
            "公開済みデータのみ" if lang == "ja" else "Published data only"
        )
        review.inputs["decision"].setCurrentIndex(
            review.inputs["decision"].findData("no_licence_needed")
        )
        review.decide()
        review.approve()
        review.tabs.setCurrentIndex(2)
        shoot(office, f"{lang}-11-review-timeline")
        office.tabs.setCurrentWidget(office.icp_view)
        office.icp_view.preview()
        shoot(office, f"{lang}-12-icp")
        office.close()

        admin_user = next(u for u in store.users() if u.has("admin"))
        admin = MainWindow(store, admin_user, lang)
        admin.resize(1024, 640)
        admin.show()
        admin.tabs.setCurrentWidget(admin.users_page)
        admin.users_page.select("prof")
        shoot(admin, f"{lang}-16-users-and-roles")
        dialog = admin.users_page.edit_user()
        shoot(dialog, f"{lang}-17-user-dialog")
        dialog.close()
        admin.close()
        setup = SetupDialog(Store(tmp / "fresh.db"), lang)
        setup.resize(1024, 640)
        setup.show()
        setup.mode_file.setChecked(True)
        shoot(setup, f"{lang}-18-setup-from-institution-file")
        setup.close()
        people_screens(store, users, lang)
    print(f"screenshots in {OUT}")


def people_screens(store, users, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The People screen, the reminders and the import dialog at 1024x640."""
    from exportdesk.gui.main_window import MainWindow
    from exportdesk.gui.people_import import ImportDialog

    office = users["office"]
    deps = {d["code"]: d["id"] for d in store.departments()}
    first = next(iter(deps.values()))
    people = [
        ("S2026001", "Wang", "Li", "王力", "CN", "2026-04-01", "master", "2028-03-31"),
        (
            "S2026002",
            "Kim",
            "Minji",
            "金敏智",
            "KR",
            "2026-11-10",
            "research_student",
            "2027-03-31",
        ),
        ("S2026003", "Nguyen", "An", "", "VN", "2025-10-01", "doctoral", "2026-12-20"),
        (
            "R2026004",
            "Schmidt",
            "Anna",
            "",
            "DE",
            "2026-09-01",
            "visiting_researcher",
            "2027-08-31",
        ),
        ("P2026005", "Okafor", "Ada", "", "NG", "2024-04-01", "postdoc", "2027-03-31"),
        ("S2026006", "Chen", "Wei", "陳偉", "TW", "2025-04-01", "doctoral", "2028-03-31"),
    ]
    ids = []
    for ext, family, given, native, country, entry, status, until in people:
        ids.append(
            store.add_person(
                office,
                external_id=ext,
                family_name=family,
                given_name=given,
                name_native=native,
                nationality=country,
                entry_date=entry,
                status=status,
                stay_until=until,
                department_id=first,
                supervisor="研究 一郎",
                email=f"{family.lower()}@example.ac.jp",
            )
        )
    store.declare(office, ids[0], declared_on="2026-04-10", categories=[])
    pledge = store.request_pledge(office, ids[0], "entry")
    store.receive_pledge(office, pledge, "wang-pledge.pdf", b"%PDF-1.4 signed pledge")
    store.check_pledge(office, pledge)
    store.declare(office, ids[5], declared_on="2025-04-15", categories=[2])
    store.update_person(office, ids[0], status="doctoral")
    store.update_person(
        office, ids[0], funding="MEXT scholarship", foreign_contracts="", host_user_id=None
    )
    store.record_training(office, course="meti_elearning", taken_on="2026-05-01", person_id=ids[0])
    window = MainWindow(store, office, lang)
    window.resize(1024, 640)
    window.show()
    window.tabs.setCurrentWidget(window.due_panel)
    shoot(window, f"{lang}-13-reminders")
    window.tabs.setCurrentWidget(window.people_page)
    window.people_page.select_person(ids[0])
    window.people_page.panel.tabs.setCurrentIndex(1)
    shoot(window, f"{lang}-14-people")
    sample = Path(tempfile.mkdtemp()) / "students.csv"
    sample.write_bytes(
        (
            "学籍番号,姓,名,国籍,入国日,身分,所属,メール\n"
            "S2026101,Zhang,Hua,中国,令和8年10月1日,修士課程学生,ENG,zhang@example.ac.jp\n"
            "S2026002,Kim,Minji,韓国,2026/11/10,博士課程学生,ENG,kim@example.ac.jp\n"
            "S2026102,Doe,Jan,Atlantis,2026/02/30,研究生,ENG,\n"
        ).encode("cp932")
    )
    dialog = ImportDialog(store, office, lang, window)
    dialog.resize(1024, 640)
    dialog.load(str(sample))
    dialog.show()
    shoot(dialog, f"{lang}-15-people-import")
    dialog.close()
    person_forms(window, ids, lang)
    window.close()
    return 0


def person_forms(window, ids: list[int], lang: str) -> None:  # type: ignore[no-untyped-def]
    """The person's form (edit; new with a refused date), training, and a re-check shown."""
    page = window.people_page
    page.select_person(ids[2])
    form = page.panel.edit_person()
    form.resize(*SMALL)
    shoot(form, f"{lang}-24-person-form")
    form.status.setCurrentIndex(form.status.findData("postdoc"))
    form.save()
    page.panel.tabs.setCurrentIndex(0)
    shoot(window, f"{lang}-25-people-recheck-opened")
    form = page.new_person()
    form.resize(*SMALL)
    form.texts["family_name"].setText("Rossi")
    form.texts["given_name"].setText("Marco")
    form.nationality.set_value("IT")
    form.dates["entry_date"].setText("令和8年2月30日")
    form.save()
    shoot(form, f"{lang}-26-person-form-refused")
    form.close()
    page.select_person(ids[0])
    page.panel.tabs.setCurrentIndex(2)
    dialog = page.panel.record_training()
    dialog.taken_on.setText("2026/10/20")
    shoot(dialog, f"{lang}-27-record-training")
    dialog.close()
    shoot(window, f"{lang}-28-people-training")


if __name__ == "__main__":
    sys.exit(main())
