"""Build-time rendering of a step's page: the guidance (Markdown for MkDocs) and the form (HTML).

The form is plain HTML that works before Python loads: a person can type at once. It carries
the `data-playbook-*` hooks; every field keeps the model's id as its `name`.
"""

from __future__ import annotations

import json
from html import escape

from ..model import PROFILE_KINDS, ChecklistItem, Field, Playbook, Profile, Step
from .reference import basis_html, ref_name, target_url

SELECT_AFTER = 8
"""A single choice with more options than this is a drop-down list rather than a column of radio buttons."""
ROOT = "../../"
"""The way back to the site root from a step page (/steps/step-N/), for links in raw HTML."""


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _field(step: Step, field: Field, texts: dict[str, str], fid: str = "", name: str = "", hook: str = "") -> str:
    """One form control with its label, hint and error slot. For a column of a rows field, fid and
    name carry the row placeholder "__i__" and hook is data-column instead of data-field."""
    if field.type == "rows":
        return _rows(step, field, texts)
    fid = fid or f"s{step.number}-{field.id}"
    name = name or field.id
    hook = hook or f'data-field="{field.id}"'
    required = f' <span class="pb-required">{escape(texts["form_required"])}</span>' if field.required else ""
    hint = f'<p class="pb-hint" id="{fid}-hint">{escape(field.hint)}</p>' if field.hint else ""
    described = f"{fid}-hint " if field.hint else ""
    error = f'<p class="pb-field-error" id="{fid}-error" hidden></p>'
    aria = f'aria-describedby="{described}{fid}-error"'
    if field.type == "choices" or (field.type == "choice" and len(field.options) <= SELECT_AFTER):
        kind = "radio" if field.type == "choice" else "checkbox"
        options = "\n".join(
            f'<div class="pb-option"><input type="{kind}" id="{fid}-{i}" name="{name}" value="{_attr(o.value)}">'
            f' <label for="{fid}-{i}">{escape(o.label)}</label></div>'
            for i, o in enumerate(field.options)
        )
        # An optional single choice can be taken back: the button shows once one is chosen (CSS).
        clear = "" if kind == "checkbox" or field.required else (
            f'\n<button type="button" class="pb-clear-choice" data-playbook-action="clear-choice"'
            f' aria-label="{_attr(texts["form_clear_choice"])}: {_attr(field.label)}">{escape(texts["form_clear_choice"])}</button>')
        return (f'<fieldset class="pb-field pb-group" id="{fid}" {hook} {aria}>'
                f'<legend>{escape(field.label)}{required}</legend>{hint}{error}\n{options}{clear}\n</fieldset>')
    common = f'id="{fid}" name="{name}" {aria}' + (' aria-required="true"' if field.required else "")
    if field.type == "choice":  # a long list: a drop-down (shorter ones are radio buttons, above)
        options = "".join(f'<option value="{_attr(o.value)}">{escape(o.label)}</option>' for o in field.options)
        control = f'<select {common}><option value="">{escape(texts["form_choose"])}</option>{options}</select>'
    elif field.type == "textarea":
        control = f'<textarea {common} rows="5" spellcheck="true"></textarea>'
    elif field.type == "date":
        control = f'<input type="date" {common} min="1900-01-01" max="2100-12-31">'
    else:
        control = f'<input type="text" {common} autocomplete="off" spellcheck="false">'
    return (f'<div class="pb-field" {hook}><label for="{fid}">{escape(field.label)}{required}</label>'
            f'{hint}{error}{control}</div>')


def _rows(step: Step, field: Field, texts: dict[str, str]) -> str:
    """A repeatable group: a list of rows built from a <template> (no rows until the user adds one;
    the script restores saved rows). Each row has its own controls to move and remove it."""
    fid = f"s{step.number}-{field.id}"
    row_name = field.row_label or texts["row"]
    cells = "\n".join(
        _field(step, c, texts, fid=f"{fid}-__i__-{c.id}", name=f"{field.id}-__i__-{c.id}", hook=f'data-column="{c.id}"')
        for c in field.columns)
    buttons = " ".join(
        f'<button type="button" class="md-button pb-row-button" data-playbook-action="{action}">{escape(texts[key])}'
        f'<span class="pb-visually-hidden"> {escape(row_name)} <span data-row-number></span></span></button>'
        for action, key in (("move-up", "form_move_up"), ("move-down", "form_move_down"), ("remove-row", "form_remove_row")))
    hint = f'<p class="pb-hint" id="{fid}-hint">{escape(field.hint)}</p>' if field.hint else ""
    return f"""<fieldset class="pb-field pb-rows" id="{fid}" data-field="{field.id}" aria-describedby="{fid}-hint {fid}-error">
<legend>{escape(field.label)}</legend>{hint}<p class="pb-field-error" id="{fid}-error" hidden></p>
<ol class="pb-row-list" data-playbook-rows="{field.id}" data-max-rows="{field.max_rows}"></ol>
<p class="pb-no-rows">{escape(texts["form_no_rows"])}</p>
<button type="button" class="md-button" data-playbook-action="add-row" data-rows="{field.id}">{escape(texts["form_add_row"])}: {escape(row_name.lower())}</button>
<template data-row-template="{field.id}"><li class="pb-row" data-row><fieldset class="pb-row-fields">
<legend>{escape(row_name)} <span data-row-number></span></legend>
{cells}
<div class="pb-row-actions">{buttons}</div>
</fieldset></li></template>
</fieldset>"""


