"""Step 1 end to end in headless Chromium: type, get errors, generate, download, compare with the CLI."""

from __future__ import annotations

import subprocess
import sys

from browser_support import ROOT, wait_for_record, wait_for_runtime

FILL = {
    "case_code": "CASE-2026-004",
    "case_owner": "=SUM(1) <script>alert(1)</script>",
    "received_on": "2026-03-14",
    "summary": "مرحبا بالعالم 🙂\n# not a heading\n<img src=x onerror=alert(1)>\n" + "long text " * 300,
    "reasons": "Two independent sources agree.",
}


def fill(page):
    for name, value in FILL.items():
        page.fill(f"form[data-playbook-form='step-1'] [name={name}]", value)
    page.check("[name=outcome][value=substantiated]")
    page.check("[name=exploitation_types][value=wfcl]")
    page.check("[name=urgency_flags][value=child_in_wfcl]")
    page.check("[name=checklist][value=log-case]")


def cli(*args) -> bytes:
    return subprocess.run([sys.executable, "-m", "playbook", *args], cwd=ROOT, check=True, capture_output=True).stdout


def test_form_is_there_before_python_with_every_hook(page, base_url):
    page.route("**/assets/pyodide/**", lambda route: route.abort())  # never let Python load
    page.goto(f"{base_url}/steps/step-1/")
    form = page.locator("form[data-playbook-form='step-1']")
    page.fill("[name=case_code]", "CASE-1")  # typing works at once
    assert page.input_value("[name=case_code]") == "CASE-1"
    for name in ("case_code", "summary", "received_on", "reasons"):
        control = form.locator(f"[name={name}]")
        assert page.locator(f"label[for='{control.get_attribute('id')}']").count() == 1
    assert form.locator("[data-playbook-action=generate]").count() == 1
    assert page.locator("[data-playbook-action=clear-all]").count() == 1
    assert page.locator("[data-playbook-error][role=alert]").count() == 1
    assert page.locator("[data-playbook-output]").count() == 1
    assert page.locator("[data-playbook-download=md]").count() == 1
    assert page.locator("[data-playbook-download=json]").count() == 1
    page.unroute("**/assets/pyodide/**")


def test_generate_download_and_cli_give_the_same_bytes(page, base_url, tmp_path):
    page.goto(f"{base_url}/steps/step-1/")
    assert wait_for_runtime(page) == "ready"
    fill(page)
    page.click("[data-playbook-action=generate]")
    wait_for_record(page)
    output = page.locator("[data-playbook-output]")
    assert output.locator("h1").inner_text() == "Verification record: CASE-2026-004"
    assert output.locator("script, img").count() == 0
    text = output.inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert "مرحبا بالعالم" in text and "# not a heading" in text
    assert "Refer now to the competent authorities" in text  # the rule's advice

    with page.expect_download() as md_info:
        page.click("[data-playbook-download=md]")
    with page.expect_download() as json_info:
        page.click("[data-playbook-download=json]")
    assert md_info.value.suggested_filename == "CASE-2026-004-verification-record.md"
    assert json_info.value.suggested_filename == "CASE-2026-004.case.json"
    md_path, json_path = tmp_path / "record.md", tmp_path / "case.json"
    md_info.value.save_as(md_path)
    json_info.value.save_as(json_path)
    assert md_path.read_bytes() == cli("render", str(json_path), "--step", "1")
    assert json_path.read_bytes() == cli("render", str(json_path), "--format", "json")


def test_errors_are_listed_linked_and_nothing_typed_is_lost(page, base_url):
    page.goto(f"{base_url}/steps/step-1/")
    page.fill("[name=case_code]", "Jane Doe")
    page.fill("[name=received_on]", "2026-03-14")
    page.fill("[name=summary]", "Something happened")
    page.click("[data-playbook-action=generate]")
    summary = page.locator("[data-playbook-error]")
    summary.locator("li").first.wait_for()
    items = summary.locator("li").all_inner_texts()
    assert any(i.startswith("Case code:") and "letters, digits" in i for i in items)
    assert any(i.startswith("Verification outcome:") for i in items)
    assert page.locator("[data-field=case_code] .pb-field-error").inner_text().startswith("Use letters")
    assert page.get_attribute("[name=case_code]", "aria-invalid") == "true"
    assert page.input_value("[name=case_code]") == "Jane Doe"
    assert page.input_value("[name=summary]") == "Something happened"
    summary.locator("a", has_text="Case code").click()
    assert page.evaluate("document.activeElement.name") == "case_code"
    page.fill("[name=case_code]", "CASE-5")
    page.check("[name=outcome][value=not_linked]")
    page.fill("[name=reasons]", "No link to our smelters.")
    page.click("[data-playbook-action=generate]")
    wait_for_record(page)
    assert page.locator(".pb-error-summary").is_hidden()


