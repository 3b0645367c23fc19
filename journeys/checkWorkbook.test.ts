import { describe, expect, it } from "vitest";
import { planTaskCatalogue } from "../templates/aufgabenkatalog/plan.js";
import { planCostAllocation, DEMO_COST_MODEL } from "../templates/kostenverteilung/plan.js";
import { findTemplate } from "../templates/registry.js";
import { planToSnapshot } from "../lib/testing/planToSnapshot.js";
import { checkAllTemplates, checkWorkbook } from "./checkWorkbook.js";

const catalogue = () =>
  planToSnapshot(planTaskCatalogue({ language: "en", town: "Bockau", demo: true }).plan, "b.xlsx");

describe("checkWorkbook", () => {
  it("recognises the task catalogue and validates it with its own checks", () => {
    const check = checkWorkbook(catalogue(), "en");
    expect(check.template?.spec.id).toBe("aufgabenkatalog");
    expect(check.report.valid).toBe(true);
  });

  it("says a foreign workbook is unusable", () => {
    const check = checkWorkbook(
      { fileName: "x.xlsx", sheets: [{ name: "Tabelle1", state: "visible", rows: [], merges: [] }] },
      "de",
    );
    expect(check.template).toBeUndefined();
    expect(check.report.usable).toBe(false);
    expect(check.report.issues.map((i) => i.code)).toEqual(["workbook.notIkz"]);
  });

  it("checks as the demanded template whatever the workbook is", () => {
    const costs = findTemplate("kostenverteilung");
    if (!costs) throw new Error("no kostenverteilung");
    const check = checkWorkbook(catalogue(), "de", { as: costs });
    expect(check.template).toBe(costs);
    expect(check.report.valid).toBe(false);
  });

  it("adds what the reader noted about the workbook to the findings", () => {
    const notice = { severity: "info", code: "sheet.notRead", message: "n", file: "b.xlsx" } as const;
    const check = checkWorkbook({ ...catalogue(), notices: [notice] }, "en");
    expect(check.report.issues).toContain(notice);
  });
});

describe("checkAllTemplates", () => {
  it("checks each template of a shared workbook and joins their findings in one report", () => {
    const costs = planCostAllocation({ language: "de", model: DEMO_COST_MODEL }).plan;
    const shared = { ...catalogue(), sheets: [...catalogue().sheets, ...planToSnapshot(costs).sheets] };
    const all = checkAllTemplates(shared, "de");
    expect(all.checks.map((c) => c.template?.spec.id)).toEqual(["aufgabenkatalog", "kostenverteilung"]);
    expect(all.report.issues).toHaveLength(all.checks.reduce((n, c) => n + c.report.issues.length, 0));
    expect(all.report.valid).toBe(all.checks.every((c) => c.report.valid));
  });

  it("gives one unusable check for a workbook of no template", () => {
    const all = checkAllTemplates({ fileName: "x.xlsx", sheets: [] }, "de");
    expect(all.checks).toHaveLength(1);
    expect(all.report.usable).toBe(false);
  });
});
