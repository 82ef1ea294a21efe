"""Build-time pages for workshops and adaptation: profiles, training cases and printable handouts
(Markdown for MkDocs; the handouts embed the same documents the download files hold)."""

from __future__ import annotations

import json
import re
from html import escape as html_escape

from ..handouts import HANDOUT_FORMATS, case_brief, step_card
from ..model import PROFILE_KINDS, Playbook, Profile, TrainingCase
from . import html, markdown
from .markdown import escape
from .reference import _provenance, basis_html


def _head(page: dict[str, str], title: str | None = None, attrs: str = "") -> str:
    return (f"---\ndescription: {json.dumps(page['description'], ensure_ascii=False)}\n---\n\n"
            f"# {escape(title or page['title'])}{attrs}\n\n")


def _bullets(items) -> str:
    return "\n".join(f"- {escape(i)}" for i in items)


def _shifted_html(doc) -> str:
    """A document as an HTML fragment whose headings sit one level lower (the page has the h1).
    The HTML is markdown-it's output of our own escaped Markdown, so its only tags are its own."""
    return re.sub(r"<(/?)h([1-5])>", lambda m: f"<{m[1]}h{int(m[2]) + 1}>", html.from_markdown(markdown.render(doc)))


# --- profiles ---------------------------------------------------------------------------------

def _profile_entry(playbook: Playbook, profile: Profile) -> str:
    page, labels = playbook.pages["profiles"], playbook.pages["labels"]
    roles = {r.id: r.name for r in playbook.reference.roles}
    out = [f"### {escape(profile.name)} {{: #{profile.id} }}\n\n{escape(profile.summary)}\n"]
    if profile.role:
        out.append(f"**{escape(page['role_label'])}:** [{escape(roles[profile.role])}](roles.md#{profile.role})\n")
    if profile.wording:
        out.append(f"**{escape(playbook.texts['profile_wording'])}**\n\n"
                   + "\n".join(f"- {escape(roles[r])}: {escape(w)}" for r, w in profile.wording) + "\n")
    out.append(f"#### {escape(page['steps_title'])} {{: #{profile.id}-steps }}\n")
    for s in profile.steps:
        step = playbook.step(s.step)
        lines = [f"**[Step {step.number}: {escape(step.title)}](steps/step-{step.number}.md)** {escape(s.note)}"]
        lines += [f"- {escape(e)}" for e in s.examples]
        lines += [f"- **{escape(x.who)}**: {escape(x.role)}" for x in s.stakeholders]
        lines += [f"- {escape(playbook.texts['profile_items'])}: {escape(c.text)} ({basis_html(playbook, c.basis, '')})"
                  for c in profile.items(s.step)]
        out.append(lines[0] + ("\n\n" + "\n".join(lines[1:]) if len(lines) > 1 else "") + "\n")
    if profile.defaults:
        rows = []
        for step_id, values in profile.defaults.items():
            step = playbook.step(step_id)
            for field_id, value in values.items():
                field = step.field(field_id)
                rows.append(f"| {step.number} | {escape(field.label)} | {escape(field.shown(value))} |")
        out.append(f"**{escape(page['defaults_title'])}.** {escape(page['defaults_intro'])}\n\n"
                   "| Step | Field | Starts as |\n| --- | --- | --- |\n" + "\n".join(rows) + "\n")
    out.append(_provenance(labels, profile.provenance))
    return "\n".join(out)


def profiles_page(playbook: Playbook) -> str:
    page = playbook.pages["profiles"]
    parts = [_head(page), escape(page["intro"]) + "\n"]
    for kind in PROFILE_KINDS:
        parts.append(f"## {escape(page[kind + 's_title'])}\n")
        parts += [_profile_entry(playbook, p) for p in playbook.profiles if p.kind == kind]
    return "\n".join(parts)


# --- training cases ---------------------------------------------------------------------------

