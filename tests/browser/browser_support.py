"""Helpers shared by the browser tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


def wait_for_runtime(page, timeout=60_000):
    page.wait_for_selector("html[data-playbook-runtime=ready], html[data-playbook-runtime=error]", timeout=timeout)
    return page.evaluate("document.documentElement.dataset.playbookRuntime")
