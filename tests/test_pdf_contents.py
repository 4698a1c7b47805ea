"""The table of contents laid out in one pass: right page numbers, and the same document
as reportlab's own passes."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import KeepTogether, PageBreak, Paragraph

from exportdesk.documents import pdf
from exportdesk.documents.icp import icp_story
from exportdesk.domain.profile import load_profile
from tests.test_documents import PROFILE, fonts_of


def pages_of(data: bytes) -> list[str]:
    return [
        re.sub(r"\s+", "", page.extract_text() or "") for page in PdfReader(BytesIO(data)).pages
    ]


def reportlab_passes(story: list, title: str, lang: str) -> bytes:
    """The document as reportlab lays it out on its own: contents seeded, multiBuild."""
    buffer = BytesIO()
    doc = pdf.NumberedDoc(buffer, title, lang, title)
    for flowable in story:
        if isinstance(flowable, pdf.Contents):
            flowable._entries = [(lv, text, 0, None) for lv, text in pdf._headings(story)]
    doc.multiBuild(story)
    return buffer.getvalue()


def contents_lines(data: bytes, tmp_path: Path, page: int) -> list[tuple[str, int]]:
    """(entry, page number) of each line of the contents, read by position (pdftotext)."""
    source = tmp_path / "doc.pdf"
    source.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(source), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = []
    for line in out.splitlines():
        match = re.fullmatch(r"\s*(\S.*?)[\s.]*?(\d+)\s*", line)
        if match:
            found.append((re.sub(r"\s+", "", match.group(1)), int(match.group(2))))
    return found


needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext")


@pytest.fixture(scope="module")
def profile():
    return load_profile(PROFILE)


@needs_poppler
@pytest.mark.parametrize(("fmt", "lang"), [("large", "ja"), ("small", "en")])
def test_contents_give_the_page_of_each_heading(profile, catalog, fmt, lang, tmp_path):
    story, title = icp_story(profile, catalog, fmt, lang)
    data = pdf.render(story, footer=title, lang=lang, title=title, toc=True)
    pages = pages_of(data)
    label = r"第\d+条（[^）]+）" if lang == "ja" else r"Article\d+\([^)]+\)"
    entries = [(e, n) for e, n in contents_lines(data, tmp_path, 2) if re.fullmatch(label, e)]
    assert len(entries) >= 19, entries
    for heading, number in entries:
        # The first page after the contents (pages 1-2) where the heading's text is.
        first = next(i + 1 for i, text in enumerate(pages) if i >= 2 and heading in text)
        assert number == first, (heading, number, first)
    assert entries[-1][1] > entries[0][1] >= 3  # not every heading on one page


@pytest.mark.parametrize(("fmt", "lang"), [("large", "ja"), ("small", "en")])
def test_one_pass_is_the_document_reportlab_lays_out(profile, catalog, fmt, lang):
    story, title = icp_story(profile, catalog, fmt, lang)
    ours = pdf.render(story, footer=title, lang=lang, title=title, toc=True)
    story, title = icp_story(profile, catalog, fmt, lang)
    theirs = reportlab_passes(story, title, lang)
    assert pages_of(ours) == pages_of(theirs)
    assert fonts_of(ours) == fonts_of(theirs)
    assert all("IPAex" in name and embedded for name, embedded in fonts_of(ours))


@needs_poppler
def test_a_heading_the_seed_misses_falls_back_to_reportlabs_passes(fonts, tmp_path, monkeypatch):
    """A heading deeper than the seed looks (a KeepTogether in a KeepTogether) is laid out
    but not foreseen: the one pass does not match, and reportlab's passes lay the document
    out again, with the heading in the contents and right page numbers."""
    builder = pdf.DocBuilder("en")
    story = builder.build(
        '<doc><toc/><h1>Seen heading</h1><p>text</p><h1 newpage="1">Second</h1></doc>'
    )
    hidden = pdf.Heading("Hidden heading", builder.st["h1"], 0, "Hidden heading")
    body = builder.st["body"]
    nested = KeepTogether([Paragraph("before", body), KeepTogether([hidden, Paragraph("x", body)])])
    story += [PageBreak(), nested]
    assert "Hidden heading" not in [text for _level, text in pdf._headings(story)]
    builds: list[str] = []
    for name in ("build", "multiBuild"):
        original = getattr(pdf.NumberedDoc, name)
        monkeypatch.setattr(
            pdf.NumberedDoc,
            name,
            lambda self, *a, _o=original, _n=name, **k: (builds.append(_n), _o(self, *a, **k))[1],
        )
    data = pdf.render(story, footer="t", lang="en", title="t", toc=True)
    assert builds[0] == "build" and "multiBuild" in builds  # one pass tried, then passes
    lines = dict(contents_lines(data, tmp_path, 1))
    assert lines == {"Seenheading": 2, "Second": 3, "Hiddenheading": 4}, lines
    assert "Hiddenheading" in pages_of(data)[3]
