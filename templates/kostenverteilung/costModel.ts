/**
 * Typed extraction: the cost model a validated „Kostenverteilung“ workbook holds, for
 * `validateCostModel` and `allocateCosts`. Values are taken as read (a blank cell is `null`), so
 * the library's validation names every missing or wrong value. Percentages are read as the sheet
 * reads them: percent numbers (30 = 30 %), unless a group that must sum to 100 % sums to 1 — then
 * every number of the group is a fraction (0.3 = 30 %).
 */
import type {
  AllocationKey,
  CostItem,
  CostModel,
  MixedWeights,
  Overhead,
  Town,
  TownKeyValues,
} from "../../lib/allocation/model.js";
import { toSpreadsheetPrecision } from "../../lib/allocation/toScaledInteger.js";
import { lookupListValue } from "../../lib/spec/lists.js";
import type { ParsedValue } from "../../lib/validation/parseCell.js";
import { parsedForm, parsedTable, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import { MIX_COLUMNS } from "./keys.js";
import { SHEET } from "./layout.js";
import { costAllocationSpec } from "./spec.js";

type Values = Readonly<Record<string, ParsedValue>>;

const numberOrNull = (values: Values, key: string): number | null => {
  const value = values[key];
  return typeof value === "number" ? value : null;
};

const text = (values: Values, key: string): string => {
  const value = values[key];
  return value === null || value === undefined
    ? ""
    : value instanceof Date
      ? value.toISOString()
      : String(value).trim();
};

/** Tolerance of „sums to 1“, as the sheet's `ABS(SUM(…)-1)<0.000000001`. */
const FRACTION_TOLERANCE = 1e-9;

/** A group of percentages as percent numbers: ×100 when the group's numbers sum to 1. */
export function asPercentNumbers(group: readonly (number | null)[]): (number | null)[] {
  const sum = group.reduce<number>((total, value) => total + (value ?? 0), 0);
  if (Math.abs(sum - 1) >= FRACTION_TOLERANCE) return [...group];
  return group.map((value) => (value === null ? null : toSpreadsheetPrecision(value * 100)));
}

const keyOf = (typed: string): AllocationKey =>
  // An unknown key is passed on as typed; validateCostModel reports it („key.unknown“).
  (lookupListValue(costAllocationSpec, "allocationKeys", typed) ?? typed) as AllocationKey;

function mixedWeights(values: Values, field: "column" | "overheadField"): MixedWeights {
  const weights = asPercentNumbers(MIX_COLUMNS.map((mix) => numberOrNull(values, mix[field])));
  return Object.fromEntries(MIX_COLUMNS.map((mix, index) => [mix.part, weights[index] ?? null]));
}

function actualValues(values: Values): TownKeyValues | undefined {
  const actual = {
    population: numberOrNull(values, "actualPopulation"),
    cases: numberOrNull(values, "actualCases"),
    workplaces: numberOrNull(values, "actualWorkplaces"),
    fteShare: numberOrNull(values, "actualFteShare"),
  };
  return Object.values(actual).some((value) => value !== null) ? actual : undefined;
}

/** The towns, cost items and overhead of the workbook, in sheet order (rows in use only). */
export function extractCostModel(workbook: ParsedWorkbook): CostModel {
  const townRows = parsedTable(workbook, SHEET.towns)?.rows ?? [];
  const fixedPercents = asPercentNumbers(townRows.map((row) => numberOrNull(row.values, "fixedPercent")));
  const towns: Town[] = townRows.map((row, index) => {
    const actual = actualValues(row.values);
    return {
      name: text(row.values, "name"),
      population: numberOrNull(row.values, "population"),
      cases: numberOrNull(row.values, "cases"),
      workplaces: numberOrNull(row.values, "workplaces"),
      fteShare: numberOrNull(row.values, "fteShare"),
      fixedPercent: fixedPercents[index] ?? null,
      isHost: text(row.values, "isHost") !== "",
      ...(actual ? { actual } : {}),
    };
  });
  const items: CostItem[] = (parsedTable(workbook, SHEET.items)?.rows ?? []).map((row) => {
    const key = keyOf(text(row.values, "key"));
    const actualAmount = numberOrNull(row.values, "actualAmount");
    return {
      name: text(row.values, "name"),
      key,
      amount: numberOrNull(row.values, "amount"),
      ...(key === "mixed" ? { mixedWeights: mixedWeights(row.values, "column") } : {}),
      ...(key === "flatFeePerCase" ? { flatFeePerCase: numberOrNull(row.values, "flatFee") } : {}),
      ...(actualAmount === null ? {} : { actualAmount }),
    };
  });
  const settings = parsedForm(workbook, SHEET.settings)?.values ?? {};
  const percent = numberOrNull(settings, "overheadPercent");
  let overhead: Overhead | undefined;
  if (percent !== null) {
    const key = keyOf(text(settings, "overheadKey"));
    const name = text(settings, "overheadName");
    overhead = {
      ...(name === "" ? {} : { name }),
      percent,
      key,
      ...(key === "mixed" ? { mixedWeights: mixedWeights(settings, "overheadField") } : {}),
    };
  }
  return { towns, items, ...(overhead ? { overhead } : {}) };
}
