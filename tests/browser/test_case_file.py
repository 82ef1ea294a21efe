"""The case file end to end: repeatable rows, the six steps of one case, reload, every download
format equal to the CLI, opening a case file (good and bad), and identifier warnings."""

from __future__ import annotations

import json
import subprocess
import sys

from browser_support import ROOT, wait_for_record, wait_for_runtime

FULL = ROOT / "tests" / "fixtures" / "cases" / "full.case.json"


def cli(*args) -> bytes:
    return subprocess.run([sys.executable, "-m", "playbook", *args], cwd=ROOT, check=True, capture_output=True).stdout


def add_action(page, ref, what, form_value):
    page.click("[data-playbook-action=add-row][data-rows=actions]")
    row = page.locator("[data-playbook-rows=actions] > li").last
    row.locator("[data-column=ref] input").fill(ref)
    row.locator("[data-column=what] textarea").fill(what)
    row.locator(f"[data-column=form] input[value={form_value}]").check()
    return row


def test_rows_can_be_added_reordered_removed_and_survive_a_reload(page, base_url):
    page.goto(f"{base_url}/steps/step-3/")
    add_action(page, "A1", "Repay recruitment fees =SUM(1)", "compensation")
    add_action(page, "A2", "School re-entry", "rehabilitation")
    add_action(page, "A3", "To be removed", "satisfaction")
    rows = page.locator("[data-playbook-rows=actions] > li")
    rows.nth(2).locator("[data-playbook-action=remove-row]").click()
    rows.nth(1).locator("[data-playbook-action=move-up]").click()
    assert [rows.nth(i).locator("[data-column=ref] input").input_value() for i in range(rows.count())] == ["A2", "A1"]
    assert rows.nth(0).locator("legend [data-row-number]").inner_text() == "1"
    page.reload()
    rows = page.locator("[data-playbook-rows=actions] > li")
    assert rows.count() == 2
    assert rows.nth(1).locator("[data-column=what] textarea").input_value() == "Repay recruitment fees =SUM(1)"
    assert rows.nth(1).locator("[data-column=form] input[value=compensation]").is_checked()


def test_a_cell_error_is_shown_at_the_cell_and_keeps_every_entry(page, base_url):
    page.goto(f"{base_url}/steps/step-3/")
    assert wait_for_runtime(page) == "ready"
    row = add_action(page, "A 1!", "Pay back wages", "compensation")
    page.fill("[name=objectives]", "Wages repaid.")
    page.fill("[name=closure_criteria]", "All repaid.")
    page.click("[data-playbook-action=generate]")
    summary = page.locator(".pb-error-summary")
    summary.wait_for()
    assert "Action 1" in summary.inner_text()
    cell = row.locator("[data-column=ref]")
    assert "Action 1, Code:" in summary.inner_text()
    assert cell.locator(".pb-field-error").inner_text() and "Action 1" not in cell.locator(".pb-field-error").inner_text()
    assert cell.locator("input").get_attribute("aria-invalid") == "true"
    assert row.locator("[data-column=what] textarea").input_value() == "Pay back wages"


def open_case(page, path):
    page.set_input_files("[data-playbook-action=import]", str(path))


