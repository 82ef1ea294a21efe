"""The functions the browser calls through the Web Worker: JSON in, JSON out.

The worker sends {"id", "op", "payload"} as text to `handle`, which always answers with
{"id", "ok": true, "result"} or {"id", "ok": false, "error": {"type", "message"}}; a Python
exception crosses to JavaScript as data, never as a thrown error.
"""

from __future__ import annotations

import base64
import json

from . import __version__
from .casefile import CaseError, check_step, dump_case, new_case, parse_case
from .privacy import scan_case, scan_values
from .content import load_playbook
from .export import MEDIA_TYPES, export
from .model import PROFILE_KINDS
from .profiles import apply_defaults
from .records import file_names, step_record
from .render import html, markdown


def info(payload: dict) -> dict:
    from markdown_it import __version__ as markdown_it_version

    return {"version": __version__, "markdown_it": markdown_it_version}


def warm(payload: dict) -> dict:
    """Read and check the content ahead of the first real request (the worker calls it once it is ready)."""
    load_playbook()
    return {}


def _stored_case(payload: dict, playbook) -> dict:
    """The case the browser holds (or a new one), read exactly as the CLI would read it."""
    return parse_case(dump_case(payload["case"]), playbook) if payload.get("case") else new_case()


def _case_error(exc: CaseError, texts: dict) -> dict:
    return {"errors": [{"field": "", "label": texts["case_file_label"], "message": p["message"]} for p in exc.problems]
            + [{"field": "", "label": texts["case_file_label"], "message": texts["case_file_fix"]}]}


def generate(payload: dict) -> dict:
    """Check one step's form values; on success return the updated case file and the step's record.

    payload: {"step": number or id, "values": {field: value}, "checklist": [item ids],
              "case": the case file so far, or null, "updated": "YYYY-MM-DDTHH:MM:SSZ" (now, from the browser),
              "confirmed": true once the user has seen the identifier warnings,
              "profile": {"actor", "sector"} chosen on the page (kept in the case file)}
    Returns {"errors": [...]} or {"warnings": [...]} (nothing generated yet) or the documents.
    """
    playbook = load_playbook()
    step = playbook.step(payload["step"])
    choice = payload.get("profile") or {}
    try:
        items = playbook.checklist(step, choice)
    except (KeyError, AttributeError, TypeError):  # a profile this playbook does not have: general checklist
        choice, items = {}, step.checklist
    values, ticked, errors = check_step(step, payload.get("values", {}), payload.get("checklist", []), items=items)
    if errors:
        return {"errors": [dict(e, label=step.label_for(e["field"])) for e in errors]}
    if not payload.get("confirmed"):
        warnings = [w | {"step": step.id} for w in scan_values(values, step.label_for)]
        if warnings:
            return {"warnings": warnings}
    try:
        case = _stored_case(payload, playbook)
    except CaseError as exc:
        return _case_error(exc, playbook.texts)
    case["steps"][step.id] = {"values": values, "checklist": ticked}
    case["profile"] = {k: choice.get(k, "") for k in PROFILE_KINDS}
    if payload.get("updated"):
        case["updated"] = payload["updated"]
    case_json = dump_case(case)
    case = parse_case(case_json, playbook)  # what the CLI will read back from the download
    text = markdown.render(step_record(playbook, step, case))
    return {
        "case": case,
        "case_json": case_json,
        "markdown": text,
        "html": html.from_markdown(text),
        "files": file_names(case, step),
    }


def export_file(payload: dict) -> dict:
    """One document of the stored case: payload {"case", "format", "step": number or null,
    "confirmed": true once the user has seen the identifier warnings}. The case file ("json") also
    takes "forms", "profile" and "updated", so that it holds everything typed (see _with_forms).
    Returns {"name", "type", "base64"}: the same bytes as `python -m playbook render`; or, before
    anything is made, {"warnings": [...]} for entries anywhere in the case that look like personal
    identifiers, or {"errors": [...]} for a stored case that cannot be read."""
    playbook = load_playbook()
    try:
        case = _stored_case(payload, playbook)
    except CaseError as exc:
        return _case_error(exc, playbook.texts)
    if payload["format"] == "json" and payload.get("forms"):
        case, errors = _with_forms(playbook, case, payload)
        if errors:
            return {"errors": errors}
    if not payload.get("confirmed"):
        warnings = scan_case(playbook, case)
        if warnings:
            return {"warnings": warnings}
    step = playbook.step(payload["step"]) if payload.get("step") else None
    name, data = export(playbook, case, payload["format"], step)
    return {"name": name, "type": MEDIA_TYPES[payload["format"]], "base64": base64.b64encode(data).decode("ascii")}


