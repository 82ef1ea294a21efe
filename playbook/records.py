"""Build the documents as document trees: a step's record (what its form produces), a checklist,
and the full case report of all six steps."""

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
    Table,
    text_blocks,
)
from .model import Field, Playbook, Step
from .rules import advice_for, respond
from .tracker import as_of_report, tracker

WIDE_ROWS = 4
"""A rows field with more columns than this is shown row by row rather than as a table."""


def case_code(case: dict) -> str:
    """The case's pseudonymous code (Step 1), or "" when none is recorded yet."""
    return case.get("steps", {}).get("verify", {}).get("values", {}).get("case_code", "")


def _about_case(playbook: Playbook, case: dict) -> list:
    """Lines that say which profiles the case uses and whether it is a fictional training case."""
    t = playbook.texts
    blocks: list = []
    chosen = playbook.chosen(case.get("profile"))
    if chosen:
        blocks.append(Paragraph((Emph(t["profile_line"].format(names=" · ".join(p.name for p in chosen))),)))
    if case.get("training"):
        title = next((c.title for c in playbook.cases if c.id == case["training"]), case["training"])
        blocks.append(Paragraph((Strong(t["training_line"].format(title=title)),)))
    return blocks


def _rows_blocks(field: Field, rows: list[dict], texts: dict[str, str]) -> list:
    if len(field.columns) <= WIDE_ROWS:
        return [Paragraph((Strong(f"{field.label}:"),)),
                Table(tuple(c.label for c in field.columns),
                      tuple(tuple(c.shown(row.get(c.id, "")) for c in field.columns) for row in rows))]
    blocks: list = [Paragraph((Strong(f"{field.label}:"),))]
    for n, row in enumerate(rows, 1):
        blocks.append(Heading(3, f"{field.row_label or texts['row']} {n}"))
        for c in field.columns:
            if row.get(c.id):
                blocks += _field_blocks(c, row[c.id], texts)
    return blocks


def _field_blocks(field: Field, value: object, texts: dict[str, str]) -> list:
    label = Strong(field.label if field.label.endswith("?") else f"{field.label}:")
    if value in ("", [], None):
        empty = texts["not_recorded"] + (f" {field.hint}" if field.hint else "")
        return [Paragraph((label, " ", Emph(empty)))]
    if field.type == "rows":
        return _rows_blocks(field, value, texts)
    if field.type == "choices":
        return [Paragraph((label,)), BulletList(tuple((field.option_label(v),) for v in value))]
    if field.type == "textarea":
        return [Paragraph((label,)), *text_blocks(value)]
    return [Paragraph((label, " ", field.shown(value)))]


def _decision_blocks(playbook: Playbook, step: Step, case: dict) -> list:
    """Step 2: the decision aid's suggestion, why, and what was decided (with an override's reason)."""
    t = playbook.texts
    advice = {a.id: a for a in step.advice}
    level_field, types_field = step.field("override_level"), step.field("override_types")
    values = case.get("steps", {}).get(step.id, {}).get("values", {})
    blocks: list = [Heading(2, t["decision_heading"]), Paragraph((Emph(t["decision_intro"]),))]
    suggestion = respond.recommend(values)
    if not suggestion["complete"]:
        missing = ", ".join(step.field(f).label for f in suggestion["missing"])
        return blocks + [Paragraph((t["decision_incomplete"].format(missing=missing),))]
    types = ", ".join(types_field.option_label(x) for x in suggestion["types"])
    blocks.append(Paragraph((Strong(t["decision_suggested"]), " ", level_field.option_label(suggestion["level"]))))
    blocks.append(Paragraph((Strong(t["decision_types"]), " ", types)))
    if suggestion["emergency"]:
        blocks.append(Paragraph((Strong(t["decision_emergency"]),)))
    blocks.append(BulletList(tuple(
        (advice[r].text.format_map(params), " ", Emph(f"({advice[r].basis})")) for r, params in suggestion["reasons"])))
    if values.get("decision") == "override":
        chosen = level_field.option_label(values.get("override_level", ""))
        blocks.append(Paragraph((Strong(t["decision_overridden"]), " ", chosen)))
        if suggestion["emergency"]:
            blocks.append(Paragraph((t["decision_override_emergency"],)))
    elif values.get("decision") == "accept":
        blocks.append(Paragraph((Strong(t["decision_accepted"]),)))
    return blocks


def _tracker_blocks(playbook: Playbook, case: dict, level: int = 2) -> list:
    """The action tracker as a table: the plan's actions, their latest status and overdue flag."""
    t = playbook.texts
    track = tracker(playbook, case)
    if not track["rows"]:
        return [Heading(level, t["tracker_heading"]), Paragraph((Emph(t["tracker_empty"]),))]
    short = (0, 1, 4, 7, 12, 13, 14)  # code, action, owner, due, status, status date, overdue
    blocks = [Heading(level, t["tracker_heading"])]
    if track["as_of"]:
        blocks.append(Paragraph((Emph(t["tracker_as_of"].format(date=track["as_of"])),)))
    blocks.append(Table(tuple(track["headers"][i] for i in short),
                        tuple(tuple(row[i] for i in short) for row in track["rows"])))
    if track["unmatched"]:
        blocks.append(Paragraph((Strong(t["tracker_unmatched"]), " ", ", ".join(track["unmatched"]))))
    return blocks


