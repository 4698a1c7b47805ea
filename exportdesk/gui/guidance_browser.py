"""A read-only browser of the shipped guidance data: research areas, categories,
activities, check-sheet questions and country groups."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from exportdesk.domain.catalog import Catalog
from exportdesk.domain.labels import confidence_text

AnyIndex = QModelIndex | QPersistentModelIndex


class ResearchAreaModel(QAbstractTableModel):
    """The research-area catalogue as a table; search text covers both languages."""

    SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, catalog: Catalog, lang: str) -> None:
        super().__init__()
        self.catalog = catalog
        self.lang = lang
        self.rows = catalog.research_areas.entries

    def set_language(self, lang: str) -> None:
        self.beginResetModel()
        self.lang = lang
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [
                QApplication.translate("GuidanceBrowser", "Code"),
                QApplication.translate("GuidanceBrowser", "Research area"),
                QApplication.translate("GuidanceBrowser", "Related list items"),
                QApplication.translate("GuidanceBrowser", "Confidence"),
            ][section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        area = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return area.code
            if col == 1:
                return area.name.get(self.lang)
            if col == 2:
                names = [
                    f"{i} {self.catalog.list_item_by_id[i].name.get(self.lang)}"
                    for i in area.list_items
                ]
                return " / ".join(names)
            return confidence_text(area.confidence, self.lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            other = area.name.en if self.lang == "ja" else area.name.ja
            return f"{other}\n{area.note}\n{area.source}".strip()
        if role == self.SEARCH_ROLE:
            return f"{area.code} {area.name.ja} {area.name.en} {' '.join(area.list_items)}"
        return None


class GuidanceBrowser(QMainWindow):
    def __init__(self, catalog: Catalog, lang: str = "ja") -> None:
        super().__init__()
        self.catalog = catalog
        self.lang = lang
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)

        # Research areas: searchable table.
        self.area_model = ResearchAreaModel(catalog, lang)
        self.area_proxy = QSortFilterProxyModel(self)
        self.area_proxy.setSourceModel(self.area_model)
        self.area_proxy.setFilterRole(ResearchAreaModel.SEARCH_ROLE)
        self.area_proxy.setFilterKeyColumn(0)
        self.area_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.area_search = QLineEdit()
        self.area_search.setClearButtonEnabled(True)
        self.area_search.textChanged.connect(self.area_proxy.setFilterFixedString)
        self.area_table = QTableView()
        self.area_table.setModel(self.area_proxy)
        self.area_table.setSortingEnabled(True)
        self.area_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.area_table.verticalHeader().hide()
        self.area_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.area_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.area_note = QLabel()
        self.area_note.setWordWrap(True)
        areas = QWidget()
        lay = QVBoxLayout(areas)
        lay.addWidget(self.area_search)
        lay.addWidget(self.area_table)
        lay.addWidget(self.area_note)

        self.categories_view = QTextBrowser()
        self.activities_view = QTextBrowser()
        self.groups_view = QTextBrowser()
        self.questions_tree = QTreeWidget()
        self.questions_tree.setColumnCount(2)
        self.questions_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.tabs.addTab(areas, "")
        self.tabs.addTab(self.categories_view, "")
        self.tabs.addTab(self.activities_view, "")
        self.tabs.addTab(self.questions_tree, "")
        self.tabs.addTab(self.groups_view, "")

        menu = self.menuBar().addMenu("")
        self.language_menu = menu
        group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for code, label in (("ja", "日本語"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == lang)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            menu.addAction(action)
            self.lang_actions[code] = action
        self.retranslate()

    # --- language ---------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        from exportdesk.gui.app import install_language

        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, lang)
        self.lang = lang
        self.lang_actions[lang].setChecked(True)
        self.area_model.set_language(lang)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("ExportDesk: guidance data") + f" ({self.catalog.version})")
        self.language_menu.setTitle(self.tr("&Language"))
        for i, title in enumerate(
            [
                self.tr("Research areas of concern"),
                self.tr("Specific categories"),
                self.tr("Activities"),
                self.tr("Check-sheet questions"),
                self.tr("Country groups"),
            ]
        ):
            self.tabs.setTabText(i, title)
        self.area_search.setPlaceholderText(
            self.tr("Search by Japanese or English name, KAKENHI code or list item")
        )
        self.area_note.setText(self.catalog.research_areas.catalogue_note.get(self.lang))
        self.categories_view.setHtml(self._categories_html())
        self.activities_view.setHtml(self._activities_html())
        self.groups_view.setHtml(self._groups_html())
        self._fill_questions()

    # --- content ----------------------------------------------------------------

    def _t(self, text: Any) -> str:
        return escape(text.get(self.lang))

    def _categories_html(self) -> str:
        rc = self.catalog.resident_categories
        category, exceptions, examples = (
            self.tr("Category"),
            self.tr("Exceptions"),
            self.tr("Example cases"),
        )
        parts = [f"<p>{self._t(rc.applies_to)}</p><p>{self._t(rc.effect)}</p>"]
        for c in rc.entries:
            parts.append(f"<h3>{category} {c.id}: {self._t(c.short)}</h3>")
            parts.append(f"<p>{self._t(c.definition)}</p>")
            if c.exceptions:
                parts.append(f"<p><b>{exceptions}</b></p><ul>")
                parts += [f"<li>{self._t(e.label)} {self._t(e.text)}</li>" for e in c.exceptions]
                parts.append("</ul>")
            if c.note:
                parts.append(f"<p><i>{self._t(c.note)}</i></p>")
            parts.append(f"<p><b>{examples}</b></p><ul>")
            parts += [
                f"<li>{self._t(ex.text)}"
                f" <small>({escape(confidence_text(ex.confidence, self.lang))})</small></li>"
                for ex in c.examples
            ]
            parts.append(f"</ul><p><small>{escape(c.source)}</small></p>")
        return "".join(parts)

    def _activities_html(self) -> str:
        parts = []
        for a in self.catalog.activities.entries:
            parts.append(f"<h3>{self._t(a.name)}</h3><p>{self._t(a.description)}</p>")
        return "".join(parts)

    def _groups_html(self) -> str:
        from exportdesk.domain.countries import all_countries

        names = {c.code: c.name(self.lang) for c in all_countries()}
        parts = []
        for g in self.catalog.country_groups.groups:
            members = "、".join(names.get(c, c) for c in g.countries) or "—"
            parts.append(f"<h3>{self._t(g.name)}</h3><p>{self._t(g.description)}</p>")
            parts.append(f"<p>{escape(members)}</p>")
        return "".join(parts)

    def _fill_questions(self) -> None:
        tree = self.questions_tree
        tree.clear()
        tree.setHeaderLabels([self.tr("Question"), self.tr("Required")])
        for section in self.catalog.check_sheet.sections:
            top = QTreeWidgetItem([section.title.get(self.lang), ""])
            for q in section.questions:
                child = QTreeWidgetItem(
                    [q.text.get(self.lang), self.tr("required") if q.required else ""]
                )
                if q.help:
                    child.setToolTip(0, q.help.get(self.lang))
                top.addChild(child)
            tree.addTopLevelItem(top)
        tree.expandAll()
