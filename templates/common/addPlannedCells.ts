/**
 * Places a few cells the spec model has no slot for — a check line above a table's header, a
 * check next to a form field instead of its fixed hint — into an already planned workbook. Both
 * writers only apply plans, so the cells reach the exceljs file and the open workbook alike.
 */
import type { PlannedWorkbook } from "../../lib/plan/planWorkbook.js";
import type { PlannedCell, PlannedRow, SheetPlan } from "../../lib/plan/WorkbookPlan.js";

/** Cells to place on one sheet, by 1-based row; a cell replaces the planned cell of its column. */
export type AddedCells = ReadonlyMap<number, readonly PlannedCell[]>;

function mergeRow(row: PlannedRow, added: readonly PlannedCell[]): PlannedRow {
  const columns = new Set(added.map((cell) => cell.column));
  const cells = [...row.cells.filter((cell) => !columns.has(cell.column)), ...added].sort(
    (a, b) => a.column - b.column,
  );
  return { ...row, cells };
}

function withCells(sheet: SheetPlan, added: AddedCells): SheetPlan {
  const base = sheet.rows.bind(sheet);
  const known = new Set<number>();
  for (const row of sheet.rows()) {
    if (added.has(row.row)) known.add(row.row);
    // rows come in ascending order: past the last added row nothing more is needed
    if (row.row >= Math.max(...added.keys())) break;
  }
  const newRows = [...added.keys()].filter((row) => !known.has(row)).sort((a, b) => a - b);
  return {
    ...sheet,
    rowCount: sheet.rowCount + newRows.length,
    rows: function* () {
      const pending = [...newRows];
      for (const row of base()) {
        while (pending.length > 0 && (pending[0] ?? Infinity) < row.row) {
          const number = pending.shift() ?? 0;
          yield { row: number, cells: [...(added.get(number) ?? [])].sort((a, b) => a.column - b.column) };
        }
        const cells = added.get(row.row);
        yield cells ? mergeRow(row, cells) : row;
      }
      for (const number of pending)
        yield { row: number, cells: [...(added.get(number) ?? [])].sort((a, b) => a.column - b.column) };
    },
  };
}

/**
 * The planned workbook with `cells` placed on the sheets of the given keys (rows not yet planned
 * are inserted in order). Pure; the input plan is not changed.
 */
export function addPlannedCells(
  planned: PlannedWorkbook,
  cells: Readonly<Record<string, AddedCells>>,
): PlannedWorkbook {
  return {
    ...planned,
    plan: {
      ...planned.plan,
      sheets: planned.plan.sheets.map((sheet) => {
        const added = cells[sheet.key];
        return added && added.size > 0 ? withCells(sheet, added) : sheet;
      }),
    },
  };
}
