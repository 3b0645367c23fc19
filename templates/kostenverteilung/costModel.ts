/**
 * Typed extraction: the cost model a validated „Kostenverteilung“ workbook holds, for
 * `validateCostModel` and `allocateCosts`. Values are taken as read (a blank cell is `null`), so
 * the library's validation names every missing or wrong key value.
 */
import type { AllocationKey, CostItem, CostModel, Town } from "../../lib/allocation/model.js";
import { lookupListValue } from "../../lib/spec/lists.js";
import { parsedTable, type ParsedRow, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import { SHEET, costAllocationSpec } from "./spec.js";

const numberOrNull = (row: ParsedRow, key: string): number | null => {
  const value = row.values[key];
  return typeof value === "number" ? value : null;
};

const text = (row: ParsedRow, key: string): string => {
  const value = row.values[key];
  return value === null || value === undefined
    ? ""
    : value instanceof Date
      ? value.toISOString()
      : String(value).trim();
};

/** The towns and cost items of the workbook, in sheet order (rows in use only). */
export function extractCostModel(workbook: ParsedWorkbook): CostModel {
  const towns: Town[] = (parsedTable(workbook, SHEET.towns)?.rows ?? []).map((row) => ({
    name: text(row, "name"),
    population: numberOrNull(row, "population"),
    cases: numberOrNull(row, "cases"),
    workplaces: numberOrNull(row, "workplaces"),
    fteShare: numberOrNull(row, "fteShare"),
    fixedPercent: numberOrNull(row, "fixedPercent"),
    isHost: text(row, "isHost") !== "",
  }));
  const items: CostItem[] = (parsedTable(workbook, SHEET.items)?.rows ?? []).map((row) => {
    const typed = text(row, "key");
    // An unknown key is passed on as typed; validateCostModel reports it („key.unknown“).
    const key = (lookupListValue(costAllocationSpec, "allocationKeys", typed) ?? typed) as AllocationKey;
    return { name: text(row, "name"), key, amount: numberOrNull(row, "amount") };
  });
  return { towns, items };
}
