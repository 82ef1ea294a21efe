"""The published JSON Schema agrees with the playbook's own import: every fixture case is valid
under both, and files the import refuses for their shape are refused by the schema too."""

from __future__ import annotations

import json

import pytest
from support import case_fixture

from playbook.casefile import VERSION, dump_case, parse_case
from playbook.schema import case_schema

jsonschema = pytest.importorskip("jsonschema")  # not inside Pyodide


@pytest.mark.parametrize("name", ["full.case.json", "step1-full.case.json", "step1-hostile.case.json"])
def test_fixture_cases_are_valid_once_opened(playbook, name):
    """The fixtures include older versions: the schema describes what the playbook writes after opening them."""
    jsonschema.validate(json.loads(dump_case(parse_case(case_fixture(name), playbook))), case_schema(playbook))


def test_the_full_fixture_is_valid_as_it_is(playbook):
    case = json.loads(case_fixture("full.case.json"))
    assert case["version"] == VERSION
    jsonschema.validate(case, case_schema(playbook))


@pytest.mark.parametrize("change", [
    {"version": VERSION + 1},
    {"version": VERSION - 1},
    {"profile": {"actor": "nobody", "sector": ""}},
    {"profile": {"sector": "minerals", "colour": "red"}},
    {"training": "Not an id"},
    {"format": "something-else"},
    {"steps": {"plan": {"values": {"actions": [{"ref": "A1", "colour": "red"}]}}}},
    {"steps": {"respond": {"values": {"own_involvement": "bystander"}}}},
    {"steps": {"verify": {"checklist": ["no-such-item"]}}},
    {"updated": "yesterday"},
])
def test_wrong_shapes_are_invalid(playbook, change):
    case = {**json.loads(case_fixture("full.case.json")), **change}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(case, case_schema(playbook))


def test_the_schema_is_a_valid_schema(playbook):
    jsonschema.Draft202012Validator.check_schema(case_schema(playbook))
