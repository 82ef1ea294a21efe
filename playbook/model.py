"""The step model: plain, immutable records loaded from the content files.

Nothing here knows about TOML, HTML or Markdown. `content.py` builds these records and
checks them; the renderers and the rules only read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FIELD_TYPES = ("text", "textarea", "date", "choice", "choices", "rows")
"""The kinds of form field a content file may declare. A "rows" field is a repeatable group of
columns (themselves fields of any other type); its value is a list of {column id: value}."""
COLUMN_TYPES = ("text", "textarea", "date", "choice")
OPTION_SOURCES = ("forms", "assistance")
"""Where a choice field may take its options from instead of listing them: the remedies catalogue."""
DEFAULT_MAX_ROWS = 50

DEFAULT_MAX_LENGTH = {"text": 200, "textarea": 5000, "date": 10}
"""How many characters a field accepts when its content file sets no `max_length`."""


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    """Stable identifier stored in the case file."""
    label: str
    """What the reader sees."""


@dataclass(frozen=True, slots=True)
class Field:
    id: str
    """Name of the form control and key in the case file."""
    label: str
    type: str
    """One of FIELD_TYPES."""
    hint: str = ""
    """Guidance shown under the label, and in italics in a document where the field is empty."""
    required: bool = False
    max_length: int | None = None
    pattern: str = ""
    """A regular expression a text field's value must match in full."""
    pattern_message: str = ""
    """What to tell the user when the pattern does not match."""
    options: tuple[Option, ...] = ()
    options_from: str = ""
    """One of OPTION_SOURCES: the options are filled in from the reference content when it loads."""
    columns: tuple["Field", ...] = ()
    """The columns of a "rows" field."""
    max_rows: int = DEFAULT_MAX_ROWS
    row_label: str = ""
    """What one row of a "rows" field is called, e.g. "Action"."""

    @property
    def limit(self) -> int | None:
        """The number of characters this field accepts (None for choice fields)."""
        return self.max_length or DEFAULT_MAX_LENGTH.get(self.type)

    def column(self, column_id: str) -> "Field":
        for c in self.columns:
            if c.id == column_id:
                return c
        raise KeyError(column_id)

    def shown(self, value: object) -> str:
        """A value as a reader sees it: option labels for choices, text as it is."""
        if self.type == "choices":
            return ", ".join(self.option_label(v) for v in value)
        return self.option_label(value) if self.type == "choice" else str(value)

    def option_label(self, value: str) -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        return value


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Stakeholder:
    who: str
    role: str
    """What this stakeholder does in this step."""


@dataclass(frozen=True, slots=True)
class Factor:
    name: str
    options: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    text: str
    """An imperative line."""
    basis: str
    """Where the item comes from: the label of a framework provision ("UNGP 22") or "playbook suggestion"."""
    refs: tuple[str, ...] = ()
    """Cross-references, "kind:id" (e.g. "principle:do-no-harm", "term:debt-bondage")."""


@dataclass(frozen=True, slots=True)
class DocumentSpec:
    title: str
    """The name of the step's record, e.g. "Verification record"."""
    intro: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    number: int
    id: str
    title: str
    short_title: str
    status: str
    """"complete" or "draft"; a draft step has only its purpose."""
    purpose: str
    entry_condition: str = ""
    time_limit: str = ""
    tasks: tuple[str, ...] = ()
    stakeholders: tuple[Stakeholder, ...] = ()
    factors: tuple[Factor, ...] = ()
    outputs: tuple[str, ...] = ()
    exit_criteria: tuple[str, ...] = ()
    pitfalls: tuple[str, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    advice: tuple[ChecklistItem, ...] = ()
    """Advice a record can give; the step's rule function picks which items apply."""
    document: DocumentSpec | None = None
    sections: tuple[Section, ...] = ()
    source: str = ""
    """The content file this step was read from (for error messages)."""

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for s in self.sections for f in s.fields)

    @property
    def has_form(self) -> bool:
        return bool(self.sections)

    def field(self, field_id: str) -> Field:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def label_for(self, key: str) -> str:
        """How errors and warnings name a field ("summary") or a cell ("actions[2].due": the row and the column)."""
        field_id, _, rest = key.partition("[")
        if not rest:
            return self.field(key).label if key in {f.id for f in self.fields} else key
        row, _, column = rest.partition("].")
        field = self.field(field_id)
        names = {c.id: c.label for c in field.columns}
        return f"{field.row_label or field.label} {int(row) + 1}, {names.get(column, column)}"

    def label_with_step(self, key: str) -> str:
        """label_for, prefixed with the step ("Step 2, Notes on severity"), for messages shown away from its page."""
        return f"Step {self.number}, {self.label_for(key)}"