def item_label(playbook: Playbook, item: ChecklistItem, control_id: str) -> str:
    """A checklist item's label (its text and its basis, linked to the provision), then its
    cross-references as links outside the label, so that the label reads as the CLI's line."""
    refs = ", ".join(f'<a href="{ROOT}{target_url(r)}">{escape(ref_name(playbook.reference, r))}</a>' for r in item.refs)
    also = f' <span class="pb-refs">{escape(playbook.pages["labels"]["related"])}: {refs}</span>' if refs else ""
    return (f'<label for="{control_id}">{escape(item.text)} '
            f'<span class="pb-basis">({basis_html(playbook, item.basis, ROOT)})</span></label>{also}')


def form_html(playbook: Playbook, step: Step) -> str:
    """The step's form, its error summary, its output area and download links."""
    t = playbook.texts
    n = step.number
    sections = "\n".join(
        f'<fieldset class="pb-section"><legend>{escape(s.title)}</legend>\n'
        + "\n".join(_field(step, f, t) for f in s.fields)
        + "\n</fieldset>"
        for s in step.sections
    )
    checklist = "\n".join(
        f'<div class="pb-option"><input type="checkbox" id="s{n}-check-{c.id}" name="checklist" value="{c.id}">'
        f' {item_label(playbook, c, f"s{n}-check-{c.id}")}</div>'
        for c in step.checklist
    )
    # Items only a profile adds: hidden until the page's profile choice names that profile.
    checklist += "".join(
        f'\n<div class="pb-option pb-profile-item" data-profile-item="{p.kind}:{p.id}" hidden>'
        f'<input type="checkbox" id="s{n}-check-{c.id}" name="checklist" value="{c.id}">'
        f' {item_label(playbook, c, f"s{n}-check-{c.id}")} <span class="pb-badge">{escape(p.name)}</span></div>'
        for p in playbook.profiles for c in p.items(n)
    )
    runtime = " ".join(f'data-{state}="{_attr(t["runtime_" + state])}"' for state in ("idle", "loading", "ready", "error"))
    return f"""<div class="pb-workspace" data-step="{n}">
<p class="pb-runtime-status" role="status" {runtime}>{escape(t["runtime_idle"])}</p>
<form class="pb-form" data-playbook-form="step-{n}" data-step-id="{step.id}" novalidate
  data-saved="{_attr(t["form_saved"])}" data-clear-confirm="{_attr(t["form_clear_confirm"])}" data-cleared="{_attr(t["form_cleared"])}">
<div class="pb-warnings" tabindex="-1" hidden><h2>{escape(t["form_warnings_title"])}</h2>
<p>{escape(t["form_warnings_intro"])}</p><ul class="pb-warning-list" role="alert"></ul>
<button type="button" class="md-button" data-playbook-action="generate-anyway">{escape(t["form_generate_anyway"])}</button>
<button type="button" class="md-button" data-playbook-action="download-anyway" hidden>{escape(t["form_download_anyway"])}</button></div>
<p class="pb-training-banner" hidden data-text="{_attr(t["training_banner"])}"></p>
<div class="pb-error-summary" tabindex="-1" hidden><h2 class="pb-error-title">{escape(t["form_error_title"])}</h2>
<div data-playbook-error role="alert"><ul class="pb-error-list"></ul></div></div>
<p class="pb-form-intro">{escape(t["form_intro"])}</p>
{sections}
<fieldset class="pb-section pb-checklist"><legend>{escape(t["form_checklist_legend"])}</legend>
{checklist}
</fieldset>
<div class="pb-actions">
<button type="submit" class="md-button md-button--primary" data-playbook-action="generate">{escape(t["form_generate"])}</button>
<button type="button" class="md-button" data-playbook-action="clear-all">{escape(t["form_clear"])}</button>
<button type="button" class="md-button" data-playbook-action="export" data-empty="{_attr(t["form_export_empty"])}">{escape(t["form_export"])}</button>
<label class="md-button pb-import" for="s{n}-import">{escape(t["form_import"])}</label>
<input type="file" id="s{n}-import" class="pb-visually-hidden" accept=".json,application/json" data-playbook-import data-playbook-action="import"
  data-confirm="{_attr(t["form_import_confirm"])}" data-done="{_attr(t["form_import_done"])}" data-failed="{_attr(t["form_import_failed"])}">
<span class="pb-saved" aria-live="polite"></span>
</div>
</form>
<section class="pb-result" hidden aria-labelledby="pb-result-title-{n}">
<h2 id="pb-result-title-{n}">{escape(t["form_output_title"])}</h2>
<p class="pb-downloads"><a class="md-button" data-playbook-download="md" href="#">{escape(t["form_download_md"])}</a>
<button type="button" class="md-button" data-playbook-download="html" data-scope="step">{escape(t["form_download_html"])}</button>
<button type="button" class="md-button" data-playbook-download="docx" data-scope="step">{escape(t["form_download_docx"])}</button>
<button type="button" class="md-button" data-playbook-download="json" data-scope="case">{escape(t["form_download_json"])}</button></p>
<p class="pb-downloads"><button type="button" class="md-button" data-playbook-download="report-md" data-format="md" data-scope="report">{escape(t["form_download_report_md"])}</button>
<button type="button" class="md-button" data-playbook-download="report-html" data-format="html" data-scope="report">{escape(t["form_download_report_html"])}</button>
<button type="button" class="md-button" data-playbook-download="report-docx" data-format="docx" data-scope="report">{escape(t["form_download_report_docx"])}</button>
<button type="button" class="md-button" data-playbook-download="xlsx" data-scope="report">{escape(t["form_download_xlsx"])}</button></p>
<div class="pb-output" data-playbook-output></div>
</section>
</div>"""


