"""One input widget per check-sheet question type. Each exposes value()/set_value()
and a `changed` signal; none of them knows any rule of the guidance."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from exportdesk.domain.catalog import Catalog, Question
from exportdesk.domain.checksheet import NONE
from exportdesk.domain.countries import all_countries
from exportdesk.gui.widgets.date_edit import DateEdit


def _compact(combo: QComboBox) -> None:
    """Size a combo by a modest width, not by its longest entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)


class QuestionWidget(QWidget):
    changed = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self


class ChoiceButtons(QuestionWidget):
    """Radio buttons for yes/no, yes/no/don't know, or a short list of options."""

    def __init__(self, question: Question, options: list[tuple[Any, str]], parent=None) -> None:
        super().__init__(question, parent)
        # Long option texts go one under the other, so the form keeps to a 1024-pixel window.
        long = sum(len(label) for _value, label in options) > 40
        layout = QVBoxLayout(self) if long else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.values: list[Any] = []
        for i, (value, label) in enumerate(options):
            button = QRadioButton(label)
            button.setObjectName(f"{question.id}:{value}")
            self.group.addButton(button, i)
            self.values.append(value)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.idClicked.connect(lambda _i: self.changed.emit())

    def value(self) -> Any:
        checked = self.group.checkedId()
        return None if checked < 0 else self.values[checked]

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)
        for i, button in enumerate(self.group.buttons()):
            button.setChecked(value is not None and self.values[i] == value)
        self.group.setExclusive(True)

    def button(self, value: Any) -> QAbstractButton:
        return self.group.button(self.values.index(value))

    def focus_target(self) -> QWidget:
        return self.group.buttons()[0]


