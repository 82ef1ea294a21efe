"""The command line: the same documents as the site, from the same case file.

    python -m playbook render CASE.json [--step N] [--format md|html|docx|xlsx|json] [-o FILE]
    python -m playbook checklist --step N [--actor ID] [--sector ID] [--format md|json]
    python -m playbook handout card --step N | brief --case ID [--format md|html|docx] [-o FILE]
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
from .handouts import HANDOUT_FORMATS, handout
from .privacy import scan_case
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
    for warning in scan_case(playbook, case):  # the site asks before exporting; here a note is enough
        print(f"{path}: warning: {warning['message']}", file=sys.stderr)
    _write(export(playbook, case, args.format, step)[1], args.output)
    return 0


def _choice(playbook, args) -> dict | None:
    """The --actor/--sector choice, or None after saying which profiles exist."""
    choice = {"actor": args.actor or "", "sector": args.sector or ""}
    for kind, value in choice.items():
        known = [p.id for p in playbook.profiles if p.kind == kind]
        if value and value not in known:
            print(f"{value!r} is not one of the {kind} profiles; choose from: {', '.join(known)}", file=sys.stderr)
            return None
    return choice


def _checklist(args) -> int:
    playbook = load_playbook()
    step = playbook.step(args.step)
    choice = _choice(playbook, args)
    if choice is None:
        return 2
    if args.format == "json":
        items = [{"id": c.id, "text": c.text, "basis": c.basis} for c in playbook.checklist(step, choice)]
        text = json.dumps({"step": step.number, "title": step.title, "items": items}, ensure_ascii=False, indent=2) + "\n"
    else:
        text = markdown.render(checklist_document(playbook, step, choice))
    _write(text, args.output)
    return 0


def _handout(args) -> int:
    playbook = load_playbook()
    if args.kind == "card" and not args.step:
        print("a step card needs --step N", file=sys.stderr)
        return 2
    if args.kind == "brief" and args.case not in [c.id for c in playbook.cases]:
        print(f"choose a training case with --case: {', '.join(c.id for c in playbook.cases)}", file=sys.stderr)
        return 2
    if args.format == "docx" and not args.output and sys.stdout.isatty():
        print("a .docx file is binary: write it to a file with -o NAME.docx", file=sys.stderr)
        return 2
    _write(handout(playbook, args.kind, str(args.step) if args.kind == "card" else args.case, args.format)[1], args.output)
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
    c.add_argument("--actor", help="add the items of this actor profile (e.g. smelter-refiner)")
    c.add_argument("--sector", help="add the items of this sector profile (e.g. seafood)")
    c.add_argument("--format", choices=("md", "json"), default="md")
    c.add_argument("-o", "--output", help="write to this file instead of standard output")
    c.set_defaults(run=_checklist)

    h = sub.add_parser("handout", help="write a workshop handout: a step card or a training case's brief")
    h.add_argument("kind", choices=("card", "brief"))
    h.add_argument("--step", type=_step_number, help="the step of a card")
    h.add_argument("--case", help="the training case of a brief")
    h.add_argument("--format", choices=HANDOUT_FORMATS, default="md")
    h.add_argument("-o", "--output", help="write to this file instead of standard output")
    h.set_defaults(run=_handout)

    v = sub.add_parser("validate", help="check the content files and report every problem")
    v.add_argument("path", nargs="?", help="the content folder, e.g. a fork's playbook/content (default: the playbook's own)")
    v.set_defaults(run=_validate)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
