/**
 * The cost model's planner for `ikz upgrade`: the towns and items exactly as the old workbook had
 * them (values as typed, blank rows in between kept), their splits on „Teilbeträge“ and
 * „Verteilung“ for every slot, and — when the old workbook had no „Grunddaten“ — the overhead's
 * default name, as a new workbook has it. `values.rows` asks for more prepared towns or items
 * (`ikz upgrade FILE --town-rows N --item-rows M`).
 */
import { planWorkbook, type PlannedWorkbook } from "../../lib/plan/planWorkbook.js";
import type { UpgradeValues } from "../../lib/upgrade/upgradeWorkbook.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import { OVERHEAD_LABEL, SHEET } from "./layout.js";
import { preparedRows, splitRows } from "./plan.js";
import { costAllocationSpec } from "./spec.js";

/** Plans the current cost model workbook with an older workbook's values (see lib/upgrade). */
export function planCostAllocationUpgrade(values: UpgradeValues): PlannedWorkbook {
  const towns = values.tableRows[SHEET.towns] ?? [];
  const items = values.tableRows[SHEET.items] ?? [];
  // the old rows plus spare rows, at least the 12 towns and 40 items a new workbook has
  const townSlots = preparedRows(SHEET.towns, towns.length, undefined, values.rows?.[SHEET.towns]);
  const itemSlots = preparedRows(SHEET.items, items.length, undefined, values.rows?.[SHEET.items]);
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
