"""Build a step's record (the document its form produces) as a document tree."""

from __future__ import annotations

from .document import (
    BulletList,
    Checklist,
    ChecklistEntry,
    Document,
    Emph,
    Heading,
    Paragraph,
    Strong,
    text_blocks,
)
from .model import Field, Playbook, Step
from .rules import advice_for


def case_code(case: dict) -> str:
    """The case's pseudonymous code (Step 1), or "" when none is recorded yet."""
    return case.get("steps", {}).get("verify", {}).get("values", {}).get("case_code", "")


def _field_blocks(field: Field, value: object, texts: dict[str, str]) -> list:
    label = Strong(field.label if field.label.endswith("?") else f"{field.label}:")
    if value in ("", [], None):
        empty = texts["not_recorded"] + (f" {field.hint}" if field.hint else "")
        return [Paragraph((label, " ", Emph(empty)))]
    if field.type == "choices":
        return [Paragraph((label,)), BulletList(tuple((field.option_label(v),) for v in value))]
    if field.type == "textarea":
        return [Paragraph((label,)), *text_blocks(value)]
    shown = field.option_label(value) if field.type == "choice" else value
    return [Paragraph((label, " ", shown))]


def step_record(playbook: Playbook, step: Step, case: dict) -> Document:
    """The step's record for this case: every field (empty ones say what belongs there),
    the advice that applies, and the checklist with the items ticked so far."""
    texts = playbook.texts
    entry = case.get("steps", {}).get(step.id, {})
    values, ticked = entry.get("values", {}), set(entry.get("checklist", []))
    code = case_code(case) or texts["no_case_code"]
    step_line = texts["step_line"].format(number=step.number, count=len(playbook.steps), title=step.title)

    blocks: list = [Paragraph((Emph(step_line),)), Paragraph((Strong(texts["confidential"]),))]
    if step.document.intro:
        blocks.append(Paragraph((step.document.intro,)))
    for section in step.sections:
        blocks.append(Heading(2, section.title))
        for field in section.fields:
            blocks += _field_blocks(field, values.get(field.id, ""), texts)

    advice = {a.id: a for a in step.advice}
    applying = [advice[i] for i in advice_for(step.id, case)]
    if applying:
        blocks += [
            Heading(2, texts["advice_heading"]),
            Paragraph((Emph(texts["advice_intro"]),)),
            BulletList(tuple((a.text, " ", Emph(f"({a.basis})")) for a in applying)),
        ]
    if step.checklist:
        blocks += [
            Heading(2, texts["checklist_heading"]),
            Paragraph((Emph(texts["checklist_intro"]),)),
            Checklist(tuple(ChecklistEntry(c.id in ticked, c.text, c.basis) for c in step.checklist)),
        ]
    return Document(title=f"{step.document.title}: {code}", blocks=tuple(blocks))


def checklist_document(playbook: Playbook, step: Step) -> Document:
    """A step's checklist on its own, every item unticked, each with its basis."""
    step_line = playbook.texts["step_line"].format(number=step.number, count=len(playbook.steps), title=step.title)
    return Document(
        title=f"{playbook.texts['checklist_heading']}: {step.title}",
        blocks=(
            Paragraph((Emph(step_line),)),
            Checklist(tuple(ChecklistEntry(False, c.text, c.basis) for c in step.checklist)),
        ),
    )


def file_names(case: dict, step: Step) -> dict[str, str]:
    """Download names: the case code (letters, digits, '.', '-', '_' only) and the record's name."""
    code = case_code(case) or "case"
    return {"md": f"{code}-{step.document.title.lower().replace(' ', '-')}.md", "json": f"{code}.case.json"}
