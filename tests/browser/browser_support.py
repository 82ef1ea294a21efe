"""Helpers shared by the browser tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


def wait_for_runtime(page, timeout=60_000):
    page.wait_for_selector("html[data-playbook-runtime=ready], html[data-playbook-runtime=error]", timeout=timeout)
    return page.evaluate("document.documentElement.dataset.playbookRuntime")


def wait_for_record(page, timeout=60_000):
    """After a click on generate: wait for the reply and fail with what the page says if no record came.

    The click sets aria-busy on the generate button at once and the reply removes it, so this waits
    for the reply itself rather than for a record that may never come, and a failure names the
    errors or warnings shown instead of timing out without a word.
    """
    page.locator("[data-playbook-action=generate]:not([aria-busy])").wait_for(timeout=timeout)
    record = page.locator("[data-playbook-output] h1")
    if not record.is_visible():
        shown = page.locator(".pb-error-summary:visible, .pb-warnings:visible").all_inner_texts()
        raise AssertionError(f"no record after generate; the page shows: {shown or 'nothing'}")
    return record
