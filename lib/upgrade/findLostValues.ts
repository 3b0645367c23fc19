import { cellAddress } from "../cells/address.js";
import type { PlannedWorkbook } from "../plan/planWorkbook.js";
import { FORM_VALUE_COLUMN } from "../plan/resolveLayout.js";
import type { PlannedCell, PlannedValue, SheetPlan, WorkbookPlan } from "../plan/WorkbookPlan.js";
import type { CarriedValues } from "./carryValues.js";

/** An entry of the old workbook that the planned workbook does not hold where it belongs. */
export interface LostValue {
  /** Sheet and cell in the old workbook. */
  readonly sheet: string;
  readonly cell: string;
  readonly value: PlannedValue;
  /** Where the upgraded workbook should hold it, e.g. `Kostenpositionen!C13`. */
  readonly at: string;
  /** What it holds there (undefined: nothing). */
  readonly found: PlannedValue | undefined;
}

const isEntry = (value: PlannedValue | undefined): value is PlannedValue =>
  value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "");

const same = (a: PlannedValue | undefined, b: PlannedValue): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** A planned row's literal values by column (formulas count as no value). */
function valuesOf(cells: readonly PlannedCell[]): Map<number, PlannedValue> {
  const values = new Map<number, PlannedValue>();
  for (const cell of cells)
    if (cell.formula === undefined && cell.value !== undefined) values.set(cell.column, cell.value);
  return values;
}

/**
 * Checks an upgrade's plan against what was read: every input value taken from the old workbook
 * must stand in the planned workbook, in its column and in the row of its entry (a form's value
 * in its field). A value a planner dropped or put elsewhere is returned with its old cell and the
 * cell it belongs in; an empty result means nothing stayed behind. Values set aside stand on
 * „Übernommen“, the user's own columns and sheets are copied by `extendPlan`. Walks each planned
 * sheet once, holding one row at a time.
 *
 * @param planned the planner's workbook (its layout tells where each column and field is)
 * @param plan the final plan (the planner's sheets, extended)
 */
export function findLostValues(planned: PlannedWorkbook, plan: WorkbookPlan, carried: CarriedValues): LostValue[] {
  const lost: LostValue[] = [];
  const sheetOf = (key: string): SheetPlan | undefined => plan.sheets.find((s) => s.key === key);
  const at = (sheet: SheetPlan | undefined, key: string, row: number, column: number | undefined): string =>
    row > 0 && column !== undefined ? `${sheet?.name ?? key}!${cellAddress(row, column)}` : (sheet?.name ?? key);

  for (const [key, rows] of Object.entries(carried.tableRows)) {
    const source = carried.sources[key];
    const place = planned.layout.sheets.get(key);
    const sheet = sheetOf(key);
    const first = place?.firstDataRow ?? 0;
    const oldCell = (offset: number, column: string): { sheet: string; cell: string } => {
      const oldColumn = source?.kind === "table" ? source.columns.get(column) : undefined;
      return source?.kind === "table" && oldColumn !== undefined
        ? { sheet: source.sheet, cell: cellAddress(source.firstDataRow + offset, oldColumn) }
        : { sheet: source?.sheet ?? key, cell: "?" };
    };
    const check = (offset: number, found: ReadonlyMap<number, PlannedValue>) => {
      for (const [column, value] of Object.entries(rows[offset] ?? {})) {
        if (!isEntry(value)) continue;
        const number = place?.columns.get(column);
        const there = number === undefined ? undefined : found.get(number);
        if (!same(there, value))
          lost.push({ ...oldCell(offset, column), value, at: at(sheet, key, first + offset, number), found: there });
      }
    };
    const seen = new Set<number>();
    if (sheet && place) {
      for (const row of sheet.rows()) {
        const offset = row.row - first;
        if (offset >= rows.length) break;
        if (offset < 0) continue;
        seen.add(offset);
        check(offset, valuesOf(row.cells));
      }
    }
    for (let offset = 0; offset < rows.length; offset++) if (!seen.has(offset)) check(offset, new Map());
  }

  for (const [key, values] of Object.entries(carried.formValues)) {
    const source = carried.sources[key];
    const place = planned.layout.sheets.get(key);
    const sheet = sheetOf(key);
    const found = new Map<number, Map<number, PlannedValue>>();
    if (sheet) for (const row of sheet.rows()) found.set(row.row, valuesOf(row.cells));
    for (const [field, value] of Object.entries(values)) {
      if (!isEntry(value)) continue;
      const row = place?.rowsByKey.get(field) ?? 0;
      const column = place?.columns.get(field);
      const there = column === undefined ? undefined : found.get(row)?.get(column);
      if (same(there, value)) continue;
      const oldRow = source?.kind === "form" ? source.rows.get(field) : undefined;
      lost.push({
        sheet: source?.sheet ?? key,
        cell: oldRow === undefined ? "?" : cellAddress(oldRow, FORM_VALUE_COLUMN),
        value,
        at: at(sheet, key, row, column),
        found: there,
      });
    }
  }
  return lost;
}
