"""Step 2's decision aid: a suggested type and level of response, and why, factor by factor.

The logic is the playbook's suggestion (the domain brief, section 8), built on UNGP 19 and 22:
what a company must do depends on whether it caused, contributed to or is directly linked to
the harm, on how severe the harm is and on its leverage. The user may accept or override it;
an override needs a written reason (see `errors`).

Levels, by intensity: 0 < D < C < B < A. E (emergency) runs alongside any of them.
"""

from __future__ import annotations

ORDER = ("0", "D", "C", "B", "A")
TYPES = {"A": ("T1", "T2"), "B": ("T2", "T3"), "C": ("T3", "T4"), "D": ("T4",), "0": ()}
BANDS = {1: "low", 2: "medium", 3: "high", 4: "critical"}
LEVERAGE = ("none", "low", "medium", "high")
NEEDED = ("own_involvement", "scale", "scope", "irremediability", "leverage_level")


def severity(scale: int, scope: int, irremediability: int) -> tuple[int, bool]:
    """The severity score (1-4): the highest dimension, one higher (at most 4) when two or more
    dimensions are at 3 or above. Also says whether that bump applied."""
    dims = (scale, scope, irremediability)
    score = max(dims)
    bumped = sum(d >= 3 for d in dims) >= 2 and score < 4
    return score + bumped, bumped


def base_level(involvement: str, band: int, leverage: str, can_increase: bool) -> str:
    """The level before modifiers (brief 8.4)."""
    if involvement == "cause":
        return "A"
    if involvement == "contribute":
        return "A" if band >= 3 else "B"
    if band == 4 and LEVERAGE.index(leverage) >= LEVERAGE.index("medium"):
        return "B"
    if leverage != "none" or can_increase:
        return "C"
    return "D"


def recommend(values: dict) -> dict:
    """The suggestion for a Step 2 form's values.

    Returns {"complete": False, "missing": [field ids]} while an input the logic needs is empty;
    otherwise {"complete": True, "level", "types", "emergency", "score", "band", "reasons"},
    where reasons is a list of (advice id, {placeholder: value}) in the order they apply.
    """
    missing = [f for f in NEEDED if not values.get(f)]
    if missing:
        return {"complete": False, "missing": missing}
    involvement = values["own_involvement"]
    scale, scope, irr = (int(values[k]) for k in ("scale", "scope", "irremediability"))
    score, bumped = severity(scale, scope, irr)
    leverage = values["leverage_level"]
    can_increase = values.get("leverage_can_increase") == "yes"
    reasons: list[tuple[str, dict]] = [
        (f"involvement-{involvement}", {}),
        ("severity-bumped" if bumped else "severity", {"scale": scale, "scope": scope, "irremediability": irr,
                                                      "score": score, "band": BANDS[score]}),
    ]
    level = base_level(involvement, score, leverage, can_increase)
    if involvement == "directly_linked":
        reasons.append((f"linked-{level}", {"leverage": leverage}))
    elif involvement == "contribute":
        reasons.append((f"contribute-{level}", {"band": BANDS[score]}))
    if values.get("children") == "yes":
        cap = "B" if involvement == "directly_linked" else "A"
        raised = ORDER[min(ORDER.index(level) + 1, ORDER.index(cap))]
        reasons.append(("children-raised" if raised != level else "children-capped", {"level": raised}))
        level = raised
    types = list(TYPES[level])
    emergency = bool(values.get("urgency"))
    if emergency:
        reasons.append(("emergency", {}))
        if "T4" not in types:
            types.append("T4")
    return {"complete": True, "level": level, "types": types, "emergency": emergency, "score": score,
            "band": BANDS[score], "reasons": reasons}


def _tracks(values: dict) -> set[str]:
    """Every relationship track decided: the main one, and each company's in the chain."""
    rows = values.get("chain") or []
    return {values.get("relationship_track", "")} | {r.get("track", "") for r in rows if isinstance(r, dict)}


def advice(case: dict) -> list[str]:
    """Notes that apply whatever the level: the brief's modifiers and the relationship track."""
    values = case.get("steps", {}).get("respond", {}).get("values", {})
    notes = []
    if values.get("wishes_status") in ("unknown", "", None):
        notes.append("wishes-unknown")
    if "no_contact" in values.get("wishes", []):
        notes.append("wishes-no-contact")
    if values.get("state_capacity") == "unreliable":
        notes.append("state-unreliable")
    if values.get("providers") == "none":
        notes.append("no-providers")
    if values.get("cahra") == "yes":
        notes.append("cahra")
    for track in ("suspend", "disengage"):  # the main relationship, or any company's in the chain
        if track in _tracks(values):
            notes.append(f"relationship-{track}")
    if values.get("children") == "yes":
        notes.append("child-partner")
    return notes


def errors(values: dict) -> list[dict]:
    """Rules across fields: an override names its level and reason; leaving a supplier says what it means for victims."""
    out = []
    if values.get("decision") == "override":
        if not values.get("override_level"):
            out.append({"field": "override_level", "message": "Choose the level you decided on, or accept the suggestion."})
        if not values.get("override_reason"):
            out.append({"field": "override_reason",
                        "message": "Write why your decision departs from the suggestion; the reason is kept in the record."})
    if _tracks(values) & {"suspend", "disengage"} and not values.get("relationship_effect"):
        out.append({"field": "relationship_effect",
                    "message": "Write what suspending or ending a business relationship means for the people harmed."})
    return out
