/**
 * Formula parity for template „Kostenverteilung“: randomised cost models — every key, mixed keys
 * with tied weights, flat fees, the overhead, actual values, fractions typed for percentages — are
 * written as workbooks, recalculated by LibreOffice, read back, and every share cell (plan and
 * actual, per key part and town) must equal `allocateCosts` to the cent; so must the town totals,
 * the annex's matrix, advances and true-up, and every check cell must say „✓“.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import { allocateCosts } from "../lib/allocation/allocateCosts.js";
import type { Allocation, AllocationMatrix, CostModel, ItemAllocation } from "../lib/allocation/model.js";
import { splitIntoQuarters } from "../lib/allocation/largestRemainder.js";
import { validateCostModel } from "../lib/allocation/validateCostModel.js";
import { columnNumber } from "../lib/cells/address.js";
import type { WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { snapshotCell, type SheetSnapshot, type WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { extractCostModel } from "../templates/kostenverteilung/costModel.js";
import { KEY_DEFINITIONS, PART_COUNT } from "../templates/kostenverteilung/keys.js";
import { DEMO_COST_MODEL, planCostAllocation, planCostAllocationTemplate } from "../templates/kostenverteilung/plan.js";
import { selfCheckSummaryText } from "../templates/common/selfChecks.js";
import {
  RESULT_FIRST_TOWN_COLUMN,
  RESULT_SUMMARY_ROW,
  resultRowOfSlot,
  resultRows,
} from "../templates/kostenverteilung/formulas/result.js";
import {
  HEADER_ROW,
  MIN_ITEM_ROWS,
  MIN_TOWN_ROWS,
  SHEET,
  SPARE_ITEMS,
  SPARE_TOWNS,
  checkText,
  columnOf,
  costAllocationSpec,
  settingsRow,
  sheetName,
  type CostSheetKey,
} from "../templates/kostenverteilung/spec.js";
import { expectCompatibleFormulas } from "./support/expectCompatibleFormulas.js";
import { randomCostModel } from "./support/randomCostModel.js";
import { expectStoredResults } from "./support/storedResults.js";
import {
  disposeLibreOfficeProfiles,
  libreOfficeSkipRequested,
  recalculateWithLibreOffice,
  requireLibreOffice,
  toLibreOfficePrecision,
} from "./support/libreoffice.js";

/**
 * Randomised models per run; IKZ_PARITY_MODELS overrides it for quick local runs. 120 since the
 * annex grew (0.5.0): each model is one recalculated workbook, and the suite must stay well under
 * 15 minutes on two cores (`IKZ_PARITY_MODELS=1000` for a deep run before a release).
 */
const MODEL_COUNT = Number(process.env["IKZ_PARITY_MODELS"] ?? 120);

interface Case {
  readonly id: string;
  readonly model: CostModel;
  readonly language: Language;
  readonly plan: WorkbookPlan;
  readonly townSlots: number;
  readonly itemSlots: number;
}

/**
 * A randomised model with its own spare rows. `rows: 1` lifts the default of 12 town and 40 item
 * rows, so the 200 workbooks stay small (1–50 towns); the demo case below has the default rows.
 */
function makeCase(
  id: string,
  model: CostModel,
  typed: CostModel,
  language: Language,
  spare: { towns: number; items: number },
): Case {
  const plan = planCostAllocation({ language, model: typed, spare, rows: { towns: 1, items: 1 } }).plan;
  return {
    id,
    model,
    language,
    plan,
    townSlots: Math.max(1, model.towns.length + spare.towns),
    itemSlots: Math.max(1, model.items.length + spare.items),
  };
}

/**
 * Percentages as users type them, read as intended by sheet and library alike: every group (the
 * fixed shares, an item's mixed weights, the overhead's mixed weights) typed as fractions summing to
 * 1 — what „30 %“ typed into percent-formatted cells stores — means the same as percent numbers.
 */
