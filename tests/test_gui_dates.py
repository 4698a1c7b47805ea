"""A date question in the check sheet understands the ways Japanese offices write dates."""

from __future__ import annotations

import pytest

from exportdesk.domain.catalog import load_catalog
from exportdesk.gui.widgets.questions import DateInput
from tests.gui_helpers import User


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2026-12-01", "2026-12-01"),
        ("2026/12/1", "2026-12-01"),
        ("令和8年12月1日", "2026-12-01"),
        ("令和元年5月1日", "2019-05-01"),
        ("2026/02/30", None),
        ("平成32年1月1日", None),
    ],
)
def test_date_question_reads_japanese_dates(qtbot, fonts, typed: str, stored: str | None):
    question = load_catalog().questions["planned_date"]
    widget = DateInput(question)
    qtbot.addWidget(widget)
    widget.show()
    User(qtbot).type(widget.edit, typed)
    assert widget.value() == stored
    assert bool(widget.edit.property("invalid")) is (stored is None)
