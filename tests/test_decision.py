"""The Step 2 decision aid as a table of cases (the domain brief's section 8 and its worked examples)."""

from __future__ import annotations

import pytest

from playbook.rules.respond import errors, recommend, severity


def inputs(involvement="directly_linked", s=(2, 2, 2), leverage="medium", can_increase="no", children="no", urgency=()):
    return {"own_involvement": involvement, "scale": str(s[0]), "scope": str(s[1]), "irremediability": str(s[2]),
            "leverage_level": leverage, "leverage_can_increase": can_increase, "children": children,
            "urgency": list(urgency)}


# (name, inputs, level, types, emergency)
CASES = [
    ("brief example 1: children at an ASM site, brand linked", inputs(s=(3, 3, 3), children="yes", urgency=["child_in_wfcl"]),
     "B", ["T2", "T3", "T4"], True),
    ("brief example 2: brand's purchasing contributed, high", inputs("contribute", s=(3, 2, 2)), "A", ["T1", "T2"], False),
    ("brief example 3: no supplier link, no leverage", inputs(s=(3, 2, 2), leverage="none"), "D", ["T4"], False),
    ("cause is always A", inputs("cause", s=(1, 1, 1)), "A", ["T1", "T2"], False),
    ("contribute, medium severity", inputs("contribute", s=(2, 1, 1)), "B", ["T2", "T3"], False),
    ("linked, critical, low leverage", inputs(s=(4, 1, 1), leverage="low"), "C", ["T3", "T4"], False),
    ("linked, critical, high leverage", inputs(s=(4, 1, 1), leverage="high"), "B", ["T2", "T3"], False),
    ("linked, no leverage but it can grow", inputs(leverage="none", can_increase="yes"), "C", ["T3", "T4"], False),
    ("children raise linked C to B", inputs(leverage="low", children="yes"), "B", ["T2", "T3"], False),
    ("children raise contribute B to A", inputs("contribute", children="yes"), "A", ["T1", "T2"], False),
    ("children raise D to C", inputs(leverage="none", children="yes"), "C", ["T3", "T4"], False),
    ("an urgency flag adds E and T4", inputs("cause", urgency=["risk_to_life"]), "A", ["T1", "T2", "T4"], True),
]


@pytest.mark.parametrize("name, values, level, types, emergency", CASES, ids=[c[0] for c in CASES])
def test_decision_table(name, values, level, types, emergency):
    result = recommend(values)
    assert (result["level"], result["types"], result["emergency"]) == (level, types, emergency)
    assert result["reasons"][0][0] == f"involvement-{values['own_involvement']}"


@pytest.mark.parametrize("dims, score, bumped", [
    ((1, 1, 1), 1, False), ((2, 1, 2), 2, False), ((3, 1, 1), 3, False), ((3, 3, 1), 4, True), ((4, 4, 4), 4, False),
])
def test_severity_score(dims, score, bumped):
    assert severity(*dims) == (score, bumped)


def test_missing_inputs_give_no_suggestion_and_name_them():
    assert recommend({"scale": "3"}) == {"complete": False,
                                         "missing": ["own_involvement", "scope", "irremediability", "leverage_level"]}


def test_every_reason_has_its_words(playbook):
    step = playbook.step("respond")
    known = {a.id for a in step.advice}
    for _, values, *_ in CASES:
        for reason, params in recommend(values)["reasons"]:
            assert reason in known
            step.advice[[a.id for a in step.advice].index(reason)].text.format_map(params)


@pytest.mark.parametrize("values, fields", [
    ({"decision": "accept"}, []),
    ({"decision": "override"}, ["override_level", "override_reason"]),
    ({"decision": "override", "override_level": "A", "override_reason": "Board decision."}, []),
    ({"relationship_track": "disengage"}, ["relationship_effect"]),
    ({"relationship_track": "continue"}, []),
    ({"relationship_track": "continue", "chain": [{"company": "S-1", "track": "continue"}, {"company": "T-2", "track": "suspend"}]},
     ["relationship_effect"]),
    ({"relationship_track": "continue", "chain": [{"company": "T-2", "track": "disengage"}], "relationship_effect": "Income lost."},
     []),
])
def test_an_override_and_a_disengagement_need_their_reasons(values, fields):
    assert [e["field"] for e in errors(values)] == fields


