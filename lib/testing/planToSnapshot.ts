import type { WorkbookPlan } from "../plan/WorkbookPlan.js";
import type { SheetSnapshot, SnapshotCell, WorkbookSnapshot } from "../snapshot/WorkbookSnapshot.js";

/**
 * The snapshot a perfect reader would return for a plan, without writing a file: formula cells
 * carry no result (as in a freshly generated workbook). For fast tests of lib/ alone.
 */
export function planToSnapshot(plan: WorkbookPlan, fileName = "test.xlsx"): MutableWorkbookSnapshot {
  return {
    fileName,
    sheets: plan.sheets.map((sheet) => {
      const rows: (SnapshotCell | undefined)[][] = [];
      for (const row of sheet.rows()) {
        const cells: (SnapshotCell | undefined)[] = [];
        for (const cell of row.cells) {
          if (cell.formula !== undefined) cells[cell.column] = { value: null, formula: cell.formula };
          else if (cell.value !== undefined && cell.value !== null) cells[cell.column] = { value: cell.value };
        }
        rows[row.row] = cells;
      }
      return { name: sheet.name, state: sheet.state, rows, merges: [] };
    }),
  };
}

export interface MutableWorkbookSnapshot extends WorkbookSnapshot {
  sheets: (SheetSnapshot & { rows: (SnapshotCell | undefined)[][]; merges: string[] })[];
}

/** Sets a cell of a snapshot in place (value, or a formula with its result). */
export function setCell(
  snapshot: MutableWorkbookSnapshot,
  sheetName: string,
  address: string,
  cell: SnapshotCell | undefined,
): void {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match?.[1] || !match[2]) throw new Error(`bad address ${address}`);
  let column = 0;
  for (const ch of match[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  const row = Number(match[2]);
  sheet.rows[row] ??= [];
  (sheet.rows[row] as (SnapshotCell | undefined)[])[column] = cell;
}
