"""A small document tree: what the rules build and the renderers walk.

Inline content is a tuple of parts: a plain `str` is text (user text or ours; renderers escape it
all), `Strong` and `Emph` wrap text, `BREAK` is a line break inside a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Strong:
    text: str


@dataclass(frozen=True, slots=True)
class Emph:
    text: str


class _Break:
    def __repr__(self) -> str:
        return "BREAK"


BREAK = _Break()

Inline = str | Strong | Emph | _Break


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    parts: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True, slots=True)
class ChecklistEntry:
    checked: bool
    text: str
    basis: str


@dataclass(frozen=True, slots=True)
class Checklist:
    items: tuple[ChecklistEntry, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A grid of plain text: a header row and body rows of the same length."""
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Paragraph | BulletList | Checklist | Table


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    blocks: tuple[Block, ...]


def text_blocks(text: str) -> tuple[Paragraph, ...]:
    """User text with blank-line paragraphs and line breaks, as paragraphs."""
    paragraphs = []
    for chunk in text.split("\n\n"):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        parts: list[Inline] = []
        for i, line in enumerate(lines):
            if i:
                parts.append(BREAK)
            parts.append(line)
        paragraphs.append(Paragraph(tuple(parts)))
    return tuple(paragraphs)
