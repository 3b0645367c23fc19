import { describe, expect, it } from "vitest";
import { allocateCosts } from "../../lib/allocation/allocateCosts.js";
import type { CostModel } from "../../lib/allocation/model.js";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/plan.js";
import { planCostAllocation } from "../../templates/kostenverteilung/plan.js";
import { FakeWorkbookHost } from "../host/FakeWorkbookHost.js";
import { snapshotOfSheetPlan } from "../host/snapshotOfPlan.js";
import { allocateFromWorkbook, planCostModelWorkbook, UnsupportedCostModelError } from "./costAllocationWorkbook.js";

/** Single keys only: what every version of the template's planner writes. */
const SINGLE_KEYS: CostModel = {
  towns: [
    { name: "Zschorlau", population: 5300, cases: 420, workplaces: 38, fteShare: 1.5, fixedPercent: 35, isHost: true },
    { name: "Schönheide", population: 4600, cases: 310, workplaces: 31, fteShare: 1.25, fixedPercent: 30 },
    { name: "Bockau", population: 2000, cases: 150, workplaces: 14, fteShare: 0.5, fixedPercent: 35 },
  ],
  items: [
    { name: "Personal", key: "population", amount: 148_500 },
    { name: "Sachkosten", key: "workplaces", amount: 12_345.67 },
    { name: "Lizenz", key: "equal", amount: 4_800 },
    { name: "Verfahren", key: "cases", amount: 23_999.99 },
    { name: "Energiemanager", key: "fteShare", amount: 61_000 },
    { name: "Räume", key: "fixedPercent", amount: 9_000 },
  ],
};

const snapshotOf = (model: CostModel | undefined, language: "de" | "en" = "de") => ({
  fileName: "kosten.xlsx",
  sheets: planCostAllocation({ language, ...(model ? { model } : {}) }).plan.sheets.map(snapshotOfSheetPlan),
});

describe("planCostModelWorkbook", () => {
  it("plans the template with the model's towns and items", () => {
    const plan = planCostModelWorkbook(SINGLE_KEYS, "de");
    expect(plan.templateId).toBe("kostenverteilung");
    expect(plan.language).toBe("de");
    expect(plan.sheets.map((s) => s.name)).toContain("Kostenpositionen");
  });

  it("turns the planner's RangeError for a key it cannot write into a typed error", () => {
    const model: CostModel = {
      towns: [{ name: "A", population: 1 }],
      items: [{ name: "Gemischt", key: "mixed", amount: 10, mixedWeights: { equal: 50, population: 50 } }],
    };
    let thrown: unknown;
    try {
      planCostModelWorkbook(model, "de");
    } catch (error) {
      thrown = error;
    }
    // a planner that writes every key throws nothing; one that cannot throws the typed error, never a bare RangeError
    expect(thrown === undefined || thrown instanceof UnsupportedCostModelError).toBe(true);
  });
});

describe("allocateFromWorkbook", () => {
  it("reads back what was inserted and allocates it like the library does", async () => {
    const host = new FakeWorkbookHost();
    await host.insertPlan(planCostModelWorkbook(SINGLE_KEYS, "de"), { replace: false });
    const result = allocateFromWorkbook(await host.readSnapshot(), "de");
    expect(result.kind).toBe("ok");
    if (result.kind !== "ok") return;
    expect(result.model.towns.map((t) => t.name)).toEqual(SINGLE_KEYS.towns.map((t) => t.name));
    expect(result.allocation.totals).toEqual(allocateCosts(SINGLE_KEYS).totals);
  });

  it("writes the form's settings and Stichtag into the workbook and reads the settings back", async () => {
    const host = new FakeWorkbookHost();
    const model: CostModel = {
      ...SINGLE_KEYS,
      towns: SINGLE_KEYS.towns.map((town, index) =>
        index === 0 ? { ...town, populationDate: "2025-06-30", actual: { population: 5262 } } : town,
      ),
    };
    const settings = {
      unitName: "Vergabestelle",
      year: 2027,
      calculationDate: new Date(Date.UTC(2026, 8, 30)),
      dueDates: [undefined, new Date(Date.UTC(2027, 5, 1))],
    };
    await host.insertPlan(planCostModelWorkbook(model, "de", undefined, settings), { replace: false });
    const result = allocateFromWorkbook(await host.readSnapshot(), "de");
    expect(result.kind).toBe("ok");
    if (result.kind !== "ok") return;
    expect(result.settings).toEqual({ ...settings, dueDates: [undefined, settings.dueDates[1], undefined, undefined] });
    // the actual value went in too: the true-up is computed from the workbook as from the model
    expect(result.allocation.trueUp).toEqual(allocateCosts(model).trueUp);
  });

  it("reads an English workbook too", () => {
    const result = allocateFromWorkbook(snapshotOf(SINGLE_KEYS, "en"), "en");
    expect(result.kind).toBe("ok");
  });

  it("says so for a workbook of another template", () => {
    const { plan } = planTaskCatalogue({ language: "de", town: "Bockau", demo: true });
    const result = allocateFromWorkbook({ fileName: "b.xlsx", sheets: plan.sheets.map(snapshotOfSheetPlan) }, "de");
    expect(result.kind).toBe("notCostAllocation");
  });

  it("computes nothing for a workbook with errors, and counts them", () => {
    const model: CostModel = {
      towns: [{ name: "A", population: 10 }, { name: "B" }],
      items: [{ name: "Personal", key: "population", amount: 100 }],
    };
    const result = allocateFromWorkbook(snapshotOf(model), "de");
    expect(result.kind).toBe("notComputable");
    if (result.kind === "notComputable") expect(result.errorCount).toBeGreaterThan(0);
  });

  it("calls a blank template empty", () => {
    expect(allocateFromWorkbook(snapshotOf(undefined), "de").kind).toBe("empty");
  });
});
