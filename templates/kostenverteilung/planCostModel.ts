/**
 * Plans a „Kostenverteilung“ workbook from a cost model (towns and items with single keys), or an
 * empty one, or the illustrative demo partnership. Every (item slot, town slot) pair — the given
 * ones and the spare rows below them — gets one row on „Verteilung“, so towns and items typed into
 * the spare rows are split as well.
 */
import type { CostItem, CostModel, Town } from "../../lib/allocation/model.js";
import { planWorkbook, type PlannedWorkbook, type RowValues } from "../../lib/plan/planWorkbook.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import { SHEET, SINGLE_KEYS, costAllocationSpec, type SingleKeyId } from "./spec.js";

/** Illustrative partnership of four small Erzgebirge towns (approximate populations). Not real figures. */
export const DEMO_COST_MODEL: CostModel = {
  towns: [
    { name: "Zschorlau", population: 5300, cases: 420, workplaces: 38, fteShare: 1.5, fixedPercent: 35, isHost: true },
    { name: "Schönheide", population: 4600, cases: 310, workplaces: 31, fteShare: 1.25, fixedPercent: 30 },
    { name: "Stützengrün", population: 3300, cases: 260, workplaces: 22, fteShare: 0.75, fixedPercent: 20 },
    { name: "Bockau", population: 2000, cases: 150, workplaces: 14, fteShare: 0.5, fixedPercent: 15 },
  ],
  items: [
    { name: "Personalkosten Zentrale Vergabestelle", key: "population", amount: 148_500 },
    { name: "Sachkosten Vergabestelle (Büro, IT-Arbeitsplätze)", key: "workplaces", amount: 12_345.67 },
    { name: "Vergabeplattform (Lizenz)", key: "equal", amount: 4_800 },
    { name: "Bearbeitung von Vergabeverfahren", key: "cases", amount: 23_999.99 },
    { name: "Energiemanager (Stellenanteile)", key: "fteShare", amount: 61_000 },
    { name: "Raumkosten bei der Sitzgemeinde", key: "fixedPercent", amount: 9_000 },
  ],
};

export interface CostAllocationPlanOptions {
  readonly language: Language;
  /** The model to pre-fill; only the single keys are supported in this version. */
  readonly model?: CostModel;
  /** Pre-fill the illustrative demo partnership (ignored when `model` is given). */
  readonly demo?: boolean;
}

const isSingleKey = (key: string): key is SingleKeyId => SINGLE_KEYS.some((k) => k.key === key);

/** The key's label in the workbook's language (what the key list shows). */
export function keyLabel(key: SingleKeyId, language: Language): string {
  const found = SINGLE_KEYS.find((k) => k.key === key);
  if (!found) throw new Error(`unknown key ${key}`);
  return found.label[language];
}

function townRow(town: Town): RowValues {
  return {
    name: town.name,
    population: town.population ?? undefined,
    cases: town.cases ?? undefined,
    workplaces: town.workplaces ?? undefined,
    fteShare: town.fteShare ?? undefined,
    fixedPercent: town.fixedPercent ?? undefined,
    isHost: town.isHost ? "x" : undefined,
  };
}

function itemRow(item: CostItem, language: Language): RowValues {
  if (!isSingleKey(item.key)) {
    throw new RangeError(`the key "${item.key}" of "${item.name}" is not supported by template kostenverteilung 0.1.0 (single keys only)`);
  }
  return { name: item.name, amount: item.amount ?? undefined, key: keyLabel(item.key, language) };
}

/** Number of planned rows of a table: pre-filled plus spare, at least `minRows` (as `planWorkbook` does). */
function slots(sheetKey: typeof SHEET.towns | typeof SHEET.items, prefilled: number): number {
  const sheet = costAllocationSpec.sheets.find((s) => s.key === sheetKey);
  if (sheet?.kind !== "table") throw new Error(`no table ${sheetKey}`);
  return Math.max(sheet.minRows, prefilled + sheet.spareRows);
}

/**
 * Plans the workbook. The „Verteilung“ rows are item-major: item slot 1 with town slots 1…n, then
 * item slot 2, …, which is the order `allocateCosts` lists shares in.
 */
export function planCostAllocation(options: CostAllocationPlanOptions): PlannedWorkbook {
  const model = options.model ?? (options.demo ? DEMO_COST_MODEL : { towns: [], items: [] });
  const towns = model.towns.map(townRow);
  const items = model.items.map((item) => itemRow(item, options.language));
  const townSlots = slots(SHEET.towns, towns.length);
  const itemSlots = slots(SHEET.items, items.length);
  const pairs: RowValues[] = [];
  for (let itemNo = 1; itemNo <= itemSlots; itemNo++) {
    for (let townNo = 1; townNo <= townSlots; townNo++) pairs.push({ itemNo, townNo });
  }
  return planWorkbook(costAllocationSpec, {
    language: options.language,
    generatorVersion: GENERATOR_VERSION,
    tableRows: { [SHEET.towns]: towns, [SHEET.items]: items, [SHEET.allocation]: pairs },
  });
}

/** The planner in the shape `templates/registry.ts` expects (`TemplatePlanOptions`). */
export function planCostAllocationTemplate(options: { readonly language: Language; readonly demo?: boolean }): PlannedWorkbook {
  return planCostAllocation({ language: options.language, ...(options.demo === undefined ? {} : { demo: options.demo }) });
}
