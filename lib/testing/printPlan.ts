/**
 * A small plan with every print setting (orientation, title rows, print area, header and footer
 * with `&` and page fields, a sheet name with an apostrophe, a hidden working sheet), written by
 * both writers in test/print-settings.test.ts and adapters/office/writePrintSettings.test.ts.
 */
import { plainSheet } from "../plan/plainSheet.js";
import type { PlannedRow, SheetPlan, WorkbookPlan } from "../plan/WorkbookPlan.js";

/** A two-row sheet named `name`, with `extra` laid over it. */
export function printSheet(name: string, extra: Partial<SheetPlan> = {}): SheetPlan {
  const rows: PlannedRow[] = [
    { row: 1, cells: [{ column: 1, value: "Titel", style: "title" }] },
    {
      row: 2,
      cells: [
        { column: 1, value: 1, style: "computed" },
        { column: 2, value: 2, style: "computed" },
      ],
    },
  ];
  return plainSheet(name, name, rows, { columnWidths: [10, 10, 10], ...extra });
}

export const PRINT_PLAN: WorkbookPlan = {
  templateId: "druck",
  templateVersion: "1.0.0",
  language: "de",
  title: "Druck",
  sheets: [
    printSheet("Eingaben"),
    printSheet("Anlage's", {
      print: {
        landscape: true,
        titleRows: "1:2",
        area: "A1:B2",
        header: { left: "Anlage zur Zweckvereinbarung", right: "Bau & Hof" },
        footer: { left: "gedruckt am {date}", right: "Seite {page} von {pages}" },
      },
    }),
    printSheet("Rechenweg", { state: "hidden" }),
  ],
};
