"""Warn when free text seems to hold a personal identifier: an e-mail address, a phone number,
a passport or ID number, or a date of birth.

Victims, workers and witnesses must appear in a case only by pseudonymous codes. These checks
let the site name the field to look at before a document is generated or exported. A warning
is advice, not a refusal, and precision matters more than recall: people ignore a warning that
fires on every date, amount or case code. So dates alone, years, counts, ages, money amounts,
regulation numbers ("2024/1760") and our own codes ("RP-2026-014", "G2", "A12") never warn.

Known limits: bare digit strings without separators or a label ("07946095812", "123456789"),
numbers written out in words, obfuscated addresses ("maria at example dot org") and dates of
birth with no day ("born March 2008") are not found.

Standard library only: this module also runs inside Pyodide. Every pattern has bounded
repetition with no nested quantifiers over the same characters, so a 5,000-character text is
scanned in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Callable

KINDS: dict[str, str] = {
    "email": "an e-mail address",
    "phone": "a phone number",
    "id_number": "a passport or ID number",
    "birth_date": "a date of birth",
}
"""Kind id -> its plain-English name in messages, in the order warnings list them."""

_ADVICE = "Use a pseudonymous code instead of anything that identifies a person."
_AGE_ADVICE = "Record an age or an age group, not a date of birth."

# Digits of other scripts become 0-9 first, so "+٩٧١ ٥٠ ١٢٣ ٤٥٦٧" is read as "+971 50 123 4567".
# Each code point is the zero of a block of ten: Arabic-Indic, Extended Arabic-Indic (Persian,
# Urdu), Devanagari, Bengali, Thai, Myanmar, Khmer, fullwidth.
_ZEROS = (0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x1040, 0x17E0, 0xFF10)
_DIGITS = {zero + n: str(n) for zero in _ZEROS for n in range(10)}

# --- e-mail -------------------------------------------------------------------------------------

# local@domain.tld, starting at the beginning of a token (so a long run of letters is tried once).
_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]{1,64}@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")

# --- phone --------------------------------------------------------------------------------------

# A candidate: an optional +, then digits with spaces, dots, dashes or brackets, ending on a digit.
# It may not start inside another number, code or word ("RP-2026-014", "2024/1760", "12,000").
_PHONE = re.compile(r"""
    (?<![\w+.,/-])
    \+?\(?[0-9]
    [0-9 ().-]{5,22}
    [0-9]
    (?![\w/]|[.,][0-9])
""", re.VERBOSE)

# A run of digits labelled as a phone: "phone: 0712345678", "WhatsApp no. 0712345678".
_LABEL_GAP = r"\W{0,4}(?:(?i:no|nos|number|nr|num)\b\.?\W{0,3})?"
_PHONE_AFTER_WORD = re.compile(
    r"(?i:\b(?:(?:tele)?phone|tel|mobile|cell|whatsapp|viber|telegram)s?\b\.?)"
    + _LABEL_GAP
    + r"(?<![0-9])[0-9]{8,15}(?![0-9])"
)

# Numbers that have digits and separators but are not phone numbers.
_YEAR = r"(?:19|20|21)[0-9]{2}"  # the years a case can mention: 1900 to 2199
_DATE_INSIDE = re.compile(
    rf"(?<![0-9])(?:{_YEAR}[-./ ][0-9]{{1,2}}[-./ ][0-9]{{1,2}}"  # 2026-11-25, 2026.11.25
    rf"|[0-9]{{1,2}}[-./ ][0-9]{{1,2}}[-./ ]{_YEAR})(?![0-9])"  # 25.11.2026, 25-11-2026
)
_YEARS = re.compile(rf"{_YEAR}(?:[-. ]+{_YEAR})+")  # 2019-2020, 2019 2020 2021
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[. ][0-9]{3})+")  # 12 000 000, 1.200.000
_HOURS = re.compile(r"[0-9]{1,2}\.[0-9]{2} ?- ?[0-9]{1,2}\.[0-9]{2}")  # 06.00-18.00
_TARIFF = re.compile(r"[0-9]{4}\.[0-9]{2}\.[0-9]{2,4}")  # a customs (HS) code: 2615.90.00

# --- passport and ID numbers --------------------------------------------------------------------

# A token of 6-12 capital letters and digits standing on its own: "X1234567", "AB123456C".
# Not part of a code with dashes, dots, slashes or underscores ("RP-2026-014"), nor of an address.
_ID_TOKEN = re.compile(r"(?<![\w./@-])[A-Z0-9]{6,12}(?![\w/@-]|\.\w)")

# Tokens of that shape that are codes, amounts or dates rather than a person's number.
_NOT_AN_ID = re.compile(r"""
    [A-Z]{3,}[0-9]+                       # a word-like prefix: ISO45001, CID001234, USD12000, CASE2026004
  | [A-Z]{2}20[0-9]{2}[0-9]*              # a two-letter code and a year: RP2026014, PO20260314
  | [0-9]+[A-Z]{2,}                       # an amount and its unit: 25000MT, 12000KG, 15000USD
  | [0-9]{1,2}[A-Z]{3}(?:19|20)?[0-9]{2}  # a date: 14MAR2026
  | (?:19|20)[0-9]{2}[A-Z]{1,2}[0-9]*     # a period: 2026Q3, 2026W12
""", re.VERBOSE)

# A number after a label: "passport no. X1234567", "NIN 12345678901", "SSN 123-45-6789".
# "ID" alone is also a supplier's or smelter's ID, so the word before it is kept to check.
_ID_AFTER_WORD = re.compile(
    r"(?:\b(?P<before>[^\W\d_]+)[ \t]+)?"
    r"(?P<word>(?i:\b(?:passports?|national[ \t]+id|identity[ \t]+(?:card|document|number)|id[ \t]+card"
    r"|social[ \t]+security|national[ \t]+insurance|birth[ \t]+certificate|work[ \t]+permit|aadhaa?r)\b)"
    r"|\b(?:ID|NIN|SSN|NIK|CNIC)\b)"
    + _LABEL_GAP
    + r"(?P<number>(?<![\w-])[A-Za-z]{0,2}[0-9](?:[ -]?[0-9]){4,24}[A-Za-z]?)(?![\w-])"
)
_NOT_A_PERSON = {
    "smelter", "refiner", "facility", "supplier", "vendor", "company", "site", "mine", "case",
    "audit", "incident", "ticket", "order", "batch", "shipment", "product",
}
"""Words that, before a bare "ID", mean the number is not a person's."""

# A line of a passport's machine-readable zone: "P<UTOERIKSSON<<ANNA<MARIA<<<".
_MRZ = re.compile(r"[A-Z0-9]<<")

# --- date of birth ------------------------------------------------------------------------------

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_FULL_DATE = (
    r"(?:[0-9]{1,4}[-./ ][0-9]{1,2}[-./ ][0-9]{2,4}"  # 2008-04-03, 03/04/2008, 3.4.08
    rf"|{_DAY}(?:[ \t]+of)?[ \t]+{_MONTH},?[ \t]+[0-9]{{4}}"  # 3 April 2008, 3rd of April, 2008
    rf"|{_MONTH}[ \t]+{_DAY},?[ \t]+[0-9]{{4}})"  # April 3, 2008
)
_BIRTH_WORD = r"\b(?:born|date[ \t]+of[ \t]+birth|birth[ \t]?date|birthday|d\.?o\.?b\b\.?|née?)"
_BIRTH_DATE = re.compile(
    rf"(?i:{_BIRTH_WORD}\W{{0,4}}(?:(?:on|in|le|el|the)\W{{1,3}}){{0,2}}{_FULL_DATE}(?![0-9])"  # born on 3 April 2008
    rf"|(?<![0-9]){_FULL_DATE}[ \t]*\(?{_BIRTH_WORD})"  # 2008-04-03 (DOB)
)


def _is_number_not_identifier(text: str) -> bool:
    """A date, a list of years, an amount in thousands, a range of hours or a customs code."""
    return bool(_DATE_INSIDE.search(text) or _YEARS.fullmatch(text) or _THOUSANDS.fullmatch(text)
                or _HOURS.fullmatch(text) or _TARIFF.fullmatch(text))


def _is_phone(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    if not 8 <= digits <= 15 or candidate.count("(") > 1:
        return False
    if candidate.startswith("+"):
        return True
    # A local number is written in groups: three or more ("555-123-4567", "06 12 34 56 78"), or two
    # after a trunk zero ("0712 345678"). Two other groups are a range or a pair ("1200-1500").
    groups = re.findall(r"[0-9]+", candidate)
    if len(groups) < 2 or (len(groups) == 2 and not groups[0].startswith("0")):
        return False
    # ". " ends a sentence: "paid 1200. 3400 remains" is two numbers.
    return ". " not in candidate and not _is_number_not_identifier(candidate)


def _is_id_token(token: str) -> bool:
    digits = sum(c.isdigit() for c in token)
    return digits >= 5 and digits < len(token) and not _NOT_AN_ID.fullmatch(token)


def _is_personal_id(match: re.Match) -> bool:
    if match["word"] == "ID" and (match["before"] or "").lower() in _NOT_A_PERSON:
        return False
    return not _is_number_not_identifier(match["number"])


def _blank(text: str, matches: list[re.Match]) -> str:
    """The text with each match replaced by spaces (positions unchanged)."""
    for m in matches:
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def find_identifiers(text: str) -> list[str]:
    """The kinds of personal identifier the text seems to contain, in KINDS order, each once."""
    text = text.translate(_DIGITS)
    found = set()
    if _EMAIL.search(text):
        found.add("email")
    labelled_ids = [m for m in _ID_AFTER_WORD.finditer(text) if _is_personal_id(m)]
    if labelled_ids or _MRZ.search(text) or any(_is_id_token(m[0]) for m in _ID_TOKEN.finditer(text)):
        found.add("id_number")
    births = list(_BIRTH_DATE.finditer(text))
    if births:
        found.add("birth_date")
    # A number already explained by its label (passport no., DOB) is not a phone number as well.
    rest = _blank(text, labelled_ids + births)
    if _PHONE_AFTER_WORD.search(rest) or any(_is_phone(m[0]) for m in _PHONE.finditer(rest)):
        found.add("phone")
    return [kind for kind in KINDS if kind in found]


def _names(kinds: list[str]) -> str:
    names = [KINDS[k] for k in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _warning(field: str, label: str, kinds: list[str]) -> dict:
    """One warning: which field, its label, what it seems to contain, and what to do."""
    message = f"Check ‘{label}’: it seems to contain {_names(kinds)}. {_ADVICE}"
    if "birth_date" in kinds:
        message += f" {_AGE_ADVICE}"
    return {"field": field, "label": label, "kinds": kinds, "message": message}


def scan_values(values: dict, label_for: Callable[[str], str]) -> list[dict]:
    """Warnings for a step's form values: [{"field": key, "label": label, "kinds": [...], "message": "..."}].

    values maps field ids to a str, a list of str (multi-choice: skipped, they are our option
    values) or a list of row dicts {column_id: str} (repeatable rows: each cell is scanned and
    reported under the key "<field>[<row index>].<column>"). label_for names a field or a cell
    from its key, the same way error messages do. Other values are ignored.
    """
    warnings = []
    for key, text in _texts(values):
        kinds = find_identifiers(text)
        if kinds:
            warnings.append(_warning(key, label_for(key), kinds))
    return warnings


def _texts(values: dict):
    """Each free text in a step's values, as (key, text)."""
    for field_id, value in values.items():
        if isinstance(value, str):
            yield field_id, value
        elif isinstance(value, list):
            for index, row in enumerate(value):
                if not isinstance(row, dict):
                    continue  # an option value of a multi-choice field
                for column, cell in row.items():
                    if isinstance(cell, str):
                        yield f"{field_id}[{index}].{column}", cell


def scan_case(playbook, case: dict) -> list[dict]:
    """Warnings for every step of a case file, in step order. Each also names its step ("step": id) and
    its label starts with the step's number, so that a warning raised outside the step's page is clear."""
    steps = case.get("steps", {})
    return [warning | {"step": step.id} for step in playbook.steps
            for warning in scan_values(steps.get(step.id, {}).get("values", {}), step.label_with_step)]
