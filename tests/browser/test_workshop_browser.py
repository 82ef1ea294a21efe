"""Workshops in the browser: load a training case (asking before replacing the user's own case),
walk its six steps, choose a profile, and print the step cards one per sheet."""

from __future__ import annotations

import json
import re

import pytest
from browser_support import wait_for_runtime

from playbook.content import load_playbook

PLAYBOOK = load_playbook()
FULL_CASE = next(c for c in PLAYBOOK.cases if set(c.case["steps"]) == {s.id for s in PLAYBOOK.steps})


def stored(page):
    return json.loads(page.evaluate("localStorage.getItem('remediation-playbook:v1')") or "null")


def test_a_training_case_loads_only_when_the_user_agrees_and_walks_all_six_steps(page, base_url):
    case = FULL_CASE
    page.goto(f"{base_url}/steps/step-1/")
    page.fill("[name=case_code]", "MY-OWN-CASE")
    page.goto(f"{base_url}/training/{case.id}/")
    button = page.locator(f"[data-playbook-action=load-case][data-case='{case.id}']")
    page.evaluate("window.confirm = (text) => { window.asked = text; return false; }")
    button.click()
    assert "replaces the case saved in this browser" in page.evaluate("window.asked")
    assert stored(page)["forms"]["step-1"]["values"]["case_code"] == "MY-OWN-CASE"

    page.evaluate("window.confirm = () => true")
    button.click()
    status = page.locator(".pb-load-status")
    status.filter(has_text="Open Step 1").wait_for(timeout=60_000)
    data = stored(page)
    assert data["case"]["training"] == case.id and data["training"] == case.title
    assert data["profile"] == {"actor": case.actor, "sector": case.sector}

    for step in PLAYBOOK.steps:
        page.goto(f"{base_url}/steps/step-{step.number}/")
        assert case.title in page.locator(".pb-training-banner").inner_text()
        assert page.locator("#pb-profile-actor").input_value() == case.actor
        for item in PLAYBOOK.checklist(step, case.case["profile"])[len(step.checklist):]:
            assert page.locator(f"[name=checklist][value='{item.id}']").is_visible()
        values = case.case["steps"][step.id]["values"]
        first_text = next(f for f in step.fields if f.type in ("text", "textarea") and values.get(f.id))
        assert page.locator(f"[name={first_text.id}]").input_value() == values[first_text.id]
        assert wait_for_runtime(page) == "ready"
        page.click("[data-playbook-action=generate]")
        output = page.locator("[data-playbook-output]")
        output.filter(has_text="Fictional training case").wait_for(timeout=30_000)
        assert page.locator(".pb-error-summary").is_hidden()
        assert page.locator(".pb-warnings").is_hidden()
    assert stored(page)["case"]["steps"] == json.loads(json.dumps(case.case["steps"]))


def test_choosing_a_profile_adds_its_items_fills_its_defaults_and_is_named_on_the_record(page, base_url):
    profile = next(p for p in PLAYBOOK.profiles if p.defaults.get("verify") and p.items(1))
    page.goto(f"{base_url}/steps/step-1/")
    item = profile.items(1)[0]
    checkbox = page.locator(f"[name=checklist][value='{item.id}']")
    assert checkbox.is_hidden()
    page.select_option(f"#pb-profile-{profile.kind}", profile.id)
    assert checkbox.is_visible()
    field, value = next(iter(profile.defaults["verify"].items()))
    page.locator(f"[name={field}][value='{value}']").wait_for(state="attached")
    page.wait_for_function(f"document.querySelector('[name={field}][value={value}]').checked", timeout=60_000)
    tab = page.locator(f"[data-profile-tabs={profile.kind}] .tabbed-labels > label", has_text=profile.name)
    assert page.evaluate("(l) => document.getElementById(l.htmlFor).checked", tab.element_handle())

    page.fill("[name=case_code]", "CASE-PROFILE")
    page.fill("[name=received_on]", "2026-05-01")
    page.fill("[name=summary]", "A report of unpaid wages.")
    page.check("[name=outcome][value=credible_pending]")
    page.fill("[name=reasons]", "One source so far.")
    checkbox.check()
    page.click("[data-playbook-action=generate]")
    page.locator("[data-playbook-output]").filter(has_text=f"Profile: {profile.name}").wait_for(timeout=60_000)
    assert item.text[:40] in page.locator("[data-playbook-output]").inner_text()

    page.select_option(f"#pb-profile-{profile.kind}", "")
    assert checkbox.is_hidden()
    page.click("[data-playbook-action=clear-all]")
    assert page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('remediation') || k.endsWith('__tabs'))") == []
    assert page.locator(f"#pb-profile-{profile.kind}").input_value() == ""


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_each_step_card_prints_on_exactly_one_sheet(page, base_url, paper):
    page.goto(f"{base_url}/handouts/step-cards/")
    page.emulate_media(media="print")
    cards = page.locator(".pb-card")
    assert cards.count() == len(PLAYBOOK.steps)
    assert page.locator("h1").first.is_hidden()
    pdf = page.pdf(format=paper, print_background=False)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == len(PLAYBOOK.steps), f"{pages} sheets for {len(PLAYBOOK.steps)} cards on {paper}"
    wide = page.evaluate("[...document.querySelectorAll('.pb-card *')].filter((e) => e.scrollWidth > e.clientWidth + 1).length")
    assert wide == 0


def test_every_handout_file_link_resolves_to_the_file_the_cli_writes(page, base_url):
    from playbook.handouts import all_handouts

    files = all_handouts(PLAYBOOK)
    page.goto(f"{base_url}/handouts/")
    links = page.locator("a[download]")
    assert links.count() == len(files) + len(PLAYBOOK.steps)  # and one checklist per step
    for link in links.all():
        url = link.evaluate("(a) => a.href")
        reply = page.request.get(url)
        assert reply.ok, url
        name = url.rsplit("/", 1)[1]
        if name in files:
            assert reply.body() == files[name], name
