"""Warnings about personal identifiers in free text. Two tables: sentences that must warn (and of
what) and sentences a compliance team writes every day that must not; then the warnings for a
step's values, and a hypothesis property for arbitrary text (CPython only)."""

from __future__ import annotations

import time
import unicodedata

import pytest

from playbook.privacy import KINDS, find_identifiers, scan_values

# (text, the kinds it must be found to contain, in KINDS order)
FOUND = [
    ("maria.santos@example.org", ["email"]),
    ("The worker wrote from j_okafor+work@mail.example.co.uk on Friday.", ["email"]),
    ("Contact the interpreter at <amina.b@example.com>.", ["email"]),
    ("call +44 20 7946 0958", ["phone"]),
    ("Her brother's number is +243 81 234 5678.", ["phone"]),
    ("Reached on +1 (555) 123-4567 after the shift.", ["phone"]),
    ("WhatsApp: +971-50-123-4567", ["phone"]),
    ("Local number (020) 7946 0958, evenings only.", ["phone"]),
    ("His mobile is 0712 345 678.", ["phone"]),
    ("Tel. 06 12 34 56 78", ["phone"]),
    ("Called 555-123-4567 twice.", ["phone"]),
    ("phone: 0712345678", ["phone"]),
    ("رقم الهاتف +٩٧١ ٥٠ ١٢٣ ٤٥٦٧", ["phone"]),
    ("মোবাইল +৮৮০ ১৭১১ ২৩৪৫৬৭", ["phone"]),
    ("passport no. X1234567", ["id_number"]),
    ("The recruiter kept passport AB1234567 until March.", ["id_number"]),
    ("Passport number: 123456789 (held by the agent).", ["id_number"]),
    ("national ID 1985 0412 3344", ["id_number"]),
    ("NIN 12345678901", ["id_number"]),
    ("SSN 123-45-6789", ["id_number"]),
    ("worker ID 40213 on the payroll", ["id_number"]),
    ("Birth certificate no. 20081234 shows she is 15.", ["id_number"]),
    ("National Insurance number AB123456C", ["id_number"]),
    ("DNI 12345678Z was photographed", ["id_number"]),
    ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", ["id_number"]),
    ("born 03/04/2008", ["birth_date"]),
    ("DOB: 2008-04-03", ["birth_date"]),
    ("d.o.b. 3.4.08", ["birth_date"]),
    ("The youngest was born on the 3rd of April 2008.", ["birth_date"]),
    ("Date of birth: April 3, 2008", ["birth_date"]),
    ("née le 3/4/2008 à Kolwezi", ["birth_date"]),
    ("03/04/2008 (DOB)", ["birth_date"]),
    ("maria.santos@example.org, +44 20 7946 0958, passport X1234567, born 3 April 2008",
     ["email", "phone", "id_number", "birth_date"]),
]

# Text that must not warn: dates, years, counts, ages, amounts, references, and our own codes.
NOT_FOUND = [
    "Reported by the RMAP assessor on 2026-03-14",
    "Allegation received 14/03/2026; due 2026-11-25, reviewed 25.11.2026, no later than 2100-12-31.",
    "about 40 workers, 12 of them under 18",
    "Children aged 12-15 were seen; the youngest aged 11.",
    "Directive (EU) 2024/1760",
    "Regulation (EU) 2017/821, Article 3(1)(a) and Annex II",
    "ILO Conventions C029, C105, C138 and C182; Modern Slavery Act 2015, section 54",
    "repay USD 1,200 in fees",
    "Recruitment fees of 1200-1500 USD each, about USD 12 000 000 in total.",
    "A fine of €1.5 billion, or EUR 1.200.000 for the smaller site.",
    "paid 1200. 3400 remains",
    "case RP-2026-014, group G2, action A12",
    "CASE-2026-004, CASE-07, W-03, P14, T4 and R5",
    "Codes RP_2026_014, RP.2026.014, RP2026014 and CASE2026004",
    "Smelter ID CID001234 is in the RMAP list; supplier ID 40213.",
    "Certified to ISO45001 and ISO 45001:2018 since 2019-2020.",
    "Shipped 25000MT (HS 2615.90.00) in 2026Q3; audit booked for 14MAR2026.",
    "Shifts ran 06.00-18.00, six days a week, from 2019 to 2023.",
    "Meeting 2026-03-14 14:30 with the site manager.",
    "The employer held the passports of 12 000 workers.",
    "Passport confiscated on 2026-03-14 by the labour agent.",
    "born in 2008, now aged 17",
    "DOB unknown; allegation received 2026-03-14.",
    "Maria Santos née Pereira",
    "The first-born child turned 14 in 2025.",
    "paid by mobile money 15000000",
    "Email the grievance officer through the hotline form.",
    "Ask @worker-voice on the platform; the site is example.org.",
    "ID ID ID 12 34 and 2024 2025 2026",
]


