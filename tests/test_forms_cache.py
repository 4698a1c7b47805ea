"""The forms cache: the same catalogue as a full validation, never a stale or corrupt one."""

from __future__ import annotations

import inspect
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from exportdesk.domain import catalog as catalog_module
from exportdesk.domain import forms_cache
from exportdesk.domain.catalog import load_catalog
from exportdesk.domain.determination import evaluate_dict
from exportdesk.resources import forms_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EXPORTDESK_CACHE", str(folder))
    return folder


@pytest.fixture
def forms(tmp_path) -> Path:
    copy = tmp_path / "forms"
    shutil.copytree(forms_dir(), copy)
    return copy


def cache_file(cache: Path) -> Path:
    (path,) = cache.glob("forms-*.json")
    return path


def test_cached_catalogue_is_the_validated_one(cache, forms):
    validated = forms_cache.cached_catalog(base_dir=forms)  # validates, then writes
    assert not isinstance(validated.manifest, forms_cache.Record)
    cached = forms_cache.cached_catalog(base_dir=forms)
    assert isinstance(cached.manifest, forms_cache.Record)
    for name in forms_cache._files_of(validated):
        assert getattr(cached, name).model_dump() == getattr(validated, name).model_dump(), name
    assert cached.version == validated.version
    assert cached.questions.keys() == validated.questions.keys()
    assert cached.country_group("CN") == validated.country_group("CN")
    area = next(iter(cached.area_by_code.values()))
    assert area.name.get("ja") and area.name.get("en") != area.name.get("ja")
    for path in sorted((ROOT / "examples").glob("case-*.json")):
        case = json.loads(path.read_text())
        assert evaluate_dict(case, cached) == evaluate_dict(case, validated), path.name
    with pytest.raises(AttributeError):
        cached.manifest.version = "x"  # type: ignore[misc]


def test_records_offer_every_method_the_models_define():
    """A method added to a forms model must be added to forms_cache.MIXINS (and the model
    should inherit it from there), or cached catalogues would lack it."""
    from pydantic import BaseModel

    missing = []
    for name, cls in vars(catalog_module).items():
        if not (inspect.isclass(cls) and issubclass(cls, BaseModel)) or cls is BaseModel:
            continue
        record = forms_cache._record_class(name)
        for klass in cls.__mro__:
            if klass.__module__ != catalog_module.__name__:
                continue
            for attr, value in vars(klass).items():
                if attr.startswith("_") or attr == "model_config":
                    continue
                method = callable(value) or isinstance(value, property | classmethod)
                if method and not hasattr(record, attr):
                    missing.append(f"{name}.{attr}")
    assert missing == []


def test_changed_forms_are_validated_again(cache, forms):
    first = forms_cache.cached_catalog(base_dir=forms)
    manifest = forms / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace(f'"{first.version}"', '"2099.1"', 1), encoding="utf-8")
    again = forms_cache.cached_catalog(base_dir=forms)
    assert again.version == "2099.1" != first.version
    assert len(list(cache.glob("forms-*.json"))) == 2
    # A broken forms file is reported, not hidden behind an older cache entry.
    manifest.write_text("kind: manifest\nversion: [\n", encoding="utf-8")
    with pytest.raises(catalog_module.FormsError):
        forms_cache.cached_catalog(base_dir=forms)


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b.replace(b'"ja":"', b'"ja":"X', 1),  # payload edited, digest kept
        lambda b: b"\x00\xff" * 10,  # garbage
        lambda b: b"",
    ],
)
def test_corrupt_cache_falls_back_to_validating(cache, forms, damage):
    forms_cache.cached_catalog(base_dir=forms)
    path = cache_file(cache)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    key = forms_cache.cache_key(forms, None)
    assert forms_cache.decode_catalog(path.read_bytes(), key) is None
    catalog = forms_cache.cached_catalog(base_dir=forms)
    assert not isinstance(catalog.manifest, forms_cache.Record)  # validated again
    assert path.read_bytes() == good  # and re-cached


