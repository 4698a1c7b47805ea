"""The profile cache: the same profile as a full validation, never a stale or corrupt one."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exportdesk.domain import profile as profile_module
from exportdesk.domain import profile_cache
from exportdesk.domain.forms_cache import Record
from exportdesk.domain.profile import ProfileError, load_profile

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "examples" / "institution-profile.yaml"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EXPORTDESK_CACHE", str(folder))
    return folder


@pytest.fixture
def profile_file(tmp_path) -> Path:
    copy = tmp_path / "profile.yaml"
    copy.write_bytes(PROFILE.read_bytes())
    return copy


def cache_file(cache: Path) -> Path:
    (path,) = cache.glob("profile-*.json")
    return path


def test_cached_profile_is_the_validated_one(cache, profile_file):
    validated = profile_cache.cached_profile(profile_file)  # validates, then writes
    assert isinstance(validated, profile_module.InstitutionProfile)
    cached = profile_cache.cached_profile(profile_file)
    assert isinstance(cached, Record) and type(cached).__name__ == "InstitutionProfile"
    assert cached.model_dump() == validated.model_dump()
    assert cached.departments and cached.departments[0].ja == validated.departments[0].ja
    assert cached.effective_date == validated.effective_date
    with pytest.raises(AttributeError):
        cached.committee = False  # type: ignore[misc]


def test_field_lists_match_the_models():
    """A field added to the profile models must be added to the cache's checks, or every
    cached profile would be refused (and the cache would only cost time)."""
    assert set(profile_cache.PROFILE_FIELDS) == set(profile_module.InstitutionProfile.model_fields)
    assert set(profile_cache.BILINGUAL_FIELDS) == set(profile_module.Bilingual.model_fields)
    assert set(profile_cache.DEPARTMENT_FIELDS) == set(profile_module.Department.model_fields)


def test_changed_profile_is_validated_again(cache, profile_file):
    first = profile_cache.cached_profile(profile_file)
    text = profile_file.read_text(encoding="utf-8")
    assert "retention_years: 7" in text
    profile_file.write_text(text.replace("retention_years: 7", "retention_years: 10"), "utf-8")
    again = profile_cache.cached_profile(profile_file)
    assert isinstance(again, profile_module.InstitutionProfile)  # not the cached one
    assert (first.retention_years, again.retention_years) == (7, 10)
    assert len(list(cache.glob("profile-*.json"))) == 2
    # A broken profile is reported, not hidden behind an older cache entry.
    profile_file.write_text(text.replace("retention_years: 7", "retention_years: 0"), "utf-8")
    with pytest.raises(ProfileError, match="retention_years"):
        profile_cache.cached_profile(profile_file)
    profile_file.write_bytes(b"name: [\n")
    with pytest.raises(ProfileError, match="not valid YAML"):
        profile_cache.cached_profile(profile_file)
    profile_file.write_bytes(b"\xff\xfe name")
    with pytest.raises(ProfileError, match="not UTF-8"):
        profile_cache.cached_profile(profile_file)
    assert len(list(cache.glob("profile-*.json"))) == 2  # refused profiles are not cached
    with pytest.raises(ProfileError, match="cannot be read"):
        profile_cache.cached_profile(profile_file.with_name("missing.yaml"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b.replace("架空".encode(), "偽の".encode(), 1),  # payload edited, digest kept
        lambda b: b"\x00\xff" * 10,  # garbage
        lambda b: b"",
    ],
)
def test_corrupt_cache_falls_back_to_validating(cache, profile_file, damage):
    profile_cache.cached_profile(profile_file)
    path = cache_file(cache)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    assert path.read_bytes() != good
    key = profile_cache.cache_key(profile_file.read_bytes())
    assert profile_cache.decode_profile(path.read_bytes(), key) is None
    profile = profile_cache.cached_profile(profile_file)
    assert isinstance(profile, profile_module.InstitutionProfile)  # validated again
    assert profile.name.ja == "架空工業大学"
    assert path.read_bytes() == good  # and re-cached


def _rewrite(path: Path, body: object) -> None:
    """The cache file with another payload and a matching digest (a consistent forgery)."""
    head, _, _ = path.read_bytes().partition(b"\n")
    payload = json.dumps(body, ensure_ascii=False).encode()
    header = json.loads(head) | {"sha256": hashlib.sha256(payload).hexdigest()}
    path.write_bytes(json.dumps(header).encode() + b"\n" + payload)


def test_consistent_but_invalid_content_is_refused(cache, profile_file):
    """Rewritten with a matching digest, but not what validation could have produced."""
    profile_cache.cached_profile(profile_file)
    path = cache_file(cache)
    good = json.loads(path.read_bytes().partition(b"\n")[2])
    key = profile_cache.cache_key(profile_file.read_bytes())

    def forged(**fields: object) -> dict:
        return good | {"f": good["f"] | fields}

    name = good["f"]["name"]
    department = good["f"]["departments"][0]
    bodies = [
        [1, 2],
        {"model": "InstitutionProfile", "f": {}},
        good | {"model": "Bilingual"},
        forged(retention_years=0),
        forged(retention_years=True),
        forged(retention_years="7"),
        forged(icp_format="medium"),
        forged(effective_date="2027-04-01"),  # a string, not a date
        forged(effective_date={"datetime": "2027-04-01T00:00:00"}),
        forged(committee=1),
        forged(name=name | {"f": name["f"] | {"ja": ""}}),
        forged(name=name | {"f": {"ja": "x"}}),
        forged(departments=[department | {"f": department["f"] | {"code": 5}}]),
        forged(departments=[name]),
        forged(extra="field"),
        forged(name={"date": "2027-04-01"}),
    ]
    for body in bodies:
        _rewrite(path, body)
        assert profile_cache.decode_profile(path.read_bytes(), key) is None, body
        assert isinstance(
            profile_cache.cached_profile(profile_file), profile_module.InstitutionProfile
        ), body
    # The genuine content with a recomputed digest still reads (the checks are not too strict).
    _rewrite(path, good)
    assert isinstance(profile_cache.decode_profile(path.read_bytes(), key), Record)


def test_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch, profile_file):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("EXPORTDESK_CACHE", str(blocker / "cache"))
    assert profile_cache.cached_profile(profile_file).name.ja == "架空工業大学"
    assert profile_cache.cached_profile(profile_file) == load_profile(profile_file)


def test_icp_command_runs_without_pydantic_or_yaml_once_cached(cache, tmp_path):
    env = {**os.environ, "EXPORTDESK_CACHE": str(cache)}
    probe = (
        "import sys; from exportdesk.cli import main;"
        " main(['icp', '--format', 'large', '--profile', sys.argv[1], '-o', sys.argv[2]]);"
        "print(sorted(m for m in ('pydantic', 'yaml', 'PySide6', 'sqlite_utils')"
        " if m in sys.modules))"
    )
    runs = []
    for name in ("cold.pdf", "warm.pdf"):
        out = subprocess.run(
            [sys.executable, "-c", probe, str(PROFILE), str(tmp_path / name)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(out.stdout.splitlines()[-1])
    assert "'pydantic'" in runs[0] and "'yaml'" in runs[0]  # the first run validates
    assert runs[1] == "[]"
    cold, warm = (tmp_path / "cold.pdf").read_bytes(), (tmp_path / "warm.pdf").read_bytes()
    assert len(warm) > 100_000
    # The same document, apart from the creation date and the document id.
    assert _undated(cold) == _undated(warm)


def _undated(pdf: bytes) -> bytes:
    import re

    pdf = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"", pdf)
    return re.sub(rb"/ID\s*\[[^\]]*\]", b"", pdf)
