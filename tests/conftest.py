"""Shared fixtures. These tests also run inside Pyodide (tests/pyodide/run.mjs): keep them free of
subprocesses, network and files outside tests/ unless marked `host`."""

from __future__ import annotations

import pytest

from playbook.content import load_playbook


def pytest_configure(config):
    config.addinivalue_line("markers", "host: needs the repository checkout (not run inside Pyodide)")
    config.addinivalue_line("markers", "browser: end-to-end tests in headless Chromium (need the built site)")


@pytest.fixture(scope="session")
def playbook():
    return load_playbook()
