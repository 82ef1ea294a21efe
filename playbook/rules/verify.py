"""Step 1: what the emergency screen and the verification outcome call for next.

Each item is the playbook's suggestion (brief §6.2 and §7.0): an emergency referral never
waits for verification; children call for child-protection expertise (ILO C182); the outcome
decides whether the case goes on to Step 2, keeps being verified, or is closed.
"""

from __future__ import annotations

OUTCOME_ADVICE = {
    "substantiated": "outcome-substantiated",
    "credible_pending": "outcome-credible-pending",
    "not_substantiated": "outcome-not-substantiated",
    "not_linked": "outcome-not-linked",
}


def advice(case: dict) -> list[str]:
    values = case.get("steps", {}).get("verify", {}).get("values", {})
    ids = []
    if values.get("urgency_flags"):
        ids.append("emergency-follow-up" if values.get("referral") else "emergency-refer-now")
    if values.get("children") in ("yes", "unknown") or values.get("child_signs"):
        ids.append("children-involved")
    if values.get("inquiry_risk") == "high":
        ids.append("inquiry-risky")
    if values.get("outcome") == "substantiated" and values.get("link") == "none":
        ids.append("link-contradiction")
    if values.get("outcome") in OUTCOME_ADVICE:
        ids.append(OUTCOME_ADVICE[values["outcome"]])
    return ids
