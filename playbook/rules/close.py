"""Step 5: checks across the closure record's fields.

A case closed because the allegation was not substantiated or not linked (brief §6.2: Step 1 may go
straight to closure) has no remedy to judge, so it may leave the affected people's view empty and
answer "not applicable" to whether the exploitation stopped. Every other closure needs both.
"""

from __future__ import annotations

NO_REMEDY = ("not_substantiated", "not_linked")


def errors(values: dict) -> list[dict]:
    out = []
    no_remedy = values.get("category") in NO_REMEDY
    if not no_remedy and not values.get("affected_view"):
        out.append({"field": "affected_view",
                    "message": "Write what the people helped think of the remedy, as reported by providers, or why "
                               "their view could not be obtained. Only a case closed as not substantiated or not "
                               "linked may leave this empty."})
    if values.get("harm_stopped") == "not_applicable" and not no_remedy:
        out.append({"field": "harm_stopped",
                    "message": "\"Not applicable\" fits only a case closed as not substantiated or not linked. "
                               "Say whether the exploitation has stopped: yes (verified), no or unclear."})
    return out
