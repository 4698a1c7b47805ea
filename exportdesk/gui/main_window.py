"""The main window: tabs for the user's pages and open cases, menus, language switch."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QTabWidget, QWidget

from exportdesk.gui.cases_page import CasesPage
from exportdesk.gui.checksheet import CheckSheetEditor
from exportdesk.gui.guidance_browser import GuidanceBrowser
from exportdesk.store import Store
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
        self.cases_page = CasesPage(self.store, self.user, self.lang)
        self.cases_page.open_case.connect(self.open_case)
        self.tabs.addTab(self.cases_page, self.tr("My cases"))
        self.guidance = GuidanceBrowser(self.store.catalog, self.lang)
        self.guidance.menuBar().hide()
        self.tabs.addTab(self.guidance, self.tr("Guidance"))
        if self.user.has("admin") or self.user.has("office") or self.user.has("chief_manager"):
            from exportdesk.gui.icp_view import IcpView

            self.icp_view = IcpView(self.store, self.user, self.lang)
            self.tabs.addTab(self.icp_view, self.tr("ICP"))
            fixed += 1
        for tab in range(fixed):
            self.tabs.tabBar().setTabButton(tab, self.tabs.tabBar().ButtonPosition.RightSide, None)
        for kind, case_id in reopen or []:
            (self.open_review if kind == "review" else self.open_case)(case_id)

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
        index = self.tabs.addTab(editor, editor.case["ref"])
        self.tabs.setCurrentIndex(index)
        return editor

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget in self.editors():
            widget.save()  # type: ignore[attr-defined]
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
        import datetime as dt

        try:
            day = dt.date.fromisoformat(effective.strip()) if effective.strip() else None
        except ValueError:
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
        super().closeEvent(event)
