"""The main window: tabs for the user's pages and open cases, menus, language switch."""

from __future__ import annotations

import contextlib

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTabWidget, QWidget

from exportdesk.gui.cases_page import CasesPage
from exportdesk.gui.checksheet import CheckSheetEditor
from exportdesk.gui.guidance_browser import GuidanceBrowser
from exportdesk.store import Store, StoreError
from exportdesk.store.users import User


class MainWindow(QMainWindow):
    def __init__(self, store: Store, user: User, lang: str) -> None:
        super().__init__()
        self.store = store
        self.user = user
        self.lang = lang
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.setCentralWidget(self.tabs)
        self.setAcceptDrops(True)
        self._build_menus()
        self._build_pages()

    # --- pages ----------------------------------------------------------------------

    def _build_pages(self, reopen: list[tuple[str, int]] | None = None) -> None:
        inst = self.store.institution() or {}
        self.setWindowTitle(f"ExportDesk — {inst.get(f'name_{self.lang}', '')} — {self.user.name}")
        fixed = 2
        self.queue_page = None
        if self.is_reviewer:
            from exportdesk.gui.review import QueuePage

            self.queue_page = QueuePage(self.store, self.user, self.lang)
            self.queue_page.open_case.connect(self.open_review)
            self.tabs.addTab(self.queue_page, self.tr("Review queue"))
            fixed += 1
        self.people_page = self.due_panel = None
        if self.store.people_screen_allowed(self.user):
            fixed += self._add_people_pages()
        self.cases_page = CasesPage(self.store, self.user, self.lang)
        self.cases_page.open_case.connect(self.open_case)
        self.tabs.addTab(self.cases_page, self.tr("My cases"))
        self.guidance = GuidanceBrowser(self.store.catalog, self.lang)
        self.guidance.menuBar().hide()
        self.tabs.addTab(self.guidance, self.tr("Guidance"))
        self.lists_page = None
        if self.is_reviewer:
            from exportdesk.gui.lists_page import ListsPage

            self.lists_page = ListsPage(self.store, self.user, self.lang)
            self.lists_page.import_requested.connect(lambda: self.import_end_user_list())
            self.tabs.addTab(self.lists_page, self.tr("Lists"))
            fixed += 1
        if self.user.has("admin") or self.user.has("office") or self.user.has("chief_manager"):
            from exportdesk.gui.icp_view import IcpView

            self.icp_view = IcpView(self.store, self.user, self.lang)
            self.tabs.addTab(self.icp_view, self.tr("ICP"))
            fixed += 1
        if self.user.sees_all_cases or self.user.managed_departments():
            from exportdesk.gui.statistics import StatisticsPage

            self.statistics_page = StatisticsPage(self.store, self.user, self.lang)
            if self.is_reviewer:
                self.statistics_page.open_case.connect(self.open_review)
            else:
                self.statistics_page.open_case.connect(self.open_case)
            self.tabs.addTab(self.statistics_page, self.tr("Statistics"))
            fixed += 1
        if self.user.has("office") or self.user.has("chief_manager") or self.user.has("admin"):
            from exportdesk.gui.internal_audit import AuditPage

            self.audit_page = AuditPage(self.store, self.user, self.lang)
            self.tabs.addTab(self.audit_page, self.tr("Internal audit"))
            fixed += 1
        if self.user.has("admin"):
            from exportdesk.gui.users import UsersPage

            self.users_page = UsersPage(self.store, self.user, self.lang)
            self.tabs.addTab(self.users_page, self.tr("Users and roles"))
            fixed += 1
        for tab in range(fixed):
            self.tabs.tabBar().setTabButton(tab, self.tabs.tabBar().ButtonPosition.RightSide, None)
        # Campus mode: cases filed or decided elsewhere appear without a reload (one
        # watch for the window, kept when the pages are rebuilt for another language).
        if getattr(self, "live", None) is None:
            from exportdesk.gui.live import LiveCases

            self.live = LiveCases(self.store, self)
            self.live.settled.connect(self.refresh_lists)
        for kind, case_id in reopen or []:
            (self.open_review if kind == "review" else self.open_case)(case_id)

    def refresh_lists(self) -> None:
        try:
            if self.queue_page is not None:
                self.queue_page.refresh()
            self.cases_page.refresh()
        except StoreError as exc:
            # Campus server out of reach: the lists keep what they showed; the next
            # refresh (the watch reconnecting, or any action) reads them again.
            self._list_problem = exc.message(self.lang)
            self.statusBar().showMessage(self._list_problem)
            return
        if getattr(self, "_list_problem", "") and self.statusBar().currentMessage() == (
            self._list_problem
        ):
            self.statusBar().clearMessage()
        self._list_problem = ""

    def _add_people_pages(self) -> int:
        """Reminders and People (gui/people_*.py); returns the number of tabs added."""
        from exportdesk.gui.people_due import DuePanel
        from exportdesk.gui.people_page import PeoplePage

        self.due_panel = DuePanel(self.store, self.user, self.lang)
        self.people_page = PeoplePage(self.store, self.user, self.lang)
        self.due_panel.open_person.connect(self.show_person)
        self.tabs.addTab(self.due_panel, self.tr("Reminders"))
        self.tabs.addTab(self.people_page, self.tr("People"))
        return 2

    def show_person(self, person_id: int) -> None:
        if self.people_page is not None:
            self.tabs.setCurrentWidget(self.people_page)
            self.people_page.select_person(person_id)

    @property
    def is_reviewer(self) -> bool:
        u = self.user
        return u.has("office") or u.has("dept_manager") or u.has("chief_manager")

    def editors(self) -> list[QWidget]:
        from exportdesk.gui.review import ReviewEditor

        return [
            w
            for i in range(self.tabs.count())
            if isinstance(w := self.tabs.widget(i), CheckSheetEditor | ReviewEditor)
        ]

    def open_review(self, case_id: int) -> QWidget:
        from exportdesk.gui.review import ReviewEditor

        for editor in self.editors():
            if isinstance(editor, ReviewEditor) and editor.case_id == case_id:
                self.tabs.setCurrentWidget(editor)
                return editor
        editor = ReviewEditor(self.store, self.user, case_id, self.lang)
        editor.changed.connect(lambda _id: self.queue_page.refresh() if self.queue_page else None)
        # Campus mode: a colleague's change of this case shows in the open sheet.
        self.live.case_changed.connect(editor.case_changed)
        index = self.tabs.addTab(editor, "▶ " + editor.case["ref"])
        self.tabs.setCurrentIndex(index)
        return editor

    def open_case(self, case_id: int) -> CheckSheetEditor:
        for existing in self.editors():
            if isinstance(existing, CheckSheetEditor) and existing.case_id == case_id:
                self.tabs.setCurrentWidget(existing)
                return existing
        editor = CheckSheetEditor(self.store, self.user, case_id, self.lang)
        editor.submitted.connect(lambda _id: self.cases_page.refresh())
        editor.reload_requested.connect(self._reopen)
        index = self.tabs.addTab(editor, editor.case["ref"])
        self.tabs.setCurrentIndex(index)
        return editor

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget in self.editors():
            widget.save()  # type: ignore[attr-defined]
            if isinstance(widget, CheckSheetEditor):
                with contextlib.suppress(StoreError):  # not the user's own draft: leave it
                    self.store.discard_empty_draft(self.user, widget.case_id)
            self.tabs.removeTab(index)
            widget.deleteLater()
            self.cases_page.refresh()
            if self.queue_page:
                self.queue_page.refresh()

    # --- menus ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(self.tr("&File"))
        new = QAction(self.tr("&New case"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(lambda: self.cases_page.new_case())
        file_menu.addAction(new)
        close = QAction(self.tr("&Close case"), self)
        close.setShortcut(QKeySequence("Ctrl+W"))
        close.triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        file_menu.addAction(close)
        open_file = QAction(self.tr("&Open case or decision file…"), self)
        open_file.setShortcut(QKeySequence.StandardKey.Open)
        open_file.triggered.connect(lambda: self.open_exchange_file())
        file_menu.addAction(open_file)
        if self.user.has("admin") or self.user.has("office"):
            export_profile = QAction(self.tr("&Export institution file…"), self)
            export_profile.triggered.connect(lambda: self.export_institution_file())
            file_menu.addAction(export_profile)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        if self.user.has("office"):
            lists = bar.addMenu(self.tr("&End User List"))
            import_action = QAction(self.tr("&Import a list version…"), self)
            import_action.triggered.connect(lambda: self.import_end_user_list())
            lists.addAction(import_action)

        lang_menu = bar.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for code, label in (("ja", "日本語"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            lang_menu.addAction(action)
            self.lang_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ExportDesk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    # --- case files ------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if any(u.toLocalFile().endswith(".exportdesk") for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(".exportdesk"):
                self.open_exchange_file(url.toLocalFile())

    def open_exchange_file(self, path: str | None = None, trust: bool | None = None) -> str:
        """Import a case file (office) or a decision file (applicant); returns the message shown."""
        from PySide6.QtWidgets import QFileDialog

        from exportdesk.domain.workflow import status_text
        from exportdesk.exchange import Exchange, ExchangeError, NeedsTrust, read_package_file

        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open"), "", "ExportDesk (*.exportdesk)"
            )
        if not path:
            return ""
        exchange = Exchange(self.store)
        try:
            kind = read_package_file(path).kind
            if kind == "decision":
                result = exchange.import_decision(self.user, path)
                self._reopen(result["case_id"])
                text = (
                    self.tr("This file was already imported; nothing changed.")
                    if result["already"]
                    else self.tr("Decision received: %1").replace(
                        "%1", status_text(result["status"], self.lang)
                    )
                )
            else:
                try:
                    result = exchange.import_case(self.user, path, trust_new_key=bool(trust))
                except NeedsTrust as exc:
                    if trust is None:
                        answer = QMessageBox.question(
                            self,
                            self.tr("New sender"),
                            exc.message(self.lang)
                            + "\n\n"
                            + self.tr("Trust this key and import the case?"),
                        )
                        trust = answer == QMessageBox.StandardButton.Yes
                    if not trust:
                        return exc.message(self.lang)
                    result = exchange.import_case(self.user, path, trust_new_key=True)
                if result["already"]:
                    text = self.tr("This file was already imported; nothing changed.")
                else:
                    case = self.store.get_case(self.user, result["case_id"])
                    text = (
                        self.tr("New case in the review queue: %1")
                        if result["new"]
                        else self.tr("New round of an existing case: %1")
                    ).replace("%1", case["ref"])
        except (ExchangeError, StoreError) as exc:
            QMessageBox.warning(self, self.tr("Cannot import"), exc.message(self.lang))
            return exc.message(self.lang)
        QMessageBox.information(self, "ExportDesk", text)
        if self.queue_page:
            self.queue_page.refresh()
        self.cases_page.refresh()
        return text

    def _reopen(self, case_id: int) -> None:
        """An open check sheet shows the case as it was: reopen it with the office's answer."""
        for editor in self.editors():
            if isinstance(editor, CheckSheetEditor) and editor.case_id == case_id:
                self.tabs.removeTab(self.tabs.indexOf(editor))
                editor.deleteLater()
                self.open_case(case_id)

    def export_institution_file(self, path: str | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog

        from exportdesk.exchange import Exchange

        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export institution file"),
                "institution.exportdesk",
                "ExportDesk (*.exportdesk)",
            )
        if path:
            Exchange(self.store).write_profile(self.user, path)

    def import_end_user_list(self, path: str | None = None) -> None:
        """Import METI's PDF (or the CSV/XLSX template) off the GUI thread, then report."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        from exportdesk.gui.worker import run_in_background

        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("End User List"), "", self.tr("Lists (*.pdf *.csv *.xlsx)")
            )
        if not path:
            return
        effective, ok = QInputDialog.getText(
            self, self.tr("End User List"), self.tr("Effective date (YYYY-MM-DD):")
        )
        if not ok:
            return
        from exportdesk.domain.dates import DateError, parse_optional_date

        try:  # 2026-12-01, 2026/12/01 or 令和8年12月1日
            day = parse_optional_date(effective)
        except DateError:
            QMessageBox.warning(
                self, self.tr("End User List"), self.tr("Not a date: %1").replace("%1", effective)
            )
            return

        def done(result: dict) -> None:
            changed = "\n".join(
                f"{c['ref']}: {c['before']} → {c['after']}" for c in result["rescreened"]
            )
            text = self.tr("Imported version %1 with %2 entities.").replace(
                "%1", str(result["version_id"])
            )
            text = text.replace("%2", str(result["count"]))
            if changed:
                text += "\n" + self.tr("Cases whose screening result changed:") + "\n" + changed
            self.last_import_message = text
            QMessageBox.information(self, self.tr("End User List"), text)
            if self.queue_page:
                self.queue_page.refresh()
            if self.lists_page:
                self.lists_page.refresh()

        def failed(exc: Exception) -> None:
            self.last_import_message = str(exc)
            QMessageBox.warning(self, self.tr("End User List"), str(exc))

        self._import_job = run_in_background(
            self,
            self.tr("Importing the End User List…"),
            lambda: self.store.eul.import_file(self.user, path, day),
            done,
            failed,
        )

    def about(self) -> None:
        QMessageBox.about(
            self,
            "ExportDesk",
            self.tr(
                "ExportDesk: security export control for universities.\nForms version %1"
            ).replace("%1", self.store.catalog.version),
        )

    def set_language(self, lang: str) -> None:
        """Switch language at run time: save, reload translations, rebuild the pages."""
        from exportdesk.gui.app import install_language

        if lang == self.lang:
            return
        reopen = [
            ("check" if isinstance(e, CheckSheetEditor) else "review", e.case_id)  # type: ignore[attr-defined]
            for e in self.editors()
        ]
        for editor in self.editors():
            editor.save()  # type: ignore[attr-defined]
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, lang)
        self.lang = lang
        self.store.set_language(self.user, lang)
        while self.tabs.count():
            widget: QWidget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        self._build_menus()
        self._build_pages(reopen)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        for editor in self.editors():
            editor.save()  # type: ignore[attr-defined]
        self.live.stop()
        super().closeEvent(event)
