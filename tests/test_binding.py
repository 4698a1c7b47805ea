"""The Qt binding must not leak or drop references at every call.

PySide6 6.12.0 drops one reference to `None` per setter call. On Python 3.11,
where `None` is an ordinary object, a few hundred keystrokes in a form bring
its count to zero and the interpreter aborts (`none_dealloc`).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLineEdit, QPushButton


def test_setters_keep_the_reference_count_of_none(qtbot):
    button = QPushButton("x")
    edit = QLineEdit()
    qtbot.addWidget(button)
    qtbot.addWidget(edit)
    button.setEnabled(True)  # warm up: first calls may intern things
    before = sys.getrefcount(None)
    for i in range(1000):
        button.setEnabled(i % 2 == 0)
        edit.setText("a")
    after = sys.getrefcount(None)
    # Python 3.12+ reports a fixed huge count for the immortal None; 3.11 a real one.
    assert abs(after - before) < 50, f"None's reference count moved by {after - before}"