def _monitor_blocks(playbook: Playbook, step: Step, case: dict) -> list:
    """Step 4: the tracker, after a word on the log rows dated after the report date, if any."""
    values = case.get("steps", {}).get(step.id, {}).get("values", {})
    later = as_of_report(values)[1]
    note = [Paragraph((Emph(playbook.texts["monitor_later_rows"].format(count=later, date=values["report_date"])),))]
    return (note if later else []) + _tracker_blocks(playbook, case)


EXTRA = {"respond": _decision_blocks, "monitor": _monitor_blocks}
"""Blocks a step's record adds after its fields, computed by the rules: (playbook, step, case) -> blocks."""
VIEW = {"monitor": lambda values: as_of_report(values)[0]}
"""The values a step's record shows, where they differ from those entered: values -> values."""


def step_record(playbook: Playbook, step: Step, case: dict) -> Document:
    """The step's record for this case: every field (empty ones say what belongs there),
    the advice that applies, and the checklist with the items ticked so far."""
    texts = playbook.texts
    entry = case.get("steps", {}).get(step.id, {})
    values, ticked = entry.get("values", {}), set(entry.get("checklist", []))
    values = VIEW[step.id](values) if step.id in VIEW else values
    code = case_code(case) or texts["no_case_code"]
    step_line = texts["step_line"].format(number=step.number, count=len(playbook.steps), title=step.title)

    blocks: list = [Paragraph((Emph(step_line),)), Paragraph((Strong(texts["confidential"]),)),
                    *_about_case(playbook, case)]
    if step.document.intro:
        blocks.append(Paragraph((step.document.intro,)))
    for section in step.sections:
        blocks.append(Heading(2, section.title))
        for field in section.fields:
            blocks += _field_blocks(field, values.get(field.id, ""), texts)
    if step.id in EXTRA:
        blocks += EXTRA[step.id](playbook, step, case)

    advice = {a.id: a for a in step.advice}
    applying = [advice[i] for i in advice_for(step.id, case)]
    if applying:
        blocks += [
            Heading(2, texts["advice_heading"]),
            Paragraph((Emph(texts["advice_intro"]),)),
            BulletList(tuple((a.text, " ", Emph(f"({a.basis})")) for a in applying)),
        ]
    items = playbook.checklist(step, case.get("profile"))
    if items:
        blocks += [
            Heading(2, texts["checklist_heading"]),
            Paragraph((Emph(texts["checklist_intro"]),)),
            Checklist(tuple(ChecklistEntry(c.id in ticked, c.text, c.basis) for c in items)),
        ]
    return Document(title=f"{step.document.title}: {code}", blocks=tuple(blocks))


def checklist_document(playbook: Playbook, step: Step, choice: dict | None = None) -> Document:
    """A step's checklist on its own, every item unticked, each with its basis; with a profile
    choice ({"actor", "sector"}), the chosen profiles' items follow the general ones."""
    step_line = playbook.texts["step_line"].format(number=step.number, count=len(playbook.steps), title=step.title)
    return Document(
        title=f"{playbook.texts['checklist_heading']}: {step.title}",
        blocks=(
            Paragraph((Emph(step_line),)),
            *_about_case(playbook, {"profile": choice}),
            Checklist(tuple(ChecklistEntry(False, c.text, c.basis) for c in playbook.checklist(step, choice))),
        ),
    )


def case_report(playbook: Playbook, case: dict) -> Document:
    """All six steps' records in one document; steps not started say so. The action tracker is in
    the monitoring report (Step 4), or at the end while monitoring has not started."""
    t = playbook.texts
    code = case_code(case) or t["no_case_code"]
    blocks: list = [Paragraph((Strong(t["confidential"]),)), *_about_case(playbook, case), Paragraph((t["report_intro"],))]
    for step in playbook.steps:
        blocks.append(Heading(2, f"{step.number}. {step.document.title if step.document else step.title}"))
        if step.id not in case.get("steps", {}) or not step.has_form:
            blocks.append(Paragraph((Emph(t["report_step_empty"]),)))
            continue
        record = step_record(playbook, step, case)
        skip = 2 + len(_about_case(playbook, case))  # the step line, the confidentiality line, the case lines
        for block in record.blocks[skip:]:
            blocks.append(Heading(min(block.level + 1, 4), block.text) if isinstance(block, Heading) else block)
    if "monitor" not in case.get("steps", {}):  # the monitoring report already holds the tracker
        blocks += _tracker_blocks(playbook, case)
    return Document(title=f"{t['report_title']}: {code}", blocks=tuple(blocks))


def _slug(title: str) -> str:
    return title.lower().replace(" ", "-")


def file_names(case: dict, step: Step | None) -> dict[str, str]:
    """Download names: the case code (letters, digits, '.', '-', '_' only) and the document's name.
    step None means the full case report."""
    code = case_code(case) or "case"
    base = f"{code}-{_slug(step.document.title)}" if step else f"{code}-case-report"
    return {"md": f"{base}.md", "html": f"{base}.html", "docx": f"{base}.docx", "xlsx": f"{code}-action-tracker.xlsx",
            "json": f"{code}.case.json"}
