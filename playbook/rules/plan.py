"""Step 3: checks across the remediation action plan's rows.

Step 4's updates and the action tracker find an action by its code, so two actions may not share one
(codes compare without regard to case, as the tracker matches them). An action cannot be due before
it starts: one of the two dates was mistyped.
"""

from __future__ import annotations


def errors(values: dict) -> list[dict]:
    out = []
    first: dict[str, tuple[int, str]] = {}  # code, casefolded -> (row number, code as typed there)
    for i, action in enumerate(values.get("actions", [])):
        code = action.get("ref", "")
        if code and code.casefold() in first:
            number, taken = first[code.casefold()]
            out.append({"field": f"actions[{i}].ref",
                        "message": f"Action {number} already has the code {taken}. Give each action its own code: "
                                   "the updates in Step 4 refer to actions by it."})
        first.setdefault(code.casefold(), (i + 1, code))
        start, due = action.get("start", ""), action.get("due", "")
        if start and due and due < start:
            out.append({"field": f"actions[{i}].due",
                        "message": f"The due date is before the start date, {start}. Correct one of the two dates."})
    return out
