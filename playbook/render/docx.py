"""Render a document tree as a Word (.docx) file, written by hand with the standard library.

Why not python-docx or docxtpl: every pure-Python .docx writer builds its XML with lxml, and lxml
is a C extension that does not run in Pyodide, where this package also renders documents in the
browser. A .docx is a zip of a few XML parts, so we write those parts as strings ourselves.

What the file uses of ECMA-376 / ISO/IEC 29500 (transitional):
- Part 2 (Open Packaging Conventions): `[Content_Types].xml`, relationship parts (`_rels/.rels`,
  `word/_rels/document.xml.rels`) and the core properties (`docProps/core.xml`, Dublin Core).
- Part 1 (WordprocessingML): the main document (paragraphs `w:p`, runs `w:r` with `w:t`, `w:br`,
  `w:tab`, tables `w:tbl`, a final `w:sectPr` for an A4 page with 2 cm margins), styles (Normal,
  Title, Heading 1-3 with `w:outlineLvl`, List Bullet, Table Grid), one bullet numbering
  definition, settings, and the extended properties (`docProps/app.xml`).
Child elements are written in the order the schema's sequences require: Word rejects a file
(the "unreadable content" prompt) when they are not.

Every text is user text and stays text: XML-escaped, with the characters XML 1.0 forbids removed.
The same input always gives the same bytes: no clock, no random ids, fixed zip metadata.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from xml.sax.saxutils import escape

from ..document import BREAK, BulletList, Checklist, Document, Emph, Heading, Inline, Paragraph, Strong, Table

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# XML 1.0 allows tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and U+10000 up: drop everything else.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PIECES = re.compile(r"(\t|\r\n|\r|\n)")
# W3CDTF as Office writes it; anything else is left out rather than risk a file Word rejects.
_W3CDTF = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d))?")
_TEXT_WIDTH = 11906 - 2 * 1134  # A4 width minus 2 cm margins, in twentieths of a point
_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                   for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
_BULLET = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'


def clean(text: str) -> str:
    """The text without the characters XML 1.0 forbids (they could not be in a well-formed file)."""
    return _FORBIDDEN.sub("", text)


def _esc(text: str) -> str:
    return escape(clean(text), {'"': "&quot;"})


def _is_rtl(text: str) -> bool:
    """Right-to-left letters (Arabic, Hebrew...) and no left-to-right ones: mixed runs keep the
    Unicode bidi algorithm, which reads better than forcing the whole run right-to-left."""
    kinds = {unicodedata.bidirectional(c) for c in text}
    return bool(kinds & {"R", "AL"}) and "L" not in kinds


def _run(text: str, *, bold: bool = False, italic: bool = False) -> str:
    text = clean(text)
    if not text:
        return ""
    props = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    props += "<w:rtl/>" if _is_rtl(text) else ""
    body = []
    for piece in _PIECES.split(text):
        if piece == "\t":
            body.append("<w:tab/>")
        elif piece in ("\n", "\r", "\r\n"):
            body.append("<w:br/>")
        elif piece:
            body.append(f'<w:t xml:space="preserve">{_esc(piece)}</w:t>')
    return "<w:r>" + (f"<w:rPr>{props}</w:rPr>" if props else "") + "".join(body) + "</w:r>"


def _runs(parts: tuple[Inline, ...]) -> str:
    out = []
    for part in parts:
        if part is BREAK:
            out.append("<w:r><w:br/></w:r>")
        elif isinstance(part, Strong):
            out.append(_run(part.text, bold=True))
        elif isinstance(part, Emph):
            out.append(_run(part.text, italic=True))
        else:
            out.append(_run(part))
    return "".join(out)


def _para(runs: str, style: str = "", numbered: bool = False) -> str:
    ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (_BULLET if numbered else "")
    return "<w:p>" + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "") + runs + "</w:p>"


def _table(table: Table) -> str:
    columns = max(len(row) for row in (table.header, *table.rows))
    if not columns:
        return ""
    width = _TEXT_WIDTH // columns

    def row(cells: tuple[str, ...], header: bool) -> str:
        cells = tuple(cells) + ("",) * (columns - len(cells))  # Word wants a full grid
        tcs = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                      f"{_para(_run(c, bold=header))}</w:tc>" for c in cells)  # a w:p in every cell
        return "<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if header else "") + tcs + "</w:tr>"

    return ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>'
            f"<w:tblBorders>{_BORDERS}</w:tblBorders></w:tblPr>"
            "<w:tblGrid>" + f'<w:gridCol w:w="{width}"/>' * columns + "</w:tblGrid>"
            + row(table.header, True) + "".join(row(r, False) for r in table.rows)
            + "</w:tbl><w:p/>")  # the empty paragraph keeps two tables from merging into one


def _block(block) -> str:
    if isinstance(block, Heading):
        return _para(_run(block.text), f"Heading{max(1, min(block.level, 3))}")
    if isinstance(block, Paragraph):
        return _para(_runs(block.parts))
    if isinstance(block, BulletList):
        return "".join(_para(_runs(item), "ListBullet", numbered=True) for item in block.items)
    if isinstance(block, Checklist):
        return "".join(
            _para(_run(f"{'☑' if item.checked else '☐'} {item.text}" + (" " if item.basis else ""))
                  + (_run(f"({item.basis})", italic=True) if item.basis else ""))
            for item in block.items
        )
    if isinstance(block, Table):
        return _table(block)
    raise TypeError(f"no docx for {type(block).__name__}")


def _heading_style(n: int, size: int) -> str:
    return (f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
            '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{120 + 80 * (4 - n)}" w:after="120"/>'
            f'<w:outlineLvl w:val="{n - 1}"/></w:pPr>'
            f'<w:rPr><w:b/><w:bCs/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>')


_STYLES = (
    f'<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Arial"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
    "</w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
    '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr>'
    '<w:rPr><w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style>'
    + _heading_style(1, 32) + _heading_style(2, 28) + _heading_style(3, 24)
    + '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>'
    f'<w:uiPriority w:val="99"/><w:pPr>{_BULLET}<w:spacing w:after="60"/></w:pPr></w:style>'
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
    '<w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    f"<w:tblPr><w:tblBorders>{_BORDERS}</w:tblBorders></w:tblPr></w:style></w:styles>"
)
_NUMBERING = (
    f'<w:numbering xmlns:w="{_W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:pStyle w:val="ListBullet"/>'
    '<w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)
_SETTINGS = (
    f'<w:settings xmlns:w="{_W}"><w:defaultTabStop w:val="720"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'
)
_OFFICE = "application/vnd.openxmlformats-officedocument"
_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(f'<Override PartName="/word/{part}.xml" ContentType="{_OFFICE}.wordprocessingml.{kind}+xml"/>'
              for part, kind in (("document", "document.main"), ("styles", "styles"),
                                 ("numbering", "numbering"), ("settings", "settings")))
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    f'<Override PartName="/docProps/app.xml" ContentType="{_OFFICE}.extended-properties+xml"/></Types>'
)


def _rels(*targets: tuple[str, str]) -> str:
    return ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
                      for i, (kind, target) in enumerate(targets, 1))
            + "</Relationships>")


_PACKAGE_RELS = _rels((f"{_REL}/officeDocument", "word/document.xml"),
                      ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                       "docProps/core.xml"),
                      (f"{_REL}/extended-properties", "docProps/app.xml"))
_DOCUMENT_RELS = _rels((f"{_REL}/styles", "styles.xml"), (f"{_REL}/numbering", "numbering.xml"),
                       (f"{_REL}/settings", "settings.xml"))
_APP = ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>Remediation Playbook</Application></Properties>")


def _core(title: str, created: str) -> str:
    dates = "".join(f'<dcterms:{name} xsi:type="dcterms:W3CDTF">{created}</dcterms:{name}>'
                    for name in ("created", "modified")) if _W3CDTF.fullmatch(created) else ""
    return ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_esc(title)}</dc:title>{dates}</cp:coreProperties>")


def render(doc: Document, *, created: str = "") -> bytes:
    """The document as a .docx file.

    `created` is an ISO 8601 timestamp taken from the case file ("2026-11-25T09:30:00Z"); it goes into
    docProps/core.xml as dcterms:created and dcterms:modified. When empty (or not a W3CDTF date such as
    "2026-11-25" or "2026-11-25T09:30:00+01:00"), those two elements are left out. The clock is never
    read: the same input gives the same bytes.
    """
    body = _para(_run(doc.title), "Title") + "".join(_block(b) for b in doc.blocks)
    document = (f'<w:document xmlns:w="{_W}"><w:body>{body}<w:sectPr>'
                '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
                'w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>')
    parts = [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _PACKAGE_RELS),
        ("word/document.xml", document),
        ("word/styles.xml", _STYLES),
        ("word/numbering.xml", _NUMBERING),
        ("word/settings.xml", _SETTINGS),
        ("word/_rels/document.xml.rels", _DOCUMENT_RELS),
        ("docProps/core.xml", _core(doc.title, created)),
        ("docProps/app.xml", _APP),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, xml in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform, so the bytes match everywhere
            info.external_attr = 0o644 << 16
            archive.writestr(info, (_HEAD + xml).encode("utf-8"), compresslevel=6)
    return buffer.getvalue()
