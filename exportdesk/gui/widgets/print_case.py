"""Print a case (check sheet, and review sheet or the office's decision) to a PDF file,
from either editor. A failure is said in a dialog, never swallowed."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from exportdesk.store import Store, StoreError
from exportdesk.store.users import User

log = logging.getLogger(__name__)


def save_case_pdf(
    parent: QWidget, store: Store, user: User, case_id: int, lang: str, path: str | None = None
) -> str | None:
    from reportlab.platypus.doctemplate import LayoutError

    from exportdesk.documents.sheets import case_pdf

    case = store.get_case(user, case_id)
    if not path:
        path, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("PrintCase", "Save as PDF"),
            f"{case['ref']}.pdf",
            "PDF (*.pdf)",
        )
    if not path:
        return None
    inst = store.institution() or {}
    target = Path(path)
    part = target.with_name(target.name + ".part")
    try:
        # The sheet carries the signed head of the audit chain (docs/threat-model.md).
        head = store.signed_head()
    except StoreError:
        head = None
    try:
        data = case_pdf(case, store.catalog, lang, inst.get(f"name_{lang}", ""), head)
        # A case's PDF holds personal data: owner-only, like the database.
        with os.fdopen(os.open(part, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600), "wb") as fh:
            fh.write(data)
        os.replace(part, target)
    except (OSError, LayoutError, ValueError) as exc:
        part.unlink(missing_ok=True)
        log.warning("printing %s failed: %r", case["ref"], exc)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PrintCase", "Printing failed"),
            QCoreApplication.translate("PrintCase", "The PDF could not be made: %1").replace(
                "%1", str(detail)
            )
            + "\n"
            + QCoreApplication.translate(
                "PrintCase",
                "Check the file location, or shorten very long answers, and try again.",
            ),
        )
        return None
    return str(target)
