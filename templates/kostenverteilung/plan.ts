/**
 * Plans a „Kostenverteilung“ workbook from a cost model, or an empty one, or the illustrative demo
 * partnership. Every item slot (the given items and the spare rows below them) and the overhead
 * get their six key parts on „Teilbeträge“, and every part one row per town slot on
 * „Verteilung“, so towns and items typed into the spare rows are split as well.
 */
import type { CostItem, CostModel, Town } from "../../lib/allocation/model.js";
import { planWorkbook, type PlannedWorkbook, type RowValues } from "../../lib/plan/planWorkbook.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { UpgradeValues } from "../../lib/upgrade/upgradeWorkbook.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import { KEY_DEFINITIONS, MIX_COLUMNS, PART_COUNT, keyLabel } from "./keys.js";
import { MAX_PAIR_ROWS, MIN_ITEM_ROWS, MIN_TOWN_ROWS, OVERHEAD_LABEL, SHEET } from "./layout.js";
import { DUE_DATES, dueDateField } from "./formulas/result.js";
import { costAllocationSpec } from "./spec.js";

export { keyLabel };

/** What the „Grunddaten“ sheet says besides the overhead. */
export interface CostModelSettings {
  /** The joint unit, e.g. „Zentrale Vergabestelle“. */
  readonly unitName?: string;
  readonly year?: number;
  /** Reference date of the towns' population (written to every pre-filled town). */
  readonly populationDate?: Date;
  /**
   * „Stand der Berechnung“: the date the figures hold for, printed on every page of the annex
   * (blank: the annex asks for it). Not the print date, which the page footer shows.
   */
  readonly calculationDate?: Date;
  /**
   * Due dates of the four quarterly advances, in order (fields `dueDate1` … `dueDate4` of
   * „Grunddaten“). A missing or undefined entry leaves the field blank: the annex then shows the
   * default 15.02./15.05./15.08./15.11. of the budget year.
   */
  readonly dueDates?: readonly (Date | undefined)[];
}

/** Illustrative partnership of four small Erzgebirge towns (approximate populations). Not real figures. */
export const DEMO_COST_MODEL: CostModel = {
  towns: [
    {
      name: "Zschorlau",
      population: 5300,
      cases: 420,
      workplaces: 38,
      fteShare: 1.5,
      fixedPercent: 35,
      isHost: true,
      actual: { population: 5262, cases: 436 },
    },
    {
      name: "Schönheide",
      population: 4600,
      cases: 310,
      workplaces: 31,
      fteShare: 1.25,
      fixedPercent: 30,
      actual: { population: 4571, cases: 298 },
    },
    {
      name: "Stützengrün",
      population: 3300,
      cases: 260,
      workplaces: 22,
      fteShare: 0.75,
      fixedPercent: 20,
      actual: { population: 3285, cases: 271 },
    },
    {
      name: "Bockau",
      population: 2000,
      cases: 150,
      workplaces: 14,
      fteShare: 0.5,
      fixedPercent: 15,
      actual: { population: 1978, cases: 149 },
    },
  ],
  items: [
    {
      name: "Personalkosten Zentrale Vergabestelle",
      key: "mixed",
      amount: 148_500,
      actualAmount: 151_230.4,
      mixedWeights: { equal: 30, population: 70 },
    },
    { name: "Sachkosten Vergabestelle (Büro, IT-Arbeitsplätze)", key: "workplaces", amount: 12_345.67 },
    { name: "Vergabeplattform (Lizenz)", key: "equal", amount: 4_800 },
    { name: "Bearbeitung von Vergabeverfahren", key: "flatFeePerCase", flatFeePerCase: 45.5 },
    { name: "Energiemanager (Stellenanteile)", key: "fteShare", amount: 61_000, actualAmount: 59_874.12 },
    { name: "Raumkosten bei der Sitzgemeinde", key: "fixedPercent", amount: 9_000 },
    { name: "Fortbildung und Fachliteratur", key: "cases", amount: 2_999.99 },
  ],
  overhead: { name: "Verwaltungskostenpauschale", percent: 5, key: "population" },
};

export const DEMO_SETTINGS: CostModelSettings = {
  unitName: "Zentrale Vergabestelle Westerzgebirge (Beispiel)",
  year: 2027,
  populationDate: new Date(Date.UTC(2025, 5, 30)),
  calculationDate: new Date(Date.UTC(2026, 8, 30)),
};

