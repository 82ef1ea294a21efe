"""One case walked through the six steps by typing it into the forms, as a user would.

What to type comes from the fixture case file; where to type it comes from the step model, so the
test follows the forms when fields are added, removed or changed (and the fixture with them). On
each step: type every value, tick the checklist, generate. After Step 3: reload, and find everything
typed on Steps 1 to 3 still in the forms. On Step 6: download every document the page offers and
compare each with what the CLI writes from the downloaded case file, byte for byte. The `page`
fixture fails the test if any request leaves 127.0.0.1 or the console shows an error.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from browser_support import ROOT
from playbook.casefile import parse_case

FIXTURE = ROOT / "tests" / "fixtures" / "cases" / "full.case.json"


# --- one field: where it is on the page, how to type into it, how to read it back -------------

def _quoted(value: str) -> str:
    return json.dumps(value)  # a CSS attribute value in double quotes


def field_box(form, field):
    """The element holding a top-level field's control(s)."""
    return form.locator(f"[data-field={_quoted(field.id)}]")


def rows_of(form, field):
    return form.locator(f"[data-playbook-rows={_quoted(field.id)}] > li")


def cell_box(row, column):
    return row.locator(f"[data-column={_quoted(column.id)}]")


def set_control(box, field, value):
    """Type or pick one value (not a rows field) inside its box, with the widget the page uses."""
    if field.type == "choice":
        select = box.locator("select")
        if select.count():
            select.select_option(value)
        elif value:
            box.locator(f"input[type=radio][value={_quoted(value)}]").check()
    elif field.type == "choices":
        for option in field.options:
            box.locator(f"input[type=checkbox][value={_quoted(option.value)}]").set_checked(option.value in value)
    elif value:
        box.locator("input, textarea").fill(value)


def get_control(box, field):
    """What one control (not a rows field) holds now, in the case file's terms."""
    if field.type == "choice":
        select = box.locator("select")
        if select.count():
            return select.input_value()
        checked = box.locator("input[type=radio]:checked")
        return checked.get_attribute("value") if checked.count() else ""
    if field.type == "choices":
        return box.locator("input[type=checkbox]:checked").evaluate_all("els => els.map(e => e.value)")
    return box.locator("input, textarea").input_value()


def fill_field(form, field, value):
    if field.type != "rows":
        set_control(field_box(form, field), field, value)
        return
    rows = rows_of(form, field)
    for i, data in enumerate(value):
        form.locator(f"[data-playbook-action=add-row][data-rows={_quoted(field.id)}]").click()
        row = rows.nth(i)
        for column in field.columns:
            set_control(cell_box(row, column), column, data.get(column.id, ""))


def read_field(form, field):
    if field.type != "rows":
        return get_control(field_box(form, field), field)
    return [{c.id: get_control(cell_box(row, c), c) for c in field.columns} for row in rows_of(form, field).all()]


def read_checklist(form):
    return form.locator("input[name=checklist]:checked").evaluate_all("els => els.map(e => e.value)")


def differences(step, expected: dict, actual: dict, where: str) -> list[str]:
    """One line per field of the step whose value is not the one typed."""
    return [f"step {step.number} ({step.id}) {field.id}: typed {expected[field.id]!r}, {where} {actual.get(field.id)!r}"
            for field in step.fields if actual.get(field.id) != expected[field.id]]


# --- the page --------------------------------------------------------------------------------

def form_of(page, step):
    """The step's form, once the page script has bound it (and restored what was saved)."""
    page.locator(f"form[data-playbook-form=step-{step.number}][data-bound]").wait_for()
    return page.locator(f"form[data-playbook-form=step-{step.number}]")


def follow_nav_link(page, step):
    """Go to a step through the site's own navigation (Material's instant navigation, no reload)."""
    page.click(f"nav a[href$='steps/step-{step.number}/']")
    page.wait_for_url(f"**/steps/step-{step.number}/")
    return form_of(page, step)


def type_step(form, step, entry):
    for field in step.fields:
        fill_field(form, field, entry["values"][field.id])
    for item in entry["checklist"]:
        form.locator(f"input[name=checklist][value={_quoted(item)}]").check()


