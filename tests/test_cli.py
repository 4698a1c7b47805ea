"""`exportdesk` on the command line: evaluate, forms, demo, and the built wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from exportdesk.cli import main

ROOT = Path(__file__).resolve().parent.parent


def exportdesk(*args: str, stdin: str | None = None, cwd: Path | None = None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "exportdesk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_evaluate_file_contract(tmp_path: Path):
    case = {
        "as_of": "2026-11-25",
        "activity": "visiting_researcher",
        "person": {
            "nationality": "CN",
            "entry_date": "2026-10-01",
            "employed_in_japan": False,
            "japanese_abroad_since": None,
            "working_abroad": False,
            "diplomat_or_foreign_official": False,
            "foreign_contract": {
                "exists": True,
                "must_follow_instructions": True,
                "japanese_employer_priority_agreed": False,
                "counterparty_is_group_company": False,
            },
            "foreign_government_benefit_share": 0.3,
            "acts_on_foreign_government_instructions": False,
        },
        "counterpart": {"name": "Example Institute", "country": "IR"},
        "technology": {
            "provided": True,
            "where": "japan",
            "publicly_available": False,
            "basic_science": False,
            "for_patent_filing": False,
            "list_items": ["2"],
            "research_areas": ["31010"],
        },
        "goods": {"exported": False, "list_items": []},
        "red_flags": ["purpose_unclear"],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    proc = exportdesk("evaluate", str(path))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert set(out) >= {
        "outcome",
        "resident",
        "specific_categories",
        "transfer_type",
        "country_group",
        "exemptions",
        "list_controlled",
        "reasons",
        "forms_version",
    }
    assert out["outcome"] == "office_review"
    assert out["resident"] is False  # entered 2026-10-01, under 6 months
    assert out["specific_categories"] == []  # categories only for residents
    assert out["transfer_type"] == "deemed"
    assert out["country_group"] == "concern"
    assert out["list_controlled"] is True
    assert {"code", "ja", "en"} <= set(out["reasons"][0])


def test_evaluate_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(
        sys, "stdin", io.StringIO('{"activity": "sending_samples", "goods": {"exported": true}}')
    )
    assert main(["evaluate", "-"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["transfer_type"] == "border"


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        ('{"activity": "moon_landing"}', "activity: unknown activity 'moon_landing'"),
        (
            '{"activity": "joint_research", "as_of": "2026-02-30"}',
            "as_of: '2026-02-30' is not a date (no such day)",
        ),
        (
            '{"activity": "joint_research", "counterpart": {"country": "QQ"}}',
            "counterpart.country: unknown country code",
        ),
        (
            '{"activity": "joint_research", "technology": {"research_areas": ["1"]}}',
            "technology.research_areas[0]: unknown research-area code",
        ),
        ("{not json", "not valid JSON"),
    ],
)
def test_evaluate_bad_input_exit_2(capsys, monkeypatch, payload, needle):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(payload))
    assert main(["evaluate", "-"]) == 2
    captured = capsys.readouterr()
    assert needle in captured.err
    assert captured.out == ""


def test_evaluate_missing_file(capsys):
    assert main(["evaluate", "/no/such/file.json"]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_forms_validate_and_show(capsys, tmp_path: Path):
    assert main(["forms", "validate"]) == 0
    assert "54 research areas" in capsys.readouterr().out
    assert main(["forms", "show", "research-areas"]) == 0
    out = capsys.readouterr().out
    assert "31010" in out and "原子力工学関連" in out
    bad = tmp_path / "inst"
    bad.mkdir()
    (bad / "list_items.yaml").write_text(
        "entries:\n  - id: '2'\n    group: nuclear\n", encoding="utf-8"
    )
    assert main(["forms", "validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "list_items.yaml" in err and "entry '2'" in err and "group" in err


def test_demo_prints_every_example(capsys):
    assert main(["demo", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    examples = sorted((ROOT / "examples").glob("case-*.json"))
    assert examples
    for path in examples:
        assert path.stem in out
    assert "No procedure needed" in out and "Send to the export control office" in out


def test_wheel_carries_forms_and_runs_outside_the_checkout(tmp_path: Path):
    """Build the wheel, install it away from the repository, validate the forms."""
    dist = tmp_path / "dist"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if build.returncode != 0 and "No module named 'hatchling'" in build.stderr:
        build = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(dist), str(ROOT)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(dist.glob("exportdesk-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "exportdesk/_data/forms/check_sheet.yaml",
        "exportdesk/_data/assets/fonts/ipaexg.ttf",
        "exportdesk/_data/assets/fonts/IPA_Font_License_Agreement_v1.0.txt",
        "exportdesk/_data/assets/i18n/exportdesk_ja.qm",
        "exportdesk/_data/examples/case-01-visiting-researcher-plain.json",
    ):
        assert needed in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    proc = exportdesk("forms", "validate", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "OK" in proc.stdout
    where = exportdesk("demo", cwd=tmp_path, env=env)
    assert where.returncode == 0, where.stderr
    probe = subprocess.run(
        [sys.executable, "-c", "import exportdesk.resources as r; print(r.forms_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert str(target) in probe.stdout


def test_command_table_names_each_groups_commands():
    """main() imports only the group of the command named: the table must say which group
    registers every command, or a command would be refused as unknown."""
    import argparse

    from exportdesk import cli

    registered = {}
    for name in cli.GROUPS:
        sub = argparse.ArgumentParser().add_subparsers()
        cli.group(name).register(sub)
        registered |= dict.fromkeys(sub.choices, name)
    assert registered == cli.COMMANDS
    assert set(cli.build_parser()._subparsers._group_actions[0].choices) == set(registered)


def test_a_command_imports_only_its_group(capsys):
    probe = (
        "import sys; from exportdesk.cli import main; main(sys.argv[1:]);"
        "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules"
        " if m.startswith('exportdesk.cli.') and m.endswith('_cmd')))"
    )
    case = str(ROOT / "examples" / "case-02-list-tech-non-resident.json")
    out = subprocess.run(
        [sys.executable, "-c", probe, "--forms", str(ROOT / "forms"), "evaluate", case],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert json.loads(out.stdout.splitlines()[0])["outcome"]
    assert out.stdout.splitlines()[-1] == "['guidance_cmd']"
    # Help without a command, and a word that is no command, still know every command.
    assert main_exit(["--help"]) == 0 and "import-decision" in capsys.readouterr().out
    assert main_exit(["evaluat", case]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main_exit(["evaluate", "--help"]) == 0 and "--pretty" in capsys.readouterr().out


def main_exit(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


@pytest.mark.parametrize(
    ("env", "lines"),
    [
        ({"EXPORTDESK_LANG": "ja"}, ["この案件を閲覧する権限がありません。", "not allowed"]),
        ({"EXPORTDESK_LANG": "", "LC_ALL": "", "LANG": "ja_JP.UTF-8"}, ["閲覧する権限"]),
        ({"EXPORTDESK_LANG": "en"}, ["You are not allowed to see this case."]),
        ({"EXPORTDESK_LANG": "", "LC_ALL": "", "LANG": "C.UTF-8"}, ["You are not allowed"]),
    ],
)
def test_refusals_at_the_terminal_speak_the_users_language(monkeypatch, capsys, env, lines):
    from exportdesk.cli.common import refusal
    from exportdesk.store import StoreError

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    refusal(StoreError("not_visible"), "case 2026-000001: ")
    printed = capsys.readouterr().err
    assert printed.startswith("exportdesk: error: case 2026-000001: ")
    for line in lines:
        assert line in printed
    japanese = any("\u3040" <= ch <= "\u30ff" for ch in printed)
    assert japanese == (env.get("EXPORTDESK_LANG") == "ja" or env.get("LANG", "").startswith("ja"))
