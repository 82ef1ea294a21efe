"""The content files: the real ones are valid and complete; each kind of breakage is reported with
file, key, what is wrong and how to fix it. Each row of BROKEN is one broken copy of the content."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from playbook.content import CONTENT_DIR, ContentError, check_content, load_playbook


def test_the_real_content_is_valid(playbook):
    _, problems = check_content()
    assert problems == []
    assert [s.number for s in playbook.steps] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("number", range(1, 7))
def test_every_step_is_complete(playbook, number):
    step = playbook.step(number)
    assert step.status == "complete"
    for section in ("purpose", "entry_condition", "time_limit", "tasks", "stakeholders", "factors",
                    "outputs", "exit_criteria", "pitfalls", "checklist"):
        assert getattr(step, section), f"step {number} has no {section}"
    assert len(step.checklist) >= 8
    assert all(item.basis for item in step.checklist)
    assert all(f.options for f in step.factors)
    assert step.time_limit.startswith("Playbook suggestion")


def test_ids_are_unique(playbook):
    steps = [s.id for s in playbook.steps]
    assert len(steps) == len(set(steps))
    for step in playbook.steps:
        ids = [c.id for c in step.checklist]
        assert len(ids) == len(set(ids)), step.id
        fields = [f.id for f in step.fields]
        assert len(fields) == len(set(fields)), step.id


def test_every_advice_a_rule_can_give_exists(playbook):
    from playbook.rules import verify

    step = playbook.step("verify")
    known = {a.id for a in step.advice}
    possible = set(verify.OUTCOME_ADVICE.values()) | {
        "emergency-refer-now", "emergency-follow-up", "children-involved", "inquiry-risky", "link-contradiction"}
    assert possible <= known


# (name, file to edit, text to find, replacement, expected file, expected key, words in the message)
BROKEN = [
    ("toml syntax", "steps/step-1.toml", 'title = "Verify the allegation"', 'title = "Verify', "steps/step-1.toml", "", "not valid TOML"),
    ("missing key", "steps/step-2.toml", 'title = "Determine the type and level of response"\n', "", "steps/step-2.toml", "title", "missing required key"),
    ("unknown key", "steps/step-3.toml", 'status = "complete"', 'status = "complete"\nstatuss = 1', "steps/step-3.toml", "statuss", "unknown key"),
    ("wrong type", "steps/step-4.toml", "number = 4", 'number = "four"', "steps/step-4.toml", "number", "whole number"),
    ("duplicate checklist id", "steps/step-1.toml", 'id = "protect-reporter"', 'id = "log-case"', "steps/step-1.toml", "checklist[2].id", "duplicate checklist id"),
    ("duplicate step id", "steps/step-5.toml", 'id = "close"', 'id = "learn"', "steps/", "id", "duplicate step id"),
    ("bad status", "steps/step-6.toml", 'status = "complete"', 'status = "done"', "steps/step-6.toml", "status", "not a status"),
    ("bad field type", "steps/step-1.toml", 'type = "date"\nrequired = true', 'type = "calendar"\nrequired = true', "steps/step-1.toml", "sections[1].fields[0].type", "not a field type"),
    ("choice without options", "steps/step-1.toml", r're:(id = "outcome"\nlabel = "Verification outcome"\ntype = "choice"\nrequired = true\n)options = \[.*?\n\]\n', r"\1", "steps/step-1.toml", "sections[5].fields[0].options", "needs options"),
    ("bad pattern", "steps/step-1.toml", 'pattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$"', 'pattern = "^[A-Z"', "steps/step-1.toml", "pattern", "regular expression"),
    ("complete step without outputs", "steps/step-1.toml", r"re:\noutputs = \[.*?\n\]\n", "\noutputs = []\n", "steps/step-1.toml", "outputs", "complete step needs"),
    ("too few checklist items", "steps/step-1.toml", r're:\[\[checklist\]\]\nid = "(cross-check|specialists-only|classify)".*?\n\n', "", "steps/step-1.toml", "checklist", "at least 8"),
    ("missing wording", "documents.toml", 'not_recorded = "Not recorded."\n', "", "documents.toml", "not_recorded", "missing required key"),
    # cross-references: a checklist basis, a ref from a step, from the glossary, a source, an option source
    ("basis names no provision", "steps/step-2.toml", 'basis = "UNGP 14"', 'basis = "UNGP 99"', "steps/step-2.toml", ".basis", "names no provision"),
    ("checklist names a missing principle", "steps/step-3.toml", '"principle:non-conditionality"', '"principle:no-strings"', "steps/step-3.toml", ".refs[0]", "names no principle"),
    ("ref to a missing term", "reference/glossary.toml", '"term:asm"', '"term:no-such-term"', "reference/glossary.toml", ".refs[2]", "names no term"),
    ("ref of an unknown kind", "reference/glossary.toml", '"term:asm"', '"person:asm"', "reference/glossary.toml", ".refs[2]", "known kind"),
    ("framework cites a missing source", "reference/frameworks.toml", 'sources = ["ungp-2011"]', 'sources = ["ungp-2099"]', "reference/frameworks.toml", "sources[0]", "names no source"),
    ("assistance names a missing form", "reference/remedies.toml", 'forms = ["compensation"]', 'forms = ["apology"]', "reference/remedies.toml", "forms[0]", "names no form"),
    ("role note for a step it is not in", "reference/roles.toml", "steps = [1, 2, 3, 4, 5, 6]", "steps = [1, 2, 3, 4, 5]", "reference/roles.toml", "notes[5].step", "not in this role's steps"),
    ("source without a year", "reference/sources.toml", "year = 2011\n", "", "reference/sources.toml", "year", "missing required key"),
    ("duplicate provision label", "reference/frameworks.toml", 'label = "UNGP 13"', 'label = "UNGP 14"', "reference/frameworks.toml", ".label", "duplicate label"),
    ("bad provenance", "reference/principles.toml", 'provenance = "inferred"', 'provenance = "probably"', "reference/principles.toml", "provenance", "not a provenance"),
    ("empty reference file", "reference/glossary.toml", "re:.*", "", "reference/glossary.toml", "term", "missing required key"),
    ("unknown option source", "steps/step-3.toml", 'options_from = "forms"', 'options_from = "remedies"', "steps/step-3.toml", "options_from", "not an option source"),
    ("rows field without columns", "steps/step-4.toml", r're:(id = "updates"\n(?:(?!\[\[sections).)*?)\[\[sections\.fields\.columns\]\].*?(?=\n\[\[sections\]\])', r"\1", "steps/step-4.toml", "columns", "needs columns"),
]


@pytest.mark.parametrize("name, file, find, replace, where, key, words", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_content_is_reported(tmp_path, name, file, find, replace, where, key, words):
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    path = root / file
    text = path.read_text(encoding="utf-8")
    if find.startswith("re:"):  # a regular expression (DOTALL); all matches are replaced
        changed = re.sub(find[3:], replace, text, flags=re.DOTALL)
    else:
        assert find in text, f"fixture text not found in {file}"
        changed = text.replace(find, replace, 1)
    assert changed != text, f"the mutation changed nothing in {file}"
    path.write_text(changed, encoding="utf-8")
    playbook, problems = check_content(root)
    assert playbook is None
    matching = [p for p in problems if p.file == where and key in p.key and words in p.message]
    assert matching, f"no problem about {key!r} with {words!r} in {[str(p) for p in problems]}"
    if name != "toml syntax":
        assert all(p.fix for p in matching), "every problem says how to fix it"
    with pytest.raises(ContentError):
        load_playbook(root)


def test_missing_step_files_are_reported(tmp_path):
    _, problems = check_content(tmp_path)
    assert problems and "no step files" in problems[0].message


def test_problem_reads_as_file_key_message_fix():
    from playbook.content import Problem

    assert str(Problem("steps/step-1.toml", "title", "missing required key", "add it")) == \
        "steps/step-1.toml: title: missing required key. Fix: add it"


def test_content_dir_is_inside_the_package():
    assert (Path(CONTENT_DIR) / "steps" / "step-1.toml").is_file()


def test_every_source_has_publisher_year_and_link(playbook):
    for source in playbook.reference.sources:
        assert source.publisher and 1900 < source.year <= 2026 and source.url.startswith("https://") or \
            source.url.startswith("http://"), source.id


def test_every_basis_resolves_to_a_provision(playbook):
    labels = playbook.reference.provision_by_label()
    for step in playbook.steps:
        for item in step.checklist + step.advice:
            assert item.basis == "playbook suggestion" or item.basis in labels, (step.id, item.id)


def test_the_reference_covers_what_the_issue_names(playbook):
    ref = playbook.reference
    assert len(ref.principles) >= 10 and len(ref.forms) == 5 and len(ref.assistance) >= 20
    targets = ref.targets()
    criteria = targets["framework:ungp-31"].items
    assert len(criteria) == 8
    assert len(targets["framework:ilo-indicators"].items) == 11
    for ident in ("oecd-step-1", "oecd-step-5", "ilo-c182-art3", "employer-pays-principle", "csddd-art-12"):
        assert f"framework:{ident}" in targets
    assert {f.id for f in ref.frameworks} >= {"ungp", "oecd-minerals", "ilo-forced-labour", "ilo-c182", "employer-pays",
                                               "csddd", "eu-flr", "cap-conventions"}
    assert {r.id for r in ref.roles} >= {"downstream-company", "smelter-refiner", "audit-programme", "upstream-actors",
                                          "service-providers", "state-authorities", "worker-organisations"}


def test_every_role_has_a_note_for_each_of_its_steps(playbook):
    for role in playbook.reference.roles:
        assert sorted(n.step for n in role.notes) == sorted(role.steps), role.id
