"""The Word renderer, read back with python-docx: structure, styles, and user text that comes back
exactly as typed. Skipped where python-docx is missing (inside Pyodide, where it cannot run)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime, timezone

import pytest

docx = pytest.importorskip("docx")

from docx.shared import Twips  # noqa: E402
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from playbook.document import (  # noqa: E402
    BREAK,
    BulletList,
    Checklist,
    ChecklistEntry,
    Document,
    Emph,
    Heading,
    Paragraph,
    Strong,
    Table,
)
from playbook.render import docx as render_docx  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARTS = [
    "[Content_Types].xml",
    "_rels/.rels",
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/settings.xml",
    "word/_rels/document.xml.rels",
    "docProps/core.xml",
    "docProps/app.xml",
]


def xml_text(text: str) -> str:
    """What survives in an XML 1.0 file: its Char production, written out independently of the renderer."""
    def allowed(c: str) -> bool:
        n = ord(c)
        return c in "\t\n\r" or 0x20 <= n <= 0xD7FF or 0xE000 <= n <= 0xFFFD or n >= 0x10000
    return "".join(c for c in text if allowed(c))


def read(doc: Document, **kw):
    return docx.Document(io.BytesIO(render_docx.render(doc, **kw)))


def sample() -> Document:
    return Document("Step 1 record", (
        Heading(1, "One"), Heading(2, "Two"), Heading(3, "Three"), Heading(4, "Four"), Heading(0, "Zero"),
        Paragraph(("plain ", Strong("bold"), " and ", Emph("italic"), BREAK, "next line")),
        BulletList((("first",), ("second ", Strong("strong")))),
        Checklist((ChecklistEntry(True, "Interview held", "ILO C182"), ChecklistEntry(False, "Referral made", ""))),
        Table(("Who", "What"), (("Worker A", "Wages withheld"), ("", ""), ("short row",))),
    ))


def test_title_and_heading_styles():
    paragraphs = read(sample()).paragraphs
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Title", "Step 1 record")
    assert [(p.style.name, p.text) for p in paragraphs[1:6]] == [
        ("Heading 1", "One"), ("Heading 2", "Two"), ("Heading 3", "Three"), ("Heading 3", "Four"), ("Heading 1", "Zero"),
    ]


def test_heading_styles_have_outline_levels():
    styles = ET.fromstring(zipfile.ZipFile(io.BytesIO(render_docx.render(sample()))).read("word/styles.xml"))
    for n in (1, 2, 3):
        style = styles.find(f"{W}style[@{W}styleId='Heading{n}']")
        assert style.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == str(n - 1)


def test_bold_italic_and_break_runs():
    paragraph = read(sample()).paragraphs[6]
    assert paragraph.text == "plain bold and italic\nnext line"
    runs = [(r.text, bool(r.bold), bool(r.italic)) for r in paragraph.runs]
    assert runs == [("plain ", False, False), ("bold", True, False), (" and ", False, False),
                    ("italic", False, True), ("\n", False, False), ("next line", False, False)]


def test_bullets_are_numbered_list_paragraphs():
    data = render_docx.render(sample())
    bullets = docx.Document(io.BytesIO(data)).paragraphs[7:9]
    assert [(p.style.name, p.text) for p in bullets] == [("List Bullet", "first"), ("List Bullet", "second strong")]
    assert all(p._p.pPr.numPr.numId.val == 1 for p in bullets)
    numbering = ET.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/numbering.xml"))
    assert numbering.find(f"{W}abstractNum/{W}lvl/{W}numFmt").get(f"{W}val") == "bullet"
    assert numbering.find(f"{W}num[@{W}numId='1']/{W}abstractNumId").get(f"{W}val") == "0"


def test_checklist_marks_and_basis():
    done, open_ = read(sample()).paragraphs[9:11]
    assert done.text == "☑ Interview held (ILO C182)"
    assert (done.runs[-1].text, done.runs[-1].italic) == ("(ILO C182)", True)
    assert open_.text == "☐ Referral made"
    assert not any(r.italic for r in open_.runs)


def test_table_header_rows_and_layout():
    doc = read(sample())
    table = doc.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Who", "What"], ["Worker A", "Wages withheld"], ["", ""], ["short row", ""],
    ]
    tbl = table._tbl
    assert len(tbl.xpath("./w:tr[1]/w:trPr/w:tblHeader")) == 1
    assert not tbl.xpath("./w:tr[position()>1]/w:trPr/w:tblHeader")
    assert all(r.bold for c in table.rows[0].cells for r in c.paragraphs[0].runs)
    assert not any(r.bold for c in table.rows[1].cells for r in c.paragraphs[0].runs)
    width = tbl.xpath("./w:tblPr/w:tblW")[0]
    assert (width.get(f"{W}type"), width.get(f"{W}w")) == ("pct", "5000")
    assert len(tbl.xpath("./w:tblPr/w:tblBorders/*")) == 6
    assert all(tc.xpath("./w:p") for tc in tbl.xpath(".//w:tc"))


def test_a4_page_with_2cm_margins():
    section = read(sample()).sections[0]
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))
    margins = (section.top_margin, section.right_margin, section.bottom_margin, section.left_margin)
    assert margins == (Twips(1134),) * 4


HOSTILE = [
    "<script>alert(1)</script>",
    "=SUM(1)",
    "]]>",
    "&amp; &lt; &#60;",
    "**bold** _em_ `code`",
    'quotes "double" and \'single\'',
    "مرحبا",
    "👩‍👩‍👧",
    "a\x01b\x0bc\ufffed",
    "lone \ud800 surrogate \udfff",
    "  leading and trailing  ",
    "tab\there",
    "line\nbreak",
    ("<&>\"' مرحبا 👩‍👩‍👧 x" * 1000)[:10_000],
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_comes_back_exactly(text):
    expected = xml_text(text)
    doc = read(Document(text, (
        Heading(2, text),
        Paragraph((text, Strong(text), Emph(text))),
        BulletList(((text,),)),
        Checklist((ChecklistEntry(True, text, text),)),
        Table((text,), ((text,),)),
    )))
    assert [p.text for p in doc.paragraphs] == [
        expected, expected, expected * 3, expected, f"☑ {expected} ({expected})",
        "",  # the empty paragraph after a table
    ]
    assert [c.text for row in doc.tables[0].rows for c in row.cells] == [expected, expected]
    assert doc.core_properties.title == expected


def test_right_to_left_runs():
    runs = read(Document("T", (Paragraph(("مرحبا 123", "Hello مرحبا", "Hello")),))).paragraphs[1].runs
    assert [r.font.rtl for r in runs] == [True, None, None]


def test_same_input_same_bytes():
    assert render_docx.render(sample(), created="2026-11-25T09:30:00Z") == render_docx.render(
        sample(), created="2026-11-25T09:30:00Z")


def test_zip_has_the_parts_in_a_fixed_order_with_fixed_metadata():
    archive = zipfile.ZipFile(io.BytesIO(render_docx.render(sample())))
    assert archive.namelist() == PARTS
    for info in archive.infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert info.external_attr == 0o644 << 16
        ET.fromstring(archive.read(info.filename))  # every part is well-formed XML


@pytest.mark.parametrize("created, expected", [
    ("2026-11-25T09:30:00Z", datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)),
    ("", None),
    ("not a date", None),  # left out rather than written into a file Word may refuse
])
def test_created_goes_into_core_properties(created, expected):
    data = render_docx.render(sample(), created=created)
    core = docx.Document(io.BytesIO(data)).core_properties
    assert (core.created, core.modified) == (expected, expected)
    if expected is None:
        assert b"dcterms:created" not in zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml")


def test_unknown_block_is_an_error():
    with pytest.raises(TypeError):
        render_docx.render(Document("T", (object(),)))


@given(st.text(st.characters(exclude_categories=())))  # surrogates included
def test_any_text_round_trips(text):
    """Arbitrary text reads back as typed, less what XML forbids; a CR or CRLF is a line break like LF."""
    expected = re.sub(r"\r\n?", "\n", xml_text(text))
    doc = read(Document("T", (Paragraph((text,)),)))
    assert doc.paragraphs[1].text == expected
