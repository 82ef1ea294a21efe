"""The JSON Schema of the case file, generated from the step model and published on the site
(downloads/case-file.schema.json) so that other tools can check a case file before opening it.

It describes the current version only (older files are migrated when the playbook opens them).
It states the shape and the types; the playbook's own import (casefile.parse_case) checks more,
such as real dates and text lengths, and names each problem.
"""

from __future__ import annotations

from .casefile import FORMAT, VERSION
from .model import PROFILE_KINDS, Field, Playbook


def _field(field: Field) -> dict:
    if field.type == "rows":
        columns = {c.id: _field(c) for c in field.columns}
        return {"type": "array", "maxItems": field.max_rows, "description": field.label,
                "items": {"type": "object", "properties": columns, "additionalProperties": False}}
    values = [o.value for o in field.options]
    if field.type == "choices":
        return {"type": "array", "items": {"enum": values}, "uniqueItems": True, "description": field.label}
    if field.type == "choice":
        return {"enum": ["", *values], "description": field.label}
    schema = {"type": "string", "description": field.label}
    if field.type == "date":
        schema["pattern"] = r"^(\d{4}-\d{2}-\d{2})?$"
    elif field.limit:
        schema["maxLength"] = field.limit
    return schema


def case_schema(playbook: Playbook) -> dict:
    steps = {
        s.id: {
            "type": "object",
            "description": f"Step {s.number}: {s.title}",
            "properties": {
                "values": {"type": "object", "properties": {f.id: _field(f) for f in s.fields},
                           "additionalProperties": False},
                # Items a profile adds are allowed here; the import checks they match the case's profile.
                "checklist": {"type": "array", "uniqueItems": True, "items": {"enum": [
                    c.id for c in s.checklist + tuple(i for p in playbook.profiles for i in p.items(s.number))]}},
            },
            "additionalProperties": False,
        }
        for s in playbook.steps
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Remediation Playbook case file",
        "description": f"The record of one incident as it moves through the six steps, as version {VERSION} holds it. "
                       "The playbook also opens files of older versions and migrates them.",
        "type": "object",
        "required": ["format", "version", "steps"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "updated": {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)?$"},
            "profile": {
                "type": "object", "additionalProperties": False,
                "description": "The actor and sector profile chosen for the case (empty for none).",
                "properties": {k: {"enum": ["", *(p.id for p in playbook.profiles if p.kind == k)]} for k in PROFILE_KINDS},
            },
            "training": {"type": "string", "pattern": r"^([a-z0-9][a-z0-9_-]{0,63})?$",
                         "description": "The id of the training case this file came from; empty for a real case."},
            "steps": {"type": "object", "properties": steps, "additionalProperties": False},
        },
        "additionalProperties": False,
    }
