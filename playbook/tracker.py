"""The action tracker: each action of the remediation action plan (Step 3) with its latest status
from the monitoring updates (Step 4) and whether it is overdue.

"Overdue" is judged against the monitoring report's date (Step 4), never against today's date,
so the same case file always gives the same tracker. Updates dated after the report date are left
out, so an earlier report can be made again by setting its date back: the updates are a running log.
"""

from __future__ import annotations

from .model import Playbook

DONE = ("completed", "cancelled", "handed_over")
"""Statuses after which an action can no longer be overdue."""
ACTION_COLUMNS = ("ref", "what", "for_whom", "form", "owner", "partner", "start", "due", "budget", "payer",
                  "indicator", "consent")


def _values(case: dict, step_id: str) -> dict:
    return case.get("steps", {}).get(step_id, {}).get("values", {})


def tracker(playbook: Playbook, case: dict) -> dict:
    """{"headers": [labels], "rows": [[cells]], "flags": [overdue bool per row], "as_of": date or "",
    "unmatched": [update action codes that name no action]}; cells are display text."""
    plan, monitor = playbook.step("plan"), playbook.step("monitor")
    actions_field, updates_field = plan.field("actions"), monitor.field("updates")
    status_col = updates_field.column("status")
    as_of = _values(case, "monitor").get("report_date", "")
    actions = _values(case, "plan").get("actions", [])
    updates = _values(case, "monitor").get("updates", [])

    latest: dict[str, dict] = {}
    for update in sorted(updates, key=lambda u: u.get("date", "")):  # stable: on equal dates the later entry wins
        if as_of and update.get("date", "") > as_of:
            continue  # after the report date: it belongs to a later report
        latest[update.get("action", "").casefold()] = update
    codes = {a.get("ref", "").casefold() for a in actions}
    texts = playbook.texts

    rows, flags = [], []
    for action in actions:
        update = latest.get(action.get("ref", "").casefold(), {})
        status = update.get("status", "")
        overdue = bool(as_of and action.get("due") and action["due"] < as_of and status not in DONE)
        cells = [actions_field.column(c).shown(action.get(c, "")) for c in ACTION_COLUMNS]
        cells += [status_col.option_label(status) if status else texts["tracker_no_update"], update.get("date", ""),
                  texts["tracker_yes"] if overdue else (texts["tracker_no"] if as_of else "")]
        rows.append(cells)
        flags.append(overdue)
    headers = [actions_field.column(c).label for c in ACTION_COLUMNS]
    headers += [status_col.label, texts["tracker_status_date"], texts["tracker_overdue"]]
    unmatched = sorted({u.get("action", "") for u in updates if u.get("action", "").casefold() not in codes})
    return {"headers": headers, "rows": rows, "flags": flags, "as_of": as_of, "unmatched": unmatched}
