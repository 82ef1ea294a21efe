"""Workshop handouts as document trees: a one-page card per step and the participants' brief of
each training case (without the facilitator's debrief). The site prints them and offers them as
files; `python -m playbook handout` writes the same files."""

from __future__ import annotations

from .document import BulletList, Document, Emph, Heading, Paragraph, Strong, text_blocks
from .export import document_bytes
from .model import Playbook, Step, TrainingCase

HANDOUT_FORMATS = ("md", "html", "docx")


def step_card(playbook: Playbook, step: Step) -> Document:
    """One step on one page: purpose, tasks, who to involve, when it is done, pitfalls."""
    h = playbook.pages["handouts"]
    return Document(title=f"Step {step.number}: {step.title}", blocks=(
        Paragraph((Emph(step.purpose),)),
        Heading(2, h["card_tasks"]), BulletList(tuple((t,) for t in step.tasks)),
        Heading(2, h["card_who"]), Paragraph(("; ".join(s.who for s in step.stakeholders) + ".",)),
        Heading(2, h["card_done"]), BulletList(tuple((e,) for e in step.exit_criteria)),
        Heading(2, h["card_pitfalls"]), BulletList(tuple((p,) for p in step.pitfalls)),
        Paragraph((Emph(h["card_footer"].format(number=step.number, count=len(playbook.steps))),)),
    ))


def case_brief(playbook: Playbook, case: TrainingCase) -> Document:
    """What participants are given: the brief, then the new facts step by step; never the debrief."""
    t = playbook.pages["training"]
    actor, sector = playbook.profile(case.actor), playbook.profile(case.sector)
    blocks: list = [
        Paragraph((Strong(f"{t['fictional_title']}."), " ", t["fictional_text"])),
        Paragraph((Strong(f"{t['actor_label']}:"), " ", actor.name, " · ", Strong(f"{t['sector_label']}:"), " ", sector.name)),
        Heading(2, t["brief_title"]), *text_blocks(case.brief),
    ]
    later = [d for d in case.debrief if d.situation]
    if later:
        blocks.append(Heading(2, playbook.pages["handouts"]["brief_steps"]))
        for d in later:
            blocks += [Heading(3, f"Step {d.step}: {playbook.step(d.step).title}"), *text_blocks(d.situation)]
    return Document(title=f"{t['case_title']}: {case.title}", blocks=tuple(blocks))


def handout(playbook: Playbook, kind: str, key: str, fmt: str) -> tuple[str, bytes]:
    """(file name, bytes) of one handout: kind "card" (key: step number) or "brief" (key: case id)."""
    if fmt not in HANDOUT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; handouts come as {', '.join(HANDOUT_FORMATS)}")
    if kind == "card":
        step = playbook.step(key)
        doc, name = step_card(playbook, step), f"step-{step.number}-card"
    elif kind == "brief":
        case = playbook.training_case(key)
        doc, name = case_brief(playbook, case), f"case-{case.id}-brief"
    else:
        raise ValueError(f"unknown handout {kind!r}; the handouts are card and brief")
    return f"{name}.{fmt}", document_bytes(doc, fmt)


def all_handouts(playbook: Playbook) -> dict[str, bytes]:
    """Every handout file in every format, by file name (what the site offers for download)."""
    keys = [("card", str(s.number)) for s in playbook.steps] + [("brief", c.id) for c in playbook.cases]
    return dict(handout(playbook, kind, key, fmt) for kind, key in keys for fmt in HANDOUT_FORMATS)
