"""Case, decision and institution files that travel between installations.

A file (`.exportdesk`) is a zip holding `manifest.json`, a `signature` and the
payload files. The manifest names the institution, the forms version, the sender
(with an Ed25519 public key) and the SHA-256 of every payload file; the signature
(Ed25519, by the sender's key) covers the manifest bytes. Reading checks all of it
before anything is written, and an import is one transaction. See
docs/exchange-format.md and docs/exchange.schema.json.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
import secrets
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from exportdesk.store import Store, StoreError
from exportdesk.store.users import User

FORMAT = "exportdesk"
FORMAT_VERSION = 2
SUPPORTED_VERSIONS = (1, 2)
KINDS = ("case", "decision", "profile")
MAX_FILE_BYTES = 200 * 1024 * 1024


class ExchangeError(ValueError):
    """A file that cannot be accepted; `code` is stable, the texts are ready to show."""

    def __init__(self, code: str, ja: str, en: str, **extra: Any) -> None:
        super().__init__(en)
        self.code = code
        self.ja = ja
        self.en = en
        self.extra = extra

    def message(self, lang: str) -> str:
        return self.ja if lang == "ja" else self.en


class NeedsTrust(ExchangeError):
    """First file from this sender: the clerk must confirm the key fingerprint."""


# --- keys ---------------------------------------------------------------------------------


def default_key_dir() -> Path:
    env = os.environ.get("EXPORTDESK_KEYS")
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("ExportDesk", appauthor=False) / "keys"


def load_or_create_key(key_dir: Path | None = None) -> Ed25519PrivateKey:
    """The installation's signing key, created at first use, readable by the owner only."""
    key_dir = Path(key_dir or default_key_dir())
    path = key_dir / "ed25519.pem"
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        assert isinstance(key, Ed25519PrivateKey)
        return key
    key_dir.mkdir(parents=True, exist_ok=True)
    os.chmod(key_dir, 0o700)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    return key


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def fingerprint(public_key: str) -> str:
    digest = hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- writing --------------------------------------------------------------------------------


def write_package(
    path: Path | str,
    kind: str,
    files: dict[str, bytes],
    *,
    key: Ed25519PrivateKey,
    institution_uid: str,
    forms_version: str,
    sender: dict[str, str],
    format_version: int = FORMAT_VERSION,
) -> str:
    """Write a signed file; returns its SHA-256. The file appears only when complete."""
    manifest = {
        "format": FORMAT,
        "format_version": format_version,
        "kind": kind,
        "institution_uid": institution_uid,
        "forms_version": forms_version,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "sender": {**sender, "public_key": public_key_text(key)},
        "files": {name: _sha(data) for name, data in sorted(files.items())},
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
    signature = base64.b64encode(key.sign(manifest_bytes))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest_bytes)
        zf.writestr("signature", signature)
        for name, data in sorted(files.items()):
            zf.writestr(name, data)
    data = buffer.getvalue()
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(target)
    return _sha(data)


# --- reading -----------------------------------------------------------------------------------


@dataclass
class Package:
    manifest: dict[str, Any]
    files: dict[str, bytes]
    sha256: str

    @property
    def kind(self) -> str:
        return str(self.manifest["kind"])

    @property
    def sender(self) -> dict[str, str]:
        return dict(self.manifest["sender"])

    def json(self, name: str) -> Any:
        return json.loads(self.files[name].decode("utf-8"))


def _refuse(code: str, ja: str, en: str, **extra: Any) -> ExchangeError:
    return ExchangeError(code, ja, en, **extra)


