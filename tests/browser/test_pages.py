"""The step pages as a reader sees them: every step's checklist on the page equals the CLI's, each
page links the emergency page, and steps without a form say so."""

from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import urljoin

import pytest
from browser_support import ROOT


def cli_checklist(number: int) -> list[str]:
    out = subprocess.run([sys.executable, "-m", "playbook", "checklist", "--step", str(number), "--format", "json"],
                         cwd=ROOT, check=True, capture_output=True).stdout
    return [f"{i['text']} ({i['basis']})" for i in json.loads(out)["items"]]


@pytest.mark.parametrize("number", range(1, 7))
def test_page_checklist_equals_the_cli(page, base_url, number):
    page.goto(f"{base_url}/steps/step-{number}/")
    # Every step has its form and checklist; items only a profile adds stay hidden until one is chosen.
    selector = "form[data-playbook-form] .pb-checklist > .pb-option:not([hidden]) label"
    labels = [" ".join(t.split()) for t in page.locator(selector).all_inner_texts()]
    assert labels == cli_checklist(number)
    assert page.locator(".md-banner a[href$='emergency/']").count() == 1
    assert page.locator(f"form[data-playbook-form='step-{number}'] [data-playbook-action=generate]").count() == 1
    assert page.locator("[data-playbook-download=xlsx]").count() == 1
    for link in page.locator(".pb-checklist .pb-basis a, .pb-checklist .pb-refs a").all():  # references resolve on the site
        path, _, anchor = urljoin(page.url, link.get_attribute("href")).partition("#")
        target = page.request.get(path)
        assert target.ok and (not anchor or f'id="{anchor}"' in target.text()), link.get_attribute("href")


@pytest.mark.parametrize("paper", [(794, "A4"), (816, "Letter")], ids=["A4", "Letter"])
def test_each_step_prints_within_the_page_width(page, base_url, paper):
    """Print emulation at the paper's width (96 px per inch, before margins): no navigation, nothing
    wider than the page, and the guidance and checklist are there."""
    width, _ = paper
    page.set_viewport_size({"width": width, "height": 1123})
    page.emulate_media(media="print")
    for number in range(1, 7):
        page.goto(f"{base_url}/steps/step-{number}/")
        assert page.locator(".md-sidebar--primary").is_hidden() and page.locator(".md-header").is_hidden()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"step {number} is {overflow}px wider than {paper[1]} paper"
        assert page.locator(".pb-checklist label").count() >= 8
