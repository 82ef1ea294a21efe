"""Show a Markdown document as an HTML fragment (markdown-it-py, raw HTML disabled)."""

from __future__ import annotations

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def from_markdown(text: str) -> str:
    return _md.render(text)