def read_package(data: bytes) -> Package:
    """Check structure, hashes and signature. Raises ExchangeError naming the reason."""
    if len(data) > MAX_FILE_BYTES:
        raise _refuse("too_large", "ファイルが大きすぎます。", "The file is too large.")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        bad = zf.testzip()
        if bad is not None:
            raise zipfile.BadZipFile(bad)
        names = zf.namelist()
        contents = {name: zf.read(name) for name in names}
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        ValueError,
        KeyError,
        NotImplementedError,
        RuntimeError,
        zlib.error,
    ) as exc:
        raise _refuse(
            "corrupted",
            "ファイルが壊れているか、途中で切れています。",
            f"The file is corrupted or truncated ({exc.__class__.__name__}).",
        ) from None
    if "manifest.json" not in contents or "signature" not in contents:
        raise _refuse(
            "not_exportdesk",
            "ExportDesk のファイルではありません。",
            "This is not an ExportDesk file.",
        )
    try:
        manifest = json.loads(contents["manifest.json"].decode("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError("format")
        version = manifest["format_version"]
        kind = manifest["kind"]
        sender = manifest["sender"]
        declared = manifest["files"]
        public_key = Ed25519PublicKey.from_public_bytes(
            base64.b64decode(sender["public_key"], validate=True)
        )
        signature = base64.b64decode(contents["signature"], validate=True)
        if not isinstance(declared, dict) or kind not in KINDS:
            raise ValueError("manifest")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError) as exc:
        raise _refuse(
            "not_exportdesk",
            "ExportDesk のファイルではありません（目録が読めません）。",
            f"This is not an ExportDesk file (manifest unreadable: {exc}).",
        ) from None
    if version not in SUPPORTED_VERSIONS:
        raise _refuse(
            "newer_format",
            "新しい版の ExportDesk で作られたファイルです。更新してください。",
            f"The file was made by a newer ExportDesk (format {version}); please update.",
        )
    try:
        public_key.verify(signature, contents["manifest.json"])
    except InvalidSignature:
        raise _refuse(
            "bad_signature",
            "署名が一致しません。ファイルが改ざんされた可能性があります。",
            "The signature does not match: the file may have been tampered with.",
        ) from None
    payload = {n: d for n, d in contents.items() if n not in ("manifest.json", "signature")}
    if set(payload) != set(declared):
        raise _refuse(
            "tampered",
            "ファイルの構成が目録と一致しません（改ざん）。",
            "The files do not match the manifest (tampered).",
        )
    for name, digest in declared.items():
        if _sha(payload[name]) != digest:
            raise _refuse(
                "tampered",
                f"「{name}」の内容がハッシュと一致しません（改ざん）。",
                f"'{name}' does not match its SHA-256 (tampered).",
            )
    return Package(manifest, payload, _sha(data))


# --- the installation's side ------------------------------------------------------------------


class Exchange:
    """Writing and importing files for one installation (its store and its key)."""

    def __init__(self, store: Store, key_dir: Path | None = None) -> None:
        self.store = store
        self.key = load_or_create_key(key_dir)
        self.public_key = public_key_text(self.key)

    # helpers
    def _institution(self) -> dict[str, Any]:
        inst = self.store.institution()
        if inst is None:
            raise _refuse(
                "not_set_up",
                "この機関はまだ設定されていません。",
                "This installation is not set up yet.",
            )
        if not inst.get("uid"):
            uid = uuid.uuid4().hex
            with self.store.db.atomic():
                self.store.db["institution"].update(1, {"uid": uid})
            inst["uid"] = uid
        return inst

    def _sender(self, actor: User) -> dict[str, str]:
        return {
            "login": actor.login,
            "name": actor.name,
            "email": actor.email,
            "fingerprint": fingerprint(self.public_key),
        }

    def _check_common(self, package: Package) -> dict[str, Any]:
        inst = self._institution()
        if package.manifest.get("institution_uid") != inst["uid"]:
            raise _refuse(
                "other_institution",
                "別の機関のために作られたファイルです。",
                "The file was made for another institution.",
            )
        forms = package.manifest.get("forms_version")
        if forms != self.store.catalog.version:
            raise _refuse(
                "unknown_forms",
                f"フォーム版「{forms}」はこのインストールにありません。",
                f"The file uses forms version '{forms}', which this installation does not know.",
            )
        return inst

    def _seen(self, package: Package) -> dict[str, Any] | None:
        return self.store._row("SELECT * FROM exchange_log WHERE sha256 = ?", [package.sha256])

    def _log(self, package: Package, case_id: int | None) -> None:
        self.store.db["exchange_log"].insert(
            {
                "sha256": package.sha256,
                "kind": package.kind,
                "case_id": case_id,
                "sender": package.sender.get("login", ""),
                "imported_at": self.store.now(),
            }
        )

    # --- institution profile -------------------------------------------------------------

    def write_profile(self, actor: User, path: Path | str) -> str:
        if not actor.has("admin") and not actor.has("office"):
            raise StoreError("forbidden")
        inst = self._institution()
        with self.store.db.atomic():
            self.store.db["institution"].update(1, {"office_public_key": self.public_key})
            self.store._audit(
                actor,
                "export",
                "institution_profile",
                1,
                None,
                {"file": str(path), "fingerprint": fingerprint(self.public_key)},
            )
        profile = {
            "uid": inst["uid"],
            "name_ja": inst["name_ja"],
            "name_en": inst["name_en"],
            "icp_format": inst["icp_format"],
            "office_name_ja": inst["office_name_ja"],
            "office_name_en": inst["office_name_en"],
            "office_email": inst["office_email"],
            "retention_years": inst["retention_years"],
            "profile": inst.get("profile") or {},
            "departments": [
                {"code": d["code"], "name_ja": d["name_ja"], "name_en": d["name_en"]}
                for d in self.store.departments()
            ],
            "office_public_key": self.public_key,
        }
        return write_package(
            path,
            "profile",
            {"institution.json": json.dumps(profile, ensure_ascii=False).encode()},
            key=self.key,
            institution_uid=inst["uid"],
            forms_version=self.store.catalog.version,
            sender=self._sender(actor),
        )

    def import_profile(
        self,
        path: Path | str,
        *,
        login: str,
        name: str,
        password: str,
        department: str = "",
        roles: list[tuple[str, int | None]] | None = None,
    ) -> User:
        """Set up a new installation from the office's institution file, with its first user."""
        package = read_package(Path(path).read_bytes())
        if package.kind != "profile":
            raise _refuse(
                "wrong_kind", "機関設定ファイルではありません。", "This is not an institution file."
            )
        profile = package.json("institution.json")
        if package.sender.get("public_key") != profile.get("office_public_key"):
            raise _refuse(
                "bad_signature",
                "機関設定ファイルが担当部署の鍵で署名されていません。",
                "The institution file is not signed by the office key it names.",
            )
        if package.manifest.get("forms_version") != self.store.catalog.version:
            raise _refuse(
                "unknown_forms",
                "このインストールのフォーム版と一致しません。",
                f"The file uses forms version '{package.manifest.get('forms_version')}',"
                " which this installation does not know.",
            )
        store = self.store
        if store.is_set_up():
            raise _refuse(
                "already_set_up",
                "このインストールは既に設定済みです。",
                "This installation is already set up.",
            )
        user = store.setup(
            name_ja=profile["name_ja"],
            name_en=profile["name_en"],
            icp_format=profile["icp_format"],
            office_name_ja=profile["office_name_ja"],
            office_name_en=profile["office_name_en"],
            office_email=profile.get("office_email", ""),
            retention_years=profile["retention_years"],
            departments=[(d["code"], d["name_ja"], d["name_en"]) for d in profile["departments"]],
            admin_login=login,
            admin_name=name,
            admin_password=password,
            profile=profile.get("profile") or {},
        )
        with store.db.atomic():
            store.db["institution"].update(
                1, {"uid": profile["uid"], "office_public_key": profile["office_public_key"]}
            )
            store.set_roles(user, user.id, roles or [("admin", None), ("applicant", None)])
            dep = store._row("SELECT id FROM departments WHERE code = ?", [department])
            if dep:
                store.db["users"].update(user.id, {"department_id": dep["id"]})
            dep = store._row("SELECT id FROM departments WHERE code = ?", [department])
            if dep:
                store.db["users"].update(user.id, {"department_id": dep["id"]})
            self._log(package, None)
        return store.get_user(user.id)

    # --- the professor's side ---------------------------------------------------------------

    def write_case(self, actor: User, case_id: int, path: Path | str) -> str:
        """Submit the case locally (if it is a draft) and write it for the office."""
        from exportdesk.documents.sheets import case_pdf

        store = self.store
        inst = self._institution()
        case = store.get_case(actor, case_id)
        if case["status"] in ("draft", "returned"):
            case = store.submit(actor, case_id)
        if case["status"] != "submitted":
            raise StoreError(
                "bad_transition",
                status={"ja": case["status"], "en": case["status"]},
                action={"ja": "送付", "en": "send"},
            )
        exchange_id = case.get("exchange_id") or uuid.uuid4().hex
        applicant = store.get_user(case["applicant_id"])
        filer = store.get_user(case["filed_by_id"])
        departments = {d["id"]: d["code"] for d in store.departments()}
        files: dict[str, bytes] = {}
        attachments = []
        for i, att in enumerate(case["attachments"], 1):
            name, content = store.attachment_content(actor, att["id"])
            arc = f"attachments/{i}-{name}"
            files[arc] = content
            attachments.append(
                {"filename": name, "sha256": att["sha256"], "size": att["size"], "path": arc}
            )
        payload = {
            "exchange_id": exchange_id,
            "round": case["round"],
            "sender_ref": case["ref"],
            "applicant": {
                "login": applicant.login,
                "name": applicant.name,
                "email": applicant.email,
                "department": departments.get(applicant.department_id or 0, ""),
            },
            "filed_by": {"login": filer.login, "name": filer.name},
            "answers": case["answers"],
            "facts": case["facts"],
            "determination": case["determination"],
            "forms_version": case["forms_version"],
            "created_at": case["created_at"],
            "submitted_at": case["submitted_at"],
            "messages": [
                {"kind": m["kind"], "body": m["body"], "at": m["at"]}
                for m in case["messages"]
                if m["kind"] == "answer" and m["round"] == case["round"] - 1
            ],
            "attachments": attachments,
        }
        files["case.json"] = json.dumps(payload, ensure_ascii=False, indent=1).encode()
        files["check-sheet.pdf"] = case_pdf(
            case, store.catalog, actor.language, inst.get(f"name_{actor.language}", "")
        )
        digest = write_package(
            path,
            "case",
            files,
            key=self.key,
            institution_uid=inst["uid"],
            forms_version=case["forms_version"],
            sender=self._sender(actor),
        )
        with store.db.atomic():
            store.db["cases"].update(case_id, {"exchange_id": exchange_id})
            store._audit(
                actor, "export", "case", case_id, None, {"file": str(path), "sha256": digest}
            )
        return digest

    def import_decision(self, actor: User, path: Path | str) -> dict[str, Any]:
        """Bring the office's decision (or questions) into the local case."""
        store = self.store
        package = read_package(Path(path).read_bytes())
        if package.kind != "decision":
            raise _refuse(
                "wrong_kind", "判断ファイルではありません。", "This is not a decision file."
            )
        inst = self._check_common(package)
        if (
            not inst.get("office_public_key")
            or package.sender.get("public_key") != inst["office_public_key"]
        ):
            raise _refuse(
                "unknown_key",
                "担当部署の鍵で署名されていません。受け取れません。",
                "The file is not signed by the export control office's key; refused.",
                fingerprint=fingerprint(package.sender["public_key"]),
            )
        seen = self._seen(package)
        if seen:
            return {"already": True, "case_id": seen["case_id"]}
        decision = package.json("decision.json")
        row = store._row("SELECT * FROM cases WHERE exchange_id = ?", [decision["exchange_id"]])
        if row is None:
            raise _refuse(
                "unknown_case",
                "この判断に対応する案件がありません。",
                "No local case matches this decision.",
            )
        if decision["round"] != row["round"]:
            raise _refuse(
                "stale",
                "古い回の判断です。",
                f"The decision is for round {decision['round']},"
                f" the case is at round {row['round']}.",
            )
        office_user = self._office_user()
        review = json.loads(row["review_json"] or "{}")
        review["office_approvals"] = decision.get("approvals", [])
        with store.db.atomic():
            store.db["cases"].update(
                row["id"],
                {
                    "status": decision["status"],
                    "decision": decision.get("decision"),
                    "decision_reasons": decision.get("reasons"),
                    "decision_conditions": decision.get("conditions"),
                    "decided_at": decision.get("decided_at"),
                    "review_json": json.dumps(review, ensure_ascii=False),
                    "closed_at": decision.get("closed_at"),
                    "updated_at": store.now(),
                },
            )
            for q in decision.get("questions", []):
                store.db["messages"].insert(
                    {
                        "case_id": row["id"],
                        "round": row["round"],
                        "user_id": office_user,
                        "kind": "question",
                        "body": q["body"],
                        "at": q["at"],
                    }
                )
            store._audit(
                actor,
                "import_decision",
                "case",
                row["id"],
                {"status": row["status"]},
                {
                    "status": decision["status"],
                    "decision": decision.get("decision"),
                    "file_sha256": package.sha256,
                },
            )
            self._log(package, row["id"])
        return {"already": False, "case_id": row["id"], "status": decision["status"]}

    def _office_user(self) -> int:
        """A local, sign-in-less user that stands for the office in messages."""
        login = "export-control-office"
        row = self.store._row("SELECT id FROM users WHERE login = ?", [login])
        if row:
            return int(row["id"])
        inst = self._institution()
        return int(
            self.store.db["users"]
            .insert(
                {
                    "login": login,
                    "name": inst["office_name_ja"],
                    "password_hash": "!",
                    "active": 0,
                    "created_at": self.store.now(),
                }
            )
            .last_pk
        )

    # --- the office's side ---------------------------------------------------------------------

    def inspect(self, path: Path | str) -> dict[str, Any]:
        """What a case file brings, before importing it (for the clerk)."""
        package = read_package(Path(path).read_bytes())
        info: dict[str, Any] = {
            "kind": package.kind,
            "sender": package.sender,
            "fingerprint": fingerprint(package.sender["public_key"]),
        }
        if package.kind == "case":
            case = package.json("case.json")
            row = self.store._row(
                "SELECT id, ref, round FROM cases WHERE exchange_id = ?", [case["exchange_id"]]
            )
            info |= {
                "title": case["answers"].get("title", ""),
                "round": case["round"],
                "existing": row,
                "new": row is None,
            }
        return info

    def import_case(
        self, actor: User, path: Path | str, *, trust_new_key: bool = False
    ) -> dict[str, Any]:
        store = self.store
        if not actor.has("office"):
            raise StoreError("forbidden")
        package = read_package(Path(path).read_bytes())
        if package.kind != "case":
            raise _refuse("wrong_kind", "案件ファイルではありません。", "This is not a case file.")
        self._check_common(package)
        sender = package.sender
        key_row = store._row(
            "SELECT * FROM trusted_keys WHERE login = ?", [sender.get("login", "")]
        )
        print_ = fingerprint(sender["public_key"])
        who, name = sender.get("login", ""), sender.get("name", "")
        if key_row and key_row["public_key"] != sender["public_key"]:
            raise _refuse(
                "unknown_key",
                f"{who} の鍵が登録済みの鍵と異なります（{print_}）。受け取れません。",
                f"The key of {who} differs from the one on record ({print_}); refused.",
                fingerprint=print_,
            )
        if key_row is None and not trust_new_key:
            raise NeedsTrust(
                "needs_trust",
                f"{name}（{who}）からの初めてのファイルです。"
                f"鍵の指紋 {print_} を確認してください。",
                f"First file from {name} ({who}): check the key fingerprint {print_}.",
                fingerprint=print_,
            )
        seen = self._seen(package)
        if seen:
            return {"already": True, "case_id": seen["case_id"]}
        case = package.json("case.json")
        case.setdefault("messages", [])  # format 1 had no messages or attachments
        case.setdefault("attachments", [])
        row = store._row("SELECT * FROM cases WHERE exchange_id = ?", [case["exchange_id"]])
        with store.db.atomic():
            if key_row is None:
                store.db["trusted_keys"].insert(
                    {
                        "login": sender["login"],
                        "public_key": sender["public_key"],
                        "fingerprint": print_,
                        "first_seen": store.now(),
                        "trusted_by": actor.id,
                    }
                )
                store._audit(
                    actor, "trust_key", "user", sender["login"], None, {"fingerprint": print_}
                )
            applicant_id = self._local_user(actor, case["applicant"])
            filer = case.get("filed_by") or case["applicant"]
            filer_id = (
                applicant_id
                if filer["login"] == case["applicant"]["login"]
                else self._local_user(actor, filer)
            )
            department = store._row(
                "SELECT id FROM departments WHERE code = ?",
                [case["applicant"].get("department", "")],
            )
            answers = case["answers"]
            columns = {
                "activity": str(answers.get("activity") or ""),
                "title": str(answers.get("title") or ""),
                "counterpart_name": str(answers.get("counterpart_name") or ""),
                "counterpart_country": str(answers.get("counterpart_country") or ""),
                "answers_json": json.dumps(answers, ensure_ascii=False, sort_keys=True),
                "facts_json": json.dumps(case.get("facts"), ensure_ascii=False),
                "determination_json": json.dumps(case.get("determination"), ensure_ascii=False),
                "outcome": (case.get("determination") or {}).get("outcome"),
                "forms_version": case["forms_version"],
                "status": "submitted",
                "round": case["round"],
                "submitted_at": case.get("submitted_at") or store.now(),
                "updated_at": store.now(),
                "decision": None,
                "decision_reasons": None,
                "decision_conditions": None,
            }
            if row is None:
                case_id = int(
                    store.db["cases"]
                    .insert(
                        {
                            **columns,
                            "ref": f"tmp-{uuid.uuid4().hex}",
                            "applicant_id": applicant_id,
                            "filed_by_id": filer_id,
                            "department_id": department["id"] if department else None,
                            "exchange_id": case["exchange_id"],
                            "created_at": store.now(),
                        }
                    )
                    .last_pk
                )
                store.db.execute(
                    "UPDATE cases SET ref = ? WHERE id = ?",
                    [f"{store.clock().year}-{case_id:06d}", case_id],
                )
                before = None
            else:
                if row["status"] != "returned":
                    raise _refuse(
                        "not_returned",
                        "この案件は差し戻されていないため、新しい回を受け付けません。",
                        "This case was not returned to the applicant; a new round is not accepted.",
                    )
                if case["round"] <= row["round"]:
                    raise _refuse(
                        "stale",
                        "この案件の同じ回又はそれより古い回のファイルです。",
                        f"The file is round {case['round']};"
                        f" the case is already at round {row['round']}.",
                    )
                case_id = row["id"]
                store.db["cases"].update(case_id, columns)
                before = {"status": row["status"], "round": row["round"]}
            for m in case["messages"]:
                store.db["messages"].insert(
                    {
                        "case_id": case_id,
                        "round": case["round"] - 1,
                        "user_id": applicant_id,
                        "kind": m["kind"],
                        "body": m["body"],
                        "at": m["at"],
                    }
                )
            for att in case["attachments"]:
                content = package.files[att["path"]]
                store.db["attachments"].insert(
                    {
                        "case_id": case_id,
                        "filename": att["filename"],
                        "sha256": _sha(content),
                        "size": len(content),
                        "content": content,
                        "added_by": applicant_id,
                        "at": store.now(),
                    }
                )
            review = json.loads(store._case_row(case_id)["review_json"] or "{}")
            screening = store.eul.screening_for(
                store._decode(store._case_row(case_id)), previous=review.get("screening")
            )
            if screening is not None:
                review["screening"] = screening
                store.db["cases"].update(
                    case_id, {"review_json": json.dumps(review, ensure_ascii=False, sort_keys=True)}
                )
            store._audit(
                actor,
                "import_case",
                "case",
                case_id,
                before,
                {
                    "status": "submitted",
                    "round": case["round"],
                    "from": sender["login"],
                    "file_sha256": package.sha256,
                },
            )
            self._log(package, case_id)
        return {"already": False, "case_id": case_id, "new": row is None, "round": case["round"]}

    def _local_user(self, actor: User, person: dict[str, str]) -> int:
        """Link to a known user by login, or create one that cannot sign in here."""
        store = self.store
        row = store._row("SELECT id FROM users WHERE login = ?", [person["login"]])
        if row:
            return int(row["id"])
        department = store._row(
            "SELECT id FROM departments WHERE code = ?", [person.get("department", "")]
        )
        user_id = int(
            store.db["users"]
            .insert(
                {
                    "login": person["login"],
                    "name": person.get("name") or person["login"],
                    "email": person.get("email", ""),
                    "department_id": department["id"] if department else None,
                    "password_hash": "!" + secrets.token_hex(8),
                    "active": 0,
                    "created_at": store.now(),
                }
            )
            .last_pk
        )
        store.db["user_roles"].insert(
            {"user_id": user_id, "role": "applicant", "department_id": None}
        )
        store._audit(
            actor, "create", "user", user_id, None, {"login": person["login"], "via": "case file"}
        )
        return user_id

    def write_decision(self, actor: User, case_id: int, path: Path | str) -> str:
        """The office's decision, or its questions, for the applicant's installation."""
        store = self.store
        inst = self._institution()
        if not actor.has("office"):
            raise StoreError("forbidden")
        case = store.get_case(actor, case_id)
        if not case.get("exchange_id"):
            raise _refuse(
                "not_exchanged",
                "この案件はファイルで受け付けたものではありません。",
                "This case did not arrive as a case file.",
            )
        if case["status"] not in (
            "returned",
            "approved",
            "approved_with_conditions",
            "licence_required",
            "rejected",
        ):
            raise _refuse(
                "not_decided",
                "まだ判断が確定していません。",
                "The case has no final decision or questions yet.",
            )
        payload = {
            "exchange_id": case["exchange_id"],
            "round": case["round"],
            "status": case["status"],
            "decision": case["decision"],
            "reasons": case["decision_reasons"],
            "conditions": case["decision_conditions"],
            "decided_at": case["decided_at"],
            "closed_at": case["closed_at"],
            "questions": [
                {"body": m["body"], "at": m["at"]}
                for m in case["messages"]
                if m["kind"] == "question" and m["round"] == case["round"]
            ],
            "approvals": [
                {
                    "step": a["step"],
                    "name": a["user_name"],
                    "at": a["at"],
                    "action": a["action"],
                    "comment": a["comment"],
                }
                for a in case["approvals"]
                if a["round"] == case["round"]
            ],
        }
        digest = write_package(
            path,
            "decision",
            {"decision.json": json.dumps(payload, ensure_ascii=False).encode()},
            key=self.key,
            institution_uid=inst["uid"],
            forms_version=store.catalog.version,
            sender=self._sender(actor),
        )
        with store.db.atomic():
            store._audit(
                actor, "export", "decision", case_id, None, {"file": str(path), "sha256": digest}
            )
        return digest
