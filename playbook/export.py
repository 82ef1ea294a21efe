"""Every document in every format, from one case file: what the CLI writes and the browser downloads.

The same case gives the same bytes in both places; nothing here reads the clock.
"""

from __future__ import annotations

from .casefile import dump_case
from .document import Document
from .model import Playbook, Step
from .records import case_report, file_names, step_record
from .render import html, markdown

FORMATS = ("md", "html", "docx", "xlsx", "json")
MEDIA_TYPES = {
    "md": "text/markdown;charset=utf-8",
    "html": "text/html;charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json;charset=utf-8",
}


def export(playbook: Playbook, case: dict, fmt: str, step: Step | None = None) -> tuple[str, bytes]:
    """(file name, content) of one document: a step's record, or the full case report when step is None.
    "xlsx" is always the case's action tracker and "json" the case file itself."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; the formats are {', '.join(FORMATS)}")
    if step is not None and not step.has_form:
        raise ValueError(f"step {step.number} has no form, so no record")
    names = file_names(case, step)
    if fmt == "json":
        return names["json"], dump_case(case).encode("utf-8")
    if fmt == "xlsx":
        from .render import xlsx  # XlsxWriter is only needed for this format

        return names["xlsx"], xlsx.render(playbook, case)
    doc = step_record(playbook, step, case) if step else case_report(playbook, case)
    return names[fmt], document_bytes(doc, fmt, created=case.get("updated", ""))


def document_bytes(doc: Document, fmt: str, created: str = "") -> bytes:
    """A document tree as a Markdown, HTML (printable) or Word file; `created` is the docx timestamp."""
    text = markdown.render(doc)
    if fmt == "md":
        return text.encode("utf-8")
    if fmt == "html":
        return html.page(text, doc.title).encode("utf-8")
    from .render import docx

    return docx.render(doc, created=created)
