"""The command line: the same documents as the site, from the same case file.

    python -m playbook render CASE.json [--step N] [--format md|html|docx|xlsx|json] [-o FILE]
    python -m playbook checklist --step N [--format md|json]
    python -m playbook validate [CONTENT_DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .casefile import CaseError, parse_case
from .content import ContentError, check_content, load_playbook
from .export import FORMATS, export
from .records import checklist_document
from .render import markdown


def _write(data: str | bytes, out: str | None) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if out:
        Path(out).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _render(args) -> int:
    playbook = load_playbook()
    path = Path(args.case)
    try:
        case = parse_case(path.read_bytes(), playbook)
    except OSError as exc:
        print(f"{path}: cannot read: {exc.strerror}", file=sys.stderr)
        return 1
    except CaseError as exc:
        for p in exc.problems:
            print(f"{path}: {p['path'] or '(file)'}: {p['message']}", file=sys.stderr)
        return 1
    step = playbook.step(args.step) if args.step else None
    if step is not None and not step.has_form:
        print(f"step {step.number} has no form, so no record to render", file=sys.stderr)
        return 2
    if args.format in ("docx", "xlsx") and not args.output and sys.stdout.isatty():
        print(f"a .{args.format} file is binary: write it to a file with -o NAME.{args.format}", file=sys.stderr)
        return 2
    _write(export(playbook, case, args.format, step)[1], args.output)
    return 0


def _checklist(args) -> int:
    playbook = load_playbook()
    step = playbook.step(args.step)
    if args.format == "json":
        items = [{"id": c.id, "text": c.text, "basis": c.basis} for c in step.checklist]
        text = json.dumps({"step": step.number, "title": step.title, "items": items}, ensure_ascii=False, indent=2) + "\n"
    else:
        text = markdown.render(checklist_document(playbook, step))
    _write(text, args.output)
    return 0


def _validate(args) -> int:
    _, problems = check_content(args.path)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found", file=sys.stderr)
        return 1
    print("content is valid")
    return 0


def _step_number(text: str) -> int:
    if text not in {"1", "2", "3", "4", "5", "6"}:
        raise argparse.ArgumentTypeError(f"{text!r} is not a step; give a number from 1 to 6")
    return int(text)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m playbook", description="The Remediation Playbook on the command line.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("render", help="render a document from a case file (.json)")
    r.add_argument("case", help="the case file, as downloaded from the site")
    r.add_argument("--step", type=_step_number, help="the step whose record to render (default: the full case report)")
    r.add_argument("--format", choices=FORMATS, default="md",
                   help="md, html (prints to PDF), docx, xlsx (the action tracker) or json (the case file)")
    r.add_argument("-o", "--output", help="write to this file instead of standard output")
    r.set_defaults(run=_render)

    c = sub.add_parser("checklist", help="print a step's checklist")
    c.add_argument("--step", type=_step_number, required=True)
    c.add_argument("--format", choices=("md", "json"), default="md")
    c.add_argument("-o", "--output", help="write to this file instead of standard output")
    c.set_defaults(run=_checklist)

    v = sub.add_parser("validate", help="check the content files and report every problem")
    v.add_argument("path", nargs="?", help="the content folder (default: the playbook's own)")
    v.set_defaults(run=_validate)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
