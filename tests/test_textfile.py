"""CSV files as Japanese offices save them: UTF-8 with or without BOM, Shift_JIS; others refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from exportdesk.imports.eul import EulImportError, read_list
from exportdesk.imports.textfile import TextFileError, decode_text, read_csv

SAMPLE = "name,country\n東京精密機械株式会社,JP\nｶﾌﾞｼｷｶﾞｲｼｬ テスト,JP\n①号機研究所,CN\n"


@pytest.mark.parametrize(
    ("data", "encoding", "label"),
    [
        (SAMPLE.encode("utf-8"), "utf-8", "UTF-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig", "UTF-8 (BOM)"),
        (SAMPLE.encode("cp932"), "cp932", "Shift_JIS (CP932)"),
        (b"name,country\nACME,US\n", "utf-8", "UTF-8"),
    ],
)
def test_accepted_encodings_are_detected_and_reported(data: bytes, encoding: str, label: str):
    decoded = decode_text(data)
    assert decoded.encoding == encoding
    assert decoded.label == label
    assert decoded.text.replace("\r\n", "\n") == (
        SAMPLE if len(data) > 30 else "name,country\nACME,US\n"
    )


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (SAMPLE.encode("utf-16"), "UTF-16"),
        (SAMPLE.encode("utf-16-le"), "UTF-16"),
        (SAMPLE.encode("utf-32"), "UTF-32"),
        ("name\n東京大学研究所\n".encode("euc_jp"), "EUC-JP"),
        ("name\n東京大学\n".encode("iso2022_jp"), "ISO-2022-JP"),
        ("name\nMüller Société\n".encode("cp1252"), "Windows-1252"),
        (b"PK\x03\x04\x00\x00\x00\x00\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00", "binary"),
    ],
)
def test_other_encodings_are_refused_by_name(data: bytes, named: str):
    with pytest.raises(TextFileError) as info:
        decode_text(data)
    assert named in info.value.encoding
    assert named in info.value.message("en")
    assert (named if named != "binary" else "テキストではない") in info.value.message("ja")
    assert "UTF-8" in info.value.message("ja") and "Shift_JIS" in info.value.message("ja")


def test_read_csv_strips_header_names_and_keeps_rows(tmp_path: Path):
    path = tmp_path / "名簿 一覧.csv"
    path.write_bytes(" name , country \r\n京都試験所,JP\r\n".encode("cp932"))
    table = read_csv(path)
    assert table.fieldnames == ["name", "country"]
    assert table.rows == [{"name": "京都試験所", "country": "JP"}]
    assert table.label == "Shift_JIS (CP932)"


def test_read_csv_refuses_an_empty_file():
    with pytest.raises(TextFileError) as info:
        read_csv(b"")
    assert info.value.message("ja") == "ファイルが空です。"


def _eul_csv() -> str:
    return (
        "no,country_ja,name_en,name_original,aliases,concerns\n"
        "1,イラン,Example Trading Co.,例示商事,,N\n"
    )


@pytest.mark.parametrize(
    ("codec", "label"), [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (BOM)"), ("cp932", "Shift_JIS")]
)
def test_end_user_list_csv_reports_its_encoding(tmp_path: Path, codec: str, label: str):
    path = tmp_path / "eul.csv"
    path.write_bytes(_eul_csv().encode(codec))
    parsed = read_list(path)
    assert parsed.encoding.startswith(label)
    assert parsed.entities[0].name_original == "例示商事"


def test_end_user_list_csv_in_euc_jp_is_refused_by_name(tmp_path: Path):
    path = tmp_path / "eul.csv"
    path.write_bytes(_eul_csv().encode("euc_jp"))
    with pytest.raises(EulImportError, match="EUC-JP"):
        read_list(path)


def test_cli_screening_csv_in_shift_jis_and_japanese_effective_date(
    tmp_path: Path, capsys, monkeypatch
):
    import csv
    import io

    from exportdesk.cli import main
    from tests.store_fixtures import PASSWORD, make_campus

    monkeypatch.setenv("EXPORTDESK_USER", "office1")
    monkeypatch.setenv("EXPORTDESK_PASSWORD", PASSWORD)

    folder = tmp_path / "輸出 管理"
    folder.mkdir()
    db = folder / "台帳 データ.db"
    make_campus(db)
    eul = folder / "リスト.csv"
    eul.write_bytes(_eul_csv().encode("cp932"))
    assert main(["eul", "--db", str(db), "import", str(eul), "--effective", "令和8年4月1日"]) == 0
    assert "Shift_JIS (CP932)" in capsys.readouterr().out
    assert main(["eul", "--db", str(db), "versions"]) == 0
    assert "2026-04-01" in capsys.readouterr().out
    assert main(["eul", "--db", str(db), "import", str(eul), "--effective", "平成32年1月1日"]) == 2
    assert "outside the 平成 era" in capsys.readouterr().err

    names = folder / "取引先 一覧.csv"
    names.write_bytes("name,country\n例示商事,IR\n京都大学,JP\n".encode("cp932"))
    assert main(["screen", "--db", str(db), "--csv", str(names)]) == 0
    captured = capsys.readouterr()
    assert "read as Shift_JIS (CP932)" in captured.err
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert [(r["name"], r["hits"]) for r in rows] == [("例示商事", "1"), ("京都大学", "0")]

    names.write_bytes("name,country\n例示商事,IR\n".encode("euc_jp"))
    assert main(["screen", "--db", str(db), "--csv", str(names)]) == 2
    captured = capsys.readouterr()
    assert "EUC-JP" in captured.err and captured.out == ""


def test_people_import_shares_the_reader(tmp_path: Path):
    from exportdesk.imports.people import PeopleImportError, read_table

    path = tmp_path / "名簿.csv"
    path.write_bytes("姓,名,国籍\n王,立,CN\n".encode("cp932"))
    assert read_table(path).encoding == "cp932"
    path.write_bytes("姓,名,国籍\n王,立,CN\n".encode("euc_jp"))
    with pytest.raises(PeopleImportError) as info:
        read_table(path)
    assert "EUC-JP" in info.value.message("ja") and "EUC-JP" in info.value.message("en")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('name,country\n"Open quote Co.,JP\nSecond Co.,CN\n', "line 3"),  # at the end
        ("name,country\nA Co.,JP,extra\n", "line 2"),
        ("name,country\n\nA Co.,JP\nB Co.\n", "line 4"),
    ],
)
def test_read_csv_is_strict_about_rows(text: str, line: str):
    with pytest.raises(TextFileError) as info:
        read_csv(text.encode("utf-8"))
    assert line in info.value.message("en")
    assert line.split()[1] + "行目" in info.value.message("ja")
