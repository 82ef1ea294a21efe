"""The case file: canonical form, form checks with messages that say how to fix, and refusal of
anything that is not a valid case file (each row of BAD_FILES is one such file)."""

from __future__ import annotations

import json

import pytest
from support import case_fixture, load_json

from playbook.casefile import MAX_BYTES, CaseError, check_field, check_step, dump_case, parse_case


def test_fixture_round_trips_to_the_same_bytes(playbook):
    case = parse_case(case_fixture("step1-full.case.json"), playbook)
    assert parse_case(dump_case(case), playbook) == case
    assert dump_case(parse_case(dump_case(case), playbook)) == dump_case(case)


def test_canonical_form_is_sorted_utf8_with_final_newline(playbook):
    text = dump_case(parse_case(case_fixture("step1-hostile.case.json"), playbook))
    assert text.endswith("}\n") and "مرحبا" in text
    data = json.loads(text)
    assert list(data) == sorted(data)


BAD_FILES = [
    ("not json", b"{nope", "not valid JSON"),
    ("not utf-8", b"\xff\xfe\x00", "not UTF-8"),
    ("a list", b"[]", "JSON object"),
    ("wrong format", b'{"format": "other", "version": 1, "steps": {}}', "not a playbook case file"),
    ("no version", b'{"format": "remediation-playbook-case", "steps": {}}', "no version"),
    ("newer version", b'{"format": "remediation-playbook-case", "version": 99, "steps": {}}', "newer playbook"),
    ("unknown step", b'{"format": "remediation-playbook-case", "version": 1, "steps": {"fly": {}}}', "Unknown step"),
    ("wrong type", b'{"format": "remediation-playbook-case", "version": 1, "steps": {"verify": {"values": {"summary": 5}}}}', "must be text"),
    ("bad option", b'{"format": "remediation-playbook-case", "version": 1, "steps": {"verify": {"values": {"outcome": "maybe"}}}}', "Choose one of the options"),
    ("bad date", b'{"format": "remediation-playbook-case", "version": 1, "steps": {"verify": {"values": {"received_on": "14/03/2026"}}}}', "year-month-day"),
    ("unknown field", b'{"format": "remediation-playbook-case", "version": 1, "steps": {"verify": {"values": {"name": "A"}}}}', "not a field"),
    ("deep nesting", b"[" * 50 + b"]" * 50, "nests deeper"),
    ("very deep nesting", b"[" * 100000 + b"]" * 100000, "nest"),
    ("huge", b" " * (MAX_BYTES + 1), "at most"),
]


