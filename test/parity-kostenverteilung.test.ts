/**
 * Formula parity for template „Kostenverteilung“ (single keys): randomised cost models are written
 * as workbooks, recalculated by LibreOffice, read back, and every share cell of the sheet must
 * equal `allocateCosts` to the cent; every item's shares must sum to its amount, every town total
 * must equal the library's.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import { allocateCosts } from "../lib/allocation/allocateCosts.js";
import type { CostItem, CostModel, Town } from "../lib/allocation/model.js";
import { validateCostModel } from "../lib/allocation/validateCostModel.js";
import { columnNumber } from "../lib/cells/address.js";
import { expectCompatibleFormulas } from "./support/expectCompatibleFormulas.js";
import { seededRandom } from "../lib/numbers/seededRandom.js";
import type { WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { snapshotCell, type SheetSnapshot, type WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { extractCostModel } from "../templates/kostenverteilung/costModel.js";
import { DEMO_COST_MODEL, planCostAllocation, planCostAllocationTemplate } from "../templates/kostenverteilung/planCostModel.js";
import { HEADER_ROW, SHEET, SINGLE_KEYS, SPARE_ITEMS, SPARE_TOWNS, columnOf, costAllocationSpec, sheetName } from "../templates/kostenverteilung/spec.js";
import {
  disposeLibreOfficeProfiles,
  libreOfficeSkipRequested,
  recalculateWithLibreOffice,
  requireLibreOffice,
  toLibreOfficePrecision,
} from "./support/libreoffice.js";

interface Scenario {
  readonly seed: string;
  readonly towns: number;
  readonly items: number;
  /** Draw key values and amounts from a few levels only, so remainders tie. */
  readonly coarse: boolean;
  readonly language: Language;
}

const SCENARIOS: readonly Scenario[] = ["a", "b", "c"].flatMap((seed, s) =>
  [1, 2, 4, 12].map((towns, t) => ({
    seed: `${seed}-${towns}`,
    towns,
    items: 14,
    coarse: (s + t) % 2 === 1,
    language: (t % 2 === 0 ? "de" : "en") as Language,
  })),
);

const FIELDS = ["population", "cases", "workplaces", "fteShare"] as const;

function randomModel(scenario: Scenario): CostModel {
  const random = seededRandom(`kostenverteilung-${scenario.seed}`);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const int = (max: number): number => Math.floor(random() * (max + 1));
  const value = (field: (typeof FIELDS)[number]): number => {
    if (random() < 0.15) return 0;
    switch (field) {
      case "population":
        return scenario.coarse ? pick([0, 1000, 2500, 2500, 60000]) : int(60000);
      case "cases":
        return scenario.coarse ? pick([0, 1, 10, 10, 333]) : int(5000);
      case "workplaces":
        return scenario.coarse ? pick([0, 3, 3, 7]) : int(300);
      case "fteShare":
        return scenario.coarse ? pick([0, 0.5, 0.5, 1.25]) : int(500) / 100;
    }
  };
  const towns: Record<string, number | string | boolean>[] = [];
  for (let index = 0; index < scenario.towns; index++) {
    const town: Record<string, number | string | boolean> = { name: `Kommune ${scenario.seed} ${index + 1}` };
    for (const field of FIELDS) town[field] = value(field);
    towns.push(town);
  }
  // Every key needs a town with a value above 0 (validation reports „all 0“ as an error).
  for (const field of FIELDS) if (towns.every((t) => t[field] === 0)) (towns[int(towns.length - 1)] ?? {})[field] = 1;
  // Fixed percentages: integer hundredths summing to 10 000, with zeros and ties.
  let left = 10000;
  towns.forEach((town, index) => {
    const last = index === towns.length - 1;
    const part = last ? left : scenario.coarse ? Math.min(left, pick([0, 2500, 2500, 1000])) : Math.min(left, int(Math.floor((2 * left) / (towns.length - index))));
    town["fixedPercent"] = part / 100;
    left -= part;
  });
  const first = towns[0];
  if (first) first["isHost"] = true;
  const amounts = [0, 0.01, 0.02, 0.03, 1, 99.99, 1_000_000, 999_999.99];
  const items: CostItem[] = [];
  for (let index = 0; index < scenario.items; index++) {
    const amount =
      index < amounts.length && random() < 0.5
        ? (amounts[index] ?? 0)
        : scenario.coarse
          ? pick([0.05, 1, 3, 10, 100, 1234.56])
          : Math.floor(random() * 10 ** (1 + int(8))) / 100;
    items.push({ name: `Position ${index + 1}`, key: SINGLE_KEYS[index % SINGLE_KEYS.length]?.key ?? "equal", amount: Math.min(amount, 1_000_000) });
  }
  return { towns: towns as unknown as Town[], items };
}

interface Case {
  readonly id: string;
  readonly model: CostModel;
  readonly language: Language;
  readonly plan: WorkbookPlan;
}

const CASES: Case[] = [
  ...SCENARIOS.map((scenario) => {
    const model = randomModel(scenario);
    return { id: scenario.seed, model, language: scenario.language, plan: planCostAllocation({ language: scenario.language, model }).plan };
  }),
  { id: "demo", model: DEMO_COST_MODEL, language: "de", plan: planCostAllocationTemplate({ language: "de", demo: true }).plan },
];

function sheetOf(snapshot: WorkbookSnapshot, key: (typeof SHEET)[keyof typeof SHEET], language: Language): SheetSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName(key, language));
  if (!sheet) throw new Error(`no sheet ${key}`);
  return sheet;
}

