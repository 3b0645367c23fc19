import type { SheetPlan } from "../../lib/plan/WorkbookPlan.js";
import type { SheetSnapshot, SnapshotCell } from "../../lib/snapshot/WorkbookSnapshot.js";

/**
 * The sheet a perfect writer and reader would produce for a planned sheet: values as planned,
 * formulas without a result (as in a freshly written workbook). Used by the test host.
 */
export function snapshotOfSheetPlan(sheet: SheetPlan): SheetSnapshot {
  const rows: (SnapshotCell | undefined)[][] = [];
  for (const row of sheet.rows()) {
    const cells: (SnapshotCell | undefined)[] = [];
    for (const cell of row.cells) {
      if (cell.formula !== undefined) cells[cell.column] = { value: null, formula: cell.formula };
      else if (cell.value !== undefined && cell.value !== null) cells[cell.column] = { value: cell.value };
    }
    rows[row.row] = cells;
  }
  return { name: sheet.name, state: sheet.state, rows, merges: [...sheet.merges] };
}

/** Whether a sheet holds any value or formula. */
export function sheetHasContent(sheet: SheetSnapshot): boolean {
  return sheet.rows.some((row) =>
    row?.some(
      (cell) => cell !== undefined && (cell.formula !== undefined || (cell.value !== null && cell.value !== "")),
    ),
  );
}