const FRACTIONS_MODEL: CostModel = {
  ...DEMO_COST_MODEL,
  overhead: { name: "Pauschale", percent: 7.5, key: "mixed", mixedWeights: { equal: 25, cases: 75 } },
};
const FRACTIONS_TYPED: CostModel = {
  ...FRACTIONS_MODEL,
  towns: FRACTIONS_MODEL.towns.map((town) => ({ ...town, fixedPercent: (town.fixedPercent ?? 0) / 100 })),
  items: FRACTIONS_MODEL.items.map((item) =>
    item.key === "mixed" ? { ...item, mixedWeights: { equal: 0.3, population: 0.7 } } : item,
  ),
  overhead: { name: "Pauschale", percent: 7.5, key: "mixed", mixedWeights: { equal: 0.25, cases: 0.75 } },
};

const CASES: Case[] = [
  ...Array.from({ length: MODEL_COUNT }, (_, index) => {
    const { model, typed, spare } = randomCostModel(`kv-${index}`, index);
    return makeCase(`m${index}`, model, typed, index % 3 === 2 ? "en" : "de", spare);
  }),
  (() => {
    const plan = planCostAllocationTemplate({ language: "de", demo: true }).plan;
    const townSlots = Math.max(MIN_TOWN_ROWS, DEMO_COST_MODEL.towns.length + SPARE_TOWNS);
    const itemSlots = Math.max(MIN_ITEM_ROWS, DEMO_COST_MODEL.items.length + SPARE_ITEMS);
    return { id: "demo", model: DEMO_COST_MODEL, language: "de" as const, plan, townSlots, itemSlots };
  })(),
  (() => {
    const plan = planCostAllocation({ language: "en", model: FRACTIONS_TYPED }).plan;
    return { id: "fractions", model: FRACTIONS_MODEL, language: "en" as const, plan, townSlots: 12, itemSlots: 40 };
  })(),
];

function sheetOf(snapshot: WorkbookSnapshot, key: CostSheetKey, language: Language): SheetSnapshot {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName(key, language));
  if (!sheet) throw new Error(`no sheet ${key}`);
  return sheet;
}

const valueAt = (sheet: SheetSnapshot, row: number, column: number): unknown =>
  snapshotCell(sheet, row, column)?.value ?? null;
const columnValue = (sheet: SheetSnapshot, row: number, sheetKey: CostSheetKey, key: string): unknown =>
  valueAt(sheet, row, columnNumber(columnOf(sheetKey, key)));

/** The cents the library gives a town for one key part of an item (0 where the part is unused). */
function partShare(item: ItemAllocation | undefined, part: number, town: number): number {
  if (!item) return 0;
  const key = KEY_DEFINITIONS[part - 1]?.key;
  if (item.key === "mixed") return item.parts?.find((p) => p.key === key)?.shares[town]?.cents ?? 0;
  if (item.key === "flatFeePerCase") return key === "cases" ? (item.shares[town]?.cents ?? 0) : 0;
  return item.key === key ? (item.shares[town]?.cents ?? 0) : 0;
}

function slotAllocation(matrix: AllocationMatrix, slot: number, itemSlots: number): ItemAllocation | undefined {
  return slot <= itemSlots ? matrix.items[slot - 1] : matrix.overhead;
}

describe("kostenverteilung: formulas", () => {
  it("the models are valid and cover every key, mixed overheads, actuals, fractions and ties", () => {
    for (const { model } of CASES) expect(validateCostModel(model).filter((i) => i.severity === "error")).toEqual([]);
    const keys = new Set(CASES.flatMap((c) => c.model.items.map((i) => i.key)));
    expect(keys.size).toBe(KEY_DEFINITIONS.length);
    expect(CASES.filter((c) => c.model.overhead?.key === "mixed").length).toBeGreaterThan(MODEL_COUNT / 20);
    expect(CASES.filter((c) => c.model.towns.some((t) => t.actual)).length).toBeGreaterThan(MODEL_COUNT / 4);
  });

  it.each(["de", "en"] as const)("only compatible functions, English names, no prefixes (%s)", (language) => {
    for (const plan of [
      planCostAllocationTemplate({ language, demo: true }).plan,
      planCostAllocationTemplate({ language }).plan,
      CASES[1]?.plan,
    ]) {
      if (plan) expectCompatibleFormulas(plan);
    }
  });
});

