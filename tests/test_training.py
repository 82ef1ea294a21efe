"""Training cases: enough of them, fictional and labelled so, each a complete case that loads
into the forms and produces every document; their briefs never give the debrief away."""

from __future__ import annotations

import json

import pytest

from playbook.api import handle
from playbook.casefile import dump_case, parse_case
from playbook.export import FORMATS, export
from playbook.handouts import HANDOUT_FORMATS, all_handouts, case_brief, handout, step_card
from playbook.records import case_report
from playbook.render import markdown
from playbook.render.workshop import training_page, workshop_pages


def call(op, payload):
    reply = json.loads(handle(json.dumps({"id": 1, "op": op, "payload": payload})))
    assert reply["ok"], reply
    return reply["result"]


def test_there_are_at_least_five_cases_across_actors_and_sectors(playbook):
    cases = playbook.cases
    assert len(cases) >= 5
    assert len({c.actor for c in cases}) >= 3 and len({c.sector for c in cases}) >= 4
    outcomes = {c.case["steps"]["verify"]["values"]["outcome"] for c in cases}
    assert "not_substantiated" in outcomes or "not_linked" in outcomes, "one case stops at Step 1"
    assert any(set(c.case["steps"]) == {s.id for s in playbook.steps} for c in cases)


@pytest.mark.parametrize("index", range(6))
def test_each_case_loads_and_gives_every_document(playbook, index):
    if index >= len(playbook.cases):
        pytest.skip("fewer cases")
    case = playbook.cases[index]
    reply = call("training", {"id": case.id})
    assert reply["case"] == case.case and reply["training"] == case.title
    assert reply["profile"] == {"actor": case.actor, "sector": case.sector}
    assert set(reply["forms"]) == {f"step-{playbook.step(s).number}" for s in case.case["steps"]}
    # What the browser stores reads back exactly, as the CLI would read the downloaded file.
    assert parse_case(dump_case(reply["case"]), playbook) == case.case
    code = case.case["steps"]["verify"]["values"]["case_code"]
    assert code.startswith("TR-")
    for step in [playbook.step(s) for s in case.case["steps"]] + [None]:
        for fmt in FORMATS:
            name, data = export(playbook, case.case, fmt, step)
            assert name.startswith(code) and data
            if fmt == "md":
                assert f"Fictional training case: {case.title}" in data.decode()
    report = markdown.render(case_report(playbook, case.case))
    assert report.count("Fictional training case") == 1


def test_every_step_present_is_complete_and_debriefed(playbook):
    from playbook.casefile import check_step

    for case in playbook.cases:
        assert [d.step for d in case.debrief] == [s.number for s in playbook.steps]
        for step_id, entry in case.case["steps"].items():
            step = playbook.step(step_id)
            _, _, errors = check_step(step, entry["values"], entry["checklist"],
                                      items=playbook.checklist(step, case.case["profile"]))
            assert errors == [], (case.id, step_id, errors)


def test_the_brief_holds_the_situation_but_never_the_debrief(playbook):
    for case in playbook.cases:
        text = markdown.render(case_brief(playbook, case))
        assert markdown.escape(case.brief.split("\n\n")[0]).strip()[:60] in text
        for d in case.debrief:
            assert markdown.escape(d.good).strip()[:60] not in text
            assert markdown.escape(d.why).strip()[:60] not in text
            if d.situation:
                assert markdown.escape(d.situation.split("\n\n")[0]).strip()[:60] in text


def test_a_case_page_has_its_load_button_brief_and_debrief(playbook):
    for case in playbook.cases:
        page = training_page(playbook, case)
        assert f'data-playbook-action="load-case" data-case="{case.id}"' in page
        assert page.count('??? success "') == len(playbook.steps)
    pages = workshop_pages(playbook)
    assert {f"training/{c.id}.md" for c in playbook.cases} <= set(pages)
    assert all(f"({c.id}.md)" in pages["training/index.md"] for c in playbook.cases)


def test_handouts_exist_in_every_format_for_every_step_and_case(playbook):
    files = all_handouts(playbook)
    assert len(files) == (len(playbook.steps) + len(playbook.cases)) * len(HANDOUT_FORMATS)
    for step in playbook.steps:
        assert files[f"step-{step.number}-card.md"] == markdown.render(step_card(playbook, step)).encode()
        assert files[f"step-{step.number}-card.docx"][:2] == b"PK"
    assert handout(playbook, "brief", playbook.cases[0].id, "html")[0] == f"case-{playbook.cases[0].id}-brief.html"
