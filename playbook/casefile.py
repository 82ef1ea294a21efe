"""The case file: the record of one incident as it moves through the six steps.

A case file is JSON of this shape (see also the JSON Schema the site publishes):

    {"format": "remediation-playbook-case", "version": 4, "updated": "2026-11-25T09:30:00Z",
     "profile": {"actor": "smelter-refiner", "sector": "minerals"}, "training": "",
     "steps": {"verify": {"values": {"case_code": "CASE-1", ...}, "checklist": ["log-case", ...]}}}

Values are kept exactly as the model's fields define them: text for text, textarea and date
fields, a list of option values for "choices", a list of {column: text} for "rows". `updated`
is when the case was last saved (UTC); documents take their timestamps from it, never from the
clock. `profile` is the actor and sector profile chosen (each "" for none): it adds checklist
items and is named on the documents. `training` is the id of the training case this file came
from ("" for a real case), so documents made from it say they are fictional. `dump_case` writes the one canonical form, so the same case always gives the same bytes.
Older versions are migrated on reading (MIGRATIONS).
"""

from __future__ import annotations

import json
import re
from datetime import date

from .checks import ID_PATTERN
from .model import PROFILE_KINDS, ChecklistItem, Field, Playbook, Step
from .rules import step_errors

FORMAT = "remediation-playbook-case"
VERSION = 4
MAX_BYTES = 2_000_000
"""A case file larger than this is refused before it is parsed."""
MAX_DEPTH = 8
"""Case files nest four levels deep; anything much deeper is not one of ours."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class CaseError(Exception):
    """A case file that cannot be read; `problems` lists each thing wrong with it."""

    def __init__(self, problems: list[dict]):
        self.problems = problems
        super().__init__("; ".join(f"{p['path']}: {p['message']}" for p in problems))


def new_case() -> dict:
    return {"format": FORMAT, "version": VERSION, "updated": "", "profile": {k: "" for k in PROFILE_KINDS},
            "training": "", "steps": {}}


def _v1_to_v2(data: dict) -> dict:
    """Version 2 added `updated`, the time of the last save; a version-1 file has none."""
    return {**data, "version": 2, "updated": ""}


def _v2_to_v3(data: dict) -> dict:
    """Version 3 added the profile choice and the training-case mark; a version-2 file has neither."""
    return {**data, "version": 3, "profile": {k: "" for k in PROFILE_KINDS}, "training": ""}


def _step_values(data: dict, step_id: str) -> dict | None:
    """A step's values in a file being migrated, or None when the file is not shaped that way
    (the checks after migration then report what is wrong)."""
    steps = data.get("steps")
    entry = steps.get(step_id) if isinstance(steps, dict) else None
    values = entry.get("values") if isinstance(entry, dict) else None
    return values if isinstance(values, dict) else None


def _v3_to_v4(data: dict) -> dict:
    """Version 4 records Step 1's sources one per row, each with its own credibility, in place of the
    single "evidence" text: that text becomes the notes of one row of type "other", credibility not
    assessed. It also took "E" out of Step 2's own level, since the emergency override runs alongside
    any level while an immediate risk is ticked: an override_level of "E" is emptied, so the next
    document asks for the level that was decided."""
    data = json.loads(json.dumps(data))  # a deep copy: the caller's object stays as it was
    verify = _step_values(data, "verify")
    if verify is not None and "evidence" in verify:
        evidence = verify.pop("evidence")
        if evidence not in ("", None):
            verify["sources"] = [{"kind": "other", "date": "", "credibility": "not_assessed", "access": "",
                                  "notes": evidence}]
    respond = _step_values(data, "respond")
    if respond is not None and respond.get("override_level") == "E":
        respond["override_level"] = ""
    return {**data, "version": 4}


MIGRATIONS = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}
"""version -> function that lifts a case file of that version by one version."""


def dump_case(case: dict) -> str:
    """The canonical text of a case file: sorted keys, two-space indent, UTF-8, final newline."""
    return json.dumps(case, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def normalise_text(value: str) -> str:
    """Unify line endings, drop control characters and trailing spaces; keep everything else."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    value = _CONTROL.sub("", value)
    return "\n".join(line.rstrip() for line in value.split("\n")).strip("\n").strip()


def _missing(field: Field) -> str:
    """What to tell the user when a required text or choice is empty."""
    if field.label.endswith("?"):  # "Choose are children involved?." reads badly
        return f"Answer the question: {field.label}"
    verb = "Choose" if field.type == "choice" else "Enter"
    return f"{verb} {field.label[0].lower() + field.label[1:]}."


