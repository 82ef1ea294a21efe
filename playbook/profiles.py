"""Actor and sector profiles (content/profiles/*.toml): reading, checking and applying them.

A profile adapts what the playbook shows without changing the general guidance: a note, examples
and extra stakeholders on each step's page, how its people name the general roles, checklist items
that apply only under it, and the values some form fields start with. A case file records the
profiles chosen (one actor, one sector, either may be none).
"""

from __future__ import annotations

from pathlib import Path

from .casefile import check_field
from .checks import ID_PATTERN, Problem, check_file_id, check_unique, read_shaped, toml_files
from .model import PROFILE_KINDS, PROVENANCES, ChecklistItem, Profile, ProfileStep, Reference, Stakeholder, Step
from .reference import check_basis, check_ref

S, S_OPT = ("str", True, None), ("str", False, None)
PROFILE = {
    "id": S, "kind": S, "name": S, "summary": S, "provenance": S, "role": S_OPT,
    "wording": ("map", False, None),
    "steps": ("tables", True, {
        "step": ("int", True, None), "note": S, "examples": ("strs", False, None),
        "stakeholders": ("tables", False, {"who": S, "role": S}),
    }),
    "checklist": ("tables", False, {
        "step": ("int", True, None), "id": S, "text": S, "basis": S, "refs": ("strs", False, None),
    }),
    "defaults": ("table", False, None),
}
DEFAULT_TYPES = ("text", "textarea", "choice", "choices")
"""The kinds of field a profile may give a starting value (not dates, not rows)."""


def _check_defaults(data: dict, steps: dict[str, Step], file: str, problems: list[Problem]) -> None:
    for step_id, values in data.items():
        where = f"defaults.{step_id}"
        if step_id not in steps:
            problems.append(Problem(file, where, f"{step_id!r} is not a step id", f"use one of: {', '.join(steps)}"))
            continue
        if not isinstance(values, dict):
            problems.append(Problem(file, where, "should be a table of field ids and values",
                                    f"write [defaults.{step_id}] and field = value lines under it"))
            continue
        step = steps[step_id]
        for field_id, value in values.items():
            key = f"{where}.{field_id}"
            try:
                field = step.field(field_id)
            except KeyError:
                problems.append(Problem(file, key, f"step {step.number} has no field {field_id!r}",
                                        f"use a field id from {step.source}"))
                continue
            if field.type not in DEFAULT_TYPES:
                problems.append(Problem(file, key, f"a {field.type} field takes no default",
                                        f"give defaults only to fields of type {', '.join(DEFAULT_TYPES)}"))
                continue
            clean, message = check_field(field, value, partial=True)
            if message or clean != value:
                problems.append(Problem(file, key, message or f"{value!r} is not a value this field keeps as it is",
                                        "use an option value from the step file (a list for a choices field), or plain text"))


