"""Build-time rendering of the reference pages (principles, remedies, roles, frameworks, glossary,
sources) and of the abbreviations list, as Markdown for MkDocs.

Every entry gets an anchor equal to its id, so a cross-reference "kind:id" becomes a link.
All content text is escaped; the Markdown structure is ours.
"""

from __future__ import annotations

import json
from html import escape as html_escape

from ..model import SUGGESTION, Playbook, Reference
from .markdown import escape

# Which page holds each kind of reference target.
PAGE_OF = {"source": "sources", "framework": "frameworks", "principle": "principles", "form": "remedies",
           "assistance": "remedies", "role": "roles", "term": "glossary"}


def target_path(ref: str) -> str:
    """The docs-relative Markdown path of a reference, e.g. "frameworks.md#ungp-22"."""
    kind, _, ident = ref.partition(":")
    if kind == "step":
        return f"steps/step-{ident}.md"
    return f"{PAGE_OF[kind]}.md#{ident}"


def target_url(ref: str) -> str:
    """The site-relative URL of a reference (for raw HTML, which MkDocs does not rewrite)."""
    path, _, anchor = target_path(ref).partition("#")
    url = path.removesuffix(".md") + "/"
    return f"{url}#{anchor}" if anchor else url


def ref_name(reference: Reference, ref: str) -> str:
    """What a reference is called in running text, e.g. "UNGP 22" or "P2 Do no harm"."""
    kind, _, ident = ref.partition(":")
    if kind == "step":
        return f"Step {ident}"
    thing = reference.targets()[ref]
    name = next(getattr(thing, a) for a in ("label", "term", "name", "title") if hasattr(thing, a))
    code = getattr(thing, "code", "")
    return f"{code} {name}" if code else name


def ref_links(reference: Reference, refs: tuple[str, ...], prefix: str = "") -> str:
    """Markdown links to refs, separated by commas; prefix is the path back to the docs root."""
    return ", ".join(f"[{escape(ref_name(reference, r))}]({prefix}{target_path(r)})" for r in refs)


def basis_html(playbook: Playbook, basis: str, prefix: str) -> str:
    """A checklist item's basis as HTML: a link to its provision, or plain text for a suggestion."""
    provision = playbook.reference.provision_by_label().get(basis)
    if basis == SUGGESTION or provision is None:
        return html_escape(basis)
    return f'<a href="{prefix}{target_url("framework:" + provision.id)}">{html_escape(basis)}</a>'


def _head(page: dict[str, str]) -> str:
    return f"---\ndescription: {json.dumps(page['description'], ensure_ascii=False)}\n---\n\n# {escape(page['title'])}\n\n{escape(page['intro'])}\n"


def _provenance(labels: dict[str, str], provenance: str) -> str:
    return f'<p class="pb-provenance">{html_escape(labels["provenance"])}: {html_escape(labels[provenance])}</p>\n'


def _related(playbook: Playbook, refs: tuple[str, ...]) -> str:
    if not refs:
        return ""
    return f"{escape(playbook.pages['labels']['related'])}: {ref_links(playbook.reference, refs)}.\n"


def principles_page(playbook: Playbook) -> str:
    labels = playbook.pages["labels"]
    parts = [_head(playbook.pages["principles"])]
    for p in playbook.reference.principles:
        parts.append(
            f"## {escape(p.code)} {escape(p.name)} {{#{p.id}}}\n\n{escape(p.practice)}\n\n"
            f'!!! tip "{escape(labels["rule"])} ({escape(labels["suggested"]).lower()})"\n\n    {escape(p.rule)}\n\n'
            + _provenance(labels, p.provenance) + _related(playbook, p.refs)
        )
    return "\n".join(parts)


def remedies_page(playbook: Playbook) -> str:
    page, labels, ref = playbook.pages["remedies"], playbook.pages["labels"], playbook.reference
    parts = [_head(page)]
    forms = {f.id: f for f in ref.forms}
    for f in ref.forms:
        examples = "\n".join(f"- {escape(e)}" for e in f.examples)
        parts.append(
            f"## {escape(f.code)} {escape(f.name)} {{#{f.id}}}\n\n{escape(f.text)}\n\n"
            + _provenance(labels, f.provenance)
            + f"\n**{escape(labels['examples'])}** ({escape(labels[f.examples_provenance]).lower()}):\n\n{examples}\n"
        )
    rows = "\n".join(
        f'| <span id="{a.id}">{escape(a.code)}</span> | {escape(a.name)} | {escape(a.phase)} | {escape(a.deliverers)} | '
        + ", ".join(f"[{escape(forms[x].code)} {escape(forms[x].name)}](#{x})" for x in a.forms) + " |"
        for a in ref.assistance
    )
    head = " | ".join(escape(labels[k]) for k in ("code_column", "assistance_column", "phase_column",
                                                   "deliverers_column", "forms_column"))
    parts.append(f"## {escape(page['assistance_title'])}\n\n| {head} |\n| --- | --- | --- | --- | --- |\n{rows}\n\n"
                 + _provenance(labels, "inferred"))
    notes = "\n".join(f"    - **{escape(a.code)} {escape(a.name)}**: {escape(a.child_note)}"
                      for a in ref.assistance if a.child_note)
    if notes:
        parts.append(f'!!! warning "{escape(page["children_title"])}"\n\n{notes}\n')
    return "\n".join(parts)


