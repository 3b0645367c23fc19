import { parseCellAddress } from "../cells/address.js";
import type { PlannedWorkbook } from "../plan/planWorkbook.js";
import { snapshotCell, type WorkbookSnapshot } from "../snapshot/WorkbookSnapshot.js";
import type { CarriedOverValue, CarriedValues } from "./carryValues.js";

/** Formula text as compared here: without `=`, spaces and case. */
const normalised = (formula: string): string => formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();

/**
 * The values set aside minus the template's own formulas: a formula the old workbook holds
 * outside the tables and fields (a sheet's check line above its header, a check beside a form
 * field) that the current template writes at the same cell of the same sheet, to the letter, is
 * the template's and is written anew — not a value of the user's to keep on „Übernommen“. Any other
 * formula there (the user's own, or an older version's that reads otherwise) stays set aside.
 *
 * @param planned the current workbook as the template plans it with the carried values
 */
export function dropTemplateFormulas(
  carried: CarriedValues,
  snapshot: WorkbookSnapshot,
  planned: PlannedWorkbook,
): readonly CarriedOverValue[] {
  const keyOf = new Map(Object.entries(carried.sources).map(([key, source]) => [source.sheet, key]));
  const wanted = new Map<string, Map<number, Map<number, string>>>();
  const formulaOf = (value: CarriedOverValue): string | undefined => {
    const sheet = snapshot.sheets.find((s) => s.name === value.sheet);
    if (!sheet || !keyOf.has(value.sheet)) return undefined;
    const { row, column } = parseCellAddress(value.cell);
    return snapshotCell(sheet, row, column)?.formula;
  };
  for (const value of carried.carriedOver) {
    if (formulaOf(value) === undefined) continue;
    const key = keyOf.get(value.sheet) ?? "";
    const { row, column } = parseCellAddress(value.cell);
    const rows = wanted.get(key) ?? new Map<number, Map<number, string>>();
    rows.set(row, (rows.get(row) ?? new Map<number, string>()).set(column, ""));
    wanted.set(key, rows);
  }
  if (wanted.size === 0) return carried.carriedOver;
  for (const [key, rows] of wanted) {
    const sheet = planned.plan.sheets.find((s) => s.key === key);
    if (!sheet) continue;
    const last = Math.max(...rows.keys());
    for (const row of sheet.rows()) {
      if (row.row > last) break;
      const columns = rows.get(row.row);
      if (!columns) continue;
      for (const cell of row.cells)
        if (cell.formula !== undefined && columns.has(cell.column)) columns.set(cell.column, normalised(cell.formula));
    }
  }
  return carried.carriedOver.filter((value) => {
    const formula = formulaOf(value);
    if (formula === undefined) return true;
    const { row, column } = parseCellAddress(value.cell);
    const plannedFormula = wanted
      .get(keyOf.get(value.sheet) ?? "")
      ?.get(row)
      ?.get(column);
    return plannedFormula !== normalised(formula);
  });
}
