"""Build-time rendering of a step's page: the guidance (Markdown for MkDocs) and the form (HTML).

The form is plain HTML that works before Python loads: a person can type at once. It carries
the `data-playbook-*` hooks; every field keeps the model's id as its `name`.
"""

from __future__ import annotations

from html import escape

from ..model import Field, Playbook, Step


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _field(step: Step, field: Field, texts: dict[str, str]) -> str:
    fid = f"s{step.number}-{field.id}"
    required = f' <span class="pb-required">{escape(texts["form_required"])}</span>' if field.required else ""
    hint = f'<p class="pb-hint" id="{fid}-hint">{escape(field.hint)}</p>' if field.hint else ""
    described = f"{fid}-hint " if field.hint else ""
    error = f'<p class="pb-field-error" id="{fid}-error" hidden></p>'
    aria = f'aria-describedby="{described}{fid}-error"'
    if field.type in ("choice", "choices"):
        kind = "radio" if field.type == "choice" else "checkbox"
        options = "\n".join(
            f'<div class="pb-option"><input type="{kind}" id="{fid}-{i}" name="{field.id}" value="{_attr(o.value)}">'
            f' <label for="{fid}-{i}">{escape(o.label)}</label></div>'
            for i, o in enumerate(field.options)
        )
        return (f'<fieldset class="pb-field pb-group" id="{fid}" data-field="{field.id}" {aria}>'
                f'<legend>{escape(field.label)}{required}</legend>{hint}{error}\n{options}\n</fieldset>')
    common = f'id="{fid}" name="{field.id}" {aria}' + (' aria-required="true"' if field.required else "")
    if field.type == "textarea":
        control = f'<textarea {common} rows="5" spellcheck="true"></textarea>'
    elif field.type == "date":
        control = f'<input type="date" {common} min="1900-01-01" max="2100-12-31">'
    else:
        control = f'<input type="text" {common} autocomplete="off" spellcheck="false">'
    return (f'<div class="pb-field" data-field="{field.id}"><label for="{fid}">{escape(field.label)}{required}</label>'
            f'{hint}{error}{control}</div>')


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
        f' <label for="s{n}-check-{c.id}">{escape(c.text)} <span class="pb-basis">({escape(c.basis)})</span></label></div>'
        for c in step.checklist
    )
    runtime = " ".join(f'data-{state}="{_attr(t["runtime_" + state])}"' for state in ("idle", "loading", "ready", "error"))
    return f"""<div class="pb-workspace" data-step="{n}">
<p class="pb-runtime-status" role="status" {runtime}>{escape(t["runtime_idle"])}</p>
<form class="pb-form" data-playbook-form="step-{n}" data-step-id="{step.id}" novalidate
  data-saved="{_attr(t["form_saved"])}" data-clear-confirm="{_attr(t["form_clear_confirm"])}" data-cleared="{_attr(t["form_cleared"])}">
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
<span class="pb-saved" aria-live="polite"></span>
</div>
</form>
<section class="pb-result" hidden aria-labelledby="pb-result-title-{n}">
<h2 id="pb-result-title-{n}">{escape(t["form_output_title"])}</h2>
<p class="pb-downloads"><a class="md-button" data-playbook-download="md" href="#">{escape(t["form_download_md"])}</a>
<a class="md-button" data-playbook-download="json" href="#">{escape(t["form_download_json"])}</a></p>
<div class="pb-output" data-playbook-output></div>
</section>
</div>"""


def _list(items, ordered: bool = False) -> str:
    marker = "1." if ordered else "-"
    return "\n".join(f"{marker} {escape(i)}" for i in items)


def step_page(playbook: Playbook, step: Step) -> str:
    """The Markdown source of the step's page (MkDocs, Material)."""
    t = playbook.texts
    head = f"---\ndescription: {escape(step.purpose.splitlines()[0])}\n---\n\n# Step {step.number}: {escape(step.title)}\n\n"
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
            f'<li><input type="checkbox" id="c{step.number}-{c.id}"> <label for="c{step.number}-{c.id}">'
            f'{escape(c.text)} <span class="pb-basis">({escape(c.basis)})</span></label></li>'
            for c in step.checklist
        )
        parts.append(f'## {t["checklist_heading"]}\n\n<ul class="pb-checklist-static">\n{items}\n</ul>\n\n{download}\n')
    if not step.has_form:
        parts.append(f'!!! note "{t["form_coming_title"]}"\n\n    {escape(playbook.texts["form_coming"])}\n')
    else:
        parts.append(f"## {escape(step.document.title)}\n\n{escape(step.document.intro)}\n\n{form_html(playbook, step)}\n")
    return "\n".join(parts)