def test_consistent_but_foreign_content_is_refused(cache, forms):
    """A file rewritten with a matching digest but content that is not a catalogue."""
    import hashlib

    forms_cache.cached_catalog(base_dir=forms)
    path = cache_file(cache)
    head, _, _payload = path.read_bytes().partition(b"\n")
    for payload in (b'{"files": {"manifest": {"weird": 1}}}', b'{"files": {}}', b"[1, 2]"):
        header = json.loads(head) | {"sha256": hashlib.sha256(payload).hexdigest()}
        path.write_bytes(json.dumps(header).encode() + b"\n" + payload)
        assert forms_cache.decode_catalog(path.read_bytes(), header["key"]) is None
        assert not isinstance(forms_cache.cached_catalog(base_dir=forms).manifest, dict)


def test_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch, forms):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("EXPORTDESK_CACHE", str(blocker / "cache"))
    assert forms_cache.cached_catalog(base_dir=forms).version


def test_institution_folder_is_part_of_the_key(cache, tmp_path):
    override = tmp_path / "inst"
    override.mkdir()
    (override / "manifest.yaml").write_text('version: "univ-1"\n', encoding="utf-8")
    assert forms_cache.cached_catalog(override).version.endswith("+univ-1")
    assert forms_cache.cached_catalog(override).version.endswith("+univ-1")
    (override / "manifest.yaml").write_text('version: "univ-2"\n', encoding="utf-8")
    assert forms_cache.cached_catalog(override).version.endswith("+univ-2")
    assert forms_cache.cached_catalog().version == load_catalog().version


def test_evaluate_runs_without_pydantic_yaml_or_pycountry(cache):
    env = {**os.environ, "EXPORTDESK_CACHE": str(cache)}
    case = str(ROOT / "examples" / "case-02-list-tech-non-resident.json")
    probe = (
        "import sys; from exportdesk.cli import main; main(['evaluate', sys.argv[1]]);"
        "print(sorted(m for m in ('pydantic', 'yaml', 'pycountry', 'PySide6', 'reportlab',"
        " 'sqlite_utils') if m in sys.modules))"
    )
    cold = subprocess.run(
        [sys.executable, "-c", probe, case], env=env, capture_output=True, text=True, check=True
    )
    warm = subprocess.run(
        [sys.executable, "-c", probe, case], env=env, capture_output=True, text=True, check=True
    )
    assert "'pydantic'" in cold.stdout.splitlines()[-1]  # the first run validates
    assert warm.stdout.splitlines()[-1] == "[]"
    assert cold.stdout.splitlines()[0] == warm.stdout.splitlines()[0]  # same determination


def test_country_codes_read_directly_match_pycountry():
    import pycountry

    from exportdesk.domain import countries

    assert countries._codes() == frozenset(c.alpha_2 for c in pycountry.countries)


def test_country_names_read_directly_match_pycountry():
    import gettext

    import pycountry

    from exportdesk.domain import countries

    ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"]).gettext
    expected = sorted(
        (
            countries.Country(c.alpha_2, ja(c.name), getattr(c, "common_name", None) or c.name)
            for c in pycountry.countries
        ),
        key=lambda x: x.en,
    )
    assert list(countries.all_countries()) == expected
    assert any(c.code == "JP" and c.ja == "日本" for c in expected)
    overridden = countries.all_countries((("KR", "韓国", "South Korea"),))
    assert next(c for c in overridden if c.code == "KR") == countries.Country(
        "KR", "韓国", "South Korea"
    )


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_cache_others_may_write_is_not_read(cache, forms):
    forms_cache.cached_catalog(base_dir=forms)
    path = cache_file(cache)
    # Written private: the folder 0700, the file 0600.
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert isinstance(forms_cache.cached_catalog(base_dir=forms).manifest, forms_cache.Record)
    # A file, or a folder, that others may write is validated again, never read.
    for item, mode in ((path, 0o666), (cache, 0o777)):
        item.chmod(mode)
        assert not isinstance(
            forms_cache.cached_catalog(base_dir=forms).manifest, forms_cache.Record
        )
        item.chmod(0o600 if item == path else 0o700)
    assert isinstance(forms_cache.cached_catalog(base_dir=forms).manifest, forms_cache.Record)