def generate(page, form):
    """Generate the step's record, confirming the identifier warnings if they come; fail on errors."""
    anyway = form.locator("[data-playbook-action=generate-anyway]")  # shown with the warnings
    form.locator("[data-playbook-action=generate]").click()
    for confirmed in (False, True):
        # The click sets aria-busy on the generate button at once; it goes when the reply is shown.
        form.locator("[data-playbook-action=generate]:not([aria-busy])").wait_for(timeout=60_000)
        error = form.locator("[data-playbook-error]")
        if error.is_visible():
            pytest.fail(f"generating {form.get_attribute('data-playbook-form')} failed: {error.inner_text()}")
        if confirmed or not anyway.is_visible():
            break
        anyway.click()
    page.locator("[data-playbook-output] h1").wait_for()


def check_still_there(form, step, entry):
    problems = differences(step, entry["values"], {f.id: read_field(form, f) for f in step.fields}, "form shows")
    if read_checklist(form) != entry["checklist"]:
        problems.append(f"step {step.number} checklist: ticked {entry['checklist']}, form shows {read_checklist(form)}")
    return problems


def cli_render(case_path, fmt, step, out):
    args = [sys.executable, "-m", "playbook", "render", str(case_path), "--format", fmt, "-o", str(out)]
    subprocess.run(args + (["--step", str(step)] if step else []), cwd=ROOT, check=True, capture_output=True)


# --- the walk --------------------------------------------------------------------------------

def test_walk_six_steps_typing_reload_midway_and_download_every_format_as_the_cli(page, base_url, playbook, tmp_path):
    # The fixture as the current model reads it: every field of every step, empty where the fixture
    # has no value; a fixture key the model no longer has stops the test here (CaseError).
    entries = parse_case(FIXTURE.read_bytes(), playbook)["steps"]
    steps = [s for s in playbook.steps if s.has_form]
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6]
    assert sorted(entries) == sorted(s.id for s in steps), "the fixture must hold all six steps"

    page.goto(f"{base_url}/steps/step-1/")
    for step in steps:
        form = form_of(page, step) if step.number == 1 else follow_nav_link(page, step)
        type_step(form, step, entries[step.id])
        generate(page, form)
        if step.number == 3:  # midway: reload, then find Steps 1-3 as typed
            page.reload()
            problems = check_still_there(form_of(page, step), step, entries[step.id])
            for earlier in steps[:2]:
                problems += check_still_there(follow_nav_link(page, earlier), earlier, entries[earlier.id])
            assert not problems, "lost on reload:\n" + "\n".join(problems)
            follow_nav_link(page, step)

    # Step 6, generated: download every document offered, the case file first.
    links = page.locator("[data-playbook-download]")
    hooks = [links.nth(i).get_attribute("data-playbook-download") for i in range(links.count())]
    assert "json" in hooks, hooks
    hooks.remove("json")
    downloaded = {}
    for hook in ["json", *hooks]:
        link = page.locator(f"[data-playbook-download={_quoted(hook)}]")
        fmt = link.get_attribute("data-format") or hook
        scope_step = None if link.get_attribute("data-scope") in ("report", "case") else step.number
        with page.expect_download() as download:
            link.click()
        target = tmp_path / f"browser-{hook}.{fmt}"
        download.value.save_as(target)
        downloaded[hook] = (target, fmt, scope_step)

    # The downloaded case file holds every value typed, field by field.
    case_path = downloaded["json"][0]
    saved = json.loads(case_path.read_text(encoding="utf-8"))
    assert saved["updated"]
    assert sorted(saved["steps"]) == sorted(entries)
    problems = []
    for step in steps:
        problems += differences(step, entries[step.id]["values"], saved["steps"][step.id]["values"], "case file holds")
        if saved["steps"][step.id]["checklist"] != entries[step.id]["checklist"]:
            problems.append(f"step {step.number} checklist: ticked {entries[step.id]['checklist']}, "
                            f"case file holds {saved['steps'][step.id]['checklist']}")
    assert not problems, "the downloaded case file differs from what was typed:\n" + "\n".join(problems)

    # Every download is the CLI's output from that case file, byte for byte.
    different = []
    for hook, (target, fmt, scope_step) in downloaded.items():
        expected = tmp_path / f"cli-{hook}.{fmt}"
        cli_render(case_path, fmt, scope_step, expected)
        if target.read_bytes() != expected.read_bytes():
            different.append(f"{hook} (render --format {fmt}{f' --step {scope_step}' if scope_step else ''})")
    assert not different, f"downloads that differ from the CLI: {different}"