export interface CostAllocationPlanOptions {
  readonly language: Language;
  /** The model to pre-fill. */
  readonly model?: CostModel;
  readonly settings?: CostModelSettings;
  /** Pre-fill the illustrative demo partnership (ignored when `model` is given). */
  readonly demo?: boolean;
  /** Spare rows below the towns and items (default: the spec's). */
  readonly spare?: { readonly towns?: number; readonly items?: number };
  /**
   * Prepared rows at least (pre-filled plus spare), default the spec's `minRows`
   * (`MIN_TOWN_ROWS`, `MIN_ITEM_ROWS`); see {@link checkRowCounts} for what may be asked.
   */
  readonly rows?: CostModelRows;
}

/** Prepared rows of the towns and the cost items. */
export interface CostModelRows {
  readonly towns?: number;
  readonly items?: number;
}

/** Why a request for prepared rows is refused, if it is. */
export type RowCountProblem =
  | { readonly problem: "range"; readonly table: "towns" | "items"; readonly min: number; readonly max: number }
  | { readonly problem: "tooMany"; readonly pairRows: number; readonly max: number };

/** Most rows one table may ask for (the pairs' limit decides the rest). */
const MAX_TABLE_ROWS = { towns: 200, items: 1000 } as const;

/**
 * Checks a request for prepared rows: whole numbers from the default (12 towns, 40 items) up to
 * 200 towns and 1 000 items, and at most `MAX_PAIR_ROWS` rows on „Verteilung“
 * (`(items + 1) · 6 · towns`). Returns undefined when the request is fine.
 *
 * @example checkRowCounts({ towns: 30, items: 60 }) // → undefined (11 000 rows on „Verteilung“)
 */
export function checkRowCounts(rows: CostModelRows): RowCountProblem | undefined {
  const minimum = { towns: MIN_TOWN_ROWS, items: MIN_ITEM_ROWS } as const;
  for (const table of ["towns", "items"] as const) {
    const value = rows[table];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < minimum[table] || value > MAX_TABLE_ROWS[table])
      return { problem: "range", table, min: minimum[table], max: MAX_TABLE_ROWS[table] };
  }
  const pairRows = ((rows.items ?? MIN_ITEM_ROWS) + 1) * PART_COUNT * (rows.towns ?? MIN_TOWN_ROWS);
  return pairRows > MAX_PAIR_ROWS ? { problem: "tooMany", pairRows, max: MAX_PAIR_ROWS } : undefined;
}

const value = (number: number | null | undefined): number | undefined => (number === null ? undefined : number);

/** A town's own Stichtag (ISO `2025-12-31`) as a date cell; undefined when blank or not such a date. */
const dateOf = (iso: string | undefined): Date | undefined =>
  iso !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : undefined;

function townRow(town: Town, settings: CostModelSettings): RowValues {
  return {
    name: town.name,
    isHost: town.isHost ? "x" : undefined,
    population: value(town.population),
    populationDate:
      dateOf(town.populationDate) ??
      (town.population === undefined || town.population === null ? undefined : settings.populationDate),
    cases: value(town.cases),
    workplaces: value(town.workplaces),
    fteShare: value(town.fteShare),
    fixedPercent: value(town.fixedPercent),
    actualPopulation: value(town.actual?.population),
    actualCases: value(town.actual?.cases),
    actualWorkplaces: value(town.actual?.workplaces),
    actualFteShare: value(town.actual?.fteShare),
  };
}

function itemRow(item: CostItem, language: Language): RowValues {
  const known = KEY_DEFINITIONS.some((k) => k.key === item.key);
  const row: Record<string, RowValues[string]> = {
    name: item.name,
    key: known ? keyLabel(item.key, language) : String(item.key),
    amount: item.key === "flatFeePerCase" ? undefined : value(item.amount),
    flatFee: item.key === "flatFeePerCase" ? value(item.flatFeePerCase) : undefined,
    actualAmount: value(item.actualAmount),
  };
  if (item.key === "mixed") for (const mix of MIX_COLUMNS) row[mix.column] = value(item.mixedWeights?.[mix.part]);
  return row;
}

