"""The worker-facing API: one reply per request with the same id, errors as data, and a
generated record that equals what the CLI renders from the downloaded case file."""

from __future__ import annotations

import json

from playbook.api import handle
from playbook.casefile import parse_case
from playbook.records import step_record
from playbook.render import markdown


def call(op, payload=None, msg_id=7):
    return json.loads(handle(json.dumps({"id": msg_id, "op": op, "payload": payload or {}})))


def test_info_names_the_versions():
    reply = call("info")
    assert reply["id"] == 7 and reply["ok"]
    assert reply["result"]["version"]


def test_unknown_operation_is_an_error_reply():
    reply = call("explode", msg_id=3)
    assert reply == {"id": 3, "ok": False, "error": {"type": "KeyError", "message": reply["error"]["message"]}}
    assert "unknown operation" in reply["error"]["message"]


def test_broken_request_is_an_error_reply():
    reply = json.loads(handle("{not json"))
    assert reply["ok"] is False and reply["id"] is None and reply["error"]["type"] == "JSONDecodeError"


FORM = {
    "case_code": "CASE-9", "received_on": "2026-05-01", "summary": "=SUM(1) <b>x</b>\nمرحبا 🙂",
    "outcome": "credible_pending", "reasons": "One source so far.", "exploitation_types": ["forced_labour"],
    "source_channel": "", "children": "",
}


def test_generate_reports_each_problem_with_label_and_keeps_nothing_back():
    reply = call("generate", {"step": "verify", "values": {**FORM, "case_code": "", "received_on": "31/12/2026"},
                              "checklist": [], "case": None})
    errors = reply["result"]["errors"]
    assert {e["field"] for e in errors} == {"case_code", "received_on"}
    assert all(e["label"] and e["message"] for e in errors)


def test_generate_returns_case_record_and_file_names(playbook):
    result = call("generate", {"step": 1, "values": FORM, "checklist": ["log-case"], "case": None})["result"]
    case = parse_case(result["case_json"], playbook)
    assert case == result["case"]
    assert result["markdown"] == markdown.render(step_record(playbook, playbook.step(1), case))
    assert result["files"] == {"md": "CASE-9-verification-record.md", "json": "CASE-9.case.json"}
    assert "<b>" not in result["html"] and "&lt;b&gt;" in result["html"]
    assert "Keep verifying within a set time limit" in result["html"]


def test_generate_keeps_the_rest_of_an_existing_case():
    first = call("generate", {"step": 1, "values": FORM, "checklist": [], "case": None})["result"]
    again = call("generate", {"step": 1, "values": {**FORM, "reasons": "Now two sources."}, "checklist": [],
                              "case": first["case"]})["result"]
    assert again["case"]["steps"]["verify"]["values"]["reasons"] == "Now two sources."


def test_generate_with_a_corrupt_stored_case_says_so():
    reply = call("generate", {"step": 1, "values": FORM, "checklist": [], "case": {"format": "x"}})
    assert reply["result"]["errors"][0]["label"] == "Case file"
