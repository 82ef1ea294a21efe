"""Loading and checking the content files (TOML) that hold the step model.

Every problem is collected, not just the first: each names the file, the key path inside it,
what is wrong and how to fix it. `load_playbook()` raises ContentError listing them all.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .checks import ID_PATTERN, ContentError, Problem, check_shape, check_unique, read_shaped, read_toml, toml_files
from .profiles import read_profiles
from .reference import check_references, read_pages, read_reference
from .training import read_cases

from .model import (
    COLUMN_TYPES,
    DEFAULT_MAX_ROWS,
    FIELD_TYPES,
    OPTION_SOURCES,
    Reference,
    ChecklistItem,
    DocumentSpec,
    Factor,
    Field,
    Option,
    Playbook,
    Section,
    Stakeholder,
    Step,
)

CONTENT_DIR = Path(__file__).parent / "content"
STEP_COUNT = 6
MIN_CHECKLIST_ITEMS = 8


__all__ = ["CONTENT_DIR", "ContentError", "Problem", "check_content", "load_playbook"]

# --- the shape of a step file, as data (see checks.py for the kinds) -----------------------

OPTION = {"value": ("str", True, None), "label": ("str", True, None)}
COLUMN = {
    "id": ("str", True, None),
    "label": ("str", True, None),
    "type": ("str", True, None),
    "hint": ("str", False, None),
    "required": ("bool", False, None),
    "max_length": ("int", False, None),
    "pattern": ("str", False, None),
    "pattern_message": ("str", False, None),
    "options": ("tables", False, OPTION),
    "options_from": ("str", False, None),
}
FIELD = COLUMN | {
    "columns": ("tables", False, COLUMN),
    "max_rows": ("int", False, None),
    "row_label": ("str", False, None),
}
SECTION = {"id": ("str", True, None), "title": ("str", True, None), "fields": ("tables", True, FIELD)}
STEP = {
    "number": ("int", True, None),
    "id": ("str", True, None),
    "title": ("str", True, None),
    "short_title": ("str", True, None),
    "status": ("str", True, None),
    "purpose": ("str", True, None),
    "entry_condition": ("str", False, None),
    "time_limit": ("str", False, None),
    "tasks": ("strs", False, None),
    "outputs": ("strs", False, None),
    "exit_criteria": ("strs", False, None),
    "pitfalls": ("strs", False, None),
    "stakeholders": ("tables", False, {"who": ("str", True, None), "role": ("str", True, None)}),
    "factors": (
        "tables",
        False,
        {"name": ("str", True, None), "options": ("strs", True, None), "note": ("str", False, None)},
    ),
    "checklist": (
        "tables",
        False,
        {"id": ("str", True, None), "text": ("str", True, None), "basis": ("str", True, None),
         "refs": ("strs", False, None)},
    ),
    "document": ("table", False, {"title": ("str", True, None), "intro": ("str", False, None)}),
    "advice": (
        "tables",
        False,
        {"id": ("str", True, None), "text": ("str", True, None), "basis": ("str", True, None)},
    ),
    "sections": ("tables", False, SECTION),
}
DOCUMENT_TEXTS = {
    key: ("str", True, None)
    for key in ("step_line", "confidential", "no_case_code", "not_recorded", "advice_heading", "advice_intro",
                "checklist_heading", "checklist_intro", "checklist_in_form", "form_coming", "form_coming_title", "page_entry", "page_time_limits", "page_tasks", "page_stakeholders", "page_stakeholder_column", "page_role_column", "page_factors", "page_outputs", "page_exit", "page_pitfalls", "page_download_checklist", "page_draft_title", "page_draft_text", "form_intro", "form_required", "form_checklist_legend",
                "form_generate", "form_error_title", "form_output_title", "form_download_md", "form_download_json",
                "form_saved", "form_clear", "form_clear_confirm", "form_cleared", "runtime_idle", "runtime_loading",
                "runtime_ready", "runtime_error",
                "row", "decision_heading", "decision_intro", "decision_incomplete", "decision_suggested",
                "decision_types", "decision_accepted", "decision_overridden", "decision_emergency",
                "decision_override_emergency", "tracker_heading", "tracker_empty",
                "tracker_as_of", "tracker_unmatched", "monitor_later_rows", "tracker_no_update", "tracker_yes", "tracker_no",
                "tracker_status_date", "tracker_overdue", "report_title", "report_intro", "report_step_empty",
                "form_add_row", "form_choose", "form_clear_choice", "form_remove_row", "form_move_up", "form_move_down", "form_no_rows",
                "form_download_html", "form_download_docx", "form_download_report_md", "form_download_report_html",
                "form_download_report_docx", "form_download_xlsx", "form_import", "form_import_confirm",
                "form_import_done", "form_import_failed", "form_warnings_title", "form_warnings_intro",
                "form_generate_anyway", "form_download_anyway", "export_warnings_ask", "case_file_label", "case_file_fix",
                "profile_line", "training_line", "profile_section", "profile_intro", "profile_actor", "profile_sector",
                "profile_none", "profile_any_actor", "profile_any_sector", "profile_general_text", "profile_examples", "profile_stakeholders",
                "profile_wording", "profile_items", "profile_item_badge", "form_export", "form_export_empty", "case_load",
                "case_load_confirm", "case_loaded", "case_load_failed", "training_banner")
}
# What a step marked "complete" must have, beyond its purpose.
COMPLETE_STEP_NEEDS = (
    "entry_condition", "tasks", "stakeholders", "factors", "outputs", "exit_criteria", "pitfalls", "checklist",
)


def _check_step_rules(data: dict, file: str, problems: list[Problem]) -> None:
    """Rules a well-shaped step file must also meet."""
    if not ID_PATTERN.match(data["id"]):
        problems.append(Problem(file, "id", f"{data['id']!r} is not a valid id",
                                "use lower-case letters, digits, '-' or '_'"))
    if data["status"] not in ("complete", "draft"):
        problems.append(Problem(file, "status", f"{data['status']!r} is not a status",
                                'write status = "complete" or status = "draft"'))
    if data["status"] == "complete":
        for key in COMPLETE_STEP_NEEDS:
            if not data.get(key):
                problems.append(Problem(file, key, "a complete step needs this section and it is missing or empty",
                                        f"add {key}, or mark the step status = \"draft\""))
        if len(data.get("checklist", [])) and len(data["checklist"]) < MIN_CHECKLIST_ITEMS:
            problems.append(Problem(file, "checklist",
                                    f"has {len(data['checklist'])} items; a complete step needs at least {MIN_CHECKLIST_ITEMS}",
                                    'add [[checklist]] items, or mark the step status = "draft"'))
    for i, item in enumerate(data.get("checklist", [])):
        if not ID_PATTERN.match(item["id"]):
            problems.append(Problem(file, f"checklist[{i}].id", f"{item['id']!r} is not a valid id",
                                    "use lower-case letters, digits, '-' or '_'"))
    check_unique([(f"checklist[{i}].id", c["id"]) for i, c in enumerate(data.get("checklist", []))],
                  "checklist id", file, problems)
    check_unique([(f"advice[{i}].id", c["id"]) for i, c in enumerate(data.get("advice", []))],
                  "advice id", file, problems)
    if data.get("sections") and "document" not in data:
        problems.append(Problem(file, "document", "a step with a form needs a [document] table",
                                'add [document] with title = "…" (the name of the record the form produces)'))
    fields = [(f"sections[{i}].fields[{j}]", f) for i, s in enumerate(data.get("sections", []))
              for j, f in enumerate(s["fields"])]
    check_unique([(f"sections[{i}].id", s["id"]) for i, s in enumerate(data.get("sections", []))],
                  "section id", file, problems)
    check_unique([(f"{w}.id", f["id"]) for w, f in fields], "field id", file, problems)
    for where, f in fields:
        _check_field(f, where, FIELD_TYPES, file, problems)


def _check_field(f: dict, where: str, types: tuple[str, ...], file: str, problems: list[Problem]) -> None:
    """Rules for one field (or one column of a rows field)."""
    if not re.match(r"^[a-z][a-z0-9_]*$", f["id"]):
        problems.append(Problem(file, f"{where}.id", f"{f['id']!r} is not a valid field id",
                                "use lower-case letters, digits and '_', starting with a letter"))
    if f["type"] not in types:
        problems.append(Problem(file, f"{where}.type", f"{f['type']!r} is not a field type here",
                                f"use one of: {', '.join(types)}"))
        return
    is_choice = f["type"] in ("choice", "choices")
    has_options = bool(f.get("options"))
    if "options_from" in f:
        if f["options_from"] not in OPTION_SOURCES:
            problems.append(Problem(file, f"{where}.options_from", f"{f['options_from']!r} is not an option source",
                                    f"use one of: {', '.join(OPTION_SOURCES)}"))
        if has_options:
            problems.append(Problem(file, f"{where}.options", "a field with options_from takes no options",
                                    "remove one of the two"))
        has_options = True
    if is_choice and not has_options:
        problems.append(Problem(file, f"{where}.options", f"a {f['type']} field needs options",
                                'add options = [{ value = "…", label = "…" }, …], or options_from = "forms"'))
    if not is_choice and has_options:
        problems.append(Problem(file, f"{where}.options", f"a {f['type']} field takes no options",
                                'remove the options, or make the field type "choice" or "choices"'))
    check_unique([(f"{where}.options[{k}].value", o["value"]) for k, o in enumerate(f.get("options", []))],
                 "option value", file, problems)
    if f.get("pattern"):
        try:
            re.compile(f["pattern"])
        except re.error as exc:
            problems.append(Problem(file, f"{where}.pattern", f"is not a valid regular expression ({exc})",
                                    "correct the expression"))
    for key in ("max_length", "max_rows"):
        if key in f and f[key] < 1:
            problems.append(Problem(file, f"{where}.{key}", "must be at least 1", "give a positive number"))
    columns = f.get("columns", [])
    if f["type"] == "rows":
        if not columns:
            problems.append(Problem(file, f"{where}.columns", "a rows field needs columns",
                                    "add [[sections.fields.columns]] tables, one per column"))
        check_unique([(f"{where}.columns[{k}].id", c["id"]) for k, c in enumerate(columns)], "column id", file,
                     problems)
        for k, c in enumerate(columns):
            _check_field(c, f"{where}.columns[{k}]", COLUMN_TYPES, file, problems)
    elif columns or "max_rows" in f or "row_label" in f:
        problems.append(Problem(file, where, "only a rows field takes columns, max_rows or row_label",
                                'remove them, or make the field type "rows"'))


def _build_field(f: dict) -> Field:
    return Field(
        id=f["id"], label=f["label"].strip(), type=f["type"], hint=f.get("hint", "").strip(),
        required=f.get("required", False), max_length=f.get("max_length"),
        pattern=f.get("pattern", ""), pattern_message=f.get("pattern_message", "").strip(),
        options=tuple(Option(o["value"], o["label"].strip()) for o in f.get("options", [])),
        options_from=f.get("options_from", ""),
        columns=tuple(_build_field(c) for c in f.get("columns", [])),
        max_rows=f.get("max_rows", DEFAULT_MAX_ROWS), row_label=f.get("row_label", "").strip(),
    )


def _fill_options(step: Step, reference: Reference) -> Step:
    """Give every field with options_from its options from the remedies catalogue."""
    catalogue = {
        "forms": tuple(Option(x.id, f"{x.code} {x.name}") for x in reference.forms),
        "assistance": tuple(Option(x.id, f"{x.code} {x.name}") for x in reference.assistance),
    }

    def fill(f: Field) -> Field:
        return replace(f, options=catalogue[f.options_from] if f.options_from else f.options,
                       columns=tuple(fill(c) for c in f.columns))

    return replace(step, sections=tuple(replace(s, fields=tuple(fill(f) for f in s.fields)) for s in step.sections))


def _build_step(data: dict, file: str) -> Step:
    def strs(key: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in data.get(key, []))

    document = data.get("document")
    return Step(
        number=data["number"],
        id=data["id"],
        title=data["title"].strip(),
        short_title=data["short_title"].strip(),
        status=data["status"],
        purpose=data["purpose"].strip(),
        entry_condition=data.get("entry_condition", "").strip(),
        time_limit=data.get("time_limit", "").strip(),
        tasks=strs("tasks"),
        stakeholders=tuple(Stakeholder(s["who"].strip(), s["role"].strip()) for s in data.get("stakeholders", [])),
        factors=tuple(Factor(f["name"].strip(), tuple(f["options"]), f.get("note", "").strip())
                      for f in data.get("factors", [])),
        outputs=strs("outputs"),
        exit_criteria=strs("exit_criteria"),
        pitfalls=strs("pitfalls"),
        checklist=tuple(ChecklistItem(c["id"], c["text"].strip(), c["basis"].strip(), tuple(c.get("refs", ())))
                        for c in data.get("checklist", [])),
        advice=tuple(ChecklistItem(c["id"], c["text"].strip(), c["basis"].strip())
                     for c in data.get("advice", [])),
        document=DocumentSpec(document["title"].strip(), document.get("intro", "").strip()) if document else None,
        sections=tuple(
            Section(s["id"], s["title"].strip(), tuple(
                _build_field(f)
                for f in s["fields"]
            ))
            for s in data.get("sections", [])
        ),
        source=file,
    )


def check_content(root: Path | str | None = None) -> tuple[Playbook | None, list[Problem]]:
    """Read and check every content file under root; return the playbook (if sound) and all problems."""
    root = Path(root) if root is not None else CONTENT_DIR
    problems: list[Problem] = []
    step_dir = root / "steps"
    files = toml_files(step_dir)
    if not files:
        problems.append(Problem(str(step_dir), "", "holds no step files",
                                "add steps/step-1.toml … steps/step-6.toml"))
        return None, problems
    steps = []
    for _, label, data in read_shaped(root, files, STEP, problems):
        before = len(problems)
        _check_step_rules(data, label, problems)
        if len(problems) == before:
            steps.append(_build_step(data, label))
    steps.sort(key=lambda s: s.number)
    texts = {}
    texts_path = root / "documents.toml"
    if not texts_path.is_file():
        problems.append(Problem("documents.toml", "", "is missing", "add documents.toml with the documents' wording"))
    elif (data := read_toml(texts_path, "documents.toml", problems)) is not None:
        before = len(problems)
        check_shape(data, DOCUMENT_TEXTS, "", "documents.toml", problems)
        if len(problems) == before:
            texts = {k: v.strip() for k, v in data.items()}
    check_unique([(f"{s.source}: id", s.id) for s in steps], "step id", "steps/", problems)
    numbers = [s.number for s in steps]
    if not problems and numbers != list(range(1, STEP_COUNT + 1)):
        problems.append(Problem("steps/", "number", f"the step numbers are {numbers}",
                                f"number the steps 1 to {STEP_COUNT}, once each"))
    reference = read_reference(root, problems)
    pages = read_pages(root, problems)
    # References and profiles need every step and the reference content, nothing else: check them in the
    # same pass as the wording files, so that one run reports all their problems together.
    if reference is None or len(steps) != len(files) or numbers != list(range(1, STEP_COUNT + 1)):
        return None, problems
    check_references(tuple(steps), reference, problems)
    steps = tuple(_fill_options(s, reference) for s in steps)
    profiles = read_profiles(root, steps, reference, problems)
    if problems:
        return None, problems
    playbook = Playbook(steps=steps, texts=texts, reference=reference, pages=pages, profiles=profiles)
    cases = read_cases(root, playbook, problems)  # checked as case files, so after the playbook they fill
    if problems:
        return None, problems
    return replace(playbook, cases=cases), problems


_cache: dict[str, Playbook] = {}


def load_playbook(root: Path | str | None = None) -> Playbook:
    """The checked playbook; raises ContentError naming every problem. Cached per root."""
    key = str(root or CONTENT_DIR)
    if key not in _cache:
        playbook, problems = check_content(root)
        if problems:
            raise ContentError(problems)
        _cache[key] = playbook
    return _cache[key]
