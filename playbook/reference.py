"""Loading and checking the reference content: sources, frameworks, principles, remedies, roles, glossary.

The files live in content/reference/. Each is an array of tables with ids; entries point at one
another with "kind:id" references, and checklist items name a provision's label as their basis.
`read_reference` builds the records; `check_references` proves that every reference resolves.
"""

from __future__ import annotations

from pathlib import Path

from .checks import ID_PATTERN, Problem, check_shape, check_unique, read_toml
from .model import (
    PROVENANCES,
    SUGGESTION,
    Assistance,
    Framework,
    Item,
    Principle,
    Provision,
    Reference,
    ReparationForm,
    Role,
    RoleNote,
    Source,
    Step,
    Term,
)

S, S_OPT, STRS = ("str", True, None), ("str", False, None), ("strs", False, None)

SOURCE = {"id": S, "title": S, "publisher": S, "year": ("int", True, None), "year_note": S_OPT, "url": S, "note": S_OPT}
PROVISION = {
    "id": S, "label": S, "title": S, "text": S, "provenance": S, "playbook_use": S_OPT, "sources": STRS,
    "items": ("tables", False, {"name": S, "text": S_OPT}),
}
FRAMEWORK = {"id": S, "name": S, "short": S, "summary": S, "sources": ("strs", True, None), "provenance": S,
             "provisions": ("tables", False, PROVISION)}
PRINCIPLE = {"id": S, "code": S, "name": S, "practice": S, "rule": S, "provenance": S, "refs": STRS}
FORM = {"id": S, "code": S, "name": S, "text": S, "examples": ("strs", True, None), "provenance": S,
        "examples_provenance": S}
ASSISTANCE = {"id": S, "code": S, "name": S, "phase": S, "deliverers": S, "forms": ("strs", True, None),
              "child_note": S_OPT, "provenance": S}
ROLE = {"id": S, "name": S, "summary": S, "steps": ("ints", True, None), "provenance": S,
        "notes": ("tables", False, {"step": ("int", True, None), "text": S})}
TERM = {"id": S, "term": S, "abbr": S_OPT, "definition": S, "provenance": S, "refs": STRS}

# file name -> (array key, shape of one entry)
FILES = {
    "sources.toml": ("source", SOURCE),
    "frameworks.toml": ("framework", FRAMEWORK),
    "principles.toml": ("principle", PRINCIPLE),
    "remedies.toml": (None, {"form": ("tables", True, FORM), "assistance": ("tables", True, ASSISTANCE)}),
    "roles.toml": ("role", ROLE),
    "glossary.toml": ("term", TERM),
}
_PAGE = {"title": S, "description": S, "intro": S}
LABELS = ("provenance", "read", "inferred", "unverified", "suggested", "related", "rule", "examples", "sources",
          "code_column", "assistance_column", "phase_column", "deliverers_column", "forms_column", "source_column",
          "publisher_column", "year_column", "link_column", "link_text", "steps_label", "in_this_step",
          "in_this_step_intro", "diagram_title", "diagram_desc", "diagram_emergency", "diagram_not_substantiated",
          "diagram_revise")
PAGES = {
    "principles": ("table", True, _PAGE),
    "remedies": ("table", True, _PAGE | {"assistance_title": S, "children_title": S}),
    "roles": ("table", True, _PAGE | {"matrix_title": S, "actor_column": S}),
    "frameworks": ("table", True, _PAGE | {"playbook_use_title": S}),
    "glossary": ("table", True, _PAGE),
    "sources": ("table", True, _PAGE),
    "profiles": ("table", True, _PAGE | {k: S for k in ("actors_title", "sectors_title", "role_label", "steps_title",
                                                        "defaults_title", "defaults_intro")}),
    "training": ("table", True, _PAGE | {k: S for k in (
        "case_title", "fictional_title", "fictional_text", "actor_label", "sector_label", "learning_title", "brief_title",
        "walk_title", "situation_title", "debrief_title", "why_title", "questions_title", "not_in_case", "load_intro",
        "handout_link")}),
    "handouts": ("table", True, _PAGE | {k: S for k in (
        "cards_title", "cards_intro", "briefs_title", "briefs_intro", "checklists_title", "checklists_intro",
        "downloads_title", "print_title", "print_hint", "card_tasks", "card_who", "card_done", "card_pitfalls",
        "card_footer", "brief_steps")}),
    "labels": ("table", True, {key: S for key in LABELS}),
}
"""The shape of content/pages.toml: the wording of the generated reference pages."""

REF_KINDS = ("source", "framework", "principle", "form", "assistance", "role", "term", "step")


def _strip(text: str) -> str:
    return text.strip()


