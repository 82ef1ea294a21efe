"""The action tracker as an Excel workbook (XlsxWriter, pure Python, so it also runs in Pyodide).

One row per action of the plan, with its latest status and an overdue flag. Every cell is
written as a string: text a user typed that starts with "=", "+", "-" or "@" stays text and is
never read as a formula. The workbook's creation time comes from the case file, never the clock.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone

import xlsxwriter

from ..model import Playbook
from ..records import case_code
from ..tracker import tracker

EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)
"""The creation time of a workbook whose case file has never been saved with a time."""
WIDTHS = (10, 40, 16, 24, 18, 18, 12, 12, 12, 16, 24, 14, 16, 12, 9)


def render(playbook: Playbook, case: dict) -> bytes:
    track = tracker(playbook, case)
    created = datetime.strptime(case["updated"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc) \
        if case.get("updated") else EPOCH
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
                                     "strings_to_urls": False})
    title = f"{playbook.texts['tracker_heading']}: {case_code(case) or playbook.texts['no_case_code']}"
    book.set_properties({"title": title, "created": created, "comments": playbook.texts["confidential"]})
    sheet = book.add_worksheet(playbook.texts["tracker_heading"][:31])
    head = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bottom": 2})
    cell = book.add_format({"text_wrap": True, "valign": "top"})
    late = book.add_format({"text_wrap": True, "valign": "top", "bold": True, "pattern": 1, "bg_color": "#FDE2E1"})
    sheet.write_string(0, 0, title, book.add_format({"bold": True, "font_size": 14}))
    sheet.write_string(1, 0, playbook.texts["confidential"])
    if track["as_of"]:
        sheet.write_string(2, 0, playbook.texts["tracker_as_of"].format(date=track["as_of"]))
    top = 4
    for col, (header, width) in enumerate(zip(track["headers"], WIDTHS)):
        sheet.write_string(top, col, header, head)
        sheet.set_column(col, col, width)
    for r, (row, overdue) in enumerate(zip(track["rows"], track["flags"]), start=top + 1):
        for col, value in enumerate(row):
            sheet.write_string(r, col, value, late if overdue else cell)
    sheet.freeze_panes(top + 1, 2)
    sheet.autofilter(top, 0, top + max(len(track["rows"]), 1), len(track["headers"]) - 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(top)
    book.close()
    return out.getvalue()
