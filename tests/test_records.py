"""Step records: golden Markdown for each fixture case, and what the rules add to them."""

from __future__ import annotations

import pytest
from support import case_fixture, check_golden

from playbook.casefile import parse_case
from playbook.records import checklist_document, step_record
from playbook.render import markdown
from playbook.rules.verify import advice

CASES = ["step1-full", "step1-hostile"]


@pytest.mark.parametrize("name", CASES)
def test_record_matches_golden(playbook, name):
    case = parse_case(case_fixture(f"{name}.case.json"), playbook)
    check_golden(f"{name}.md", markdown.render(step_record(playbook, playbook.step(1), case)))


@pytest.mark.parametrize("number", range(1, 7))
def test_checklist_matches_golden(playbook, number):
    check_golden(f"step{number}-checklist.md", markdown.render(checklist_document(playbook, playbook.step(number))))


def test_empty_fields_teach_what_belongs_there(playbook):
    md = markdown.render(step_record(playbook, playbook.step(1), {"steps": {}}))
    assert "no case code yet" in md
    assert "*Not recorded. A pseudonymous code such as CASE-2026-004." in md


def values(**kw):
    return {"steps": {"verify": {"values": kw}}}


# (values of the Step 1 record, advice ids expected in this order)
ADVICE = [
    ({}, []),
    ({"outcome": "substantiated"}, ["outcome-substantiated"]),
    ({"outcome": "credible_pending"}, ["outcome-credible-pending"]),
    ({"outcome": "not_substantiated"}, ["outcome-not-substantiated"]),
    ({"outcome": "not_linked"}, ["outcome-not-linked"]),
    ({"urgency_flags": ["risk_to_life"], "outcome": "substantiated"}, ["emergency-refer-now", "outcome-substantiated"]),
    ({"urgency_flags": ["risk_to_life"], "referral": "Labour inspectorate, 2026-03-14"}, ["emergency-follow-up"]),
    ({"children": "yes"}, ["children-involved"]),
    ({"children": "unknown"}, ["children-involved"]),
    ({"children": "no", "child_signs": ["hazardous_work"]}, ["children-involved"]),
    ({"inquiry_risk": "high"}, ["inquiry-risky"]),
    ({"outcome": "substantiated", "link": "none"}, ["link-contradiction", "outcome-substantiated"]),
]


@pytest.mark.parametrize("given, expected", ADVICE)
def test_verification_advice(given, expected):
    assert advice(values(**given)) == expected


def test_advice_appears_in_the_record_with_its_basis(playbook):
    case = parse_case(case_fixture("step1-full.case.json"), playbook)
    md = markdown.render(step_record(playbook, playbook.step(1), case))
    assert "## What happens next" in md
    assert "Refer now to the competent authorities" in md
    assert "*(ILO C182)*" in md