def test_open_a_case_walk_the_steps_and_download_every_format_as_the_cli_does(page, base_url, tmp_path):
    page.goto(f"{base_url}/steps/step-1/")
    assert wait_for_runtime(page) == "ready"
    open_case(page, FULL)
    page.locator(".pb-saved", has_text="opened").wait_for()
    assert page.input_value("[name=case_code]") == "CASE-2026-004"
    for number in range(1, 7):  # every step's form holds the case; generating each keeps it whole
        page.goto(f"{base_url}/steps/step-{number}/")
        page.once("dialog", lambda d: d.accept())
        page.click("[data-playbook-action=generate]")
        page.wait_for_function("document.querySelector('[data-playbook-output] h1')"
                               " || !document.querySelector('.pb-warnings').hidden")
        if page.locator(".pb-warnings").is_visible():
            page.click("[data-playbook-action=generate-anyway]")
        page.locator("[data-playbook-output] h1").wait_for()
    page.reload()
    assert page.locator("[data-playbook-rows=causes] > li").count() == 2
    page.click("[data-playbook-action=generate]")
    wait_for_record(page)
    with page.expect_download() as json_download:
        page.click("[data-playbook-download=json]")
    case_path = tmp_path / "case.json"
    json_download.value.save_as(case_path)
    case = json.loads(case_path.read_text(encoding="utf-8"))
    assert case["updated"] and case["steps"]["plan"]["values"]["actions"][2]["what"].startswith("=SUM(1)")
    for link, fmt, step in (("report-md", "md", None), ("report-html", "html", None), ("report-docx", "docx", None),
                            ("xlsx", "xlsx", None), ("docx", "docx", "6"), ("html", "html", "6")):
        with page.expect_download() as download:
            page.click(f"[data-playbook-download={link}]")
        target = tmp_path / f"{link}.{fmt}"
        download.value.save_as(target)
        args = ["render", str(case_path), "--format", fmt, "-o", str(tmp_path / f"cli-{link}.{fmt}")]
        cli(*(args + (["--step", step] if step else [])))
        assert target.read_bytes() == (tmp_path / f"cli-{link}.{fmt}").read_bytes(), link


def test_a_bad_case_file_is_refused_and_the_case_in_the_browser_is_untouched(page, base_url, tmp_path):
    page.goto(f"{base_url}/steps/step-1/")
    page.fill("[name=case_code]", "MINE-1")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "remediation-playbook-case", "version": 99, "steps": {"verify": 3}}')
    page.once("dialog", lambda d: d.accept())
    open_case(page, bad)
    summary = page.locator(".pb-error-summary")
    summary.wait_for()
    assert "newer playbook" in summary.inner_text()
    page.reload()
    assert page.input_value("[name=case_code]") == "MINE-1"


def test_personal_identifiers_are_flagged_before_generating(page, base_url):
    page.goto(f"{base_url}/steps/step-1/")
    assert wait_for_runtime(page) == "ready"
    page.fill("[name=case_code]", "CASE-7")
    page.fill("[name=received_on]", "2026-03-14")
    page.fill("[name=summary]", "Worker born 03/04/2008, phone +44 20 7946 0958.")
    page.check("[name=outcome][value=credible_pending]")
    page.fill("[name=reasons]", "One source.")
    page.click("[data-playbook-action=generate]")
    warnings = page.locator(".pb-warnings")
    warnings.wait_for()
    assert "phone number" in warnings.inner_text() and "date of birth" in warnings.inner_text()
    assert page.locator("[data-playbook-output] h1").count() == 0
    page.click("[data-playbook-action=generate-anyway]")
    wait_for_record(page)


def test_identifiers_are_flagged_when_a_case_is_opened_and_before_it_is_exported(page, base_url, tmp_path):
    case = json.loads(FULL.read_text(encoding="utf-8"))
    case["steps"]["respond"]["values"]["severity_notes"] = "The foreman's phone is +44 20 7946 0958."
    path = tmp_path / "identifiers.case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    page.goto(f"{base_url}/steps/step-1/")
    assert wait_for_runtime(page) == "ready"
    open_case(page, path)
    warnings = page.locator(".pb-warnings")
    warnings.wait_for()
    assert "Step 2, Notes on severity" in warnings.inner_text() and "phone number" in warnings.inner_text()
    assert not warnings.locator("button").first.is_visible() and not warnings.locator("button").last.is_visible()
    assert page.input_value("[name=case_code]") == "CASE-2026-004"  # opened all the same: it is the user's file

    downloads = []
    page.on("download", lambda d: downloads.append(d))
    page.click("[data-playbook-action=export]")
    go_on = warnings.locator("[data-playbook-action=download-anyway]")
    go_on.wait_for()
    assert not warnings.locator("[data-playbook-action=generate-anyway]").is_visible() and downloads == []
    with page.expect_download() as first:
        go_on.click()
    assert json.loads(first.value.path().read_text(encoding="utf-8"))["steps"]["respond"]["values"]["severity_notes"]
    assert warnings.is_hidden()
    with page.expect_download():  # seen once this visit: the next export does not ask again
        page.click("[data-playbook-action=export]")
    assert warnings.is_hidden()
