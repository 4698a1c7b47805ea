"""A cache of the validated forms, so that a start does not re-read and re-validate them.

Validating forms/ costs pydantic's import and its checks at every start. After a full
validation the catalogue is written to the user cache folder as JSON, keyed by a hash of
every forms file (shipped and institution's), of the code that validates them and of
ExportDesk's version. A later start with the same key rebuilds the catalogue from that
file with plain read-only records, without importing pydantic or yaml.

The cache is never believed: a file whose key differs (forms or code changed), whose
content does not match the digest written beside it (truncated, edited, corrupt), or that
does not rebuild cleanly is ignored, and the forms are validated again and re-cached. The
file holds only JSON data (no pickle), so a tampered file cannot run code.

The digest is not a signature: anyone who can write the cache folder could write a
well-formed forged file. So the cache is only as trusted as the user's own private files
(who can write those can point ExportDesk at a forms folder of their own anyway): the
folder is made 0700 and each file 0600, and on POSIX a file or folder that another user
owns, or that others may write (a shared EXPORTDESK_CACHE), is not read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from exportdesk import __version__
from exportdesk.domain.catalog_core import Catalog, TextMethods

FORMAT = 1
T = TypeVar("T")
# The code whose change changes the validated result: part of the key.
_CODE = ("catalog.py", "catalog_core.py", "forms_cache.py")
# Methods a cached record needs, by model name (the pydantic models inherit the same mixins).
MIXINS: dict[str, type] = {"Text": TextMethods}


def cache_dir() -> Path:
    env = os.environ.get("EXPORTDESK_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("ExportDesk", appauthor=False))


def _yaml_files(folder: Path | None) -> list[Path]:
    return sorted(folder.glob("*.yaml")) if folder is not None and folder.is_dir() else []


def cache_key(base: Path, override: Path | None) -> str:
    digest = hashlib.sha256(f"exportdesk {__version__} cache {FORMAT}\n".encode())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    for label, folder in (("base", base), ("override", override)):
        digest.update(f"\n{label} {folder}\n".encode())
        for path in _yaml_files(folder):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# --- records -------------------------------------------------------------------------


class Record:
    """A read-only stand-in for one validated pydantic model: same fields, same values."""

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Record)
            and type(other).__name__ == type(self).__name__
            and other.__dict__ == self.__dict__
        )

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self.__dict__.values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({inner})"

    def model_dump(self) -> dict[str, Any]:
        return {k: _dump(v) for k, v in self.__dict__.items()}


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.model_dump()
    if isinstance(value, list):
        return [_dump(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_dump(v) for v in value)
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    return value


_classes: dict[str, type[Record]] = {}


def _record_class(name: str) -> type[Record]:
    cls = _classes.get(name)
    if cls is None:
        bases = (Record, MIXINS[name]) if name in MIXINS else (Record,)
        cls = _classes[name] = type(name, bases, {})
    return cls


def _new_record(name: str, fields: dict[str, Any]) -> Record:
    record = object.__new__(_record_class(name))
    record.__dict__.update(fields)
    return record


# --- encoding ------------------------------------------------------------------------


def _encode(value: Any) -> Any:
    """Plain JSON with tagged objects for models, maps, dates and tuples."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {"t": [_encode(v) for v in value]}
    if isinstance(value, dict):
        return {"map": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:  # a pydantic model
        return {"model": type(value).__name__, "f": {n: _encode(getattr(value, n)) for n in fields}}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "model" in value:
        return _new_record(value["model"], {k: _decode(v) for k, v in value["f"].items()})
    if "map" in value:
        return {_decode(k): _decode(v) for k, v in value["map"]}
    if "t" in value:
        return tuple(_decode(v) for v in value["t"])
    if "date" in value:
        return dt.date.fromisoformat(value["date"])
    if "datetime" in value:
        return dt.datetime.fromisoformat(value["datetime"])
    raise ValueError("unknown tag")


def _files_of(catalog: Catalog) -> dict[str, Any]:
    skip = {"override_dir", "override_version", "_cache"}
    return {n: getattr(catalog, n) for n in catalog.__dataclass_fields__ if n not in skip}


def encode_catalog(catalog: Catalog, key: str) -> bytes:
    """The cache file: a header line (key, digest of the payload), then the payload."""
    payload = json.dumps(
        {
            "files": {n: _encode(v) for n, v in _files_of(catalog).items()},
            "override_dir": str(catalog.override_dir) if catalog.override_dir else None,
            "override_version": catalog.override_version,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    return seal(payload, key, FORMAT)


def seal(payload: bytes, key: str, fmt: int) -> bytes:
    """A cache file: a header line (format, key, digest of the payload), then the payload."""
    header = {"format": fmt, "key": key, "sha256": hashlib.sha256(payload).hexdigest()}
    return json.dumps(header).encode() + b"\n" + payload


def unseal(data: bytes, key: str, fmt: int) -> Any | None:
    """The JSON payload of a cache file, or None unless its header is ours and matches."""
    try:
        head, _, payload = data.partition(b"\n")
        header = json.loads(head)
        if (
            not isinstance(header, dict)
            or header.get("format") != fmt
            or header.get("key") != key
            or header.get("sha256") != hashlib.sha256(payload).hexdigest()
        ):
            return None
        return json.loads(payload)
    except (ValueError, TypeError, RecursionError):
        return None


def decode_catalog(data: bytes, key: str) -> Catalog | None:
    """The cached catalogue, or None when the file is stale, corrupt or not ours."""
    body = unseal(data, key, FORMAT)
    if body is None:
        return None
    try:
        files = {n: _decode(v) for n, v in body["files"].items()}
        override = body["override_dir"]
        catalog = Catalog(
            **files,
            override_dir=Path(override) if override else None,
            override_version=body["override_version"],
        )
        if set(_files_of(catalog)) != set(files):
            return None
        return catalog
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


# --- the entry point -----------------------------------------------------------------


def cached_catalog(override_dir: Path | str | None = None, base_dir: Path | None = None) -> Catalog:
    """The forms, from the cache when it is valid, else validated (and then cached)."""
    from exportdesk.domain.catalog_core import FormsError
    from exportdesk.resources import forms_dir

    base = Path(base_dir) if base_dir else forms_dir()
    override = Path(override_dir) if override_dir else None
    if override is not None and not override.is_dir():
        raise FormsError(f"forms folder not found: {override}")
    try:
        key = cache_key(base, override)
    except OSError:
        key = ""

    def validate() -> Catalog:
        # Only on a miss: a hit imports neither yaml nor pydantic.
        from exportdesk.domain.catalog import load_catalog

        return load_catalog(override, base)

    return through_cache(
        f"forms-{key[:24]}.json" if key else "",
        lambda data: decode_catalog(data, key),
        validate,
        lambda catalog: encode_catalog(catalog, key),
    )


def through_cache(
    name: str,
    decode: Callable[[bytes], T | None],
    compute: Callable[[], T],
    encode: Callable[[T], bytes],
) -> T:
    """The value cached in the file `name` of the cache folder when `decode` accepts it,
    else `compute()`, written back best effort. No name (no key could be made): compute."""
    where = cache_dir() / name if name else None
    if where is not None and _private(where):
        try:
            cached = decode(where.read_bytes())
        except OSError:
            cached = None
        if cached is not None:
            return cached
    value = compute()
    if where is not None:
        _write(where, value, encode)
    return value


def _private(path: Path) -> bool:
    """The file and its folder are this user's and nobody else may write them (POSIX;
    elsewhere the per-user cache folder is the boundary)."""
    if os.name != "posix":
        return True
    try:
        for item in (path, path.parent):
            st = item.stat()
            if st.st_uid != os.getuid() or st.st_mode & 0o022:
                return False
    except OSError:
        return False
    return True


def _write(path: Path, value: T, encode: Callable[[T], bytes]) -> None:
    """Best effort: a folder that cannot be written only means validating next time."""
    try:
        data = encode(value)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        tmp.replace(path)
    except (OSError, TypeError):
        pass