def test_an_override_cannot_set_e_and_the_emergency_runs_alongside_the_level_decided(playbook):
    from support import case_fixture

    from playbook.casefile import parse_case
    from playbook.export import export

    step = playbook.step("respond")
    assert "E" not in [o.value for o in step.field("override_level").options]
    case = parse_case(case_fixture("full.case.json"), playbook)
    values = case["steps"]["respond"]["values"]
    assert values["urgency"]  # the fixture has an immediate risk ticked
    values |= {"decision": "override", "override_level": "A", "override_reason": "Our board chose to lead."}
    text = export(playbook, case, "md", step)[1].decode("utf-8")
    assert "overridden. Level decided:** A: lead remedy" in text
    assert "The emergency override (E) keeps running alongside the level decided" in text
    values["urgency"] = []
    assert "keeps running alongside" not in export(playbook, case, "md", step)[1].decode("utf-8")


@pytest.mark.parametrize("values, fields", [
    ({"category": "resolved"}, ["affected_view"]),
    ({"category": "resolved", "affected_view": "Satisfied, through the NGO."}, []),
    ({"category": "not_substantiated"}, []),
    ({"category": "not_linked", "harm_stopped": "not_applicable"}, []),
    ({"category": "partially_resolved", "affected_view": "Mixed.", "harm_stopped": "not_applicable"}, ["harm_stopped"]),
])
def test_closure_needs_the_affected_peoples_view_unless_there_was_nothing_to_remedy(values, fields):
    from playbook.rules.close import errors as close_errors

    assert [e["field"] for e in close_errors(values)] == fields


def test_a_company_suspended_in_the_chain_brings_the_same_advice_as_the_main_relationship():
    from playbook.rules.respond import advice

    chain = [{"company": "S-1", "track": ""}, {"company": "T-2", "track": "disengage"}]
    notes = advice({"steps": {"respond": {"values": {"relationship_track": "continue", "chain": chain}}}})
    assert "relationship-disengage" in notes and "relationship-suspend" not in notes


@pytest.mark.parametrize("actions, fields", [
    ([{"ref": "A1", "start": "2026-05-01", "due": "2026-05-15"}, {"ref": "A2"}], []),
    ([{"ref": "A1", "start": "2026-05-15", "due": "2026-05-15"}], []),  # due the day it starts
    ([{"ref": "A1", "start": "2026-05-15", "due": "2026-05-01"}], ["actions[0].due"]),
    ([{"ref": "A1", "due": "2026-05-01"}, {"ref": "A2", "start": "2026-06-01"}], []),  # one date alone is fine
    ([{"ref": "A1"}, {"ref": "A2"}, {"ref": "a1"}], ["actions[2].ref"]),  # codes match without regard to case
    ([{"ref": "A1"}, {"ref": "A1", "start": "2026-02-01", "due": "2026-01-01"}], ["actions[1].ref", "actions[1].due"]),
])
def test_plan_actions_have_their_own_codes_and_are_not_due_before_they_start(actions, fields):
    from playbook.rules.plan import errors as plan_errors

    assert [e["field"] for e in plan_errors({"actions": actions})] == fields


def test_a_plan_error_names_the_row_and_keeps_what_was_typed(playbook):
    from support import case_fixture

    from playbook.casefile import check_step, parse_case

    step = playbook.step("plan")
    base = parse_case(case_fixture("full.case.json"), playbook)["steps"]["plan"]["values"]
    actions = [dict(a) for a in base["actions"]]
    actions[1]["ref"] = actions[0]["ref"].lower()
    values, _, errors = check_step(step, {**base, "actions": actions}, [])
    assert [e["field"] for e in errors] == ["actions[1].ref"]
    assert errors[0]["message"].startswith(f"Action 1 already has the code {actions[0]['ref']}.")
    assert values["actions"][1]["ref"] == actions[0]["ref"].lower()
