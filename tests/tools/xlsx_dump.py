"""Reads an XLSX workbook with the independent `openpyxl` library and prints it as JSON.

Used by tests/export.rs to check Ponte's XLSX export, and the CSV export after LibreOffice has
turned it into a workbook. For each sheet: the cells row by row (text as text, dates as
{"date": "YYYY-MM-DD"}, numbers as numbers), every cell that holds a formula, the frozen panes,
the tables with their autofilter, and the column widths.
"""
import datetime
import json
import sys

import openpyxl


def value(cell):
    v = cell.value
    if isinstance(v, datetime.datetime):
        return {"date": v.date().isoformat()}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    return v


def main(path):
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
        tables = [
            {"name": t.name, "ref": t.ref, "autofilter": t.autoFilter is not None}
            for t in ws.tables.values()
        ]
        sheets.append({
            "title": ws.title,
            "rows": [[value(c) for c in row] for row in ws.iter_rows()],
            "formulas": formulas,
            "freeze_panes": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "tables": tables,
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
        })
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
