"""The command line: `main(argv)` returns the exit status; documents go to stdout as UTF-8 bytes."""

from __future__ import annotations

import json
import shutil

import pytest
from support import FIXTURES, check_golden

from playbook.cli import main
from playbook.content import CONTENT_DIR


def run(capsysbinary, *argv):
    status = main(list(argv))
    out, err = capsysbinary.readouterr()
    return status, out, err.decode("utf-8")


@pytest.mark.parametrize("name", ["step1-full", "step1-hostile"])
def test_render_gives_the_golden_record(capsysbinary, name):
    status, out, _ = run(capsysbinary, "render", str(FIXTURES / "cases" / f"{name}.case.json"), "--step", "1")
    assert status == 0
    check_golden(f"{name}.md", out)


def test_render_json_is_the_canonical_case(capsysbinary, playbook):
    status, out, _ = run(capsysbinary, "render", str(FIXTURES / "cases" / "step1-full.case.json"), "--format", "json")
    assert status == 0
    assert json.loads(out)["steps"]["verify"]["values"]["case_code"] == "CASE-2026-004"
    assert out.endswith(b"}\n")


def test_render_to_a_file(tmp_path, capsysbinary):
    target = tmp_path / "out.md"
    status, out, _ = run(capsysbinary, "render", str(FIXTURES / "cases" / "step1-full.case.json"), "--step", "1",
                         "-o", str(target))
    assert status == 0 and out == b""
    check_golden("step1-full.md", target.read_bytes())


def test_render_notes_identifiers_on_stderr_and_still_writes_the_document(tmp_path, capsysbinary):
    case = json.loads((FIXTURES / "cases" / "full.case.json").read_text(encoding="utf-8"))
    case["steps"]["verify"]["values"]["summary"] += " Contact: worker@example.org"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    status, out, err = run(capsysbinary, "render", str(path), "--step", "1")
    assert status == 0 and out.startswith(b"# ")
    assert err.count("warning:") == 1 and "Step 1, What is alleged" in err and "e-mail address" in err


def test_render_refuses_a_bad_case_file_naming_the_problem(tmp_path, capsysbinary):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "remediation-playbook-case", "version": 1, "steps": {"verify": {"values": {"outcome": "maybe"}}}}')
    status, out, err = run(capsysbinary, "render", str(bad))
    assert status == 1 and out == b""
    assert "bad.json: steps.verify.values.outcome: Choose one of the options" in err


def test_render_reports_a_missing_file(tmp_path, capsysbinary):
    status, _, err = run(capsysbinary, "render", str(tmp_path / "nope.json"))
    assert status == 1 and "cannot read" in err


def test_render_of_a_step_not_started_says_what_belongs_there(capsysbinary):
    status, out, _ = run(capsysbinary, "render", str(FIXTURES / "cases" / "step1-full.case.json"), "--step", "2")
    assert status == 0 and b"# Response decision: CASE-2026-004" in out and b"*Not recorded." in out


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "xlsx", "json"])
def test_render_every_format_equals_the_export(tmp_path, capsysbinary, playbook, fmt):
    from playbook.casefile import parse_case
    from playbook.export import export

    target = tmp_path / f"out.{fmt}"
    status, _, _ = run(capsysbinary, "render", str(FIXTURES / "cases" / "full.case.json"), "--format", fmt, "-o", str(target))
    case = parse_case((FIXTURES / "cases" / "full.case.json").read_bytes(), playbook)
    assert status == 0 and target.read_bytes() == export(playbook, case, fmt)[1]


@pytest.mark.parametrize("number", range(1, 7))
def test_checklist_md(capsysbinary, number):
    status, out, _ = run(capsysbinary, "checklist", "--step", str(number))
    assert status == 0
    check_golden(f"step{number}-checklist.md", out)


def test_checklist_json(capsysbinary, playbook):
    status, out, _ = run(capsysbinary, "checklist", "--step", "2", "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["step"] == 2
    assert [i["id"] for i in data["items"]] == [c.id for c in playbook.step(2).checklist]
    assert all(i["basis"] for i in data["items"])


def test_bad_step_number_is_a_usage_error(capsysbinary):
    with pytest.raises(SystemExit) as exit_info:
        main(["checklist", "--step", "7"])
    assert exit_info.value.code == 2
    assert "give a number from 1 to 6" in capsysbinary.readouterr().err.decode()


def test_validate_good_and_broken_content(tmp_path, capsysbinary):
    status, out, _ = run(capsysbinary, "validate")
    assert status == 0 and b"content is valid" in out
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    step = root / "steps" / "step-1.toml"
    step.write_text(step.read_text().replace('id = "verify"', 'id = "Verify!"'))
    status, _, err = run(capsysbinary, "validate", str(root))
    assert status == 1
    assert "steps/step-1.toml: id: 'Verify!' is not a valid id. Fix:" in err
    assert "1 problem found" in err


def test_handout_writes_the_same_files_the_site_offers(capsysbinary, playbook):
    from playbook.handouts import all_handouts

    files = all_handouts(playbook)
    status, out, _ = run(capsysbinary, "handout", "card", "--step", "3")
    assert status == 0 and out == files["step-3-card.md"]
    case = playbook.cases[0].id
    status, out, _ = run(capsysbinary, "handout", "brief", "--case", case, "--format", "html")
    assert status == 0 and out == files[f"case-{case}-brief.html"]
    status, _, err = run(capsysbinary, "handout", "brief", "--case", "nope")
    assert status == 2 and "choose a training case with --case" in err


def test_checklist_with_a_profile_adds_its_items(capsysbinary, playbook):
    profile = next(p for p in playbook.profiles if p.checklist)
    number, item = profile.checklist[0]
    status, out, _ = run(capsysbinary, "checklist", "--step", str(number), f"--{profile.kind}", profile.id, "--format", "json")
    assert status == 0 and item.id in [i["id"] for i in json.loads(out)["items"]]
    status, _, err = run(capsysbinary, "checklist", "--step", "1", "--actor", "seafood")
    assert status == 2 and "not one of the actor profiles" in err