def check_rows(field: Field, raw: object, partial: bool = False) -> tuple[list[dict], list[dict]]:
    """Clean a rows field: (rows, errors) with errors as {"field": "id[row].column", "message"}.
    Rows left wholly empty are dropped; every other row keeps what was typed, even if wrong."""
    if raw in (None, ""):
        raw = []
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        return [], [{"field": field.id, "message": "This must be a list of rows."}]
    errors: list[dict] = []
    rows: list[dict] = []
    names = {c.id for c in field.columns}
    for row in raw:
        unknown = [k for k in row if k not in names]
        if unknown:
            errors.append({"field": field.id, "message": f"{', '.join(map(repr, unknown))} is not a column of {field.label.lower()}."})
        cleaned, row_errors = {}, []
        for column in field.columns:
            value, message = check_field(column, row.get(column.id), partial=True)
            cleaned[column.id] = value
            if message:
                row_errors.append((column, message))
        if not any(cleaned.values()):
            continue
        # The row and column are in the error's key ("actions[2].due"); the label names them for the user.
        for column, message in row_errors:
            errors.append({"field": f"{field.id}[{len(rows)}].{column.id}", "message": message})
        if not partial:
            for column in field.columns:
                if column.required and not cleaned[column.id]:
                    errors.append({"field": f"{field.id}[{len(rows)}].{column.id}",
                                   "message": _missing(column)})
        rows.append(cleaned)
    if len(rows) > field.max_rows:
        errors.append({"field": field.id, "message": f"{field.label} has {len(rows)} rows; at most {field.max_rows} fit. Remove some."})
    if field.required and not rows and not partial:
        errors.append({"field": field.id, "message": f"Add at least one row to {field.label.lower()}."})
    return rows, errors


def check_field(field: Field, raw: object, partial: bool = False) -> tuple[object, str | None]:
    """Clean one submitted value; return (value, message) where message says what to fix, or None.
    A message does not start with the field's label: the form puts the label before it, and an import
    problem its path.
    partial: a saved, unfinished step, where an empty required field is not an error."""
    if field.type == "rows":
        rows, errors = check_rows(field, raw, partial)
        return rows, errors[0]["message"] if errors else None
    if field.type == "choices":
        if raw in (None, ""):
            raw = []
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            return [], "Tick the options that apply."
        allowed = [o.value for o in field.options]
        unknown = [v for v in raw if v not in allowed]
        if unknown:
            return [v for v in raw if v in allowed], f"{', '.join(map(repr, unknown))} is not one of the options; tick options from the list."
        value = [v for v in allowed if v in raw]  # model order, no duplicates
        if field.required and not value and not partial:
            return value, f"Tick at least one option for {field.label.lower()}."
        return value, None

    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        return "", "This must be text, not a number or a list."
    value = normalise_text(raw) if field.type == "textarea" else normalise_text(raw).replace("\n", " ")
    if not value:
        if field.required and not partial:
            return "", _missing(field)
        return "", None
    if field.type == "choice":
        if value not in [o.value for o in field.options]:
            return "", f"Choose one of the options for {field.label.lower()}."
        return value, None
    if field.type == "date":
        message = "Enter the date as year-month-day, for example 2026-03-14."
        if not _DATE.match(value):
            return value, message
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value, f"{value} is not a real date. {message}"
        if not 1900 <= day.year <= 2100:
            return value, f"{value} is out of range: enter a year between 1900 and 2100."
        return value, None
    limit = field.limit
    if limit and len(value) > limit:
        return value, f"Use {limit} characters or fewer; this has {len(value)}. Shorten it."
    if field.pattern and not re.fullmatch(field.pattern, value):
        return value, field.pattern_message or "This is not in the expected form."
    return value, None


def check_step(step: Step, values: dict, checklist: list, partial: bool = False,
               items: tuple[ChecklistItem, ...] | None = None) -> tuple[dict, list[str], list[dict]]:
    """Clean a step's submitted values and ticked checklist items.
    items: the checklist under the case's profile (Playbook.checklist); the step's own by default.

    Returns (values, checklist, errors); each error is {"field", "message"}. Values that
    fail a check are still returned as entered, so nothing the user typed is lost.
    """
    errors = []
    clean: dict[str, object] = {}
    if not isinstance(values, dict):
        return {}, [], [{"field": "", "message": "The step's values must be an object of field names and values."}]
    for key in values:
        if key not in {f.id for f in step.fields}:
            errors.append({"field": key, "message": f"{key!r} is not a field of step {step.number}."})
    for field in step.fields:
        if field.type == "rows":
            clean[field.id], row_errors = check_rows(field, values.get(field.id), partial)
            errors += row_errors
            continue
        value, message = check_field(field, values.get(field.id), partial)
        clean[field.id] = value
        if message:
            errors.append({"field": field.id, "message": message})
    if not errors:
        errors += step_errors(step, clean, partial)
    item_ids = [c.id for c in (step.checklist if items is None else items)]
    if not isinstance(checklist, list) or not all(isinstance(c, str) for c in checklist):
        errors.append({"field": "checklist", "message": "The checklist must be a list of item ids."})
        checklist = []
    for item in checklist:
        if item not in item_ids:
            errors.append({"field": "checklist", "message": f"{item!r} is not an item of step {step.number}'s checklist."})
    ticked = [i for i in item_ids if i in checklist]
    return clean, ticked, errors