def _build(name: str, data: dict) -> dict[str, tuple]:
    """Records from one well-shaped file, keyed by the Reference attribute they fill."""
    if name == "sources.toml":
        return {"sources": tuple(
            Source(s["id"], _strip(s["title"]), _strip(s["publisher"]), s["year"], _strip(s["url"]),
                   _strip(s.get("year_note", "")), _strip(s.get("note", ""))) for s in data["source"])}
    if name == "frameworks.toml":
        return {"frameworks": tuple(
            Framework(f["id"], _strip(f["name"]), _strip(f["short"]), _strip(f["summary"]), tuple(f["sources"]),
                      f["provenance"], tuple(
                          Provision(p["id"], _strip(p["label"]), _strip(p["title"]), _strip(p["text"]),
                                    p["provenance"], _strip(p.get("playbook_use", "")),
                                    tuple(p.get("sources", ())) or tuple(f["sources"]),
                                    tuple(Item(_strip(i["name"]), _strip(i.get("text", ""))) for i in p.get("items", ())))
                          for p in f.get("provisions", ())))
            for f in data["framework"])}
    if name == "principles.toml":
        return {"principles": tuple(
            Principle(p["id"], p["code"], _strip(p["name"]), _strip(p["practice"]), _strip(p["rule"]), p["provenance"],
                      tuple(p.get("refs", ()))) for p in data["principle"])}
    if name == "remedies.toml":
        return {
            "forms": tuple(ReparationForm(f["id"], f["code"], _strip(f["name"]), _strip(f["text"]),
                                          tuple(map(_strip, f["examples"])), f["provenance"], f["examples_provenance"])
                           for f in data["form"]),
            "assistance": tuple(Assistance(a["id"], a["code"], _strip(a["name"]), _strip(a["phase"]),
                                           _strip(a["deliverers"]), tuple(a["forms"]), a["provenance"],
                                           _strip(a.get("child_note", ""))) for a in data["assistance"]),
        }
    if name == "roles.toml":
        return {"roles": tuple(
            Role(r["id"], _strip(r["name"]), _strip(r["summary"]), tuple(r["steps"]), r["provenance"],
                 tuple(RoleNote(n["step"], _strip(n["text"])) for n in r.get("notes", ()))) for r in data["role"])}
    return {"terms": tuple(
        Term(t["id"], _strip(t["term"]), _strip(t["definition"]), t["provenance"], _strip(t.get("abbr", "")),
             tuple(t.get("refs", ()))) for t in data["term"])}


def _entries(name: str, data: dict) -> list[tuple[str, dict]]:
    """(key path, table) for every entry in a file that carries an id and a provenance."""
    key = FILES[name][0]
    if key is None:
        return [(f"{k}[{i}]", e) for k in ("form", "assistance") for i, e in enumerate(data[k])]
    out = [(f"{key}[{i}]", e) for i, e in enumerate(data[key])]
    if name == "frameworks.toml":
        out += [(f"{key}[{i}].provisions[{j}]", p) for i, f in enumerate(data[key])
                for j, p in enumerate(f.get("provisions", ()))]
    return out


def _check_entries(name: str, data: dict, problems: list[Problem]) -> None:
    entries = _entries(name, data)
    for where, entry in entries:
        if not ID_PATTERN.match(entry["id"]):
            problems.append(Problem(f"reference/{name}", f"{where}.id", f"{entry['id']!r} is not a valid id",
                                    "use lower-case letters, digits, '-' or '_'"))
        for key in ("provenance", "examples_provenance"):
            if key in entry and entry[key] not in PROVENANCES:
                problems.append(Problem(f"reference/{name}", f"{where}.{key}", f"{entry[key]!r} is not a provenance",
                                        f"use one of: {', '.join(PROVENANCES)}"))
    check_unique([(f"{w}.id", e["id"]) for w, e in entries], "id", f"reference/{name}", problems)
    if name == "frameworks.toml":
        check_unique([(f"{w}.label", e["label"]) for w, e in entries if "label" in e], "label",
                     f"reference/{name}", problems)


def read_reference(root: Path, problems: list[Problem]) -> Reference | None:
    """Read and shape-check every reference file under root/reference; None if any is unsound."""
    parts: dict[str, tuple] = {}
    before = len(problems)
    for name, (key, shape) in FILES.items():
        label = f"reference/{name}"
        path = root / "reference" / name
        if not path.is_file():
            problems.append(Problem(label, "", "is missing", f"add {label} (see the other reference files for its shape)"))
            continue
        data = read_toml(path, label, problems)
        if data is None:
            continue
        start = len(problems)
        check_shape(data, {key: ("tables", True, shape)} if key else shape, "", label, problems)
        if len(problems) == start:
            _check_entries(name, data, problems)
        if len(problems) == start:
            parts.update(_build(name, data))
    return Reference(**parts) if len(problems) == before else None


