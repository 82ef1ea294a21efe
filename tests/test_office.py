"""The Word and Excel files open in LibreOffice, not only in the Python libraries that read them back.

LibreOffice Writer (headless) converts every .docx to text; a file it cannot load fails the conversion.
The text must hold every paragraph and table cell python-docx reads back, so nothing is lost on the way.
LibreOffice Calc converts the action tracker to CSV: every cell must read as openpyxl reads it, so a
typed "=SUM(1)" is still that text and was not computed. `make test` installs LibreOffice (Debian's
nogui packages) when it is missing; the tests are skipped without it (and inside Pyodide).
Microsoft Word and Excel are not available here.
"""

from __future__ import annotations

import csv
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


def test_the_action_tracker_opens_in_libreoffice_calc_as_text_not_formulas(playbook, tmp_path):
    pytest.importorskip("openpyxl")
    from test_documents import xlsx_rows

    case = parse_case(case_fixture("full.case.json"), playbook)
    name, data = export(playbook, case, "xlsx")
    (tmp_path / name).write_bytes(data)
    convert(tmp_path, [name], "csv:Text - txt - csv (StarCalc):44,34,76")  # comma, double quote, UTF-8
    with open(tmp_path / "out" / name.replace(".xlsx", ".csv"), encoding="utf-8", newline="") as shown:
        calc = [row for row in csv.reader(shown)]
    expected = [["" if v is None else str(v) for v in row] for row in xlsx_rows(data)]
    width = max(len(row) for row in expected)
    assert [row + [""] * (width - len(row)) for row in calc] == [row + [""] * (width - len(row)) for row in expected]
    assert any(cell.startswith("=SUM(1)") for row in calc for cell in row)
