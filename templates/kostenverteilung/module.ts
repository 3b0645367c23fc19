/**
 * Template „Kostenverteilung“ as the apps see it: spec, own checks, planner (with the host town),
 * which common options it takes, its prepared rows, its demo and its upgrade planner. Listed in
 * templates/registry.ts; `ikz allocate` and the pane's cost page use its parts through this file.
 */
import { normaliseTownName } from "../../lib/towns/townNames.js";
import type { TemplateModule, TemplatePlanOptions } from "../TemplateModule.js";
import { checkCostAllocation } from "./checks.js";
import { MIN_ITEM_ROWS, MIN_TOWN_ROWS } from "./layout.js";
import { costModelForTowns } from "./partnerTowns.js";
import {
  checkRowCounts,
  DEMO_SETTINGS,
  planCostAllocation,
  planCostAllocationTemplate,
  planCostAllocationUpgrade,
} from "./plan.js";
import { costAllocationSpec } from "./spec.js";

/** `town` is the host town (Sitzgemeinde): listed first and marked, before the other `towns`. */
function planWithHostTown(options: TemplatePlanOptions) {
  const towns = [
    ...(options.town === undefined ? [] : [options.town]),
    ...(options.towns ?? []).filter(
      (name) => options.town === undefined || normaliseTownName(name) !== normaliseTownName(options.town),
    ),
  ];
  if (towns.length === 0) return planCostAllocationTemplate(options);
  const model = costModelForTowns(towns, { demo: options.demo === true });
  const host = options.town;
  return planCostAllocation({
    language: options.language,
    ...(options.rows === undefined ? {} : { rows: options.rows }),
    // the demo's joint unit, year and dates go with the demo items, whatever the towns
    ...(options.demo === true ? { settings: DEMO_SETTINGS } : {}),
    model:
      host === undefined
        ? model
        : { ...model, towns: model.towns.map((town, index) => ({ ...town, isHost: index === 0 })) },
  });
}

export const costAllocationModule = {
  spec: costAllocationSpec,
  check: checkCostAllocation,
  plan: planWithHostTown,
  takes: { town: true, products: false, towns: true, rows: true },
  rowCounts: { min: { towns: MIN_TOWN_ROWS, items: MIN_ITEM_ROWS }, check: checkRowCounts },
  analysisHint: { de: "ikz allocate DATEI", en: "ikz allocate FILE" },
  planUpgrade: planCostAllocationUpgrade,
  demo: { blank: true, followUp: "allocate" },
  partnership: { label: { de: "Kosten", en: "Costs" } },
} as const satisfies TemplateModule;

// What the journeys only this template has use, through this file.
export { extractCostModel } from "./costModel.js";
export { planCostAllocation, type CostModelRows, type CostModelSettings } from "./plan.js";
export { DUE_DATES, dueDateField, resultCell } from "./formulas/result.js";
export { SHEET, costAllocationSpec, sheetName } from "./spec.js";