@pytest.mark.parametrize("text, kinds", FOUND)
def test_identifiers_are_found(text, kinds):
    assert find_identifiers(text) == kinds


@pytest.mark.parametrize("text", NOT_FOUND)
def test_everyday_compliance_text_does_not_warn(text):
    assert find_identifiers(text) == []


SCRIPTS = ["ARABIC-INDIC", "EXTENDED ARABIC-INDIC", "DEVANAGARI", "BENGALI", "THAI", "MYANMAR", "KHMER", "FULLWIDTH"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_digits_of_other_scripts_are_read_as_digits(script):
    zero = ord(unicodedata.lookup(f"{script} DIGIT ZERO"))
    to_script = {ord(str(n)): zero + n for n in range(10)}
    assert find_identifiers("call +44 20 7946 0958".translate(to_script)) == ["phone"]
    assert find_identifiers("received 2026-03-14, 40 workers".translate(to_script)) == []


NAMES = {
    "case_code": "Case code",
    "summary": "Summary of the allegation",
    "exploitation_types": "Types of exploitation",
    "people": "People affected",
    "people.code": "Code",
    "people.note": "Note",
}


def labeller(names):
    """A label_for as the API passes it: a field by its label, a cell by field, row and column."""
    def label_for(key):
        field, _, rest = key.partition("[")
        if not rest:
            return names.get(key, key)
        row, _, column = rest.partition("].")
        return f"{names.get(field, field)}, row {int(row) + 1}, {names.get(f'{field}.{column}', column)}"
    return label_for


LABELS = labeller(NAMES)


def test_scan_values_warns_for_text_naming_the_field():
    warnings = scan_values({"case_code": "RP-2026-014", "summary": "call +44 20 7946 0958"}, LABELS)
    assert warnings == [{
        "field": "summary",
        "label": "Summary of the allegation",
        "kinds": ["phone"],
        "message": "Check ‘Summary of the allegation’: it seems to contain a phone number. "
                   "Use a pseudonymous code instead of anything that identifies a person.",
    }]


def test_scan_values_skips_multi_choice_option_values():
    assert scan_values({"exploitation_types": ["forced_labour", "X1234567", "a@example.org"]}, LABELS) == []


def test_scan_values_reports_each_row_cell():
    rows = [{"code": "G1", "note": "aged 15"}, {"code": "G2", "note": "DOB 2008-04-03, passport X1234567"}]
    [warning] = scan_values({"people": rows}, LABELS)
    assert warning["field"] == "people[1].note"
    assert warning["label"] == "People affected, row 2, Note"
    assert warning["kinds"] == ["id_number", "birth_date"]
    assert warning["message"].startswith(
        "Check ‘People affected, row 2, Note’: it seems to contain a passport or ID number and a date of birth.")
    assert "age" in warning["message"]


def test_scan_values_falls_back_to_ids_and_ignores_other_values():
    warnings = scan_values({"extra": [{"cell": "a@example.org", "n": 5}], "count": 12, "none": None}, labeller({}))
    assert [(w["field"], w["label"]) for w in warnings] == [("extra[0].cell", "extra, row 1, cell")]


def test_every_kind_has_a_name():
    assert list(KINDS) == ["email", "phone", "id_number", "birth_date"]
    assert all(name.startswith(("a ", "an ")) for name in KINDS.values())


# Long hostile inputs: catastrophic backtracking would take seconds or hang here.
HOSTILE = ["1 " * 2500, "a" * 5000, "a." * 2499 + "@x", "a@" + "b." * 2499, "passport " * 555, "born on the " * 416,
           "(" * 5000, "1-" * 2500, "A1" * 2500, "+1 " * 1666, "2026-03-14 " * 454, "ID " * 1666]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_long_hostile_text_is_scanned_quickly(text):
    start = time.perf_counter()
    find_identifiers(text)
    assert time.perf_counter() - start < 1.0


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # inside Pyodide, hypothesis is not installed
    given = None

if given:
    # Text built from pieces of identifiers, so the patterns get close to matching.
    PIECES = st.sampled_from(["+", "(", ")", "-", ".", "/", " ", "@", "<", "0", "7", "2026", "X", "AB", "ID ",
                              "passport ", "born ", "DOB ", "April ", "née ", "٣", "a", "\n", ","])

    @settings(max_examples=300, deadline=None)
    @given(st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=60).map("".join)))
    def test_any_text_gives_known_kinds_in_order(text):
        kinds = find_identifiers(text)
        assert kinds == [k for k in KINDS if k in kinds]
