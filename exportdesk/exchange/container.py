"""The container of every ExportDesk file: a zip with `manifest.json`, a `signature` and
the payload files.

The manifest names the kind, the institution, the forms version, the sender (with an
Ed25519 public key) and the SHA-256 and size of every payload file; the signature covers
the manifest bytes. Reading checks the manifest and the signature before any payload is
decompressed, then streams each member under a size bound: a small file that inflates to
gigabytes is refused after reading at most the bound.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from exportdesk.exchange.errors import ExchangeError, refuse
from exportdesk.exchange.keys import public_key_text

FORMAT = "exportdesk"
FORMAT_VERSION = 3
SUPPORTED_VERSIONS = (1, 2, 3)
KINDS = ("case", "decision", "profile")
MAX_FILE_BYTES = 200 * 1024 * 1024  # the file as it arrives
MAX_MEMBER_BYTES = 100 * 1024 * 1024  # one payload file, decompressed
MAX_TOTAL_BYTES = 300 * 1024 * 1024  # all payload files, decompressed
MAX_META_BYTES = 1024 * 1024  # manifest and signature
MAX_RATIO = 200  # deflate rarely beats 10:1 on real documents; bombs reach 1000:1
MAX_MEMBERS = 500
CHUNK = 1024 * 1024


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_package(
    path: Path | str,
    kind: str,
    files: dict[str, bytes],
    *,
    key: Ed25519PrivateKey,
    institution_uid: str,
    forms_version: str,
    sender: dict[str, str],
    extra: dict[str, Any] | None = None,
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
        "files": {name: sha256(data) for name, data in sorted(files.items())},
        **(extra or {}),
    }
    if format_version >= 3:
        manifest["sizes"] = {name: len(data) for name, data in sorted(files.items())}
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
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return sha256(data)


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
        """A payload file as JSON; refused (not a traceback) when it is not."""
        if name not in self.files:
            raise refuse(
                "malformed",
                f"ファイルに「{name}」がありません。",
                f"The file has no '{name}'.",
            )
        try:
            return json.loads(self.files[name].decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise refuse(
                "malformed",
                f"「{name}」が読めません。",
                f"'{name}' is not readable JSON ({exc.__class__.__name__}).",
            ) from None


_CORRUPT = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    EOFError,
    OSError,
    ValueError,
    KeyError,
    NotImplementedError,
    RuntimeError,
    zlib.error,
)


def _corrupted(exc: BaseException) -> ExchangeError:
    return refuse(
        "corrupted",
        "ファイルが壊れているか、途中で切れています。",
        f"The file is corrupted or truncated ({exc.__class__.__name__}).",
    )


def _too_large(name: str) -> ExchangeError:
    return refuse(
        "too_large",
        f"「{name}」を展開すると大きすぎます。受け取れません。",
        f"'{name}' is too large when decompressed; refused.",
    )


def _tampered(name: str) -> ExchangeError:
    return refuse(
        "tampered",
        f"「{name}」の内容がハッシュと一致しません（改ざん）。",
        f"'{name}' does not match its SHA-256 (tampered).",
    )


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Decompress one member, stopping as soon as it passes `limit` bytes."""
    if info.file_size > limit:
        raise _too_large(info.filename)
    if (
        info.compress_size
        and info.file_size > 1024 * 1024
        and info.file_size / info.compress_size > MAX_RATIO
    ):
        raise _too_large(info.filename)
    out = bytearray()
    with zf.open(info) as fh:
        while chunk := fh.read(CHUNK):
            out += chunk
            if len(out) > limit:
                raise _too_large(info.filename)
    return bytes(out)