def _check_profile(raw: object, playbook: Playbook, problems: list[dict]) -> dict:
    """The profile choice, {"actor": id or "", "sector": id or ""}; problems for anything else."""
    choice = {k: "" for k in PROFILE_KINDS}
    if not isinstance(raw, dict):
        problems.append({"path": "profile", "message": "profile must be an object with actor and sector."})
        return choice
    for key, value in raw.items():
        if key not in PROFILE_KINDS:
            problems.append({"path": f"profile.{key}", "message": f"Unknown key {key!r}; a profile holds actor and sector."})
            continue
        known = [p.id for p in playbook.profiles if p.kind == key]
        if value == "" or value in known:
            choice[key] = value
        else:
            problems.append({"path": f"profile.{key}", "message": f"{value!r} is not one of the {key} profiles "
                                                                  f"({', '.join(known) or 'there are none'})."})
    return choice


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def _nesting(text: str) -> int:
    """How deeply the JSON text nests, measured before parsing (a parser would recurse that deep)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_case(text: str | bytes, playbook: Playbook) -> dict:
    """Read a case file; raise CaseError naming every problem. The result is the clean case."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise CaseError([{"path": "", "message": f"The file is {len(text):,} bytes; a case file is at most {MAX_BYTES:,}."}])
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CaseError([{"path": "", "message": "The file is not UTF-8 text, so it is not a case file."}]) from None
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise CaseError([{"path": "", "message": f"The file is larger than {MAX_BYTES:,} bytes; a case file is smaller."}])
    if _nesting(text) > MAX_DEPTH:
        raise CaseError([{"path": "", "message": f"The file nests deeper than {MAX_DEPTH} levels, so it is not a case file."}])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError([{"path": "", "message": f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."}]) from None
    if not isinstance(data, dict):
        raise CaseError([{"path": "", "message": "A case file is a JSON object; this file holds something else."}])
    problems = []
    if data.get("format") != FORMAT:
        problems.append({"path": "format", "message": f'Expected "format": "{FORMAT}"; this is not a playbook case file.'})
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        problems.append({"path": "version", "message": "The case file has no version number."})
    elif version > VERSION:
        problems.append({"path": "version", "message": f"Version {version} comes from a newer playbook; this one reads up to version {VERSION}."})
    elif version < 1:
        problems.append({"path": "version", "message": f"Version {version} does not exist; versions start at 1."})
    else:
        while version < VERSION and not problems:
            data, version = MIGRATIONS[version](data), version + 1
    for key in data:
        if key not in ("format", "version", "updated", "profile", "training", "steps"):
            problems.append({"path": key, "message": f"Unknown key {key!r}; a case file holds format, version, updated, "
                                                     "profile, training and steps."})
    updated = data.get("updated", "")
    if not isinstance(updated, str) or (updated and not _TIMESTAMP.match(updated)):
        problems.append({"path": "updated", "message": "updated must be a UTC time such as 2026-11-25T09:30:00Z, or empty."})
        updated = ""
    steps = data.get("steps", {})
    if not isinstance(steps, dict):
        problems.append({"path": "steps", "message": "steps must be an object keyed by step id."})
        steps = {}
    case = new_case()
    case["updated"] = updated
    case["profile"] = _check_profile(data.get("profile", {}), playbook, problems)
    training = data.get("training", "")
    if not isinstance(training, str) or (training and not (len(training) <= 64 and ID_PATTERN.match(training))):
        problems.append({"path": "training", "message": "training must be the id of a training case, or empty."})
    else:
        case["training"] = training
    known = {s.id: s for s in playbook.steps}
    for step_id, entry in steps.items():
        where = f"steps.{step_id}"
        if step_id not in known:
            problems.append({"path": where, "message": f"Unknown step {step_id!r}; steps are {', '.join(known)}."})
            continue
        if not isinstance(entry, dict):
            problems.append({"path": where, "message": "Each step must be an object with values and checklist."})
            continue
        for key in entry:
            if key not in ("values", "checklist"):
                problems.append({"path": f"{where}.{key}", "message": f"Unknown key {key!r}; a step holds values and checklist."})
        raw = entry.get("values", {})
        # A saved step may be unfinished: a required field left empty does not make the file unreadable.
        items = playbook.checklist(known[step_id], case["profile"])
        values, ticked, errors = check_step(known[step_id], raw, entry.get("checklist", []), partial=True, items=items)
        problems += [{"path": f"{where}.values.{e['field']}" if e["field"] != "checklist" else f"{where}.checklist",
                      "message": e["message"]} for e in errors]
        case["steps"][step_id] = {"values": values, "checklist": ticked}
    if problems:
        raise CaseError(problems)
    return case

