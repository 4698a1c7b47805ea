"""Update the Qt translation sources and compile them.

    python tools/i18n.py            # lupdate: collect tr() strings into assets/i18n/*.ts
    python tools/i18n.py --release  # lrelease: compile .ts to .qm

Translations are written in the .ts files (Qt Linguist or a text editor);
lupdate keeps what is already translated.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "assets" / "i18n"
LANGS = ["ja"]


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    return str(exe) if exe.exists() else f"pyside6-{name}"


def update() -> None:
    sources = sorted(str(p) for p in (ROOT / "exportdesk" / "gui").rglob("*.py"))
    for lang in LANGS:
        ts = I18N / f"exportdesk_{lang}.ts"
        subprocess.run([tool("lupdate"), "-no-obsolete", *sources, "-ts", str(ts)], check=True)


def release() -> None:
    for lang in LANGS:
        ts = I18N / f"exportdesk_{lang}.ts"
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def fill(pairs_file: Path, lang: str = "ja") -> int:
    """Fill unfinished messages from a TSV of `source<TAB>translation` lines."""
    import xml.etree.ElementTree as ET

    pairs = {}
    for line in pairs_file.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            src, dst = line.split("\t", 1)
            pairs[src] = dst
    ts = I18N / f"exportdesk_{lang}.ts"
    tree = ET.parse(ts)
    count = 0
    for msg in tree.iter("message"):
        src = msg.findtext("source")
        tr = msg.find("translation")
        if tr is not None and tr.get("type") == "unfinished" and src in pairs:
            forms = tr.findall("numerusform")
            if forms:  # plural message: Japanese has one form
                for form in forms:
                    form.text = pairs[src]
            else:
                tr.text = pairs[src]
            del tr.attrib["type"]
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


if __name__ == "__main__":
    if "--release" in sys.argv:
        release()
    elif "--fill" in sys.argv:
        print(f"filled {fill(Path(sys.argv[sys.argv.index('--fill') + 1]))} messages")
    else:
        update()
