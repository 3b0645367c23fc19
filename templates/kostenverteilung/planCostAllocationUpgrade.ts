/**
 * The cost model's planner for `ikz upgrade`: the towns and items exactly as the old workbook had
 * them (values as typed, blank rows in between kept), their splits on „Teilbeträge“ and
 * „Verteilung“ for every slot, and — when the old workbook had no „Grunddaten“ — the overhead's
 * default name, as a new workbook has it.
 */
import { planWorkbook, type PlannedWorkbook } from "../../lib/plan/planWorkbook.js";
import type { UpgradeValues } from "../../lib/upgrade/upgradeWorkbook.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import { OVERHEAD_LABEL, SHEET } from "./layout.js";
import { splitRows } from "./planCostModel.js";
import { costAllocationSpec } from "./spec.js";

/** Planned rows of a table: its rows plus the spec's spare rows, at least `minRows`. */
function slots(sheetKey: typeof SHEET.towns | typeof SHEET.items, rows: number): number {
  const sheet = costAllocationSpec.sheets.find((s) => s.key === sheetKey);
  if (sheet?.kind !== "table") throw new Error(`no table ${sheetKey}`);
  return Math.max(sheet.minRows, rows + sheet.spareRows);
}

/** Plans the current cost model workbook with an older workbook's values (see lib/upgrade). */
export function planCostAllocationUpgrade(values: UpgradeValues): PlannedWorkbook {
  const towns = values.tableRows[SHEET.towns] ?? [];
  const items = values.tableRows[SHEET.items] ?? [];
  const townSlots = slots(SHEET.towns, towns.length);
  const itemSlots = slots(SHEET.items, items.length);
  const { parts, pairs } = splitRows(itemSlots, townSlots);
  const defaults = values.addedSheets.includes(SHEET.settings) ? { overheadName: OVERHEAD_LABEL[values.language] } : {};
  return planWorkbook(costAllocationSpec, {
    language: values.language,
    generatorVersion: GENERATOR_VERSION,
    tableRows: { ...values.tableRows, [SHEET.parts]: parts, [SHEET.allocation]: pairs },
    formValues: { ...values.formValues, [SHEET.settings]: { ...defaults, ...values.formValues[SHEET.settings] } },
    spareRows: { [SHEET.towns]: townSlots - towns.length, [SHEET.items]: itemSlots - items.length },
  });
}