def _check_rules(data: dict, steps: dict[str, Step], ref: Reference, file: str,
                 problems: list[Problem]) -> None:
    if data["kind"] not in PROFILE_KINDS:
        problems.append(Problem(file, "kind", f"{data['kind']!r} is not a kind of profile",
                                f"use one of: {', '.join(PROFILE_KINDS)}"))
    if data["provenance"] not in PROVENANCES:
        problems.append(Problem(file, "provenance", f"{data['provenance']!r} is not a provenance",
                                f"use one of: {', '.join(PROVENANCES)}"))
    roles = {r.id for r in ref.roles}
    if "role" in data:
        if data["kind"] != "actor":
            problems.append(Problem(file, "role", "only an actor profile names a role", "remove `role`"))
        elif data["role"] not in roles:
            problems.append(Problem(file, "role", f"{data['role']!r} is not a role", f"use a role id: {', '.join(sorted(roles))}"))
    for role_id in data.get("wording", {}):
        if role_id not in roles:
            problems.append(Problem(file, f"wording.{role_id}", f"{role_id!r} is not a role",
                                    f"use a role id: {', '.join(sorted(roles))}"))
    numbers = {s.number for s in steps.values()}
    seen = [s["step"] for s in data["steps"]]
    if sorted(seen) != sorted(numbers):
        problems.append(Problem(file, "steps", f"has notes for steps {seen}",
                                f"give one [[steps]] table for each step {min(numbers)} to {max(numbers)}"))
    for i, item in enumerate(data.get("checklist", [])):
        where = f"checklist[{i}]"
        if item["step"] not in numbers:
            problems.append(Problem(file, f"{where}.step", f"{item['step']} is not a step number", "use 1 … 6"))
        if not ID_PATTERN.match(item["id"]):
            problems.append(Problem(file, f"{where}.id", f"{item['id']!r} is not a valid id",
                                    "use lower-case letters, digits, '-' or '_'"))
        check_basis(ref, file, f"{where}.basis", item["basis"], problems)
        for j, value in enumerate(item.get("refs", [])):
            check_ref(ref, numbers, file, f"{where}.refs[{j}]", value, problems)
    _check_defaults(data.get("defaults", {}), steps, file, problems)


def _build(data: dict, file: str) -> Profile:
    return Profile(
        id=data["id"], kind=data["kind"], name=data["name"].strip(), summary=data["summary"].strip(),
        provenance=data["provenance"], role=data.get("role", ""),
        wording=tuple((k, v.strip()) for k, v in data.get("wording", {}).items()),
        steps=tuple(ProfileStep(s["step"], s["note"].strip(), tuple(e.strip() for e in s.get("examples", [])),
                                tuple(Stakeholder(x["who"].strip(), x["role"].strip()) for x in s.get("stakeholders", [])))
                    for s in sorted(data["steps"], key=lambda s: s["step"])),
        checklist=tuple((c["step"], ChecklistItem(c["id"], c["text"].strip(), c["basis"].strip(), tuple(c.get("refs", ()))))
                        for c in data.get("checklist", [])),
        defaults={k: dict(v) for k, v in data.get("defaults", {}).items()},
        source=file,
    )


def read_profiles(root: Path, steps: tuple[Step, ...], ref: Reference, problems: list[Problem]) -> tuple[Profile, ...]:
    """Every profile under root/profiles/, checked; the folder may be absent (no profiles)."""
    profiles = []
    by_id = {s.id: s for s in steps}
    for path, file, data in read_shaped(root, toml_files(root / "profiles"), PROFILE, problems):
        before = len(problems)
        check_file_id(data, path, file, problems)
        _check_rules(data, by_id, ref, file, problems)
        if len(problems) == before:
            profiles.append(_build(data, file))
    # A profile's checklist items join a step's checklist: their ids must differ from the step's and each other's.
    for step in steps:
        ids = [(f"{step.source}: checklist", c.id) for c in step.checklist]
        ids += [(f"{p.source}: checklist", item.id) for p in profiles for item in p.items(step.number)]
        check_unique(ids, f"step {step.number} checklist id", "profiles/", problems)
    check_unique([(p.source, p.name) for p in profiles], "profile name", "profiles/", problems)
    return tuple(profiles)


def apply_defaults(playbook, forms: dict, choice: dict | None) -> dict:
    """The forms ({"step-N": {"values", "checklist"}}) with the chosen profiles' defaults filled into
    fields that are still empty; nothing the user entered is changed. The actor's defaults come first."""
    out = {k: {"values": dict(v.get("values", {})), "checklist": list(v.get("checklist", []))} for k, v in forms.items()}
    for profile in playbook.chosen(choice):
        for step_id, defaults in profile.defaults.items():
            form = out.setdefault(f"step-{playbook.step(step_id).number}", {"values": {}, "checklist": []})
            for field_id, value in defaults.items():
                if form["values"].get(field_id) in (None, "", []):
                    form["values"][field_id] = value
    return out
