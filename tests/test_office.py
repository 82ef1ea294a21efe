"""The Word files open in LibreOffice, not only in the Python library that reads them back.

LibreOffice Writer (headless) converts every .docx to text; a file it cannot load fails the conversion.
The text must hold every paragraph and table cell python-docx reads back, so nothing is lost on the way. Skipped where
LibreOffice is not installed (and inside Pyodide). Microsoft Word is not available here, and neither is
LibreOffice Calc, so the .xlsx is checked with openpyxl only (test_documents.py).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from support import case_fixture

from playbook.casefile import parse_case
from playbook.export import export

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")


def convert(tmp_path, names: list[str], target: str) -> None:
    profile = tmp_path / "lo-profile"  # a profile of its own, so a running LibreOffice does not interfere
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(tmp_path / "out"), *names], cwd=tmp_path, check=True, capture_output=True, timeout=300)


def test_every_word_file_opens_in_libreoffice_with_all_its_text(playbook, tmp_path):
    docx = pytest.importorskip("docx")
    import io

    case = parse_case(case_fixture("full.case.json"), playbook)
    words = {}
    for step in (*playbook.steps, None):
        name, data = export(playbook, case, "docx", step)
        (tmp_path / name).write_bytes(data)
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        words[name] = [t for t in [p.text for p in document.paragraphs] + cells if t.strip()]

    convert(tmp_path, sorted(words), "txt:Text (encoded):UTF8")
    for name, paragraphs in words.items():
        text = (tmp_path / "out" / name.replace(".docx", ".txt")).read_text(encoding="utf-8-sig")
        missing = [p for p in paragraphs if p.strip() not in text]
        assert not missing, f"{name}: LibreOffice shows no {missing[:3]}"
