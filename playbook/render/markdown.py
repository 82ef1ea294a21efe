"""Render a document tree as CommonMark.

All text is escaped so that it reads back as exactly the same text: nothing a user typed can
become a heading, a list, a link, an image, code or raw HTML.
"""

from __future__ import annotations

import re

from ..document import (
    BREAK,
    BulletList,
    Checklist,
    Document,
    Emph,
    Heading,
    Inline,
    Paragraph,
    Strong,
    Table,
)

# Characters that have a meaning anywhere in a line. `&` would start an entity, `<` HTML or an
# autolink, `[`/`]` links and images, `*`/`_` emphasis, a backtick code, `|` a table cell, `~` strikeout,
# `#` a closing heading sequence.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~#])")
# What a line may not start with: block markers (heading, quote, list, thematic break, setext
# underline, fence) and ordered-list numbers such as "1." or "12)".
_LINE_START = re.compile(r"^([#>+=-])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def escape(text: str) -> str:
    """Escape text for use inside a line: runs of white space become one space."""
    return _ANYWHERE.sub(r"\\\1", re.sub(r"\s+", " ", text))


def escape_line(text: str) -> str:
    """Escape text that makes a whole line: also no indent and no block marker at its start."""
    return _line(escape(text))


def _line(text: str) -> str:
    """Make one output line safe at its start: no indent (code block) and no block marker."""
    text = _LINE_START.sub(r"\\\1", text.strip())
    return _ORDERED.sub(r"\1\\\2", text)


def _inline(parts: tuple[Inline, ...]) -> str:
    out = []
    for part in parts:
        if part is BREAK:
            out.append("\\\n")
        elif isinstance(part, Strong):
            out.append(f"**{escape(part.text).strip()}**")
        elif isinstance(part, Emph):
            out.append(f"*{escape(part.text).strip()}*")
        else:
            out.append(escape(part))
    return "\n".join(_line(line) for line in "".join(out).split("\n"))


def _block(block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {escape_line(block.text)}"
    if isinstance(block, Paragraph):
        return _inline(block.parts)
    if isinstance(block, BulletList):
        return "\n".join("- " + _inline(item).replace("\n", "\n  ") for item in block.items)
    if isinstance(block, Checklist):
        return "\n".join(
            f"- [{'x' if item.checked else ' '}] {escape_line(item.text)}" + (f" *({escape(item.basis)})*" if item.basis else "")
            for item in block.items
        )
    if isinstance(block, Table):  # GFM table; escape() already turns "|" into "\|"
        def row(cells: tuple[str, ...]) -> str:
            return "| " + " | ".join(escape(c).strip() for c in cells) + " |"
        return "\n".join([row(block.header), "|" + " --- |" * len(block.header), *map(row, block.rows)])
    raise TypeError(f"no Markdown for {type(block).__name__}")


def render(doc: Document) -> str:
    """The whole document as Markdown text ending in one newline."""
    blocks = [f"# {escape_line(doc.title)}"] + [_block(b) for b in doc.blocks]
    return "\n\n".join(blocks) + "\n"
