"""The bulk font parser builds exactly the face reportlab's own parser builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from exportdesk.documents.fonts import FastFace, FastTTFont, _select_cmap
from exportdesk.resources import assets_dir

FONTS = sorted((assets_dir() / "fonts").glob("*.ttf"))


def _state(face: object) -> dict[str, object]:
    # The read position and the scale function (a new lambda each time) are not results.
    return {k: v for k, v in vars(face).items() if k not in ("_pos", "_pdfScale")}


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_bulk_parse_equals_reportlab(path: Path):
    ours, theirs = FastTTFont("ours", str(path)), TTFont("theirs", str(path))
    assert isinstance(ours.face, FastFace)
    reference = _state(theirs.face)
    # glyphToChar is built on first use, from the character map's groups kept for it.
    assert set(_state(ours.face)) ^ set(reference) == {"glyphToChar", "_cmap_groups"}
    for name in reference:
        assert getattr(ours.face, name) == reference[name], name
    mine = _state(ours.face)
    assert len(mine["charWidths"]) > 10_000  # type: ignore[arg-type]
    assert ours.face._pdfScale(2048) == theirs.face._pdfScale(2048)
    # The font object around the face: every attribute reportlab's __init__ sets.
    assert vars(ours).keys() == vars(theirs).keys()
    for name in ("_asciiReadable", "shapable", "_multiByte", "_dynamicFont"):
        assert getattr(ours, name) == getattr(theirs, name), name
    samples = ["", "a", "安", "\U0001f600", "安全保障輸出管理 Export Control ①", "x" * 300]
    samples += [chr(c) for c in range(0x20, 0x3100, 7)]
    for text in samples:
        for size in (7, 9.5, 10, 10.5, 24):
            assert ours.stringWidth(text, size) == theirs.stringWidth(text, size), (text, size)
    assert ours.stringWidth("安全".encode(), 10) == theirs.stringWidth("安全".encode(), 10)


def test_other_character_maps_use_reportlabs_parser(tmp_path: Path):
    """A font whose chosen cmap is not format 12 is parsed by reportlab itself: here the
    format-12 subtable's format is patched to an unknown number, which reportlab refuses."""
    data = bytearray(FONTS[0].read_bytes())
    face = FastFace(str(FONTS[0]))
    offset = _select_cmap(face)
    assert offset is not None
    data[offset : offset + 2] = (99).to_bytes(2, "big")
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="Unsupported cmap encoding format 99"):
        FastFace(str(broken))
    with pytest.raises(ValueError, match="Unsupported cmap encoding format 99"):
        TTFont("theirs", str(broken))