def load_button(playbook: Playbook, case: TrainingCase) -> str:
    """The one-click loader (the JavaScript asks before replacing a case already in the browser)."""
    t = playbook.texts
    return (f'<div class="pb-load-case">\n<p>{html_escape(playbook.pages["training"]["load_intro"])}</p>\n<p>'
            f'<button type="button" class="md-button md-button--primary" data-playbook-action="load-case" '
            f'data-case="{case.id}" data-confirm="{html_escape(t["case_load_confirm"])}" '
            f'data-done="{html_escape(t["case_loaded"])}" data-failed="{html_escape(t["case_load_failed"])}">'
            f'{html_escape(t["case_load"])}</button>\n'
            f'<button type="button" class="md-button" data-playbook-action="export" '
            f'data-empty="{html_escape(t["form_export_empty"])}" data-warnings="{html_escape(t["export_warnings_ask"])}">{html_escape(t["form_export"])}</button></p>\n'
            f'<p class="pb-load-status" role="status"></p>\n</div>\n')


def _profiles_line(playbook: Playbook, case: TrainingCase, prefix: str) -> str:
    t = playbook.pages["training"]
    actor, sector = playbook.profile(case.actor), playbook.profile(case.sector)
    return (f"**{escape(t['actor_label'])}:** [{escape(actor.name)}]({prefix}profiles.md#{actor.id}) · "
            f"**{escape(t['sector_label'])}:** [{escape(sector.name)}]({prefix}profiles.md#{sector.id})")


def training_page(playbook: Playbook, case: TrainingCase) -> str:
    t = playbook.pages["training"]
    parts = [
        _head({"description": case.summary.splitlines()[0]}, f"{t['case_title']}: {case.title}"),
        f'!!! warning "{escape(t["fictional_title"])}"\n\n    {escape(t["fictional_text"])}\n',
        escape(case.summary) + "\n",
        _profiles_line(playbook, case, "../") + "\n",
        load_button(playbook, case),
        f"## {escape(t['learning_title'])}\n\n{_bullets(case.learning)}\n",
        f"## {escape(t['brief_title'])}\n\n" + "\n\n".join(escape(p) for p in case.brief.split("\n\n")) + "\n",
        f"[{escape(t['handout_link'])}](../handouts/case-briefs.md#{case.id})\n",
        f"## {escape(t['walk_title'])}\n",
    ]
    for d in case.debrief:
        step = playbook.step(d.step)
        parts.append(f"### [Step {step.number}: {escape(step.title)}](../steps/step-{step.number}.md) {{: #step-{step.number} }}\n")
        if step.id not in case.case["steps"]:
            parts.append(f"*{escape(t['not_in_case'])}*\n")
        if d.situation:
            parts.append(f"**{escape(t['situation_title'])}**\n\n" + "\n\n".join(escape(p) for p in d.situation.split("\n\n")) + "\n")
        body = [escape(d.good), f"**{escape(t['why_title'])}:** {escape(d.why)}"]
        if d.questions:
            body.append(f"**{escape(t['questions_title'])}**\n\n{_bullets(d.questions)}")
        indented = "\n\n".join(body).replace("\n", "\n    ")
        parts.append(f'??? success "{escape(t["debrief_title"])}"\n\n    {indented}\n')
    return "\n".join(parts)


def training_index(playbook: Playbook) -> str:
    t = playbook.pages["training"]
    rows = [f"| [{escape(c.title)}]({c.id}.md) | {escape(playbook.profile(c.actor).name)} | "
            f"{escape(playbook.profile(c.sector).name)} | {escape(c.summary)} |" for c in playbook.cases]
    table = (f"| Case | {escape(t['actor_label'])} | {escape(t['sector_label'])} | About |\n"
             "| --- | --- | --- | --- |\n" + "\n".join(rows))
    return (_head(t) + escape(t["intro"]) + "\n\n[Facilitator guide](../workshop.md) · "
            f"[{escape(playbook.pages['handouts']['title'])}](../handouts/index.md)\n\n{table}\n")


# --- handouts ---------------------------------------------------------------------------------