def _manifest(meta: bytes, signature_b64: bytes) -> tuple[dict[str, Any], bytes, Ed25519PublicKey]:
    try:
        manifest = json.loads(meta.decode("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError("format")
        kind = manifest["kind"]
        sender = manifest["sender"]
        declared = manifest["files"]
        if not isinstance(sender, dict) or not isinstance(sender.get("public_key"), str):
            raise ValueError("sender")
        if not isinstance(declared, dict) or kind not in KINDS:
            raise ValueError("manifest")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in declared.items()):
            raise ValueError("files")
        for field in ("login", "name"):
            if not isinstance(sender.get(field, ""), str):
                raise ValueError(f"sender.{field}")
        public_key = Ed25519PublicKey.from_public_bytes(
            base64.b64decode(sender["public_key"], validate=True)
        )
        signature = base64.b64decode(signature_b64, validate=True)
    except (
        ValueError,
        KeyError,
        TypeError,
        UnicodeDecodeError,
        AttributeError,
        RecursionError,
        binascii.Error,
    ) as exc:
        raise refuse(
            "not_exportdesk",
            "ExportDesk のファイルではありません（目録が読めません）。",
            f"This is not an ExportDesk file (manifest unreadable: {exc}).",
        ) from None
    return manifest, signature, public_key


def read_package(data: bytes) -> Package:
    """Check structure, signature, sizes and hashes. Raises ExchangeError naming the reason."""
    if len(data) > MAX_FILE_BYTES:
        raise refuse("too_large", "ファイルが大きすぎます。", "The file is too large.")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = zf.infolist()
        infos = {info.filename: info for info in members}
    except _CORRUPT as exc:
        raise _corrupted(exc) from None
    if "manifest.json" not in infos or "signature" not in infos:
        raise refuse(
            "not_exportdesk",
            "ExportDesk のファイルではありません。",
            "This is not an ExportDesk file.",
        )
    if len(members) > MAX_MEMBERS:
        raise refuse("too_large", "ファイルの数が多すぎます。", "The file holds too many parts.")
    if len(infos) != len(members):
        # Two members of one name: only one would be checked, another shown by unzip tools.
        raise refuse(
            "tampered",
            "同じ名前の部分が二つあります（改ざん）。",
            "Two parts of the file have the same name (tampered).",
        )
    try:
        meta = _read_member(zf, infos["manifest.json"], MAX_META_BYTES)
        signature_b64 = _read_member(zf, infos["signature"], MAX_META_BYTES)
    except ExchangeError:
        raise
    except _CORRUPT as exc:
        raise _corrupted(exc) from None
    manifest, signature, public_key = _manifest(meta, signature_b64)
    version = manifest.get("format_version")
    if type(version) is not int or version not in SUPPORTED_VERSIONS:  # not True, not 1.0
        raise refuse(
            "newer_format",
            "新しい版の ExportDesk で作られたファイルです。更新してください。",
            f"The file was made by a newer ExportDesk (format {version}); please update.",
        )
    try:
        public_key.verify(signature, meta)
    except InvalidSignature:
        raise refuse(
            "bad_signature",
            "署名が一致しません。ファイルが改ざんされた可能性があります。",
            "The signature does not match: the file may have been tampered with.",
        ) from None
    declared: dict[str, str] = manifest["files"]
    if set(infos) - {"manifest.json", "signature"} != set(declared):
        raise refuse(
            "tampered",
            "ファイルの構成が目録と一致しません（改ざん）。",
            "The files do not match the manifest (tampered).",
        )
    sizes = manifest.get("sizes") if isinstance(manifest.get("sizes"), dict) else {}
    payload: dict[str, bytes] = {}
    total = 0
    for name, digest in sorted(declared.items()):
        limit = min(MAX_MEMBER_BYTES, MAX_TOTAL_BYTES - total)
        size = sizes.get(name)
        if isinstance(size, int) and size >= 0:
            if infos[name].file_size != size:
                raise _tampered(name)
            limit = min(limit, size)  # the signed size is a bound of its own
        try:
            content = _read_member(zf, infos[name], limit)
        except ExchangeError:
            raise
        except _CORRUPT as exc:
            raise _corrupted(exc) from None
        total += len(content)
        if sha256(content) != digest:
            raise _tampered(name)
        payload[name] = content
    return Package(manifest, payload, sha256(data))


def read_package_file(path: Path | str) -> Package:
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_FILE_BYTES:
            raise refuse("too_large", "ファイルが大きすぎます。", "The file is too large.")
        data = target.read_bytes()
    except OSError as exc:
        raise refuse(
            "unreadable",
            f"ファイルを読めません：{target.name}",
            f"Cannot read the file {target.name}: {exc.strerror or exc}",
        ) from None
    return read_package(data)
