"""Markdown documents as HTML (markdown-it-py, raw HTML disabled): a fragment to show on the page,
or a whole page to save and print to PDF from the browser."""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def from_markdown(text: str) -> str:
    return _md.render(text)


PRINT_CSS = """
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.6em; } h3 { font-size: 1.1em; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.92em; }
th, td { border: 1px solid #555; padding: 0.3em 0.5em; text-align: start; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
p, li { overflow-wrap: anywhere; }
@page { size: auto; margin: 18mm; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } tr, li { break-inside: avoid; } }
"""


def page(text: str, title: str) -> str:
    """A Markdown document as a standalone HTML page with print styles; the title is escaped."""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>{PRINT_CSS}</style>\n</head>\n<body>\n{from_markdown(text)}</body>\n</html>\n")