def read_pages(root: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """The reference pages' wording from content/pages.toml ({} if the file is unsound)."""
    path = root / "pages.toml"
    if not path.is_file():
        problems.append(Problem("pages.toml", "", "is missing", "add pages.toml with the reference pages' wording"))
        return {}
    data = read_toml(path, "pages.toml", problems)
    if data is None:
        return {}
    before = len(problems)
    check_shape(data, PAGES, "", "pages.toml", problems)
    if len(problems) > before:
        return {}
    return {page: {k: v.strip() for k, v in table.items()} for page, table in data.items()}


def check_ref(ref: Reference, numbers: set[int], file: str, where: str, value: str, problems: list[Problem]) -> None:
    """A cross-reference "kind:id" must name something that exists (step:N a step number)."""
    kind, _, ident = value.partition(":")
    targets = ref.targets()
    if kind not in REF_KINDS:
        problems.append(Problem(file, where, f"{value!r} does not start with a known kind",
                                f"write kind:id with kind one of {', '.join(REF_KINDS)}"))
    elif kind == "step":
        if not (ident.isdigit() and int(ident) in numbers):
            problems.append(Problem(file, where, f"{value!r} names no step", "write step:1 … step:6"))
    elif value not in targets:
        known = sorted(k.partition(":")[2] for k in targets if k.startswith(kind + ":"))
        problems.append(Problem(file, where, f"{value!r} names no {kind}",
                                f"use an id from the {kind} entries ({', '.join(known[:12])}{', …' if len(known) > 12 else ''})"))


def check_basis(ref: Reference, file: str, where: str, basis: str, problems: list[Problem]) -> None:
    """A basis is the label of a framework provision, or the playbook's own suggestion."""
    labels = ref.provision_by_label()
    if basis != SUGGESTION and basis not in labels:
        problems.append(Problem(file, where, f"{basis!r} names no provision",
                                f'use "{SUGGESTION}" or the label of a provision in reference/frameworks.toml'
                                f" ({', '.join(sorted(labels)[:8])}, …)"))


def check_references(steps: tuple[Step, ...], ref: Reference, problems: list[Problem]) -> None:
    """Every cross-reference and every basis must name something that exists."""
    numbers = {s.number for s in steps}

    def check(file: str, where: str, value: str) -> None:
        check_ref(ref, numbers, file, where, value, problems)

    for step in steps:
        for group in ("checklist", "advice"):
            for i, item in enumerate(getattr(step, group)):
                check_basis(ref, step.source, f"{group}[{i}].basis", item.basis, problems)
                for j, value in enumerate(item.refs):
                    check(step.source, f"{group}[{i}].refs[{j}]", value)
    for i, f in enumerate(ref.frameworks):
        for k, s in enumerate(f.sources):
            check("reference/frameworks.toml", f"framework[{i}].sources[{k}]", f"source:{s}")
        for j, p in enumerate(f.provisions):
            for k, s in enumerate(p.sources):
                check("reference/frameworks.toml", f"framework[{i}].provisions[{j}].sources[{k}]", f"source:{s}")
    for i, p in enumerate(ref.principles):
        for j, value in enumerate(p.refs):
            check("reference/principles.toml", f"principle[{i}].refs[{j}]", value)
    for i, a in enumerate(ref.assistance):
        for j, form in enumerate(a.forms):
            check("reference/remedies.toml", f"assistance[{i}].forms[{j}]", f"form:{form}")
    for i, r in enumerate(ref.roles):
        for j, n in enumerate(r.notes):
            if n.step not in r.steps:
                problems.append(Problem("reference/roles.toml", f"role[{i}].notes[{j}].step",
                                        f"step {n.step} is not in this role's steps {list(r.steps)}",
                                        "add the step to `steps`, or move the note"))
        noted = {n.step for n in r.notes}
        for k, n in enumerate(r.steps):
            if n not in numbers:
                problems.append(Problem("reference/roles.toml", f"role[{i}].steps[{k}]", f"{n} is not a step number",
                                        "use 1 … 6"))
            elif n not in noted:
                problems.append(Problem("reference/roles.toml", f"role[{i}].steps[{k}]",
                                        f"the role takes part in step {n} but has no note for it",
                                        f"add [[role.notes]] with step = {n} and what this actor does in that step"))
    for i, t in enumerate(ref.terms):
        for j, value in enumerate(t.refs):
            check("reference/glossary.toml", f"term[{i}].refs[{j}]", value)
    check_unique([(f"term[{i}].abbr", t.abbr) for i, t in enumerate(ref.terms) if t.abbr], "abbreviation",
                 "reference/glossary.toml", problems)