const valueAt = (sheet: SheetSnapshot, row: number, key: string, sheetKey: (typeof SHEET)[keyof typeof SHEET]): unknown =>
  snapshotCell(sheet, row, columnNumber(columnOf(sheetKey, key)))?.value ?? null;

describe("kostenverteilung: formulas", () => {
  it("the models are valid, inside the sheet's exact range, and use ties, zeros and every single key", () => {
    for (const { model } of CASES) {
      expect(validateCostModel(model)).toEqual([]);
    }
    const keys = new Set(CASES.flatMap((c) => c.model.items.map((i) => i.key)));
    expect(keys.size).toBe(SINGLE_KEYS.length);
  });

  it.each(["de", "en"] as const)("only compatible functions, English names, no prefixes (%s, as test/compatibility does)", (language) => {
    for (const plan of [planCostAllocationTemplate({ language, demo: true }).plan, planCostAllocationTemplate({ language }).plan, CASES[3]?.plan]) {
      if (plan) expectCompatibleFormulas(plan);
    }
  });

  it("rejects keys this version cannot compute", () => {
    expect(() =>
      planCostAllocation({ language: "de", model: { towns: DEMO_COST_MODEL.towns, items: [{ name: "x", key: "mixed", amount: 1, mixedWeights: { equal: 100 } }] } }),
    ).toThrow(RangeError);
  });
});

describe.skipIf(libreOfficeSkipRequested())("formula parity with LibreOffice: Kostenverteilung (single keys)", () => {
  let dir = "";
  const recalculated = new Map<string, string>();
  let shareCells = 0;
  /** Items whose residual R > 0 (some towns get the extra cent). */
  let itemsWithResidual = 0;
  /** Equal remainders of one item where one town got the extra cent and a later one did not. */
  let tieDecisions = 0;

  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(join(tmpdir(), "ikz-parity-kv-"));
    const files: string[] = [];
    for (const c of CASES) {
      const file = join(dir, `${c.id}.xlsx`);
      await writePlanToFile(c.plan, file, { force: false });
      files.push(file);
    }
    const outputs = await recalculateWithLibreOffice(files, { outDir: join(dir, "recalculated") });
    outputs.forEach((file, index) => {
      const c = CASES[index];
      if (c) recalculated.set(c.id, file);
    });
  }, 600_000);

  afterAll(async () => {
    await disposeLibreOfficeProfiles();
    if (dir) await rm(dir, { recursive: true, force: true });
    console.info(
      `kostenverteilung parity: ${CASES.length} models, ${shareCells} share cells compared, ${itemsWithResidual} items with residual cents, ${tieDecisions} tie decisions`,
    );
    expect(itemsWithResidual).toBeGreaterThan(20);
    expect(tieDecisions).toBeGreaterThan(5);
  });

  it.each(CASES.map((c) => [c.id, c] as const))("model %s: every share, item sum and town total equals allocateCosts", async (id, c) => {
    const file = recalculated.get(id);
    expect(file).toBeDefined();
    const snapshot = await readSnapshotFromXlsx(file!, `${id}.xlsx`);
    const allocation = allocateCosts(c.model);
    const report = validateWorkbook(costAllocationSpec, snapshot, { language: c.language });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(allocateCosts(extractCostModel(report.workbook!))).toEqual(allocation);
    const pairs = sheetOf(snapshot, SHEET.allocation, c.language);
    const itemsSheet = sheetOf(snapshot, SHEET.items, c.language);
    const townsSheet = sheetOf(snapshot, SHEET.towns, c.language);
    const townSlots = c.model.towns.length + SPARE_TOWNS;
    const itemSlots = c.model.items.length + SPARE_ITEMS;
    const mismatches: unknown[] = [];
    for (let i = 0; i < itemSlots; i++) {
      const item = allocation.items[i];
      let sum = 0;
      const seen: { r: unknown; extra: boolean }[] = [];
      for (let t = 0; t < townSlots; t++) {
        const row = HEADER_ROW.allocation + 1 + i * townSlots + t;
        const cents = valueAt(pairs, row, "cents", SHEET.allocation);
        const euros = valueAt(pairs, row, "share", SHEET.allocation);
        const expected = item?.shares[t]?.cents;
        if (expected === undefined) {
          // an empty item or town slot: no share at all
          if (cents !== "" && cents !== null) mismatches.push({ row, cents, expected: "" });
          continue;
        }
        shareCells++;
        const base = valueAt(pairs, row, "base", SHEET.allocation);
        const r = valueAt(pairs, row, "remainder", SHEET.allocation);
        const extra = typeof cents === "number" && typeof base === "number" && cents > base;
        if (!extra && seen.some((s) => s.r === r && s.extra)) tieDecisions++;
        seen.push({ r, extra });
        sum += typeof cents === "number" ? cents : Number.NaN;
        if (cents !== expected || euros !== toLibreOfficePrecision(expected / 100)) {
          mismatches.push({ row, item: item?.name, town: item?.shares[t]?.town, sheet: { cents, euros }, lib: expected });
        }
      }
      if (item) {
        if (seen.some((s) => s.extra)) itemsWithResidual++;
        expect(sum, `item ${item.name}`).toBe(item.amountCents);
        const distributed = valueAt(itemsSheet, HEADER_ROW.items + 1 + i, "distributed", SHEET.items);
        expect(distributed, `distributed ${item.name}`).toBe(toLibreOfficePrecision(item.amountCents / 100));
      }
    }
    allocation.totals.forEach((total, t) => {
      expect(valueAt(townsSheet, HEADER_ROW.towns + 1 + t, "totalCents", SHEET.towns), `total ${total.town}`).toBe(total.cents);
    });
    if (mismatches.length > 0) console.error(mismatches.slice(0, 5));
    expect(mismatches).toEqual([]);
  });
});