class ComboChoice(QuestionWidget):
    def __init__(
        self, question: Question, options: list[tuple[str, str]], placeholder: str, parent=None
    ):
        super().__init__(question, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        _compact(self.combo)
        self.combo.addItem(placeholder, None)
        for value, label in options:
            self.combo.addItem(label, value)
        self.combo.setObjectName(question.id)
        layout.addWidget(self.combo, 1)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else 0
        self.combo.setCurrentIndex(max(index, 0))

    def focus_target(self) -> QWidget:
        return self.combo


class TextInput(QuestionWidget):
    def __init__(self, question: Question, parent=None) -> None:
        super().__init__(question, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit: QLineEdit | QPlainTextEdit
        if question.multiline:
            self.edit = QPlainTextEdit()
            self.edit.setTabChangesFocus(True)
            self.edit.setFixedHeight(64)
            self.edit.textChanged.connect(self.changed.emit)
        else:
            self.edit = QLineEdit()
            self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.edit.setObjectName(question.id)
        layout.addWidget(self.edit, 1)

    def value(self) -> str:
        if isinstance(self.edit, QPlainTextEdit):
            return self.edit.toPlainText()
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        if self.value() == text:
            return
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)

    def focus_target(self) -> QWidget:
        return self.edit


class DateInput(QuestionWidget):
    """A date typed as 2026-12-01, 2026/12/01 or 令和8年12月1日 (the project's DateEdit);
    an unfinished or impossible date is no answer."""

    def __init__(self, question: Question, parent=None) -> None:
        super().__init__(question, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = DateEdit(question.id)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> str | None:
        return self.edit.iso()

    def set_value(self, value: Any) -> None:
        self.edit.set_iso(value)

    def focus_target(self) -> QWidget:
        return self.edit


class CountryInput(QuestionWidget):
    """An editable combo: type a Japanese or English name or a code, pick from matches."""

    def __init__(
        self, question: Question, catalog: Catalog, lang: str, placeholder: str, parent=None
    ):
        super().__init__(question, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        overrides = tuple((c, t.ja, t.en) for c, t in catalog.country_groups.display_names.items())
        countries = all_countries(overrides)
        if lang == "ja":
            countries = tuple(sorted(countries, key=lambda c: c.ja))
        self.combo = QComboBox()
        _compact(self.combo)
        self.combo.setObjectName(question.id)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.lineEdit().setPlaceholderText(placeholder)
        self.labels: dict[str, str] = {}
        for c in countries:
            label = f"{c.ja} / {c.en} ({c.code})" if lang == "ja" else f"{c.en} / {c.ja} ({c.code})"
            self.labels[c.code] = label
            self.combo.addItem(label, c.code)
        completer = QCompleter(list(self.labels.values()), self.combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(completer)
        self.combo.setCurrentIndex(-1)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.combo.lineEdit().editingFinished.connect(self._match_typed)
        layout.addWidget(self.combo, 1)

    def _match_typed(self) -> None:
        """Accept a typed code ('de') or an exact name as a choice."""
        text = self.combo.currentText().strip()
        if not text or (
            self.combo.currentIndex() >= 0
            and self.combo.currentText() == self.labels.get(self.combo.currentData() or "")
        ):
            return
        upper = text.upper()
        for code, label in self.labels.items():
            if upper == code or text.casefold() in {p.strip().casefold() for p in label.split("/")}:
                self.combo.setCurrentIndex(self.combo.findData(code))
                return
        matches = [
            code for code, label in self.labels.items() if text.casefold() in label.casefold()
        ]
        if len(matches) == 1:
            self.combo.setCurrentIndex(self.combo.findData(matches[0]))

    def value(self) -> str | None:
        if self.combo.currentIndex() < 0:
            return None
        if self.combo.currentText() != self.combo.itemText(self.combo.currentIndex()):
            return None  # the user is typing something else
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(self.combo.findData(value) if value else -1)

    def focus_target(self) -> QWidget:
        return self.combo


class PercentInput(QuestionWidget):
    def __init__(self, question: Question, parent=None) -> None:
        super().__init__(question, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.spin = QSpinBox()
        self.spin.setObjectName(question.id)
        self.spin.setRange(-1, 100)
        self.spin.setSpecialValueText("—")
        self.spin.setSuffix(" %")
        self.spin.setValue(-1)
        self.spin.setFixedWidth(110)
        self.spin.valueChanged.connect(lambda _v: self.changed.emit())
        layout.addWidget(self.spin)
        layout.addStretch(1)

    def value(self) -> int | None:
        return None if self.spin.value() < 0 else self.spin.value()

    def set_value(self, value: Any) -> None:
        self.spin.setValue(-1 if value is None else int(value))

    def focus_target(self) -> QWidget:
        return self.spin


class _ToggleLabel(QLabel):
    """A wrapping label that ticks its check box when clicked (QCheckBox text cannot wrap)."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event: Any) -> None:
        self.box.toggle()
        super().mousePressEvent(event)


class CheckList(QuestionWidget):
    """Check boxes in columns, for short lists (red flags, list items); long labels wrap."""

    def __init__(
        self, question: Question, options: list[tuple[str, str]], columns: int, parent=None
    ) -> None:
        super().__init__(question, parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        self.boxes: dict[str, QCheckBox] = {}
        rows = (len(options) + columns - 1) // columns
        for i, (value, label) in enumerate(options):
            box = QCheckBox()
            box.setObjectName(f"{question.id}:{value}")
            box.setAccessibleName(label)
            box.toggled.connect(lambda _c: self.changed.emit())
            self.boxes[value] = box
            grid.addWidget(box, i % rows, 2 * (i // rows), Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_ToggleLabel(label, box), i % rows, 2 * (i // rows) + 1)
        for column in range(columns):
            grid.setColumnStretch(2 * column + 1, 1)
        if question.none_option is not None and NONE in self.boxes:
            for value, box in self.boxes.items():
                box.toggled.connect(lambda on, v=value: self._exclusive_none(v, on))

    def _exclusive_none(self, value: str, on: bool) -> None:
        """'None of these' and the other boxes exclude each other."""
        if not on:
            return
        for other, box in self.boxes.items():
            if (other == NONE) != (value == NONE) and box.isChecked():
                box.setChecked(False)

    def value(self) -> list[str]:
        return [v for v, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for v, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(v in chosen)
            box.blockSignals(False)

    def focus_target(self) -> QWidget:
        return next(iter(self.boxes.values()), self)


class ResearchAreaPicker(QuestionWidget):
    """The research areas grouped by related list item, searchable in both languages.

    An area related to several items appears under each; ticking it anywhere ticks it
    everywhere.
    """

    CODE_ROLE = Qt.ItemDataRole.UserRole + 1
    SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(
        self, question: Question, catalog: Catalog, lang: str, placeholder: str, parent=None
    ):
        super().__init__(question, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName(f"{question.id}:search")
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.items: dict[str, list[QStandardItem]] = {}
        for item in catalog.list_items.entries:
            areas = [a for a in catalog.research_areas.entries if item.id in a.list_items]
            if not areas:
                continue
            group = QStandardItem(f"{item.id} {item.name.get(lang)}")
            group.setEditable(False)
            group.setSelectable(False)
            group.setData(f"{item.id} {item.name.ja} {item.name.en}", self.SEARCH_ROLE)
            for area in areas:
                child = QStandardItem(f"{area.code}  {area.name.get(lang)}")
                child.setEditable(False)
                child.setCheckable(True)
                child.setData(area.code, self.CODE_ROLE)
                child.setData(f"{area.code} {area.name.ja} {area.name.en}", self.SEARCH_ROLE)
                other = area.name.en if lang == "ja" else area.name.ja
                child.setToolTip(f"{other}\n{area.note}".strip())
                group.appendRow(child)
                self.items.setdefault(area.code, []).append(child)
            self.model.appendRow(group)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(self.SEARCH_ROLE)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QTreeView()
        self.tree.setObjectName(question.id)
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.proxy)
        self.tree.setMinimumHeight(180)
        self.search.textChanged.connect(self._filter)
        self.model.itemChanged.connect(self._on_item_changed)
        self._syncing = False
        self.summary = QLineEdit()
        self.summary.setReadOnly(True)
        self.summary.setFrame(False)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        layout.addWidget(self.summary)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if text:
            self.tree.expandAll()
        else:
            self.tree.collapseAll()

    def _on_item_changed(self, item: QStandardItem) -> None:
        if self._syncing or not item.isCheckable():
            return
        self._syncing = True
        for twin in self.items.get(item.data(self.CODE_ROLE), []):
            if twin is not item:
                twin.setCheckState(item.checkState())
        self._syncing = False
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        self.summary.setText(", ".join(self.value()))

    def check(self, code: str, checked: bool = True) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.items[code][0].setCheckState(state)

    def value(self) -> list[str]:
        return sorted(
            code
            for code, items in self.items.items()
            if items[0].checkState() == Qt.CheckState.Checked
        )

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        self._syncing = True
        for code, items in self.items.items():
            for item in items:
                item.setCheckState(
                    Qt.CheckState.Checked if code in chosen else Qt.CheckState.Unchecked
                )
        self._syncing = False
        self._update_summary()

    def focus_target(self) -> QWidget:
        return self.search
