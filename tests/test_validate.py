"""`python -m playbook validate PATH` on a fork's content: every problem is reported with its file,
its key, what is wrong and how to fix it, and the exit status says whether there was any."""

from __future__ import annotations

import re
import shutil

import pytest

from playbook.cli import main
from playbook.content import CONTENT_DIR

EXTRA_ITEM = '''
[[checklist]]
step = {step}
id = "{id}"
text = "A test item."
basis = "{basis}"
refs = [{refs}]
'''


def _append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _first_case(root):
    return sorted((root / "cases").glob("*.toml"))[0]


def _sub(path, pattern, replacement):
    text = path.read_text(encoding="utf-8")
    new, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert count == 1, pattern
    path.write_text(new, encoding="utf-8")


EDITS = {
    "broken reference in a profile": (
        lambda root: _append(root / "profiles" / "seafood.toml",
                             EXTRA_ITEM.format(step=2, id="sea-extra", basis="playbook suggestion", refs='"principle:nowhere"')),
        "profiles/seafood.toml", r"checklist\[\d+\]\.refs\[0\]", "'principle:nowhere' names no principle"),
    "basis that names no provision": (
        lambda root: _append(root / "profiles" / "garments.toml",
                             EXTRA_ITEM.format(step=3, id="gar-extra", basis="UNGP 99", refs="")),
        "profiles/garments.toml", r"checklist\[\d+\]\.basis", "'UNGP 99' names no provision"),
    "profile item with a step item's id": (
        lambda root: _append(root / "profiles" / "minerals.toml",
                             EXTRA_ITEM.format(step=1, id="log-case", basis="playbook suggestion", refs="")),
        "profiles/", r"profiles/minerals.toml: checklist", "duplicate step 1 checklist id 'log-case'"),
    "duplicate checklist id in a step": (
        lambda root: _dup_step_item(root),
        "steps/step-2.toml", r"checklist\[\d+\]\.id", "duplicate checklist id"),
    "profile without a name": (
        lambda root: _sub(root / "profiles" / "agriculture.toml", r'^name = .*$', ""),
        "profiles/agriculture.toml", "name", "missing required key"),
    "default for a field the step does not have": (
        lambda root: _append(root / "profiles" / "electronics.toml", '\n[defaults.verify]\ncolour = "red"\n'),
        "profiles/electronics.toml", r"defaults\.verify\.colour", "step 1 has no field 'colour'"),
    "malformed case file": (
        lambda root: (root / "cases" / "broken.toml").write_text('id = "broken\ntitle = 3\n', encoding="utf-8"),
        "cases/broken.toml", r"\(file\)", "is not valid TOML"),
    "training case missing a required entry": (
        lambda root: _sub(_first_case(root), r'^case_code = ".*"$', 'case_code = ""'),
        "cases/", r"steps\.verify\.values\.case_code", "Enter case code"),
    "training case seen from a sector as if an actor": (
        lambda root: _sub(_first_case(root), r'^actor = ".*"$', 'actor = "seafood"'),
        "cases/", "actor", "'seafood' is not one of the actor profiles"),
    "training case without a debrief for every step": (
        lambda root: _sub(_first_case(root), r"^\[\[debrief\]\]\nstep = 6$", "[[debrief]]\nstep = 7"),
        "cases/", "debrief", "has debriefs for steps [1, 2, 3, 4, 5, 7]"),
}


def _dup_step_item(root):
    """Give step 2's second checklist item the id of its first."""
    path = root / "steps" / "step-2.toml"
    text = path.read_text(encoding="utf-8")
    ids = re.findall(r'^\[\[checklist\]\]\nid = "([^"]+)"', text, flags=re.M)
    path.write_text(text.replace(f'[[checklist]]\nid = "{ids[1]}"', f'[[checklist]]\nid = "{ids[0]}"', 1), encoding="utf-8")


@pytest.fixture
def fork(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    return root


def run(capsys, *argv):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_playbooks_own_content_and_an_untouched_copy_are_valid(fork, capsys):
    assert run(capsys, "validate") == (0, "content is valid\n", "")
    assert run(capsys, "validate", str(fork)) == (0, "content is valid\n", "")


@pytest.mark.parametrize("name", EDITS)
def test_validate_names_file_key_problem_and_fix(fork, capsys, name):
    edit, file, key, message = EDITS[name]
    edit(fork)
    status, out, err = run(capsys, "validate", str(fork))
    assert status == 1 and out == ""
    lines = err.splitlines()
    assert re.fullmatch(r"\d+ problems? found", lines[-1])
    hits = [line for line in lines if line.startswith(file) and message in line]
    assert hits, err
    for line in hits:
        f, k, rest = re.match(r"^(.+?): (.+?): (.*)$", line).groups()
        assert re.search(key, k) or re.search(key, line), line
        assert ". Fix: " in rest and not rest.endswith("Fix: "), line


def test_one_run_reports_problems_in_references_pages_and_profiles_together(fork, capsys):
    for name in ("broken reference in a profile", "default for a field the step does not have"):
        EDITS[name][0](fork)
    _sub(fork / "steps" / "step-2.toml", r'^basis = ".*"$', 'basis = "UNGP 99"')
    pages = fork / "pages.toml"
    pages.write_text(pages.read_text(encoding="utf-8").replace('case_title = "Training case"\n', ""), encoding="utf-8")
    status, _, err = run(capsys, "validate", str(fork))
    assert status == 1
    for fragment in ("profiles/seafood.toml: checklist", "steps/step-2.toml: checklist[0].basis: 'UNGP 99'", "profiles/electronics.toml: defaults",
                     "pages.toml: training.case_title: missing required key"):
        assert fragment in err, (fragment, err)
    assert "4 problems found" in err
