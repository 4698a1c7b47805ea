"""Write an End User List workbook the way METI's Excel file is built (tests only).

openpyxl cannot write what matters here, so the parts are written by hand: the No.
column holds `=ROW()-1` with a cached value, shared strings carry hidden furigana runs
(<rPh>), and country, concern and CW cells hold Japanese and English on two lines.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from exportdesk.domain.screening import Entity

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
HEADER = [
    "No.",
    "国名、地域名\nCountry or Region",
    "企業名､組織名\nCompany or Organization",
    "別名\nAlso Known As",
    "懸念区分\nType of WMD",
    "通常兵器\nConventional Weapons",
]
CONCERN_JA = {"B": "生物", "C": "化学", "M": "ミサイル", "N": "核"}
# Readings Excel stores for words it converted from kana (never shown).
FURIGANA = {
    "別名": "ベツメイ",
    "懸念": "ケネン",
    "通常": "ツウジョウ",
    "核": "カク",
    "生物": "セイブツ",
}


def _si(text: str) -> str:
    runs = "".join(
        f'<rPh sb="{text.index(w)}" eb="{text.index(w) + len(w)}"><t>{r}</t></rPh>'
        for w, r in FURIGANA.items()
        if w in text
    )
    return f'<si><t xml:space="preserve">{escape(text)}</t>{runs}<phoneticPr fontId="1"/></si>'


def concern_cell(e: Entity, style: str = "lines") -> str:
    if not e.concerns:
        return ""
    ja = "、".join(CONCERN_JA[c] for c in e.concerns)
    codes = {"lines": ",".join(e.concerns), "ja_comma": "、".join(e.concerns)}.get(
        style, ",".join(e.concerns)
    )
    if style == "fullwidth":
        codes = ",".join(chr(ord(c) + 0xFEE0) for c in e.concerns)
    if style == "trailing":
        codes = ",".join(e.concerns) + " "
    return f"{ja}\n{codes}"


def meti_xlsx(
    rows: list[list[str]] | list[Entity],
    *,
    cached: bool = True,
    concern_styles: dict[int, str] | None = None,
    alias_cells: dict[int, str] | None = None,
) -> bytes:
    """A workbook in METI's layout. `rows` are entities (cells built here) or raw cells."""
    table: list[list[str]] = [HEADER]
    for r in rows:
        if isinstance(r, Entity):
            e = r
            name = e.name_en + (f"\n({e.name_original})" if e.name_original else "")
            aliases = (alias_cells or {}).get(e.no) or "\n".join("・" + a for a in e.aliases)
            table.append(
                [
                    str(e.no),
                    f"{e.country_ja}\n{e.country_en}",
                    name,
                    aliases,
                    concern_cell(e, (concern_styles or {}).get(e.no, "lines")),
                    "通常兵器\nCW" if e.conventional_weapons else "",
                ]
            )
        else:
            table.append(list(r))
    strings: list[str] = []
    index: dict[str, int] = {}
    sheet_rows = []
    for r, cells in enumerate(table, 1):
        xml_cells = []
        for c, value in enumerate(cells):
            ref = f"{chr(65 + c)}{r}"
            if r > 1 and c == 0:
                cache = f"<v>{value}</v>" if cached else ""
                xml_cells.append(f'<c r="{ref}"><f>ROW()-1</f>{cache}</c>')
                continue
            if not value:
                continue
            if value not in index:
                index[value] = len(strings)
                strings.append(value)
            xml_cells.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
        sheet_rows.append(f'<row r="{r}">{"".join(xml_cells)}</row>')
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">'
        f"<sheetData>{''.join(sheet_rows)}</sheetData></worksheet>"
    )
    sst = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="{len(strings)}"'
        f' uniqueCount="{len(strings)}">{"".join(_si(s) for s in strings)}</sst>'
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}"'
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="ユーザーリスト" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        "</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", sst)
    return buffer.getvalue()
