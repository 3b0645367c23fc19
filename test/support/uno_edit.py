"""Edits .xlsx workbooks the way a user does in LibreOffice Calc, through UNO.

Run by test/support/editWorkbook.ts with /usr/bin/python3 (Debian's python3-uno):

    python3 uno_edit.py --pipe NAME --deadline EPOCH_SECONDS JOBS.json

NAME is the pipe of a headless soffice started with
`--accept=pipe,name=NAME;urp;StarOffice.ComponentContext`. The connection is retried until the
deadline (soffice needs a moment to start; no fixed sleeps). JOBS.json holds

    [{"input": "/abs/in.xlsx", "output": "/abs/out.xlsx", "edits": [{"kind": "deleteRows", ...}]}]

with 1-based rows and columns, as the user sees them. Each job loads its input hidden, applies
its edits in order, and stores the document as "Calc MS Excel 2007 XML", which writes the results
LibreOffice computed into the file. One JSON line per job goes to stdout:
{"input": ..., "ok": true} or {"input": ..., "ok": false, "error": "..."}. The exit code is 0
when every job succeeded, 1 when a job failed, 2 when soffice could not be reached.
"""

import argparse
import json
import sys
import time
import traceback

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.lang import Locale
from com.sun.star.table import TableSortField
from com.sun.star.util.NumberFormat import PERCENT


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
    delay = 0.05
    while True:
        try:
            ctx = resolver.resolve(url)
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if time.time() >= deadline:
                raise
            # Poll the pipe until soffice accepts; back off up to 0.5 s between tries.
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def sheet_of(doc, name):
    sheets = doc.getSheets()
    if not sheets.hasByName(name):
        raise ValueError("no sheet %r; sheets: %s" % (name, ", ".join(sheets.getElementNames())))
    return sheets.getByName(name)


def column_index(column):
    """'A' -> 0, 'AB' -> 27; an int is taken as 1-based."""
    if isinstance(column, int):
        return column - 1
    n = 0
    for ch in column.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def percent_format(doc):
    return doc.getNumberFormats().getStandardFormat(PERCENT, Locale("de", "DE", ""))


def apply_edit(doc, edit):
    kind = edit["kind"]
    if kind == "renameSheet":
        sheet_of(doc, edit["from"]).setName(edit["to"])
        return
    sheet = sheet_of(doc, edit["sheet"])
    if kind == "deleteRows":
        sheet.getRows().removeByIndex(edit["row"] - 1, edit["count"])
    elif kind == "insertRows":
        sheet.getRows().insertByIndex(edit["row"] - 1, edit["count"])
    elif kind == "deleteColumns":
        sheet.getColumns().removeByIndex(column_index(edit["column"]), edit["count"])
    elif kind == "insertColumns":
        sheet.getColumns().insertByIndex(column_index(edit["column"]), edit["count"])
    elif kind == "setNumber":
        sheet.getCellRangeByName(edit["cell"]).setValue(edit["value"])
    elif kind == "setText":
        sheet.getCellRangeByName(edit["cell"]).setString(edit["text"])
    elif kind == "setFormula":
        formula = edit["formula"]
        sheet.getCellRangeByName(edit["cell"]).setFormula(formula if formula.startswith("=") else "=" + formula)
    elif kind == "setPercent":
        cell = sheet.getCellRangeByName(edit["cell"])
        cell.setValue(edit["value"])
        cell.NumberFormat = percent_format(doc)
    elif kind == "clearCells":
        # VALUE | DATETIME | STRING | FORMULA: what the Delete key removes (formats stay).
        sheet.getCellRangeByName(edit["range"]).clearContents(1 | 2 | 4 | 16)
    elif kind == "sortRows":
        cells = sheet.getCellRangeByName(edit["range"])
        start = cells.getRangeAddress().StartColumn
        field = TableSortField()
        field.Field = column_index(edit["by"]) - start
        field.IsAscending = not edit.get("descending", False)
        field.IsCaseSensitive = False
        descriptor = cells.createSortDescriptor()
        for p in descriptor:
            if p.Name == "SortFields":
                p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif p.Name == "ContainsHeader":
                p.Value = False
        uno.invoke(cells, "sort", (descriptor,))
    else:
        raise ValueError("unknown edit kind %r" % kind)


def run_job(desktop, job):
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(job["input"]), "_blank", 0, (prop("Hidden", True), prop("ReadOnly", False))
    )
    if doc is None:
        raise RuntimeError("LibreOffice could not open %s" % job["input"])
    try:
        for index, edit in enumerate(job["edits"]):
            try:
                apply_edit(doc, edit)
            except Exception as err:
                raise RuntimeError("edit %d (%s) failed: %s" % (index + 1, json.dumps(edit), err)) from err
        # Autocalc is on, so the edits already recalculated their dependants; this makes sure no
        # cell is stored with a stale result.
        doc.calculateAll()
        doc.storeToURL(
            uno.systemPathToFileUrl(job["output"]),
            (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)),
        )
    finally:
        doc.close(True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pipe", required=True)
    parser.add_argument("--deadline", type=float, required=True)
    parser.add_argument("jobs")
    args = parser.parse_args()
    with open(args.jobs, encoding="utf-8") as f:
        jobs = json.load(f)
    try:
        desktop = connect(args.pipe, args.deadline)
    except Exception as err:
        print("could not connect to soffice on pipe %s: %s" % (args.pipe, err), file=sys.stderr)
        return 2
    failed = False
    for job in jobs:
        try:
            run_job(desktop, job)
            print(json.dumps({"input": job["input"], "ok": True}), flush=True)
        except Exception as err:
            failed = True
            detail = "%s\n%s" % (err, traceback.format_exc())
            print(json.dumps({"input": job["input"], "ok": False, "error": detail}), flush=True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the bridge goes away while soffice quits
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
