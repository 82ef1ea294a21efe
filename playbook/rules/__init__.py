"""Rules: one module per step, each a pure function of the case file that returns advice ids.

The advice's words live in the step's content file ([[advice]]); a rule only decides which
items apply, in order. RULES lists the rule of each step once.
"""

from __future__ import annotations

from collections.abc import Callable

from . import verify

Rule = Callable[[dict], list[str]]

RULES: dict[str, Rule] = {
    "verify": verify.advice,
}


def advice_for(step_id: str, case: dict) -> list[str]:
    rule = RULES.get(step_id)
    return rule(case) if rule else []