PROVENANCES = ("read", "inferred", "unverified", "suggested")
"""How sure a piece of content is (the domain brief's markers): read in a source, our reconstruction,
recalled but not confirmed, or the playbook's own proposal."""


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    year: int
    url: str
    year_note: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of an enumeration inside a provision (a criterion, an indicator, a category)."""
    name: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class Provision:
    id: str
    label: str
    """How checklist items name it as their basis, e.g. "UNGP 22"."""
    title: str
    text: str
    provenance: str
    playbook_use: str = ""
    sources: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    name: str
    short: str
    summary: str
    sources: tuple[str, ...]
    provenance: str
    provisions: tuple[Provision, ...] = ()


@dataclass(frozen=True, slots=True)
class Principle:
    id: str
    code: str
    name: str
    practice: str
    rule: str
    """The playbook's rule that puts the principle into effect (always a playbook suggestion)."""
    provenance: str
    refs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReparationForm:
    id: str
    code: str
    name: str
    text: str
    examples: tuple[str, ...]
    provenance: str
    examples_provenance: str


@dataclass(frozen=True, slots=True)
class Assistance:
    id: str
    code: str
    name: str
    phase: str
    deliverers: str
    forms: tuple[str, ...]
    """Ids of the forms of reparation this assistance serves."""
    provenance: str
    child_note: str = ""


@dataclass(frozen=True, slots=True)
class RoleNote:
    step: int
    text: str


@dataclass(frozen=True, slots=True)
class Role:
    id: str
    name: str
    summary: str
    steps: tuple[int, ...]
    provenance: str
    notes: tuple[RoleNote, ...] = ()

    def note(self, step: int) -> str:
        return next((n.text for n in self.notes if n.step == step), "")


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    term: str
    definition: str
    provenance: str
    abbr: str = ""
    refs: tuple[str, ...] = ()


SUGGESTION = "playbook suggestion"
"""The basis of an item that comes from no source: the playbook's own proposal."""


@dataclass(frozen=True)
class Reference:
    """Everything the steps refer to: sources, frameworks, principles, remedies, roles, glossary."""
    sources: tuple[Source, ...] = ()
    frameworks: tuple[Framework, ...] = ()
    principles: tuple[Principle, ...] = ()
    forms: tuple[ReparationForm, ...] = ()
    assistance: tuple[Assistance, ...] = ()
    roles: tuple[Role, ...] = ()
    terms: tuple[Term, ...] = ()

    def targets(self) -> dict[str, object]:
        """Every thing a cross-reference can name, keyed "kind:id"."""
        out: dict[str, object] = {}
        for kind, things in (("source", self.sources), ("framework", self.frameworks), ("principle", self.principles),
                             ("form", self.forms), ("assistance", self.assistance), ("role", self.roles),
                             ("term", self.terms)):
            for thing in things:
                out[f"{kind}:{thing.id}"] = thing
        for framework in self.frameworks:
            for provision in framework.provisions:
                out[f"framework:{provision.id}"] = provision
        return out

    def provision_by_label(self) -> dict[str, Provision]:
        return {p.label: p for f in self.frameworks for p in f.provisions}


