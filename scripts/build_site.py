"""Build steps around `mkdocs build`, driven by the Makefile.

    python scripts/build_site.py pages    # step and reference pages, diagram, abbreviations into docs/ (before mkdocs build)
    python scripts/build_site.py vendor   # Pyodide, wheels + manifest, checklist downloads into site/

Generated files are never edited by hand and never committed.
"""

from __future__ import annotations

import json
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playbook import __version__  # noqa: E402
from playbook.content import load_playbook  # noqa: E402
from playbook.records import checklist_document  # noqa: E402
from playbook.schema import case_schema  # noqa: E402
from playbook.render import markdown  # noqa: E402
from playbook.render.diagram import process_svg  # noqa: E402
from playbook.render.page import step_page  # noqa: E402
from playbook.render.reference import PAGES, abbreviations  # noqa: E402
from playbook.render.workshop import workshop_pages  # noqa: E402
from playbook.handouts import all_handouts  # noqa: E402

DOCS = ROOT / "docs"
DOCS_STEPS = DOCS / "steps"
INCLUDES = DOCS / "includes"  # excluded from the pages by mkdocs.yml; pulled in with pymdownx.snippets
SITE = ROOT / "site"
WHEELS = ROOT / "build" / "wheels"
PYODIDE = ROOT / "node_modules" / "pyodide"
# The runtime files the site self-hosts: the npm package's core, nothing else.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def pages() -> None:
    playbook = load_playbook()
    DOCS_STEPS.mkdir(parents=True, exist_ok=True)
    for step in playbook.steps:
        _write_if_changed(DOCS_STEPS / f"step-{step.number}.md", step_page(playbook, step))
    for name, render in PAGES.items():
        _write_if_changed(DOCS / f"{name}.md", render(playbook))
    for path, text in workshop_pages(playbook).items():
        (DOCS / path).parent.mkdir(parents=True, exist_ok=True)
        _write_if_changed(DOCS / path, text)
    INCLUDES.mkdir(exist_ok=True)
    _write_if_changed(INCLUDES / "abbreviations.md", abbreviations(playbook))
    _write_if_changed(INCLUDES / "process.html", f'<div class="pb-diagram-wrap">{process_svg(playbook)}</div>\n')


def _wheel_import_name(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        return sorted({n.split("/")[0] for n in zf.namelist() if not n.split("/")[0].endswith(".dist-info")})


def vendor() -> None:
    playbook = load_playbook()
    if not (SITE / "index.html").exists():
        sys.exit("site/ is not built: run mkdocs build first")
    target = SITE / "assets" / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source = PYODIDE / name
        if not source.exists():
            sys.exit(f"{source} is missing: run npm ci")
        shutil.copy2(source, target / name)

    wheels = sorted(WHEELS.glob("*.whl"))
    ours = [w for w in wheels if w.name.startswith(f"remediation_playbook-{__version__}-")]
    if len(ours) != 1:
        sys.exit(f"expected one remediation_playbook {__version__} wheel in {WHEELS}, found {[w.name for w in ours]}")
    wheel_dir = SITE / "assets" / "wheels"
    if wheel_dir.exists():
        shutil.rmtree(wheel_dir)
    wheel_dir.mkdir(parents=True)
    for wheel in wheels:
        shutil.copy2(wheel, wheel_dir / wheel.name)
    manifest = {
        "version": __version__,
        "wheels": [w.name for w in wheels],
        "packages": {w.name: _wheel_import_name(w) for w in wheels},
    }
    (wheel_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")

    downloads = SITE / "downloads"
    downloads.mkdir(exist_ok=True)
    (downloads / "case-file.schema.json").write_text(
        json.dumps(case_schema(playbook), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    handouts = downloads / "handouts"
    handouts.mkdir(exist_ok=True)
    for name, data in all_handouts(playbook).items():
        (handouts / name).write_bytes(data)
    for step in playbook.steps:
        if step.checklist:
            (downloads / f"step-{step.number}-checklist.md").write_bytes(
                markdown.render(checklist_document(playbook, step)).encode("utf-8"))


if __name__ == "__main__":
    commands = {"pages": pages, "vendor": vendor}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit(f"usage: build_site.py {'|'.join(commands)}")
    commands[sys.argv[1]]()
