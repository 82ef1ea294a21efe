"""Training cases (content/cases/*.toml): fictional, complete case files for workshops.

Each file holds the case file a workshop loads into the forms (one table per step, as the forms
save it), the participants' brief, and the facilitator's debrief for every step. A case is checked
as strictly as a real case being generated: every step it holds must be complete, pass the step's
rules and carry no personal identifier, so that it can serve as a model answer.
"""

from __future__ import annotations

from pathlib import Path

from .casefile import FORMAT, VERSION, CaseError, check_step, dump_case, parse_case
from .checks import Problem, check_file_id, read_shaped, toml_files
from .model import Debrief, Playbook, TrainingCase
from .privacy import scan_values

S, S_OPT = ("str", True, None), ("str", False, None)
CASE = {
    "id": S, "title": S, "actor": S, "sector": S, "summary": S, "brief": S,
    "learning": ("strs", True, None), "updated": S,
    "steps": ("table", True, None),
    "debrief": ("tables", True, {"step": ("int", True, None), "situation": S_OPT, "good": S, "why": S,
                                 "questions": ("strs", False, None)}),
}


def _case_file(data: dict) -> dict:
    """The case file this training case describes, before it is checked."""
    return {
        "format": FORMAT, "version": VERSION, "updated": data["updated"],
        "profile": {"actor": data["actor"], "sector": data["sector"]}, "training": data["id"],
        "steps": data["steps"],
    }


def _check_case(data: dict, playbook: Playbook, file: str, problems: list[Problem]) -> dict | None:
    """The clean case file, or None with every problem named by its key in the TOML file."""
    try:
        case = parse_case(dump_case(_case_file(data)), playbook)
    except CaseError as exc:
        for p in exc.problems:
            key = {"profile.actor": "actor", "profile.sector": "sector", "training": "id"}.get(p["path"], p["path"])
            problems.append(Problem(file, key or "(file)", p["message"].rstrip("."),
                                    "correct the entry; the step files list each field's id and option values"))
        return None
    before = len(problems)
    if "verify" not in case["steps"]:
        problems.append(Problem(file, "steps", "has no [steps.verify]: every case starts at Step 1",
                                "add [steps.verify.values] with the Step 1 entries"))
    for step in playbook.steps:
        if step.id not in case["steps"]:
            continue
        entry = case["steps"][step.id]
        _, _, errors = check_step(step, entry["values"], entry["checklist"], items=playbook.checklist(step, case["profile"]))
        for e in errors:
            problems.append(Problem(file, f"steps.{step.id}.values.{e['field']}", e["message"].rstrip("."),
                                    "a training case is a model answer: complete the step as a user would have to"))
        for w in scan_values(entry["values"], lambda key: key):
            problems.append(Problem(file, f"steps.{step.id}.values.{w['field']}", w["message"].rstrip("."),
                                    "training cases name people only by pseudonymous codes"))
    return case if len(problems) == before else None


def read_cases(root: Path, playbook: Playbook, problems: list[Problem]) -> tuple[TrainingCase, ...]:
    """Every training case under root/cases/, checked against the playbook; the folder may be absent."""
    cases = []
    numbers = sorted(s.number for s in playbook.steps)
    for path, file, data in read_shaped(root, toml_files(root / "cases"), CASE, problems):
        before = len(problems)
        check_file_id(data, path, file, problems)
        seen = [d["step"] for d in data["debrief"]]
        if seen != numbers:
            problems.append(Problem(file, "debrief", f"has debriefs for steps {seen}",
                                    f"give one [[debrief]] for each step {numbers[0]} to {numbers[-1]}, in order"))
        case = _check_case(data, playbook, file, problems)
        if case is None or len(problems) > before:
            continue
        cases.append(TrainingCase(
            id=data["id"], title=data["title"].strip(), actor=data["actor"], sector=data["sector"],
            summary=data["summary"].strip(), brief=data["brief"].strip(),
            learning=tuple(x.strip() for x in data["learning"]), case=case,
            debrief=tuple(Debrief(d["step"], d["good"].strip(), d["why"].strip(), d.get("situation", "").strip(),
                                  tuple(q.strip() for q in d.get("questions", ()))) for d in data["debrief"]),
            source=file,
        ))
    return tuple(cases)