def _list(items, ordered: bool = False) -> str:
    marker = "1." if ordered else "-"
    return "\n".join(f"{marker} {escape(i)}" for i in items)


def _roles(playbook: Playbook, step: Step) -> str:
    """The actor-specific notes for this step, one content tab per actor."""
    labels = playbook.pages["labels"]
    tabs = "\n".join(
        f'=== "{escape(r.name)}"\n\n    {escape(r.note(step.number))}\n\n'
        f"    [{escape(r.name)}: all steps](../roles.md#{r.id})\n"
        for r in playbook.reference.roles if r.note(step.number)
    )
    return f"## {escape(labels['in_this_step'])}\n\n{escape(labels['in_this_step_intro'])}\n\n{tabs}\n"


def profile_picker(playbook: Playbook) -> str:
    """The page's profile choice: one select per kind, the option values being profile ids."""
    t = playbook.texts
    selects = []
    for kind in PROFILE_KINDS:
        options = "".join(f'<option value="{p.id}">{escape(p.name)}</option>' for p in playbook.profiles if p.kind == kind)
        selects.append(f'<div class="pb-field"><label for="pb-profile-{kind}">{escape(t["profile_" + kind])}</label>'
                       f'<select id="pb-profile-{kind}" data-playbook-profile="{kind}">'
                       f'<option value="">{escape(t["profile_none"])}</option>{options}</select></div>')
    return f'<div class="pb-profile-picker">{"".join(selects)}</div>'


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.split("\n"))


def _profile_tab(playbook: Playbook, profile: Profile, step: Step) -> str:
    """What one profile adds to this step, as the body of a content tab (Markdown)."""
    t = playbook.texts
    on = profile.on_step(step.number)
    parts = [escape(on.note)]
    if on.examples:
        parts.append(f"**{escape(t['profile_examples'])}**\n\n" + _list(on.examples))
    if on.stakeholders:
        parts.append(f"**{escape(t['profile_stakeholders'])}**\n\n"
                     + "\n".join(f"- **{escape(s.who)}**: {escape(s.role)}" for s in on.stakeholders))
    if profile.wording:
        names = {r.id: r.name for r in playbook.reference.roles}
        parts.append(f"**{escape(t['profile_wording'])}**\n\n"
                     + "\n".join(f"- {escape(names[r])}: {escape(w)}" for r, w in profile.wording))
    items = profile.items(step.number)
    if items:
        parts.append(f"**{escape(t['profile_items'])}**\n\n"
                     + "\n".join(f"- {escape(c.text)} ({basis_html(playbook, c.basis, ROOT)})" for c in items))
    parts.append(f"[{escape(profile.name)}: {escape(playbook.pages['profiles']['steps_title'].lower())}](../profiles.md#{profile.id})")
    return "\n\n".join(parts)