def test_entries_survive_reload_and_navigation_and_clear_all_deletes_them(page, base_url):
    page.goto(f"{base_url}/steps/step-1/")
    fill(page)
    page.wait_for_function("document.querySelector('.pb-saved').textContent.length > 0")
    page.reload()
    assert page.input_value("[name=case_code]") == FILL["case_code"]
    assert page.input_value("[name=summary]") == FILL["summary"]
    assert page.is_checked("[name=outcome][value=substantiated]")
    assert page.is_checked("[name=checklist][value=log-case]")
    page.click("nav a[href$='credits/']")
    page.wait_for_url("**/credits/")
    page.click("nav a[href$='steps/step-1/']")
    page.wait_for_url("**/steps/step-1/")
    assert page.input_value("[name=case_code]") == FILL["case_code"]
    page.click("[data-playbook-action=clear-all]")  # the confirm dialog is accepted by the fixture
    assert page.input_value("[name=case_code]") == ""
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('remediation-playbook')).length") == 0
    page.reload()
    assert page.input_value("[name=case_code]") == ""


def test_an_optional_choice_can_be_taken_back_and_stays_cleared(page, base_url):
    page.goto(f"{base_url}/steps/step-1/")
    group = page.locator("[data-field=children]")
    clear = group.locator("[data-playbook-action=clear-choice]")
    assert clear.is_hidden()  # nothing chosen yet
    assert page.locator("[data-field=outcome] [data-playbook-action=clear-choice]").count() == 0  # required
    page.check("[name=children][value=unknown]")
    assert clear.is_visible()
    assert page.get_by_role("button", name="Clear this answer: Are children (under 18) involved?").count() == 1
    clear.click()
    assert group.locator("input:checked").count() == 0
    assert page.evaluate("document.activeElement.name") == "children"
    assert clear.is_hidden()
    page.reload()
    assert group.locator("input:checked").count() == 0
    page.check("[name=children][value=yes]")
    page.reload()
    assert page.is_checked("[name=children][value=yes]")


def test_python_boots_once_per_visit_across_instant_navigation(page, base_url):
    wasm = []
    page.on("request", lambda r: r.url.endswith("pyodide.asm.wasm") and r.method == "GET" and wasm.append(r.url))
    page.goto(f"{base_url}/steps/step-1/")
    assert wait_for_runtime(page) == "ready"
    for href in ("credits/", "steps/step-2/", "steps/step-1/"):
        page.click(f"nav a[href$='{href}']")
        page.wait_for_url(f"**/{href}")
    assert page.evaluate("document.documentElement.dataset.playbookRuntime") == "ready"
    assert page.locator(".pb-runtime-status").inner_text() == "The document generator is ready."
    fill(page)
    page.click("[data-playbook-action=generate]")
    wait_for_record(page)
    assert len(wasm) == 1


def test_a_runtime_that_cannot_load_is_reported_and_the_guidance_stays(page_allowing_errors, base_url):
    page = page_allowing_errors
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(f"{base_url}/steps/step-1/")
    assert wait_for_runtime(page) == "error"
    assert "could not start" in page.locator(".pb-runtime-status").inner_text()
    assert page.locator("h2#what-to-do").is_visible()
    page.fill("[name=case_code]", "CASE-1")
    page.click("[data-playbook-action=generate]")
    page.locator("[data-playbook-error] li").first.wait_for()
    assert page.input_value("[name=case_code]") == "CASE-1"


def test_checklist_downloads_equal_the_cli(base_url):
    from urllib.request import urlopen

    for n in range(1, 7):
        with urlopen(f"{base_url}/downloads/step-{n}-checklist.md") as response:
            assert response.read() == cli("checklist", "--step", str(n))
