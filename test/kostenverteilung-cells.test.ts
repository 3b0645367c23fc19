/**
 * Findings of the cost model's rules land on the cell they are about — mixed weights, flat fees,
 * actual values, the overhead on „Grunddaten“, the fixed percentages' sum — in German and English.
 * Bad models are written by the planner (which writes values as given) and read back.
 */
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import type { CostModel } from "../lib/allocation/model.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { DEMO_COST_MODEL, planCostAllocation } from "../templates/kostenverteilung/plan.js";
import {
  HEADER_ROW,
  SHEET,
  columnOf,
  costAllocationSpec,
  settingsRow,
  sheetName,
} from "../templates/kostenverteilung/spec.js";
import { findTemplate } from "../templates/registry.js";

async function findings(model: CostModel, language: Language = "de") {
  const bytes = await writePlanToBuffer(planCostAllocation({ language, model }).plan);
  const snapshot = await readSnapshotFromXlsx(bytes, "kv.xlsx");
  const report = validateWorkbook(costAllocationSpec, snapshot, {
    language,
    check: findTemplate("kostenverteilung")!.check,
  });
  return report.issues.filter((issue) => issue.severity === "error");
}

const townCell = (key: string, index: number) => `${columnOf(SHEET.towns, key)}${HEADER_ROW.towns + 1 + index}`;
const itemCell = (key: string, index: number) => `${columnOf(SHEET.items, key)}${HEADER_ROW.items + 1 + index}`;
const withItem = (index: number, change: Partial<CostModel["items"][number]>): CostModel => ({
  ...DEMO_COST_MODEL,
  items: DEMO_COST_MODEL.items.map((item, i) => (i === index ? { ...item, ...change } : item)),
});

describe("kostenverteilung: each finding names its cell", () => {
  it("is clean for the demo", async () => {
    expect(await findings(DEMO_COST_MODEL)).toEqual([]);
  });

  it("mixed weights that do not sum to 100 %: on the item's first weight cell", async () => {
    const [issue, ...rest] = await findings(withItem(0, { mixedWeights: { equal: 30, population: 60 } }));
    expect(rest).toEqual([]);
    expect(issue?.sheet).toBe(sheetName(SHEET.items, "de"));
    expect(issue?.cell).toBe(itemCell("mixEqual", 0));
    expect(issue?.message).toMatch(/90/);
    expect(issue?.message).toMatch(/100/);
  });

  it("a negative mixed weight: on that weight's cell", async () => {
    const issues = await findings(withItem(0, { mixedWeights: { equal: -10, population: 110 } }));
    expect(issues.map((i) => i.cell)).toContain(itemCell("mixEqual", 0));
  });

  it("a flat fee per case without a fee: on the fee cell", async () => {
    const index = DEMO_COST_MODEL.items.findIndex((item) => item.key === "flatFeePerCase");
    const [issue] = await findings(withItem(index, { flatFeePerCase: null }));
    expect(issue?.cell).toBe(itemCell("flatFee", index));
  });

  it("an actual value with decimals: on the actual column", async () => {
    const towns = DEMO_COST_MODEL.towns.map((town, i) => (i === 2 ? { ...town, actual: { cases: 12.5 } } : town));
    const [issue] = await findings({ ...DEMO_COST_MODEL, towns });
    expect(issue?.cell).toBe(townCell("actualCases", 2));
  });

  it("fixed percentages summing to 95 %: on the first town's fixed percentage, naming the sum", async () => {
    const towns = DEMO_COST_MODEL.towns.map((town, i) => (i === 0 ? { ...town, fixedPercent: 30 } : town));
    const [issue] = await findings({ ...DEMO_COST_MODEL, towns }, "en");
    expect(issue?.cell).toBe(townCell("fixedPercent", 0));
    expect(issue?.message).toMatch(/95/);
  });

  it("the overhead's mixed weights and a missing key: on „Grunddaten“", async () => {
    const issues = await findings({
      ...DEMO_COST_MODEL,
      overhead: { percent: 5, key: "mixed", mixedWeights: { equal: 50, cases: 40 } },
    });
    expect(issues[0]?.sheet).toBe(sheetName(SHEET.settings, "de"));
    expect(issues[0]?.cell).toBe(`B${settingsRow("overheadMixEqual")}`);
  });
});