describe.skipIf(libreOfficeSkipRequested())("formula parity with LibreOffice: Kostenverteilung", () => {
  let dir = "";
  const recalculated = new Map<string, string>();
  let shareCells = 0;
  let extraCents = 0;
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
    const outputs = await recalculateWithLibreOffice(files, { outDir: join(dir, "recalculated"), timeoutMs: 900_000 });
    outputs.forEach((file, index) => {
      const c = CASES[index];
      if (c) recalculated.set(c.id, file);
    });
  }, 900_000);

  afterAll(async () => {
    await disposeLibreOfficeProfiles();
    if (dir) await rm(dir, { recursive: true, force: true });
    console.info(
      `kostenverteilung parity: ${CASES.length} models, ${shareCells} share cells compared, ${extraCents} extra cents placed, ${tieDecisions} tie decisions`,
    );
    if (MODEL_COUNT >= 100) {
      expect(extraCents).toBeGreaterThan(200);
      expect(tieDecisions).toBeGreaterThan(20);
    }
  });

  it("every written file stores LibreOffice's result in every formula cell (docs/decisions/0013)", () => {
    expectStoredResults(
      CASES.map((c) => ({
        id: c.id,
        written: join(dir, `${c.id}.xlsx`),
        recalculated: recalculated.get(c.id) ?? "",
        germanNumbersInText: c.language === "de",
      })),
    );
  });

  it.each(CASES.map((c) => [c.id, c] as const))(
    "model %s: every share, total, advance and true-up equals allocateCosts",
    async (id, c) => {
      const file = recalculated.get(id);
      expect(file).toBeDefined();
      const snapshot = await readSnapshotFromXlsx(file!, `${id}.xlsx`);
      const allocation: Allocation = allocateCosts(c.model);
      const actual: AllocationMatrix = allocation.actual ?? allocation;

      // The workbook reads back as the same model.
      const report = validateWorkbook(costAllocationSpec, snapshot, { language: c.language });
      expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(allocateCosts(extractCostModel(report.workbook!))).toEqual(allocation);

      const pairs = sheetOf(snapshot, SHEET.allocation, c.language);
      const mismatches: unknown[] = [];
      const column = (key: string): number => columnNumber(columnOf(SHEET.allocation, key));
      const [planColumn, actualColumn, baseColumn, remainderColumn] = [
        column("cents"),
        column("centsActual"),
        column("base"),
        column("remainder"),
      ];
      for (let slot = 1; slot <= c.itemSlots + 1; slot++) {
        const planItem = slotAllocation(allocation, slot, c.itemSlots);
        const actualItem = slotAllocation(actual, slot, c.itemSlots);
        for (let part = 1; part <= PART_COUNT; part++) {
          const seen: { r: unknown; extra: boolean }[] = [];
          for (let town = 0; town < c.townSlots; town++) {
            const row = HEADER_ROW.allocation + 1 + ((slot - 1) * PART_COUNT + part - 1) * c.townSlots + town;
            const plan = valueAt(pairs, row, planColumn);
            const actualCents = valueAt(pairs, row, actualColumn);
            const expected = partShare(planItem, part, town);
            const expectedActual = partShare(actualItem, part, town);
            if (plan !== expected || actualCents !== expectedActual) {
              mismatches.push({ row, slot, part, town, sheet: [plan, actualCents], lib: [expected, expectedActual] });
            }
            if (planItem && town < c.model.towns.length) shareCells += 2;
            const base = valueAt(pairs, row, baseColumn);
            const extra =
              typeof plan === "number" && typeof base === "number" && plan > base && planItem?.key !== "flatFeePerCase";
            if (extra) extraCents++;
            const r = valueAt(pairs, row, remainderColumn);
            if (!extra && r !== 0 && seen.some((s) => s.r === r && s.extra)) tieDecisions++;
            seen.push({ r, extra });
          }
        }
      }
      if (mismatches.length > 0) console.error(id, mismatches.slice(0, 5));
      expect(mismatches).toEqual([]);

      // Town totals, the annex's matrix, advances, true-up, and every check.
      const towns = sheetOf(snapshot, SHEET.towns, c.language);
      const result = sheetOf(snapshot, SHEET.result, c.language);
      const items = sheetOf(snapshot, SHEET.items, c.language);
      const rows = resultRows(c.itemSlots);
      const euros = (cents: number): number => toLibreOfficePrecision(cents / 100);
      allocation.totals.forEach((total, t) => {
        const row = HEADER_ROW.towns + 1 + t;
        const townColumn = RESULT_FIRST_TOWN_COLUMN + t;
        expect(columnValue(towns, row, SHEET.towns, "planCents"), `plan total ${total.town}`).toBe(total.cents);
        expect(columnValue(towns, row, SHEET.towns, "actualCents"), `actual total ${total.town}`).toBe(
          actual.totals[t]?.cents,
        );
        expect(valueAt(result, rows.total, townColumn)).toBe(euros(total.cents));
        const quarters = splitIntoQuarters(total.cents);
        rows.quarters.forEach((row, q) =>
          expect(valueAt(result, row, townColumn), `Q${q + 1} ${total.town}`).toBe(euros(quarters[q] ?? -1)),
        );
        expect(allocation.advances[t]?.quarters).toEqual(quarters);
        const difference = allocation.trueUp?.[t]?.differenceCents ?? 0;
        expect(valueAt(result, rows.difference, townColumn), `true-up ${total.town}`).toBe(euros(difference));
        allocation.items.forEach((item, i) => {
          expect(valueAt(result, resultRowOfSlot(i + 1), townColumn), `${item.name} × ${total.town}`).toBe(
            euros(item.shares[t]?.cents ?? -1),
          );
        });
        if (allocation.overhead) {
          expect(valueAt(result, resultRowOfSlot(c.itemSlots + 1, c.itemSlots), townColumn)).toBe(
            euros(allocation.overhead.shares[t]?.cents ?? -1),
          );
        }
      });
      const ok = checkText("ok", c.language);
      allocation.items.forEach((item, i) => {
        expect(columnValue(items, HEADER_ROW.items + 1 + i, SHEET.items, "check"), item.name).toBe(ok);
        expect(valueAt(result, resultRowOfSlot(i + 1), RESULT_FIRST_TOWN_COLUMN + c.townSlots)).toBe(ok);
      });
      // the sheet's own checks: every town's, the overhead's, and the summary line of the annex
      c.model.towns.forEach((town, t) =>
        expect(columnValue(towns, HEADER_ROW.towns + 1 + t, SHEET.towns, "check"), town.name).toBe(ok),
      );
      const settings = sheetOf(snapshot, SHEET.settings, c.language);
      if (c.model.overhead) expect(valueAt(settings, settingsRow("overheadCheck"), 2)).toBe(ok);
      expect(valueAt(result, RESULT_SUMMARY_ROW, 1)).toBe(selfCheckSummaryText("passed", c.language));
      expect(valueAt(result, rows.total, RESULT_FIRST_TOWN_COLUMN + c.townSlots)).toBe(ok);
      expect(valueAt(result, rows.actual, RESULT_FIRST_TOWN_COLUMN + c.townSlots)).toBe(ok);
      expect(valueAt(result, rows.total, 4)).toBe(euros(allocation.totalCents));
    },
  );
});
