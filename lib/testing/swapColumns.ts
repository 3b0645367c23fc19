/**
 * Two neighbouring columns of a sheet swapped as Excel moves columns: the cells, and every
 * formula's reference to them on any sheet. For tests of moved columns (read by their headers,
 * formulas still as planned).
 */
import { columnLetter } from "../cells/address.js";
import type { SnapshotCell } from "../snapshot/WorkbookSnapshot.js";

/** A workbook whose cells a test may change (a snapshot draft or a mutable snapshot). */
export interface ColumnsWorkbook {
  readonly sheets: readonly { readonly name: string; readonly rows: (SnapshotCell | undefined)[][] }[];
}

/** Swaps 1-based columns `left` and `right` of `sheetName`, cells and references alike. */
export function swapColumns(workbook: ColumnsWorkbook, sheetName: string, left: number, right: number): void {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  for (const cells of sheet.rows) {
    if (!cells) continue;
    [cells[left], cells[right]] = [cells[right], cells[left]];
  }
  swapColumnReferences(workbook, sheetName, columnLetter(left), columnLetter(right));
}

/**
 * Swaps two columns' letters in every formula reference to `sheetName` (unqualified on that sheet,
 * `Sheet!`/`'Sheet'!` on the others), as Excel rewrites references when columns are moved.
 */
function swapColumnReferences(workbook: ColumnsWorkbook, sheetName: string, left: string, right: string): void {
  const reference =
    /(?<![A-Za-z0-9_$!':.])((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!)?(\$?)([A-Z]{1,3})(\$?\d+)(?::(\$?)([A-Z]{1,3})(\$?\d+))?(?![\w(])/g;
  const swap = (letter: string): string => (letter === left ? right : letter === right ? left : letter);
  for (const sheet of workbook.sheets) {
    for (const cells of sheet.rows) {
      cells?.forEach((cell, column) => {
        if (cell?.formula === undefined) return;
        const formula = cell.formula.replace(
          reference,
          (
            whole: string,
            prefix: string | undefined,
            d1: string,
            c1: string,
            r1: string,
            d2?: string,
            c2?: string,
            r2?: string,
          ) => {
            const target =
              prefix === undefined ? sheet.name : prefix.slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'");
            if (target !== sheetName) return whole;
            const end = c2 === undefined ? "" : `:${d2 ?? ""}${swap(c2)}${r2 ?? ""}`;
            return `${prefix ?? ""}${d1}${swap(c1)}${r1}${end}`;
          },
        );
        cells[column] = { ...cell, formula };
      });
    }
  }
}