function settingsValues(model: CostModel, settings: CostModelSettings, language: Language): RowValues {
  const overhead = model.overhead;
  const values: Record<string, RowValues[string]> = {
    unitName: settings.unitName,
    year: settings.year,
    calculationDate: settings.calculationDate,
    overheadName: overhead?.name ?? OVERHEAD_LABEL[language],
  };
  settings.dueDates?.slice(0, DUE_DATES.length).forEach((date, index) => {
    values[dueDateField(index)] = date;
  });
  if (overhead) {
    values["overheadPercent"] = overhead.percent;
    values["overheadKey"] = keyLabel(overhead.key, language);
    if (overhead.key === "mixed")
      for (const mix of MIX_COLUMNS) values[mix.overheadField] = value(overhead.mixedWeights?.[mix.part]);
  }
  return values;
}

/**
 * Number of planned rows of a table: pre-filled plus spare, at least the rows asked for — by
 * default 12 towns and 40 items (`MIN_TOWN_ROWS`, `MIN_ITEM_ROWS`), room for real partnerships.
 * (The spec's own `minRows` stays 1, so that tests can plan small workbooks with `rows: 1`.)
 */
export function preparedRows(
  sheetKey: typeof SHEET.towns | typeof SHEET.items,
  prefilled: number,
  spare?: number,
  asked?: number,
): number {
  const sheet = costAllocationSpec.sheets.find((s) => s.key === sheetKey);
  if (sheet?.kind !== "table") throw new Error(`no table ${sheetKey}`);
  const minimum = asked ?? (sheetKey === SHEET.towns ? MIN_TOWN_ROWS : MIN_ITEM_ROWS);
  return Math.max(sheet.minRows, minimum, prefilled + (spare ?? sheet.spareRows));
}

/** The rows of „Teilbeträge“ (slot-major) and „Verteilung“ (part-major, one per town slot). */
export function splitRows(itemSlots: number, townSlots: number): { parts: RowValues[]; pairs: RowValues[] } {
  const parts: RowValues[] = [];
  const pairs: RowValues[] = [];
  for (let slotNo = 1; slotNo <= itemSlots + 1; slotNo++) {
    for (let partNo = 1; partNo <= PART_COUNT; partNo++) {
      const splitNo = (slotNo - 1) * PART_COUNT + partNo;
      parts.push({ splitNo, slotNo, partNo });
      for (let townNo = 1; townNo <= townSlots; townNo++) pairs.push({ splitNo, slotNo, partNo, townNo });
    }
  }
  return { parts, pairs };
}

/** Plans the workbook. Rows of „Verteilung“ list the shares in the order `allocateCosts` does. */
export function planCostAllocation(options: CostAllocationPlanOptions): PlannedWorkbook {
  const demo = options.model === undefined && options.demo === true;
  const model = options.model ?? (demo ? DEMO_COST_MODEL : { towns: [], items: [] });
  const settings = options.settings ?? (demo ? DEMO_SETTINGS : {});
  const towns = model.towns.map((town) => townRow(town, settings));
  const items = model.items.map((item) => itemRow(item, options.language));
  const townSlots = preparedRows(SHEET.towns, towns.length, options.spare?.towns, options.rows?.towns);
  const itemSlots = preparedRows(SHEET.items, items.length, options.spare?.items, options.rows?.items);
  const { parts, pairs } = splitRows(itemSlots, townSlots);
  return planWorkbook(costAllocationSpec, {
    language: options.language,
    generatorVersion: GENERATOR_VERSION,
    tableRows: { [SHEET.towns]: towns, [SHEET.items]: items, [SHEET.parts]: parts, [SHEET.allocation]: pairs },
    formValues: { [SHEET.settings]: settingsValues(model, settings, options.language) },
    spareRows: {
      [SHEET.towns]: townSlots - towns.length,
      [SHEET.items]: itemSlots - items.length,
    },
  });
}

/** The planner in the shape `templates/registry.ts` expects (`TemplatePlanOptions`). */
export function planCostAllocationTemplate(options: {
  readonly language: Language;
  readonly demo?: boolean;
  readonly rows?: CostModelRows;
}): PlannedWorkbook {
  return planCostAllocation({
    language: options.language,
    ...(options.demo === undefined ? {} : { demo: options.demo }),
    ...(options.rows === undefined ? {} : { rows: options.rows }),
  });
}

/**
 * The cost model's planner for `ikz upgrade`: the towns and items exactly as the old workbook had
 * them (values as typed, blank rows in between kept), their splits on „Teilbeträge“ and
 * „Verteilung“ for every slot, and — when the old workbook had no „Grunddaten“ — the overhead's
 * default name, as a new workbook has it. `values.rows` asks for more prepared towns or items
 * (`ikz upgrade FILE --town-rows N --item-rows M`).
 */
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