@pytest.mark.parametrize("name, data, words", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_case_files_are_refused_with_a_reason(playbook, name, data, words):
    with pytest.raises(CaseError) as info:
        parse_case(data, playbook)
    assert any(words in p["message"] for p in info.value.problems), info.value.problems


def test_an_unfinished_step_can_still_be_saved(playbook):
    case = parse_case(b'{"format": "remediation-playbook-case", "version": 1, "steps": {"verify": {"values": {}}}}', playbook)
    assert case["steps"]["verify"]["values"]["case_code"] == ""


# (field id, submitted value, expected clean value, words expected in the message or None)
FIELD_CASES = [
    ("case_code", "  CASE-1 ", "CASE-1", None),
    ("case_code", "", "", "Enter case code"),
    ("case_code", "Jane Doe", "Jane Doe", "letters, digits"),
    ("case_code", "C" * 41, "C" * 41, "40 characters or fewer; this has 41"),
    ("received_on", "2026-02-30", "2026-02-30", "not a real date"),
    ("received_on", "1850-01-01", "1850-01-01", "between 1900 and 2100"),
    ("received_on", "2026-03-14", "2026-03-14", None),
    ("summary", "line one\r\nline two\x00", "line one\nline two", None),
    ("summary", "=SUM(1) <script>", "=SUM(1) <script>", None),
    ("outcome", "substantiated", "substantiated", None),
    ("outcome", "yes", "", "Choose one of the options"),
    ("exploitation_types", ["wfcl", "forced_labour", "wfcl"], ["forced_labour", "wfcl"], None),
    ("exploitation_types", ["nope"], [], "not one of the options"),
    ("exploitation_types", "wfcl", ["wfcl"], None),
]


@pytest.mark.parametrize("field_id, raw, clean, words", FIELD_CASES)
def test_field_checks(playbook, field_id, raw, clean, words):
    value, message = check_field(playbook.step(1).field(field_id), raw)
    assert value == clean
    if words is None:
        assert message is None
    else:
        assert message and words in message


def test_check_step_keeps_what_was_typed_even_when_wrong(playbook):
    values, ticked, errors = check_step(playbook.step(1), {"case_code": "Jane Doe", "summary": "x" * 6000},
                                        ["log-case", "nope"])
    assert values["case_code"] == "Jane Doe" and len(values["summary"]) == 6000
    assert ticked == ["log-case"]
    fields = {e["field"] for e in errors}
    assert {"case_code", "summary", "checklist", "received_on", "outcome", "reasons"} <= fields


def older(data: dict, version: int) -> dict:
    """A current case file written as an older version would have held it (down to version 2)."""
    data = json.loads(json.dumps(data))
    verify = data["steps"]["verify"]["values"]
    verify["evidence"] = "\n".join(row["notes"] for row in verify.pop("sources", []))
    data["version"] = 3
    if version == 2:
        del data["profile"], data["training"]
        data["version"] = 2
    return data


def test_a_version_2_case_file_gets_an_empty_profile_and_no_training_mark(playbook):
    old = older(load_json("full.case.json"), 2)
    case = parse_case(json.dumps(old), playbook)
    assert case["profile"] == {"actor": "", "sector": ""} and case["training"] == ""
    assert set(case["steps"]) == set(old["steps"])
    assert case["steps"]["plan"] == parse_case(json.dumps(load_json("full.case.json")), playbook)["steps"]["plan"]


def test_a_version_3_case_file_keeps_its_sources_text_as_one_row_and_loses_only_level_e(playbook):
    current = load_json("full.case.json")
    old = older(current, 3)
    old["steps"]["respond"]["values"] |= {"decision": "override", "override_level": "E", "override_reason": "Urgent."}
    case = parse_case(json.dumps(old), playbook)
    assert case["version"] == 4
    assert case["steps"]["verify"]["values"]["sources"] == [
        {"kind": "other", "date": "", "credibility": "not_assessed", "access": "",
         "notes": old["steps"]["verify"]["values"]["evidence"]}]
    respond = case["steps"]["respond"]["values"]
    assert respond["override_level"] == "" and respond["override_reason"] == "Urgent."
    assert old["steps"]["respond"]["values"]["override_level"] == "E"  # the caller's object is left alone
    for step in ("plan", "monitor", "close", "learn"):
        assert case["steps"][step] == parse_case(json.dumps(current), playbook)["steps"][step]
    del old["steps"]["verify"]["values"]["evidence"]
    assert parse_case(json.dumps(old), playbook)["steps"]["verify"]["values"]["sources"] == []


@pytest.mark.parametrize("profile, message", [
    ({"actor": "seafood"}, "'seafood' is not one of the actor profiles"),
    ({"sector": "nowhere"}, "'nowhere' is not one of the sector profiles"),
    ({"colour": "red"}, "Unknown key 'colour'"),
    ("smelter", "profile must be an object"),
])
def test_a_profile_that_does_not_exist_is_refused_by_name(playbook, profile, message):
    data = load_json("full.case.json") | {"profile": profile}
    with pytest.raises(CaseError) as caught:
        parse_case(json.dumps(data), playbook)
    assert any(message in p["message"] and p["path"].startswith("profile") for p in caught.value.problems)


def test_a_version_1_case_file_is_migrated_and_keeps_its_entries(playbook):
    from playbook.casefile import VERSION

    old = json.loads(case_fixture("step1-full.case.json"))
    assert old["version"] == 1 and "updated" not in old
    case = parse_case(json.dumps(old), playbook)
    assert case["version"] == VERSION == 4 and case["updated"] == ""
    assert case["profile"] == {"actor": "", "sector": ""} and case["training"] == ""
    new, before = case["steps"]["verify"], old["steps"]["verify"]
    assert new["checklist"] == before["checklist"]
    assert new["values"].pop("sources")[0]["notes"] == before["values"].pop("evidence")
    for key, value in before["values"].items():  # ticked options come back in the model's order
        assert (sorted(new["values"][key]) if isinstance(value, list) else new["values"][key]) == \
            (sorted(value) if isinstance(value, list) else value), key


def test_a_required_question_left_empty_is_asked_as_a_question(playbook):
    errors = check_step(playbook.step("respond"), {}, [])[2]
    message = next(e["message"] for e in errors if e["field"] == "children")
    assert message == "Answer the question: Are children (under 18) involved?"
