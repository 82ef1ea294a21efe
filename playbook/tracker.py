"""The action tracker: each action of the remediation action plan (Step 3) with its latest status
from the monitoring updates (Step 4) and whether it is overdue.

"Overdue" is judged against the monitoring report's date (Step 4), never against today's date,
so the same case file always gives the same tracker. Step 4's dated rows (updates and changes) are
a running log across reviews: rows dated after the report date are left out of the tracker and of the
monitoring report, so an earlier report can be made again by setting its date back.
"""

from __future__ import annotations

from .model import Playbook

DONE = ("completed", "cancelled", "handed_over")
"""Statuses after which an action can no longer be overdue."""
LOGS = ("updates", "changes")
"""Step 4's rows fields whose rows carry a date and build up from one review to the next."""
ACTION_COLUMNS = ("ref", "what", "for_whom", "form", "owner", "partner", "start", "due", "budget", "payer",
                  "indicator", "consent")


def _values(case: dict, step_id: str) -> dict:
    return case.get("steps", {}).get(step_id, {}).get("values", {})


def as_of_report(values: dict) -> tuple[dict, int]:
    """Step 4's values as on its report date, and how many log rows dated after it were left out.
    A row without a date is kept, and so is every row when there is no report date."""
    as_of = values.get("report_date", "")
    if not as_of:
        return values, 0
    kept = {k: [r for r in values[k] if r.get("date", "") <= as_of] for k in LOGS if isinstance(values.get(k), list)}
    return {**values, **kept}, sum(len(values[k]) - len(kept[k]) for k in kept)


def tracker(playbook: Playbook, case: dict) -> dict:
    """{"headers": [labels], "rows": [[cells]], "flags": [overdue bool per row], "as_of": date or "",
    "unmatched": [update action codes that name no action]}; cells are display text."""
    plan, monitor = playbook.step("plan"), playbook.step("monitor")
    actions_field, updates_field = plan.field("actions"), monitor.field("updates")
    status_col = updates_field.column("status")
    monitor_values = as_of_report(_values(case, "monitor"))[0]
    as_of = monitor_values.get("report_date", "")
    actions = _values(case, "plan").get("actions", [])
    updates = monitor_values.get("updates", [])

    latest: dict[str, dict] = {}
    for update in sorted(updates, key=lambda u: u.get("date", "")):  # stable: on equal dates the later entry wins
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
