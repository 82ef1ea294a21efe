"""Loading and checking the content files (TOML) that hold the step model.

Every problem is collected, not just the first: each names the file, the key path inside it,
what is wrong and how to fix it. `load_playbook()` raises ContentError listing them all.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .model import (
    FIELD_TYPES,
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
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
STEP_COUNT = 6
MIN_CHECKLIST_ITEMS = 8


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    key: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.file}: {self.key or '(file)'}: {self.message}"
        return f"{text}. Fix: {self.fix}" if self.fix else text

    def as_dict(self) -> dict[str, str]:
        return {"file": self.file, "key": self.key, "message": self.message, "fix": self.fix}


class ContentError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# --- the shape of a content file, as data --------------------------------------------------
# Each key maps to (kind, required, nested spec for tables). Kinds: str, int, bool, strs (a list
# of strings), table, tables (an array of tables).

OPTION = {"value": ("str", True, None), "label": ("str", True, None)}
FIELD = {
    "id": ("str", True, None),
    "label": ("str", True, None),
    "type": ("str", True, None),
    "hint": ("str", False, None),
    "required": ("bool", False, None),
    "max_length": ("int", False, None),
    "pattern": ("str", False, None),
    "pattern_message": ("str", False, None),
    "options": ("tables", False, OPTION),
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
        {"id": ("str", True, None), "text": ("str", True, None), "basis": ("str", True, None)},
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
                "runtime_ready", "runtime_error")
}
# What a step marked "complete" must have, beyond its purpose.
COMPLETE_STEP_NEEDS = (
    "entry_condition", "tasks", "stakeholders", "factors", "outputs", "exit_criteria", "pitfalls", "checklist",
)
KIND_NAMES = {
    "str": "text", "int": "a whole number", "bool": "true or false", "strs": "a list of texts",
    "table": "a table", "tables": "a list of tables",
}


def _kind_ok(kind: str, value: object) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "strs":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if kind == "table":
        return isinstance(value, dict)
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _check_shape(data: dict, spec: dict, path: str, file: str, problems: list[Problem]) -> None:
    """Check keys and value kinds of one table against its spec, recursing into nested tables."""
    for key in data:
        if key not in spec:
            problems.append(Problem(file, _join(path, key), "unknown key",
                                    f"remove it or correct the spelling; known keys here: {', '.join(spec)}"))
    for key, (kind, required, nested) in spec.items():
        where = _join(path, key)
        if key not in data:
            if required:
                problems.append(Problem(file, where, "missing required key", f"add `{key} = …` ({KIND_NAMES[kind]})"))
            continue
        value = data[key]
        if not _kind_ok(kind, value):
            problems.append(Problem(file, where, f"should be {KIND_NAMES[kind]}, found {type(value).__name__}",
                                    f"write {key} as {KIND_NAMES[kind]}"))
            continue
        if kind == "str" and required and not value.strip():
            problems.append(Problem(file, where, "is empty", "write the text"))
        if kind == "table":
            _check_shape(value, nested, where, file, problems)
        elif kind == "tables":
            for i, item in enumerate(value):
                _check_shape(item, nested, f"{where}[{i}]", file, problems)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _check_unique(values: list[tuple[str, str]], what: str, file: str, problems: list[Problem]) -> None:
    seen: dict[str, str] = {}
    for where, value in values:
        if value in seen:
            problems.append(Problem(file, where, f"duplicate {what} {value!r} (also at {seen[value]})",
                                    f"give each {what} its own value"))
        else:
            seen[value] = where


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
    _check_unique([(f"checklist[{i}].id", c["id"]) for i, c in enumerate(data.get("checklist", []))],
                  "checklist id", file, problems)
    _check_unique([(f"advice[{i}].id", c["id"]) for i, c in enumerate(data.get("advice", []))],
                  "advice id", file, problems)
    if data.get("sections") and "document" not in data:
        problems.append(Problem(file, "document", "a step with a form needs a [document] table",
                                'add [document] with title = "…" (the name of the record the form produces)'))
    fields = [(f"sections[{i}].fields[{j}]", f) for i, s in enumerate(data.get("sections", []))
              for j, f in enumerate(s["fields"])]
    _check_unique([(f"sections[{i}].id", s["id"]) for i, s in enumerate(data.get("sections", []))],
                  "section id", file, problems)
    _check_unique([(f"{w}.id", f["id"]) for w, f in fields], "field id", file, problems)
    for where, f in fields:
        if not re.match(r"^[a-z][a-z0-9_]*$", f["id"]):
            problems.append(Problem(file, f"{where}.id", f"{f['id']!r} is not a valid field id",
                                    "use lower-case letters, digits and '_', starting with a letter"))
        if f["type"] not in FIELD_TYPES:
            problems.append(Problem(file, f"{where}.type", f"{f['type']!r} is not a field type",
                                    f"use one of: {', '.join(FIELD_TYPES)}"))
            continue
        has_options = bool(f.get("options"))
        if f["type"] in ("choice", "choices") and not has_options:
            problems.append(Problem(file, f"{where}.options", f"a {f['type']} field needs options",
                                    'add options = [{ value = "…", label = "…" }, …]'))
        if f["type"] not in ("choice", "choices") and has_options:
            problems.append(Problem(file, f"{where}.options", f"a {f['type']} field takes no options",
                                    'remove the options, or make the field type "choice" or "choices"'))
        _check_unique([(f"{where}.options[{k}].value", o["value"]) for k, o in enumerate(f.get("options", []))],
                      "option value", file, problems)
        if f.get("pattern"):
            try:
                re.compile(f["pattern"])
            except re.error as exc:
                problems.append(Problem(file, f"{where}.pattern", f"is not a valid regular expression ({exc})",
                                        "correct the expression"))
        if "max_length" in f and f["max_length"] < 1:
            problems.append(Problem(file, f"{where}.max_length", "must be at least 1", "give a positive number"))


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
        checklist=tuple(ChecklistItem(c["id"], c["text"].strip(), c["basis"].strip())
                        for c in data.get("checklist", [])),
        advice=tuple(ChecklistItem(c["id"], c["text"].strip(), c["basis"].strip())
                     for c in data.get("advice", [])),
        document=DocumentSpec(document["title"].strip(), document.get("intro", "").strip()) if document else None,
        sections=tuple(
            Section(s["id"], s["title"].strip(), tuple(
                Field(
                    id=f["id"], label=f["label"].strip(), type=f["type"], hint=f.get("hint", "").strip(),
                    required=f.get("required", False), max_length=f.get("max_length"),
                    pattern=f.get("pattern", ""), pattern_message=f.get("pattern_message", "").strip(),
                    options=tuple(Option(o["value"], o["label"].strip()) for o in f.get("options", [])),
                )
                for f in s["fields"]
            ))
            for s in data.get("sections", [])
        ),
        source=file,
    )


def _read_toml(path: Path, label: str, problems: list[Problem]) -> dict | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        problems.append(Problem(label, "", f"is not UTF-8 text ({exc.reason} at byte {exc.start})",
                                "save the file as UTF-8"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(label, "", f"is not valid TOML: {exc}",
                                "correct the syntax at the line and column given"))
    return None


def check_content(root: Path | str | None = None) -> tuple[Playbook | None, list[Problem]]:
    """Read and check every content file under root; return the playbook (if sound) and all problems."""
    root = Path(root) if root is not None else CONTENT_DIR
    problems: list[Problem] = []
    step_dir = root / "steps"
    files = sorted(step_dir.glob("*.toml")) if step_dir.is_dir() else []
    if not files:
        problems.append(Problem(str(step_dir), "", "holds no step files",
                                "add steps/step-1.toml … steps/step-6.toml"))
        return None, problems
    steps = []
    for path in files:
        label = path.relative_to(root).as_posix()
        data = _read_toml(path, label, problems)
        if data is None:
            continue
        before = len(problems)
        _check_shape(data, STEP, "", label, problems)
        if len(problems) == before:
            _check_step_rules(data, label, problems)
        if len(problems) == before:
            steps.append(_build_step(data, label))
    steps.sort(key=lambda s: s.number)
    texts = {}
    texts_path = root / "documents.toml"
    if not texts_path.is_file():
        problems.append(Problem("documents.toml", "", "is missing", "add documents.toml with the documents' wording"))
    elif (data := _read_toml(texts_path, "documents.toml", problems)) is not None:
        before = len(problems)
        _check_shape(data, DOCUMENT_TEXTS, "", "documents.toml", problems)
        if len(problems) == before:
            texts = {k: v.strip() for k, v in data.items()}
    _check_unique([(f"{s.source}: id", s.id) for s in steps], "step id", "steps/", problems)
    numbers = [s.number for s in steps]
    if not problems and numbers != list(range(1, STEP_COUNT + 1)):
        problems.append(Problem("steps/", "number", f"the step numbers are {numbers}",
                                f"number the steps 1 to {STEP_COUNT}, once each"))
    if problems:
        return None, problems
    return Playbook(steps=tuple(steps), texts=texts), problems


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
