"""Rules: one module per step, each made of pure functions of the case file or the step's values.

- advice: which advice items apply (ids; the words live in the step's content file, [[advice]]);
- errors: checks across fields of one step (the per-field checks are in casefile.py).

RULES and CHECKS list each step's functions once.
"""

from __future__ import annotations

from collections.abc import Callable

from . import close, plan, respond, verify

Rule = Callable[[dict], list[str]]

RULES: dict[str, Rule] = {
    "verify": verify.advice,
    "respond": respond.advice,
}
CHECKS: dict[str, Callable[[dict], list[dict]]] = {
    "respond": respond.errors,
    "plan": plan.errors,
    "close": close.errors,
}


def advice_for(step_id: str, case: dict) -> list[str]:
    rule = RULES.get(step_id)
    return rule(case) if rule else []


def step_errors(step, values: dict, partial: bool = False) -> list[dict]:
    """Cross-field errors for a step's clean values ([] for an unfinished, saved step)."""
    check = CHECKS.get(step.id)
    return [] if partial or check is None else check(values)
