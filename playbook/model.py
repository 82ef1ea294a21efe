"""The step model: plain, immutable records loaded from the content files.

Nothing here knows about TOML, HTML or Markdown. `content.py` builds these records and
checks them; the renderers and the rules only read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FIELD_TYPES = ("text", "textarea", "date", "choice", "choices")
"""The kinds of form field a content file may declare."""

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

    @property
    def limit(self) -> int | None:
        """The number of characters this field accepts (None for choice fields)."""
        return self.max_length or DEFAULT_MAX_LENGTH.get(self.type)

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
    """Where the item comes from, e.g. "UNGP 22" or "playbook suggestion"."""


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


@dataclass(frozen=True)
class Playbook:
    steps: tuple[Step, ...] = field(default_factory=tuple)
    texts: dict[str, str] = field(default_factory=dict)
    """Wording the generated documents share (content/documents.toml)."""

    def step(self, key: int | str) -> Step:
        """A step by number (1..6) or id ("verify")."""
        for s in self.steps:
            if s.number == key or s.id == key or str(s.number) == str(key):
                return s
        raise KeyError(f"no step {key!r}; the steps are {', '.join(str(s.number) for s in self.steps)}")
