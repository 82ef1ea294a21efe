"""Profiles adapt what the playbook shows, and nothing else: a profile adds its line to the
documents and its items to the checklists, fills only empty fields with its defaults, and leaves
every other line of every record exactly as it was."""

from __future__ import annotations

import difflib
import json

import pytest
from support import case_fixture

from playbook.api import handle
from playbook.casefile import dump_case, parse_case
from playbook.model import PROFILE_KINDS
from playbook.profiles import apply_defaults
from playbook.records import case_report, checklist_document, step_record
from playbook.render import markdown
from playbook.render.page import step_page


def call(op, payload):
    reply = json.loads(handle(json.dumps({"id": 1, "op": op, "payload": payload})))
    assert reply["ok"], reply
    return reply["result"]


def _full(playbook, choice=None):
    case = json.loads(case_fixture("full.case.json"))
    case = parse_case(json.dumps(case), playbook)
    if choice:
        case["profile"] = {k: choice.get(k, "") for k in PROFILE_KINDS}
    return parse_case(dump_case(case), playbook)


def test_the_profiles_cover_the_actors_and_sectors_the_playbook_serves(playbook):
    ids = {p.kind: set() for p in playbook.profiles}
    for p in playbook.profiles:
        ids[p.kind].add(p.id)
    assert ids["actor"] >= {"downstream-company", "smelter-refiner", "audit-programme", "upstream-actor"}
    assert ids["sector"] >= {"minerals", "garments", "agriculture", "seafood", "electronics"}
    for p in playbook.profiles:
        assert [s.step for s in p.steps] == [1, 2, 3, 4, 5, 6], p.id
        assert all(s.note for s in p.steps), p.id


@pytest.mark.parametrize("kind", PROFILE_KINDS)
def test_each_profile_changes_the_records_only_by_its_line_and_its_checklist_items(playbook, kind):
    plain = _full(playbook)
    for profile in (p for p in playbook.profiles if p.kind == kind):
        case = _full(playbook, {kind: profile.id})
        for step in playbook.steps:
            before = markdown.render(step_record(playbook, step, plain)).splitlines()
            after = markdown.render(step_record(playbook, step, case)).splitlines()
            diff = [line for line in difflib.ndiff(before, after) if line[:2] in ("- ", "+ ")]
            assert not [d for d in diff if d.startswith("- ")], (profile.id, step.id, diff)
            added = [d[2:] for d in diff]
            items = profile.items(step.number)
            assert len(added) == 2 + len(items), (profile.id, step.id, added)  # the line, a blank line, the items
            assert f"*Profile: {profile.name}*" in added
            for item in items:
                assert any(a.startswith("- [ ] ") and markdown.escape(item.text).strip() in a for a in added)


def test_a_report_names_both_profiles_once(playbook):
    actor = next(p for p in playbook.profiles if p.kind == "actor")
    sector = next(p for p in playbook.profiles if p.kind == "sector")
    text = markdown.render(case_report(playbook, _full(playbook, {"actor": actor.id, "sector": sector.id})))
    assert text.count(f"{actor.name} · {sector.name}") == 1


def test_a_profile_item_can_be_ticked_only_under_that_profile(playbook):
    profile, item_step = next((p, n) for p in playbook.profiles for n, _ in p.checklist)
    item = profile.items(item_step)[0]
    step = playbook.step(item_step)
    case = json.loads(dump_case(_full(playbook)))
    case["steps"][step.id]["checklist"] = [item.id]
    with pytest.raises(Exception, match=item.id):
        parse_case(json.dumps(case), playbook)
    case["profile"][profile.kind] = profile.id
    assert parse_case(json.dumps(case), playbook)["steps"][step.id]["checklist"] == [item.id]


def test_the_checklist_command_adds_the_profile_items(playbook):
    for profile in playbook.profiles:
        for number, item in profile.checklist:
            text = markdown.render(checklist_document(playbook, playbook.step(number), {profile.kind: profile.id}))
            general = markdown.render(checklist_document(playbook, playbook.step(number)))
            assert markdown.escape(item.text).strip() in text and markdown.escape(item.text).strip() not in general


def test_defaults_fill_only_empty_fields_and_only_the_profiles_own(playbook):
    with_defaults = [p for p in playbook.profiles if p.defaults]
    assert with_defaults, "at least one profile gives the forms a starting value"
    for profile in with_defaults:
        filled = apply_defaults(playbook, {}, {profile.kind: profile.id})
        expected = {f"step-{playbook.step(s).number}": values for s, values in profile.defaults.items()}
        assert {k: v["values"] for k, v in filled.items()} == expected
        typed = {k: {"values": {f: "typed by the user" for f in v}, "checklist": ["x"]} for k, v in expected.items()}
        assert apply_defaults(playbook, typed, {profile.kind: profile.id}) == typed
        assert call("profile", {"forms": {}, "profile": {profile.kind: profile.id}})["forms"] == filled
    assert apply_defaults(playbook, {"step-1": {"values": {"summary": "x"}, "checklist": []}}, {}) == \
        {"step-1": {"values": {"summary": "x"}, "checklist": []}}


def test_generate_keeps_the_profile_in_the_case_and_accepts_its_items(playbook):
    profile, number = next((p, n) for p in playbook.profiles for n, _ in p.checklist if n == 1)
    item = profile.items(1)[0]
    form = {"case_code": "CASE-P", "received_on": "2026-05-01", "summary": "Report.", "outcome": "credible_pending",
            "reasons": "One source."}
    choice = {profile.kind: profile.id}
    result = call("generate", {"step": 1, "values": form, "checklist": [item.id], "case": None, "profile": choice})
    assert result["case"]["profile"][profile.kind] == profile.id
    assert result["case"]["steps"]["verify"]["checklist"] == [item.id]
    assert profile.name in result["markdown"]
    refused = call("generate", {"step": 1, "values": form, "checklist": [item.id], "case": None, "profile": {}})
    assert any(e["field"] == "checklist" for e in refused["errors"])


def test_every_step_page_shows_each_profile_tab_and_hides_its_items(playbook):
    for step in playbook.steps:
        page = step_page(playbook, step)
        assert page.count('data-playbook-profile="') == 2
        for profile in playbook.profiles:
            assert f'=== "{profile.name}"' in page
            for item in profile.items(step.number):
                assert f'data-profile-item="{profile.kind}:{profile.id}" hidden' in page
                assert f'value="{item.id}"' in page