def profile_section(playbook: Playbook, step: Step) -> str:
    """The picker, then one set of content tabs per kind of profile, each opening on "General"."""
    t = playbook.texts
    out = [f"## {escape(t['profile_section'])}\n\n{escape(t['profile_intro'])}\n\n{profile_picker(playbook)}\n"]
    for kind in PROFILE_KINDS:
        tabs = [f'=== "{escape(t["profile_any_" + kind])}"\n\n{_indent(escape(t["profile_general_text"]))}\n']
        tabs += [f'=== "{escape(p.name)}"\n\n{_indent(_profile_tab(playbook, p, step))}\n'
                 for p in playbook.profiles if p.kind == kind]
        out.append(f'<p class="pb-tabs-title"><strong>{escape(t["profile_" + kind])}</strong></p>\n\n'
                   f'<div data-profile-tabs="{kind}" markdown>\n\n' + "\n".join(tabs) + "\n</div>\n")
    return "\n".join(out)


def step_page(playbook: Playbook, step: Step) -> str:
    """The Markdown source of the step's page (MkDocs, Material)."""
    t = playbook.texts
    head = f"---\ndescription: {json.dumps(step.purpose.splitlines()[0], ensure_ascii=False)}\n---\n\n# Step {step.number}: {escape(step.title)}\n\n"
    purpose = f'<p class="pb-lead">{escape(step.purpose)}</p>\n\n'
    if step.status == "draft":
        return head + purpose + f'!!! note "{t["page_draft_title"]}"\n\n    {escape(t["page_draft_text"])}\n'
    parts = [head, purpose]
    parts.append(f"## {t['page_entry']}\n\n{escape(step.entry_condition)}\n")
    if step.time_limit:
        parts.append(f'!!! tip "{t["page_time_limits"]}"\n\n    {escape(step.time_limit)}\n')
    parts.append(f"## {t['page_tasks']}\n\n{_list(step.tasks, ordered=True)}\n")
    rows = "\n".join(f"| {escape(s.who)} | {escape(s.role)} |" for s in step.stakeholders)
    parts.append(f"## {t['page_stakeholders']}\n\n| {t['page_stakeholder_column']} | {t['page_role_column']} |\n| --- | --- |\n{rows}\n")
    factors = "\n".join(
        f"- **{escape(f.name)}**: {escape(' / '.join(f.options))}" + (f". {escape(f.note)}" if f.note else "")
        for f in step.factors
    )
    parts.append(_roles(playbook, step))
    if playbook.profiles:
        parts.append(profile_section(playbook, step))
    parts.append(f"## {t['page_factors']}\n\n{factors}\n")
    parts.append(f"## {t['page_outputs']}\n\n{_list(step.outputs)}\n")
    parts.append(f"## {t['page_exit']}\n\n{_list(step.exit_criteria)}\n")
    pitfalls = "\n".join(f"    - {escape(p)}" for p in step.pitfalls)
    parts.append(f'!!! warning "{t["page_pitfalls"]}"\n\n{pitfalls}\n')
    download = (f'<a class="md-button" href="../../downloads/step-{step.number}-checklist.md" download>'
                f"{escape(t['page_download_checklist'])}</a>")
    if step.has_form:  # the form below carries the checklist, ticks saved with the case
        parts.append(f"## {t['checklist_heading']}\n\n{escape(playbook.texts['checklist_in_form'])}\n\n{download}\n")
    else:
        items = "\n".join(
            f'<li><input type="checkbox" id="c{step.number}-{c.id}"> {item_label(playbook, c, f"c{step.number}-{c.id}")}</li>'
            for c in step.checklist
        )
        parts.append(f'## {t["checklist_heading"]}\n\n<ul class="pb-checklist-static">\n{items}\n</ul>\n\n{download}\n')
    if not step.has_form:
        parts.append(f'!!! note "{t["form_coming_title"]}"\n\n    {escape(playbook.texts["form_coming"])}\n')
    else:
        parts.append(f"## {escape(step.document.title)}\n\n{escape(step.document.intro)}\n\n{form_html(playbook, step)}\n")
    return "\n".join(parts)
