"""Check forms/ against the law itself: the e-Gov XML of the Export Trade Control Order.

The XML is read when present (an office keeps it beside the installation; tests
skip without it). Appended Tables 3, 3-2 and 4 list countries by their Japanese
names separated by 、; Appended Table 1 has one row per item (一, 二, 三の二, ...).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from exportdesk.domain.catalog import Catalog

ORDER_GLOB = "export-trade-control-order-*.xml"
_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


class LawFileError(ValueError):
    """The law file cannot be read as e-Gov XML."""


def find_order(law_dir: Path) -> Path | None:
    """The newest Export Trade Control Order XML in `law_dir` (by the date in its name)."""
    files = sorted(Path(law_dir).glob(ORDER_GLOB))
    return files[-1] if files else None


def _text(node: ET.Element) -> str:
    return "".join(node.itertext()).strip()


def _parse(path: Path) -> ET.Element:
    try:
        return ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise LawFileError(f"{path.name}: cannot be read as XML: {exc}") from exc


def appended_tables(root: ET.Element) -> dict[str, ET.Element]:
    tables: dict[str, ET.Element] = {}
    for table in root.iter("AppdxTable"):
        title = table.find("AppdxTableTitle")
        if title is not None and title.text:
            tables[title.text.strip()] = table
    return tables


def table_countries(table: ET.Element) -> list[str]:
    """Country names of a table such as 別表第三 (one sentence, names split by 、)."""
    names: list[str] = []
    for sentence in table.iter("Sentence"):
        names += [n.strip() for n in _text(sentence).split("、") if n.strip()]
    return names


def kanji_item(label: str) -> str:
    """'一六' -> '16', '三の二' -> '3-2' (the table writes 10-16 digit by digit)."""
    main, _, sub = label.partition("の")
    if not main:
        raise ValueError(label)
    number = 0
    for ch in main:
        if ch not in _DIGITS:
            raise ValueError(label)
        number = number * 10 + _DIGITS[ch]
    return f"{number}-{kanji_item(sub)}" if sub else str(number)


def table_1_items(table: ET.Element) -> dict[str, str]:
    """Item id -> the goods text of Appended Table 1."""
    items: dict[str, str] = {}
    for row in table.iter("TableRow"):
        cols = row.findall("TableColumn")
        if len(cols) < 2:
            continue
        label = _text(cols[0])
        try:
            items[kanji_item(label)] = _text(cols[1])
        except ValueError:
            continue  # the header row
    return items


def check_against_law(catalog: Catalog, law_dir: Path) -> tuple[Path | None, list[str]]:
    """(the XML used, problems). No XML in `law_dir`: (None, [])."""
    path = find_order(law_dir)
    if path is None:
        return None, []
    tables = appended_tables(_parse(path))
    problems: list[str] = []
    names = catalog.country_groups.law_country_names
    for group in catalog.country_groups.groups:
        if not group.law_table:
            continue
        table = tables.get(group.law_table)
        if table is None:
            problems.append(
                f"country group '{group.id}': {group.law_table} not found in {path.name}"
            )
            continue
        in_law: set[str] = set()
        for name in table_countries(table):
            if name not in names:
                problems.append(
                    f"country group '{group.id}': {group.law_table} names '{name}', "
                    "which law_country_names does not map to a code"
                )
            else:
                in_law.add(names[name])
        listed = set(group.countries)
        for code in sorted(in_law - listed):
            problems.append(
                f"country group '{group.id}': {code} is in {group.law_table}, not in forms"
            )
        for code in sorted(listed - in_law):
            problems.append(
                f"country group '{group.id}': {code} is in forms, not in {group.law_table}"
            )
    table_1 = tables.get("別表第一")
    if table_1 is None:
        problems.append(f"別表第一 not found in {path.name}")
    else:
        in_law_items = table_1_items(table_1)
        forms_items = [i.id for i in catalog.list_items.entries]
        for item in forms_items:
            if item not in in_law_items:
                problems.append(f"list item '{item}' is not an item of Appended Table 1")
        for item in in_law_items:
            if item not in forms_items:
                problems.append(f"Appended Table 1 item '{item}' is missing from list_items")
    return path, problems


def default_law_dir() -> Path | None:
    """EXPORTDESK_LAW_DIR, else shared/data/law beside a source checkout (up to 3 levels up)."""
    import os

    env = os.environ.get("EXPORTDESK_LAW_DIR")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2]
    for ancestor in list(checkout.parents)[:3]:
        beside = ancestor / "shared" / "data" / "law"
        if beside.is_dir():
            return beside
    return None
