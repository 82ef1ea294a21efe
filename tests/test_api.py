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
    assert result["files"]["md"] == "CASE-9-verification-record.md"
    assert result["files"]["json"] == "CASE-9.case.json"
    assert "<b>" not in result["html"] and "&lt;b&gt;" in result["html"]
    assert "Keep verifying within a set time limit" in result["html"]


def test_generate_keeps_the_rest_of_an_existing_case():
    first = call("generate", {"step": 1, "values": FORM, "checklist": [], "case": None})["result"]
    again = call("generate", {"step": 1, "values": {**FORM, "reasons": "Now two sources."}, "checklist": [],
                              "case": first["case"]})["result"]
    assert again["case"]["steps"]["verify"]["values"]["reasons"] == "Now two sources."


def test_generate_with_a_corrupt_stored_case_says_so_and_how_to_recover():
    reply = call("generate", {"step": 1, "values": FORM, "checklist": [], "case": {"format": "x"}})
    errors = reply["result"]["errors"]
    assert errors[0]["label"] == "Case file"
    assert "delete everything from this browser" in errors[-1]["message"]


def playbook_label(field_id):
    from playbook.content import load_playbook

    return load_playbook().step(1).field(field_id).label


def test_generate_warns_about_personal_identifiers_until_confirmed():
    values = {**FORM, "summary": "Worker reachable at maria@example.org, passport no. X1234567."}
    reply = call("generate", {"step": 1, "values": values, "checklist": [], "case": None})["result"]
    assert set(reply) == {"warnings"}
    assert reply["warnings"][0]["field"] == "summary"
    assert playbook_label("summary") in reply["warnings"][0]["message"]
    confirmed = call("generate", {"step": 1, "values": values, "checklist": [], "case": None, "confirmed": True})
    assert "markdown" in confirmed["result"]


def test_generate_stamps_the_case_with_the_browser_time():
    reply = call("generate", {"step": 1, "values": FORM, "checklist": [], "case": None, "updated": "2026-11-25T09:30:00Z"})
    assert reply["result"]["case"]["updated"] == "2026-11-25T09:30:00Z"


def test_a_cell_error_names_the_row_and_the_column():
    values = {"actions": [{"ref": "A1", "what": "Pay back wages", "form": "compensation", "due": "31/12/2026"}],
              "objectives": "x", "closure_criteria": "y"}
    errors = call("generate", {"step": "plan", "values": values, "checklist": [], "case": None})["result"]["errors"]
    assert [(e["field"], e["label"]) for e in errors] == [("actions[0].due", "Action 1, " + errors[0]["label"].split(", ", 1)[1])]
    assert "Action 1" not in errors[0]["message"]  # the label names the row; the message does not repeat it


def test_export_gives_the_cli_bytes(playbook):
    import base64

    from playbook.export import export
    from support import case_fixture

    case = parse_case(case_fixture("full.case.json"), playbook)
    for fmt, step in (("docx", None), ("xlsx", None), ("html", 3), ("md", 2)):
        reply = call("export", {"case": case, "format": fmt, "step": step})["result"]
        name, data = export(playbook, case, fmt, playbook.step(step) if step else None)
        assert reply["name"] == name and base64.b64decode(reply["base64"]) == data


def test_open_reads_a_case_and_refuses_a_bad_one(playbook):
    from support import case_fixture

    good = call("open", {"text": case_fixture("full.case.json").decode("utf-8")})["result"]
    assert set(good["forms"]) == {"step-1", "step-2", "step-3", "step-4", "step-5", "step-6"}
    assert good["forms"]["step-3"] == good["case"]["steps"]["plan"]
    bad = call("open", {"text": '{"format": "remediation-playbook-case", "version": 9, "steps": []}'})["result"]
    assert {p["path"] for p in bad["problems"]} == {"version", "steps"}


def case_with_identifiers(playbook):
    from support import case_fixture

    case = parse_case(case_fixture("full.case.json"), playbook)
    case["steps"]["respond"]["values"]["severity_notes"] = "Ask the foreman on +44 20 7946 0958."
    case["steps"]["plan"]["values"]["actions"][0]["partner"] = "caseworker@example.org"
    return case


def test_export_warns_about_identifiers_anywhere_in_the_case_until_confirmed(playbook):
    case = case_with_identifiers(playbook)
    reply = call("export", {"case": case, "format": "json", "step": None})["result"]
    assert set(reply) == {"warnings"}
    assert [(w["step"], w["field"], w["kinds"]) for w in reply["warnings"]] == [
        ("respond", "severity_notes", ["phone"]), ("plan", "actions[0].partner", ["email"])]
    assert reply["warnings"][0]["message"].startswith("Check ‘Step 2, Notes on severity’")
    assert "Step 3, Action 1, " in reply["warnings"][1]["message"]
    confirmed = call("export", {"case": case, "format": "json", "step": None, "confirmed": True})["result"]
    assert set(confirmed) == {"name", "type", "base64"}


def test_opening_a_case_with_identifiers_opens_it_and_says_where_they_are(playbook):
    from support import case_fixture

    from playbook.casefile import dump_case

    reply = call("open", {"text": dump_case(case_with_identifiers(playbook))})["result"]
    assert reply["forms"]["step-2"]["values"]["severity_notes"].startswith("Ask the foreman")
    assert [w["field"] for w in reply["warnings"]] == ["severity_notes", "actions[0].partner"]
    clean = call("open", {"text": case_fixture("full.case.json").decode("utf-8")})["result"]
    assert clean["warnings"] == []


def test_the_exported_case_file_holds_what_was_typed_but_never_generated(playbook):
    import base64

    from support import case_fixture

    case = parse_case(case_fixture("full.case.json"), playbook)
    generated = {"step-1": case["steps"]["verify"]}
    learn = {"values": {"reviewed_by": "Ethics committee", "causes": [{"finding": "Low prices"}]}, "checklist": []}
    partial = {**case, "steps": {"verify": case["steps"]["verify"]}}

    def export_json(forms, updated="2026-11-25T10:00:00Z"):
        reply = call("export", {"case": partial, "format": "json", "step": None, "forms": forms, "updated": updated,
                                "profile": case["profile"]})["result"]
        return reply if "errors" in reply else json.loads(base64.b64decode(reply["base64"]))

    unchanged = export_json(generated)
    assert unchanged["steps"] == partial["steps"] and unchanged["updated"] == case["updated"]
    typed = export_json({**generated, "step-6": learn, "step-5": {"values": {"open_risks": ""}, "checklist": []}})
    assert typed["steps"]["learn"]["values"]["reviewed_by"] == "Ethics committee"
    assert typed["steps"]["learn"]["values"]["causes"][0]["finding"] == "Low prices"
    assert "close" not in typed["steps"]  # a form left empty adds no step
    emptied = export_json({"step-1": {"values": {"case_code": ""}, "checklist": []}})
    assert "verify" not in emptied["steps"]  # and a form emptied since it was generated takes its step out
    assert typed["updated"] == "2026-11-25T10:00:00Z"
    bad = export_json({"step-6": {"values": {"review_date": "31/12/2026"}, "checklist": []}})
    assert [e["label"] for e in bad["errors"]] == ["Step 6, " + playbook.step("learn").field("review_date").label]


def test_warm_reads_the_content_ahead_of_the_first_request():
    assert call("warm") == {"id": 7, "ok": True, "result": {}}
