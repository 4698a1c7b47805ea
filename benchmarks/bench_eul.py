"""Recall, false hits and speed of End User List screening on the real 2025-09-29 list.

    .venv/bin/python benchmarks/bench_eul.py [--json ../shared/data/end-user-list-2025-09-29.json]

Builds a PDF in METI's layout from the registry's JSON (never stored in the repository),
imports it through ExportDesk's PDF importer, derives name variants and screens them.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exportdesk.domain.countries import all_countries, country_code_for  # noqa: E402
from exportdesk.domain.screening import Entity, ScreeningIndex, has_cjk, normalise  # noqa: E402
from exportdesk.imports.eul import parse_pdf, split_name  # noqa: E402
from tests.eul_pdf import meti_pdf  # noqa: E402

COUNTRY_PREFIXES = sorted(
    [
        "Islamic Republic of Iran",
        "North Korea",
        "Islamic Republic of Pakistan",
        "Russian Federation",
        "People's Republic of China",
        "United Arab Emirates",
        "Hong Kong",
        "Syrian Arab Republic",
        "Republic of Lebanon",
        "Taiwan",
        "Arab Republic of Egypt",
        "Islamic Republic of Afghanistan",
        "India",
        "Republic of Yemen",
        "State of Israel",
        "Republic of Belarus",
        "Republic of Turkey",
        "Republic of Iraq",
    ],
    key=len,
    reverse=True,
)
JA_NAMES = {c.code: c.ja for c in all_countries()} | {
    "KP": "北朝鮮",
    "IR": "イラン",
    "RU": "ロシア",
    "CN": "中国",
    "TW": "台湾",
    "KR": "韓国",
    "SY": "シリア",
}
LEGAL = re.compile(
    r",?\s*\b(Co\.?,?\s*Ltd\.?|Ltd\.?|LLC|Inc\.?|Corporation|Corp\.?|Company|JSC|FZE|FZC|"
    r"PJSC|OJSC|GmbH|Limited|PLC)\b\.?",
    re.IGNORECASE,
)

ORDINARY = [
    "University of Tokyo",
    "Kyoto University",
    "Osaka University",
    "Tohoku University",
    "Nagoya University",
    "Kyushu University",
    "Hokkaido University",
    "Tokyo Institute of Technology",
    "Waseda University",
    "Keio University",
    "東京大学",
    "京都大学",
    "大阪大学",
    "名古屋大学",
    "九州大学",
    "筑波大学",
    "理化学研究所",
    "産業技術総合研究所",
    "物質・材料研究機構",
    "Toyota Motor Corporation",
    "Sony Group Corporation",
    "Hitachi, Ltd.",
    "Mitsubishi Electric Corporation",
    "Panasonic Holdings",
    "トヨタ自動車株式会社",
    "ソニーグループ株式会社",
    "株式会社日立製作所",
    "三菱重工業株式会社",
    "富士通株式会社",
    "Massachusetts Institute of Technology",
    "Stanford University",
    "Harvard University",
    "University of Cambridge",
    "University of Oxford",
    "Imperial College London",
    "ETH Zurich",
    "Technische Universität München",
    "Max Planck Institute for Physics",
    "Fraunhofer Society",
    "Sorbonne University",
    "CNRS",
    "Seoul National University",
    "Korea Advanced Institute of Science and Technology",
    "National Taiwan University",
    "National University of Singapore",
    "University of Melbourne",
    "University of Toronto",
    "McGill University",
    "Indian Institute of Science",
    "Indian Institute of Technology Bombay",
    "University of Cape Town",
    "Universidade de São Paulo",
    "Peking University",
    "Tsinghua University",
    "Fudan University",
    "Zhejiang University",
    "中国科学院",
    "北京大学",
    "清华大学",
    "University of Tehran",
    "Tehran University of Medical Sciences",
    "Moscow State University",
    "Siemens AG",
    "Robert Bosch GmbH",
    "BASF SE",
    "Samsung Electronics Co., Ltd.",
    "LG Chem",
    "Huawei Technologies Co., Ltd.",
    "Tencent Holdings",
    "Alibaba Group",
    "Intel Corporation",
    "Apple Inc.",
    "Microsoft Corporation",
    "Thermo Fisher Scientific",
    "Merck KGaA",
    "Bayer AG",
    "Novartis AG",
    "Roche Holding",
    "Shimadzu Corporation",
    "Horiba, Ltd.",
    "Olympus Corporation",
    "Nikon Corporation",
    "Canon Inc.",
    "Kyocera Corporation",
    "Murata Manufacturing",
    "TDK Corporation",
    "Tokyo Electron Limited",
    "Advantest Corporation",
    "National Institute for Materials Science",
    "Japan Aerospace Exploration Agency",
    "宇宙航空研究開発機構",
    "日本原子力研究開発機構",
    "海洋研究開発機構",
    "Chulalongkorn University",
    "Vietnam National University",
    "Universiti Malaya",
    "University of the Philippines",
    "Monash University",
    "Tel Aviv University",
    "Cairo University",
    "American University of Beirut",
    "Istanbul Technical University",
    "Sabanci University",
    "Karolinska Institutet",
    "University of Copenhagen",
    "Delft University of Technology",
    "KU Leuven",
]


def load_entities(path: Path) -> list[Entity]:
    rows = json.loads(path.read_text(encoding="utf-8"))
    entities = []
    for no, row in enumerate(rows, 1):
        address = (row.get("addresses") or [""])[0]
        name = row.get("entity_name") or ""
        country_en = address
        if not name:  # the registry's quirk: country and name run together in the address
            prefix = next(p for p in COUNTRY_PREFIXES if address.startswith(p))
            country_en, name = prefix, address[len(prefix) :].strip()
        else:
            country_en = next((p for p in COUNTRY_PREFIXES if address.startswith(p)), address)
        code = country_code_for(country_en) or "XX"
        name_en, original = split_name(name)
        reason = row.get("reason") or ""
        concerns = tuple(sorted(set(re.findall(r"\b([BCMN])\b", reason))))
        entities.append(
            Entity(
                no,
                code,
                JA_NAMES.get(code, country_en),
                country_en,
                name_en,
                original,
                tuple(a for a in row.get("aliases") or [] if a),
                concerns,
                "CW" in reason,
            )
        )
    return entities


def to_fullwidth(text: str) -> str:
    return "".join(
        chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in text
    )


def transpose(text: str, rng: random.Random) -> str | None:
    words = [i for i, w in enumerate(text.split()) if len(w) >= 5 and w.isalpha()]
    if not words:
        return None
    parts = text.split()
    i = rng.choice(words)
    w = parts[i]
    k = rng.randrange(1, len(w) - 2)
    parts[i] = w[:k] + w[k + 1] + w[k] + w[k + 2 :]
    return " ".join(parts)


def variants(e: Entity, rng: random.Random) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    name = e.name_en
    if name:
        out.append(("exact name", name))
        stripped = " ".join(LEGAL.sub(" ", name).split())
        if stripped != name and normalise(stripped):
            out.append(("legal form dropped", stripped))
        words = name.split()
        if len(words) >= 2:
            out.append(("word order swapped", " ".join(words[1:] + words[:1])))
        out.append(("upper case, doubled spaces", "  ".join(name.upper().split())))
        out.append(("full-width characters", to_fullwidth(name)))
        t = transpose(name, rng)
        if t:
            out.append(("transposed letters", t))
    out += [("alias", a) for a in e.aliases]
    if e.name_original:
        out.append(("original name", e.name_original))
        mid = len(e.name_original) // 2
        out.append(("original name wrapped", e.name_original[:mid] + "\n" + e.name_original[mid:]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--json",
        type=Path,
        default=ROOT.parent / "shared" / "data" / "end-user-list-2025-09-29.json",
    )
    ap.add_argument("--threshold", type=float, default=None)
    args = ap.parse_args()
    source = load_entities(args.json)
    t0 = time.perf_counter()
    pdf = meti_pdf(source)
    t_pdf = time.perf_counter() - t0
    tmp = Path(tempfile.mkdtemp()) / "eul.pdf"
    tmp.write_bytes(pdf)
    t0 = time.perf_counter()
    imported = parse_pdf(pdf)
    t_import = time.perf_counter() - t0
    mismatched = [
        a.no
        for a, b in zip(source, imported, strict=False)
        if (normalise(a.name_en), normalise(a.name_original), len(a.aliases))
        != (normalise(b.name_en), normalise(b.name_original), len(b.aliases))
    ]
    print(f"PDF in METI's layout: {len(pdf) / 1e6:.1f} MB, built in {t_pdf:.1f} s")
    print(
        f"imported {len(imported)} entities in {t_import:.1f} s; rows differing from the source: {len(mismatched)}"
        f" {mismatched[:10]}"
    )

    index = ScreeningIndex(imported, **({"threshold": args.threshold} if args.threshold else {}))
    rng = random.Random(20251009)
    by_kind: dict[str, list[int]] = {}
    misses: list[tuple[str, str, int]] = []
    for e in imported:
        for kind, text in variants(e, rng):
            hits = index.screen(text, limit=3)
            found = any(h.entity.no == e.no for h in hits[:3])
            by_kind.setdefault(kind, []).append(int(found))
            if not found:
                misses.append((kind, text, e.no))
    total = sum(len(v) for v in by_kind.values())
    found = sum(sum(v) for v in by_kind.values())
    print(
        f"\nrecall in top 3: {found}/{total} = {100 * found / total:.2f}% (threshold {index.threshold})"
    )
    for kind, values in by_kind.items():
        print(
            f"  {kind:28s} {sum(values):5d}/{len(values):5d} = {100 * sum(values) / len(values):6.2f}%"
        )
    for kind, text, no in misses[:12]:
        print(f"  missed [{kind}] No.{no}: {text!r}")

    listed = {normalise(t) for e in imported for _k, t in e.names()}
    ordinary = [n for n in ORDINARY if normalise(n) not in listed]
    false_hits = [(n, index.screen(n)[0]) for n in ordinary if index.screen(n)]
    print(
        f"\nfalse hits on ordinary names: {len(false_hits)}/{len(ordinary)} = "
        f"{100 * len(false_hits) / len(ordinary):.1f}%"
    )
    for n, h in false_hits:
        print(f"  {n!r} -> No.{h.entity.no} {h.matched!r} {h.score:.0f} ({h.why})")

    queries = []
    for i in range(10_000):
        e = imported[i % len(imported)]
        pool = [t for _k, t in variants(e, rng)] + ordinary
        queries.append(rng.choice(pool))
    t0 = time.perf_counter()
    for q in queries:
        index.screen(q)
    elapsed = time.perf_counter() - t0
    print(
        f"\nscreening 10,000 names against {len(imported)} entities ({len(index.choices)} names and aliases):"
        f" {elapsed:.2f} s ({elapsed / 10_000 * 1e6:.0f} µs per name)"
    )
    sys.exit(0 if not mismatched else 1)


if __name__ == "__main__":
    if not has_cjk("中"):
        raise SystemExit("unexpected")
    main()