def roles_page(playbook: Playbook) -> str:
    page, labels = playbook.pages["roles"], playbook.pages["labels"]
    steps = playbook.steps
    parts = [_head(page)]
    head = f"| {escape(page['actor_column'])} | " + " | ".join(f"[{s.number}](steps/step-{s.number}.md)" for s in steps)
    rows = "\n".join(
        f"| [{escape(r.name)}](#{r.id}) | " + " | ".join(f"Step {s.number}" if s.number in r.steps else "–" for s in steps)
        + " |" for r in playbook.reference.roles)
    parts.append(f"## {escape(page['matrix_title'])}\n\n{head} |\n| --- |{' :-: |' * len(steps)}\n{rows}\n")
    for r in playbook.reference.roles:
        notes = "\n".join(
            f"- **[Step {n.step}: {escape(playbook.step(n.step).title)}](steps/step-{n.step}.md)**: {escape(n.text)}"
            for n in sorted(r.notes, key=lambda n: n.step))
        parts.append(f"## {escape(r.name)} {{#{r.id}}}\n\n{escape(r.summary)}\n\n{notes}\n\n" + _provenance(labels, r.provenance))
    return "\n".join(parts)


def frameworks_page(playbook: Playbook) -> str:
    page, labels, ref = playbook.pages["frameworks"], playbook.pages["labels"], playbook.reference
    parts = [_head(page)]
    for f in ref.frameworks:
        parts.append(f"## {escape(f.name)} {{#{f.id}}}\n\n{escape(f.summary)}\n\n"
                     f"{escape(labels['sources'])}: {ref_links(ref, tuple('source:' + s for s in f.sources))}.\n")
        for p in f.provisions:
            items = "\n".join(f"1. **{escape(i.name)}**" + (f": {escape(i.text)}" if i.text else "") for i in p.items)
            use = (f'!!! tip "{escape(page["playbook_use_title"])} ({escape(labels["suggested"]).lower()})"\n\n'
                   f"    {escape(p.playbook_use)}\n\n" if p.playbook_use else "")
            sources = "" if p.sources == f.sources else (
                f"{escape(labels['sources'])}: {ref_links(ref, tuple('source:' + s for s in p.sources))}.\n")
            parts.append(f"### {escape(p.label)}: {escape(p.title)} {{#{p.id}}}\n\n{escape(p.text)}\n\n"
                         + (f"{items}\n\n" if items else "") + use + _provenance(labels, p.provenance) + sources)
    return "\n".join(parts)


def glossary_page(playbook: Playbook) -> str:
    labels = playbook.pages["labels"]
    parts = [_head(playbook.pages["glossary"])]
    for t in sorted(playbook.reference.terms, key=lambda t: t.term.casefold()):
        name = f"{escape(t.term)} ({escape(t.abbr)})" if t.abbr else escape(t.term)
        parts.append(f"### {name} {{#{t.id}}}\n\n{escape(t.definition)}\n\n"
                     + _provenance(labels, t.provenance) + _related(playbook, t.refs))
    return "\n".join(parts)


def sources_page(playbook: Playbook) -> str:
    labels = playbook.pages["labels"]
    head = " | ".join(escape(labels[k]) for k in ("source_column", "publisher_column", "year_column", "link_column"))
    rows = []
    for s in sorted(playbook.reference.sources, key=lambda s: (s.publisher.casefold(), s.year, s.title.casefold())):
        about = "".join(f"<br>{escape(x)}" for x in (s.year_note, s.note) if x)
        rows.append(f'| <span id="{s.id}">*{escape(s.title)}*</span>{about} | {escape(s.publisher)} | {s.year} | '
                    f"[{escape(labels['link_text'])}](<{s.url}>) |")
    return _head(playbook.pages["sources"]) + f"\n| {head} |\n| --- | --- | --- | --- |\n" + "\n".join(rows) + "\n"


def abbreviations(playbook: Playbook) -> str:
    """Python-Markdown `abbr` definitions for every glossary abbreviation (appended to every page)."""
    lines = []
    for t in sorted(playbook.reference.terms, key=lambda t: t.abbr):
        if t.abbr:
            lines.append(f"*[{t.abbr}]: {t.term}: {' '.join(t.definition.split())}")
    return "\n".join(lines) + "\n"


PAGES = {"principles": principles_page, "remedies": remedies_page, "roles": roles_page,
         "frameworks": frameworks_page, "glossary": glossary_page, "sources": sources_page}
