"""Helpers shared by the model tests (also inside Pyodide)."""

from __future__ import annotations

import json
import os
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
def case_fixture(name: str) -> bytes:
    return (FIXTURES / "cases" / name).read_bytes()


def check_golden(name: str, actual: str | bytes) -> None:
    """Compare with tests/fixtures/golden/NAME; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = FIXTURES / "golden" / name
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if UPDATE_GOLDEN:
        path.write_bytes(data)
    assert path.exists(), f"{path} is missing: run UPDATE_GOLDEN=1 pytest to create it"
    assert data == path.read_bytes(), f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)"


def load_json(name: str):
    return json.loads(case_fixture(name))
