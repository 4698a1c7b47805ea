"""Case, decision and institution files that travel between installations.

`container` reads and writes the signed zip (manifest, signature, size limits); each file
kind has its own module with its schema check (`case_file`, `decision_file`,
`institution_file`). Every import goes through the store's public operations, the same
rules as the window: a file's content is checked, never believed. See
docs/exchange-format.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from exportdesk.exchange import case_file, decision_file, institution_file
from exportdesk.exchange.container import (
    FORMAT_VERSION,
    Package,
    read_package,
    read_package_file,
    write_package,
)
from exportdesk.exchange.errors import ExchangeError, NeedsTrust, refuse
from exportdesk.exchange.keys import (
    default_key_dir,
    fingerprint,
    load_or_create_key,
    public_key_text,
    ref_prefix,
)
from exportdesk.store import Store
from exportdesk.store.users import User

__all__ = [
    "FORMAT_VERSION",
    "Exchange",
    "ExchangeError",
    "NeedsTrust",
    "Package",
    "default_key_dir",
    "fingerprint",
    "read_package",
    "read_package_file",
    "write_package",
]


class Exchange:
    """Writing and importing files for one installation (its store and its key)."""

    def __init__(self, store: Store, key_dir: Path | None = None) -> None:
        self.store = store
        # By default the store's own key: one key signs the chain's head and the files.
        self.key = load_or_create_key(key_dir or getattr(store.db, "key_dir", None))
        self.public_key = public_key_text(self.key)

    # --- shared by the file kinds -------------------------------------------------------

    def sender(self, actor: User) -> dict[str, str]:
        return {
            "login": actor.login,
            "name": actor.name,
            "email": actor.email,
            "fingerprint": fingerprint(self.public_key),
        }

    def head_extra(self) -> dict[str, Any]:
        """The audit chain's signed head travels in every file this installation writes:
        a history rewritten later contradicts the heads others already hold
        (`exportdesk db verify --against FILE`)."""
        head = self.store.signed_head()  # None in campus mode: the server keeps the chain
        return {"audit_head": head} if head else {}

    def _check_common(self, package: Package) -> None:
        inst = self.store.institution()
        if inst is None:
            raise refuse(
                "not_set_up",
                "この機関はまだ設定されていません。",
                "This installation is not set up yet.",
            )
        if package.manifest.get("institution_uid") != self.store.institution_uid():
            raise refuse(
                "other_institution",
                "別の機関のために作られたファイルです。",
                "The file was made for another institution.",
            )
        forms = package.manifest.get("forms_version")
        if forms != self.store.catalog.version:
            raise refuse(
                "unknown_forms",
                f"フォーム版「{forms}」はこのインストールにありません。",
                f"The file uses forms version '{forms}', which this installation does not know.",
            )

    # --- the institution file -----------------------------------------------------------

    def write_profile(self, actor: User, path: Path | str) -> str:
        return institution_file.write(self.store, actor, path, self)

    def import_profile(
        self,
        path: Path | str,
        *,
        login: str,
        name: str,
        password: str,
        department: str = "",
    ) -> User:
        """Set up this PC from the office's institution file, with its one applicant."""
        package = read_package_file(path)
        profile = institution_file.parse(package)
        if package.manifest.get("forms_version") != self.store.catalog.version:
            raise refuse(
                "unknown_forms",
                "このインストールのフォーム版と一致しません。",
                f"The file uses forms version '{package.manifest.get('forms_version')}',"
                " which this installation does not know.",
            )
        if self.store.is_set_up():
            raise refuse(
                "already_set_up",
                "このインストールは既に設定済みです。",
                "This installation is already set up.",
            )
        return self.store.setup_member(
            profile,
            office_key=profile["office_public_key"],
            ref_prefix=ref_prefix(self.public_key),
            login=login,
            name=name,
            password=password,
            department=department,
        )

    # --- cases ----------------------------------------------------------------------------

    def write_case(self, actor: User, case_id: int, path: Path | str) -> str:
        return case_file.write(self.store, actor, case_id, path, self)

    def inspect(self, path: Path | str) -> dict[str, Any]:
        """What a file brings, before importing it (for the clerk)."""
        package = read_package_file(path)
        info: dict[str, Any] = {
            "kind": package.kind,
            "sender": package.sender,
            "fingerprint": fingerprint(package.sender["public_key"]),
        }
        if package.kind == "case":
            case, _ = case_file.parse(package)
            row = self.store.case_for_exchange(case["exchange_id"])
            info |= {
                "title": str(case["answers"].get("title", "")),
                "round": case["round"],
                "existing": row,
                "new": row is None,
            }
        return info

    def import_case(
        self, actor: User, path: Path | str, *, trust_new_key: bool | str = False
    ) -> dict[str, Any]:
        """Import a case file as the office. `trust_new_key`: True to trust a first key, or
        the fingerprint confirmed with the sender to trust only that key."""
        package = read_package_file(path)
        case, attachments = case_file.parse(package)
        self._check_common(package)
        print_ = fingerprint(package.sender["public_key"])
        case_file.check_key(self.store, package, print_, trust_new_key)
        return self.store.receive_case(
            actor,
            case,
            attachments,
            sender=package.sender,
            fingerprint=print_,
            sha256=package.sha256,
            trust_new_key=bool(trust_new_key),
        )

    # --- decisions --------------------------------------------------------------------------

    def write_decision(self, actor: User, case_id: int, path: Path | str) -> str:
        return decision_file.write(self.store, actor, case_id, path, self)

    def import_decision(self, actor: User, path: Path | str) -> dict[str, Any]:
        package = read_package_file(path)
        decision = decision_file.parse(package)
        self._check_common(package)
        return self.store.receive_decision(
            actor,
            decision,
            sender_key=package.sender["public_key"],
            own_key=self.public_key,
            sha256=package.sha256,
        )
