"""The published JSON Schema agrees with the playbook's own import: every fixture case is valid
under both, and files the import refuses for their shape are refused by the schema too."""

from __future__ import annotations

import json

import pytest
from support import case_fixture

from playbook.schema import case_schema

jsonschema = pytest.importorskip("jsonschema")  # not inside Pyodide


@pytest.mark.parametrize("name", ["full.case.json", "step1-full.case.json", "step1-hostile.case.json"])
def test_fixture_cases_are_valid(playbook, name):
    jsonschema.validate(json.loads(case_fixture(name)), case_schema(playbook))


@pytest.mark.parametrize("change", [
    {"version": 4},
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
