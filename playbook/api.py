"""The functions the browser calls through the Web Worker: JSON in, JSON out.

The worker sends {"id", "op", "payload"} as text to `handle`, which always answers with
{"id", "ok": true, "result"} or {"id", "ok": false, "error": {"type", "message"}}; a Python
exception crosses to JavaScript as data, never as a thrown error.
"""

from __future__ import annotations

import json

from . import __version__
from .casefile import CaseError, check_step, dump_case, new_case, parse_case
from .content import load_playbook
from .records import file_names, step_record
from .render import html, markdown


def info(payload: dict) -> dict:
    from markdown_it import __version__ as markdown_it_version

    return {"version": __version__, "markdown_it": markdown_it_version}


def generate(payload: dict) -> dict:
    """Check one step's form values; on success return the updated case file and the step's record.

    payload: {"step": number or id, "values": {field: value}, "checklist": [item ids],
              "case": the case file so far, or null}
    """
    playbook = load_playbook()
    step = playbook.step(payload["step"])
    values, ticked, errors = check_step(step, payload.get("values", {}), payload.get("checklist", []))
    if errors:
        labels = {f.id: f.label for f in step.fields}
        return {"errors": [dict(e, label=labels.get(e["field"], e["field"])) for e in errors]}
    try:
        case = parse_case(dump_case(payload["case"]), playbook) if payload.get("case") else new_case()
    except CaseError as exc:
        return {"errors": [{"field": "", "label": "Case file", "message": p["message"]} for p in exc.problems]}
    case["steps"][step.id] = {"values": values, "checklist": ticked}
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


OPS = {"info": info, "generate": generate}


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