def _print_page(page: dict[str, str], title: str, intro: str, sections: list[tuple[str, str]]) -> str:
    """A page that prints one section per sheet: its heading and intro are left out of the print."""
    head = _head(page, title, " { .pb-screen-only }")
    cards = "\n".join(f'<section class="pb-card" id="{anchor}">\n{body}</section>' for anchor, body in sections)
    return (head + f'<div class="pb-screen-only" markdown>\n\n{escape(intro)}\n\n'
            f'!!! tip "{escape(page["print_title"])}"\n\n    {escape(page["print_hint"])}\n\n</div>\n\n'
            f'<div class="pb-cards">\n{cards}\n</div>\n')


def step_cards_page(playbook: Playbook) -> str:
    h = playbook.pages["handouts"]
    return _print_page(h, h["cards_title"], h["cards_intro"],
                       [(f"card-{s.number}", _shifted_html(step_card(playbook, s))) for s in playbook.steps])


def case_briefs_page(playbook: Playbook) -> str:
    h = playbook.pages["handouts"]
    return _print_page(h, h["briefs_title"], h["briefs_intro"],
                       [(c.id, _shifted_html(case_brief(playbook, c))) for c in playbook.cases])


def checklists_page(playbook: Playbook) -> str:
    h = playbook.pages["handouts"]
    sections = []
    for s in playbook.steps:
        items = "\n".join(f"<li>{html_escape(c.text)} <em>({html_escape(c.basis)})</em></li>" for c in s.checklist)
        sections.append((f"checklist-{s.number}", f"<h2>{html_escape(playbook.texts['checklist_heading'])}: "
                         f"Step {s.number}, {html_escape(s.title)}</h2>\n<ul class=\"pb-paper-checklist\">\n{items}\n</ul>\n"))
    return _print_page(h, h["checklists_title"], h["checklists_intro"], sections)


def handouts_index(playbook: Playbook) -> str:
    h = playbook.pages["handouts"]
    names = {"md": "Markdown", "html": "Web page (prints to PDF)", "docx": "Word"}

    def links(name: str) -> str:
        # Raw HTML: MkDocs checks Markdown links against docs/, and the files are made into site/ afterwards.
        return " · ".join(f'<a href="../downloads/handouts/{name}.{f}" download>{names[f]}</a>' for f in HANDOUT_FORMATS)

    cards = "\n".join(f"| Step {s.number}: {escape(s.title)} | {links(f'step-{s.number}-card')} |" for s in playbook.steps)
    briefs = "\n".join(f"| {escape(c.title)} | {links(f'case-{c.id}-brief')} |" for c in playbook.cases)
    checklists = "\n".join(f"| Step {s.number}: {escape(s.title)} | "
                           f'<a href="../downloads/step-{s.number}-checklist.md" download>Markdown</a> |'
                           for s in playbook.steps)
    return (_head(h) + escape(h["intro"]) + "\n\n"
            f"## {escape(h['print_title'])}\n\n"
            f"- [{escape(h['cards_title'])}](step-cards.md): {escape(h['cards_intro'])}\n"
            f"- [{escape(h['briefs_title'])}](case-briefs.md): {escape(h['briefs_intro'])}\n"
            f"- [{escape(h['checklists_title'])}](checklists.md): {escape(h['checklists_intro'])}\n\n"
            f"## {escape(h['downloads_title'])}\n\n"
            f"### {escape(h['cards_title'])}\n\n| Handout | Files |\n| --- | --- |\n{cards}\n\n"
            f"### {escape(h['briefs_title'])}\n\n| Handout | Files |\n| --- | --- |\n{briefs}\n\n"
            f"### {escape(h['checklists_title'])}\n\n| Handout | Files |\n| --- | --- |\n{checklists}\n")


def workshop_pages(playbook: Playbook) -> dict[str, str]:
    """docs-relative path -> Markdown of every generated workshop and profile page."""
    pages = {"profiles.md": profiles_page(playbook), "training/index.md": training_index(playbook),
             "handouts/index.md": handouts_index(playbook), "handouts/step-cards.md": step_cards_page(playbook),
             "handouts/case-briefs.md": case_briefs_page(playbook), "handouts/checklists.md": checklists_page(playbook)}
    pages.update({f"training/{c.id}.md": training_page(playbook, c) for c in playbook.cases})
    return pages
