"""The home page's process diagram: the six steps as an inline SVG drawn from the step model.

It reads without colour: each step is a numbered box with its title, every arrow has a head, the
two exceptional paths are dashed and labelled in words, and the emergency band is a dashed box
with its own label. The SVG is one image with a title and a description for screen readers; the
list of steps under it on the home page carries the links (links inside an SVG image are neither
accessible nor followed by Material's instant navigation).
"""

from __future__ import annotations

import textwrap
from html import escape

from ..model import Playbook

BOX_W, BOX_H, GAP, LEFT, TOP = 340, 58, 26, 150, 56
WIDTH = LEFT + BOX_W + 190


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "start") -> str:
    return f'<text x="{x}" y="{y}" class="{cls}" text-anchor="{anchor}">{escape(text)}</text>'


def _lines(x: float, y: float, lines: list[str], cls: str, step: int = 17, anchor: str = "start") -> str:
    spans = "".join(f'<tspan x="{x}" dy="{0 if i == 0 else step}">{escape(line)}</tspan>' for i, line in enumerate(lines))
    return f'<text x="{x}" y="{y}" class="{cls}" text-anchor="{anchor}">{spans}</text>'


def process_svg(playbook: Playbook) -> str:
    """The diagram as one line-free block of SVG markup (safe to embed in Markdown)."""
    labels = playbook.pages["labels"]
    steps = playbook.steps
    height = TOP + len(steps) * (BOX_H + GAP) + 10
    top = {s.number: TOP + i * (BOX_H + GAP) for i, s in enumerate(steps)}
    parts = [
        f'<svg class="pb-diagram" viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="pb-diagram-title pb-diagram-desc"'
        ' xmlns="http://www.w3.org/2000/svg">',
        f'<title id="pb-diagram-title">{escape(labels["diagram_title"])}</title>',
        f'<desc id="pb-diagram-desc">{escape(labels["diagram_desc"])}</desc>',
        '<defs><marker id="pb-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8"'
        ' orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="pb-diagram-head"/></marker></defs>',
    ]
    # The emergency band runs beside every step.
    band_x = LEFT + BOX_W + 30
    parts.append(f'<rect x="{band_x}" y="{TOP - 30}" width="150" height="{height - TOP + 20}" rx="8" class="pb-diagram-emergency"/>')
    parts.append(_lines(band_x + 75, TOP + (height - TOP) / 2 - 40,
                        textwrap.wrap(labels["diagram_emergency"], 16), "pb-diagram-note", anchor="middle"))
    for s in steps:
        y = top[s.number]
        title = textwrap.wrap(s.title, 34)
        parts.append(
            f'<g><rect x="{LEFT}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" class="pb-diagram-box"/>'
            f'<circle cx="{LEFT + 28}" cy="{y + BOX_H / 2}" r="17" class="pb-diagram-number"/>'
            + _text(LEFT + 28, y + BOX_H / 2 + 6, str(s.number), "pb-diagram-digit", "middle")
            + _lines(LEFT + 56, y + BOX_H / 2 + 5 - 8.5 * (len(title) - 1), title, "pb-diagram-label")
            + "</g>"
        )
        if s.number < len(steps):
            x = LEFT + BOX_W / 2
            parts.append(f'<line x1="{x}" y1="{y + BOX_H}" x2="{x}" y2="{y + BOX_H + GAP - 2}" class="pb-diagram-arrow"'
                         ' marker-end="url(#pb-arrow)"/>')
    # Two dashed paths on the left: 1 -> 5 (not substantiated) and 4 -> 3 (plan revised).
    y1, y5 = top[1] + BOX_H / 2, top[5] + BOX_H / 2
    parts.append(f'<path d="M{LEFT} {y1} H{LEFT - 120} V{y5} H{LEFT - 2}" class="pb-diagram-arrow pb-diagram-dashed"'
                 ' marker-end="url(#pb-arrow)"/>')
    parts.append(_lines(LEFT - 112, y1 + 26, textwrap.wrap(labels["diagram_not_substantiated"], 14, break_long_words=False), "pb-diagram-note"))
    y3, y4 = top[3] + BOX_H / 2, top[4] + BOX_H / 2
    parts.append(f'<path d="M{LEFT} {y4} H{LEFT - 40} V{y3} H{LEFT - 2}" class="pb-diagram-arrow pb-diagram-dashed"'
                 ' marker-end="url(#pb-arrow)"/>')
    parts.append(_lines(LEFT - 46, y3 + 22, textwrap.wrap(labels["diagram_revise"], 10), "pb-diagram-note pb-diagram-small",
                        step=14, anchor="end"))
    parts.append("</svg>")
    return "".join(parts)