PROFILE_KINDS = ("actor", "sector")
"""An actor profile says who is working the case; a sector profile, which kind of supply chain."""


@dataclass(frozen=True, slots=True)
class ProfileStep:
    """What a profile changes on one step's page."""
    step: int
    note: str
    examples: tuple[str, ...] = ()
    stakeholders: tuple[Stakeholder, ...] = ()


@dataclass(frozen=True)
class Profile:
    id: str
    kind: str
    """One of PROFILE_KINDS."""
    name: str
    summary: str
    provenance: str
    role: str = ""
    """An actor profile's role in the reference roles (its notes per step apply too)."""
    wording: tuple[tuple[str, str], ...] = ()
    """(role id, how this actor or sector names that role)."""
    steps: tuple[ProfileStep, ...] = ()
    checklist: tuple[tuple[int, ChecklistItem], ...] = ()
    """(step number, item): checklist items that apply only under this profile."""
    defaults: dict[str, dict[str, object]] = field(default_factory=dict)
    """step id -> field id -> the value a form starts with under this profile."""
    source: str = ""

    def on_step(self, number: int) -> ProfileStep | None:
        return next((s for s in self.steps if s.step == number), None)

    def items(self, number: int) -> tuple[ChecklistItem, ...]:
        return tuple(item for n, item in self.checklist if n == number)


@dataclass(frozen=True, slots=True)
class Debrief:
    """The facilitator's notes on one step of a training case."""
    step: int
    good: str
    """What a good answer looks like."""
    why: str
    situation: str = ""
    """New facts the participants are given at the start of this step (part of their handout)."""
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrainingCase:
    """A fictional case for workshops: a complete case file, a brief and a debrief per step."""
    id: str
    title: str
    actor: str
    sector: str
    summary: str
    brief: str
    learning: tuple[str, ...]
    case: dict
    """The case file, as parse_case returns it (marked with this case's id as "training")."""
    debrief: tuple[Debrief, ...]
    source: str = ""


@dataclass(frozen=True)
class Playbook:
    steps: tuple[Step, ...] = field(default_factory=tuple)
    texts: dict[str, str] = field(default_factory=dict)
    """Wording the generated documents share (content/documents.toml)."""
    reference: Reference = field(default_factory=Reference)
    pages: dict[str, dict[str, str]] = field(default_factory=dict)
    """Wording of the generated reference pages (content/pages.toml)."""
    profiles: tuple[Profile, ...] = ()
    cases: tuple[TrainingCase, ...] = ()
    """Training cases (content/cases/*.toml)."""

    def step(self, key: int | str) -> Step:
        """A step by number (1..6) or id ("verify")."""
        for s in self.steps:
            if s.number == key or s.id == key or str(s.number) == str(key):
                return s
        raise KeyError(f"no step {key!r}; the steps are {', '.join(str(s.number) for s in self.steps)}")

    def profile(self, profile_id: str) -> Profile:
        for p in self.profiles:
            if p.id == profile_id:
                return p
        raise KeyError(f"no profile {profile_id!r}")

    def chosen(self, choice: dict | None) -> tuple[Profile, ...]:
        """The profiles a case's {"actor", "sector"} choice names, actor first; empty ones are skipped."""
        choice = choice or {}
        return tuple(self.profile(choice[k]) for k in PROFILE_KINDS if choice.get(k))

    def checklist(self, step: Step, choice: dict | None = None) -> tuple[ChecklistItem, ...]:
        """A step's checklist under a profile choice: the general items, then the chosen profiles' own."""
        return step.checklist + tuple(item for p in self.chosen(choice) for item in p.items(step.number))

    def training_case(self, case_id: str) -> TrainingCase:
        for c in self.cases:
            if c.id == case_id:
                return c
        raise KeyError(f"no training case {case_id!r}; the cases are {', '.join(c.id for c in self.cases)}")