def _with_forms(playbook, case: dict, payload: dict) -> tuple[dict, list[dict]]:
    """The case with each step's entries as the page holds them ("forms", keyed "step-N"), so that an
    exported case file keeps what was typed and saved but never generated. The entries are checked as a
    saved step is (partial: required fields may be empty); errors name the step, and then nothing is made."""
    choice = payload.get("profile") or {}
    try:
        playbook.chosen(choice)
    except (KeyError, AttributeError, TypeError):  # a profile this playbook does not have: keep the case's
        choice = case["profile"]
    before = case
    case = {**case, "steps": dict(case["steps"]), "profile": {k: choice.get(k, "") for k in PROFILE_KINDS}}
    errors = []
    for step in playbook.steps:
        entry = payload["forms"].get(f"step-{step.number}")
        if not isinstance(entry, dict):
            continue
        values, ticked, problems = check_step(step, entry.get("values", {}), entry.get("checklist", []), partial=True,
                                              items=playbook.checklist(step, case["profile"]))
        errors += [{"field": "", "label": step.label_with_step(p["field"]), "message": p["message"]}
                   for p in problems]
        if ticked or any(v not in ("", []) for v in values.values()):
            case["steps"][step.id] = {"values": values, "checklist": ticked}
        else:  # emptied on the page since it was generated: the page is the latest word
            case["steps"].pop(step.id, None)
    if errors:
        return case, errors
    merged = parse_case(dump_case(case), playbook)
    if payload.get("updated") and (merged["steps"], merged["profile"]) != (before["steps"], before["profile"]):
        merged["updated"] = payload["updated"]  # saved now; unchanged, it keeps the time of its last generate
    return merged, []


def open_case(payload: dict) -> dict:
    """Read a case file the user opened: {"text"} -> {"case", "forms"} or {"problems": [{path, message}]}.
    forms holds each step's entries keyed as the page's forms are ("step-N")."""
    playbook = load_playbook()
    try:
        case = parse_case(payload.get("text", ""), playbook)
    except CaseError as exc:
        return {"problems": exc.problems}
    return _opened(playbook, case)


def _opened(playbook, case: dict) -> dict:
    """A case as the page needs it: the case file, each step's entries keyed as the page's forms are
    ("step-N"), the profile choice, the training case's title if it is one, and warnings for entries
    that look like personal identifiers (the case is opened all the same: it is the user's own file)."""
    forms = {f"step-{s.number}": case["steps"][s.id] for s in playbook.steps if s.id in case["steps"]}
    training = next((c.title for c in playbook.cases if c.id == case["training"]), "")
    return {"case": case, "forms": forms, "profile": case["profile"], "training": training,
            "warnings": scan_case(playbook, case)}


def training_case(payload: dict) -> dict:
    """A training case, ready to load into the forms: {"id"} -> the same reply as opening its case file."""
    playbook = load_playbook()
    return _opened(playbook, playbook.training_case(payload["id"]).case)


def profile(payload: dict) -> dict:
    """Choose a profile: {"forms", "profile"} -> {"forms"}, the page's entries ("step-N") with the chosen
    profiles' defaults filled into fields that are still empty."""
    playbook = load_playbook()
    choice = {k: v for k, v in (payload.get("profile") or {}).items() if k in PROFILE_KINDS and v}
    forms = apply_defaults(playbook, payload.get("forms") or {}, choice)
    return {"forms": forms}


OPS = {"info": info, "warm": warm, "generate": generate, "export": export_file, "open": open_case,
       "training": training_case, "profile": profile}


def handle(request: str) -> str:
    """Answer one request (JSON text) with one reply (JSON text) carrying the same id."""
    msg_id = None
    try:
        message = json.loads(request)
        msg_id = message.get("id")
        op = message["op"]
        if op not in OPS:
            raise KeyError(f"unknown operation {op!r}; known: {', '.join(OPS)}")
        reply = {"id": msg_id, "ok": True, "result": OPS[op](message.get("payload") or {})}
    except Exception as exc:  # every failure goes back as data
        reply = {"id": msg_id, "ok": False, "error": {"type": type(exc).__name__, "message": str(exc)}}
    return json.dumps(reply, ensure_ascii=False)
