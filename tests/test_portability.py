"""What Windows and macOS need and Linux lets slide: `spawn` workers, paths with spaces and
Japanese characters, no open file replaced, permissions that cannot always be set."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from exportdesk.cli import main
from tests.store_fixtures import controlled_answers, make_campus

# A folder such as C:\Users\山田 太郎\Documents on a Japanese Windows PC.
HOME = "山田 太郎/書類 (輸出管理)"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / HOME
    folder.mkdir(parents=True)
    return folder


def test_batch_printing_uses_spawn_workers_under_a_japanese_path(home: Path, capsys):
    from exportdesk.documents import batch

    campus = make_campus(home / "台帳 データ.db")
    s = campus.store
    for i in range(3):
        case = s.create_case(campus.prof, answers=controlled_answers() | {"title": f"来訪 {i}"})
        s.submit(campus.prof, case["id"])
    started: list[str] = []
    real = batch.ProcessPoolExecutor

    def watching(*args, **kwargs):  # records the start method the pool was given
        started.append(kwargs["mp_context"].get_start_method())
        return real(*args, **kwargs)

    batch.ProcessPoolExecutor = watching  # type: ignore[assignment,misc]
    try:
        cases = [s.get_case(None, r["id"]) for r in s.list_cases(None, limit=10)]
        paths = batch.write_case_pdfs(
            cases, home / "印刷 出力", lang="ja", institution="架空工業大学", workers=2
        )
    finally:
        batch.ProcessPoolExecutor = real  # type: ignore[misc]
    assert started == ["spawn"]
    assert [p.parent.name for p in paths] == ["印刷 出力"] * 3
    assert all(p.read_bytes().startswith(b"%PDF") for p in paths)
    assert not list((home / "印刷 出力").glob("*.part"))
