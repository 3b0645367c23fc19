import { describe, expect, it } from "vitest";
import type { ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/plan.js";
import { snapshotOfSheetPlan } from "../host/snapshotOfPlan.js";
import { checkWorkbook, countIssues, groupIssuesBySheet } from "./checkWorkbook.js";

const issue = (severity: ValidationIssue["severity"], sheet?: string): ValidationIssue => ({
  severity,
  code: "cell.required",
  message: "m",
  file: "f.xlsx",
  ...(sheet === undefined ? {} : { sheet }),
});

describe("checkWorkbook", () => {
  it("recognises the task catalogue and validates it with its own checks", () => {
    const { plan } = planTaskCatalogue({ language: "en", town: "Bockau", demo: true });
    const check = checkWorkbook({ fileName: "b.xlsx", sheets: plan.sheets.map(snapshotOfSheetPlan) }, "en");
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
});

describe("issue groups", () => {
  it("puts workbook-level findings first, then sheets in order of appearance", () => {
    const issues = [
      issue("error", "Aufgaben"),
      issue("warning"),
      issue("info", "Kriterien"),
      issue("error", "Aufgaben"),
    ];
    expect(groupIssuesBySheet(issues).map((g) => [g.sheet, g.issues.length])).toEqual([
      [undefined, 1],
      ["Aufgaben", 2],
      ["Kriterien", 1],
    ]);
    expect(countIssues(issues)).toEqual({ error: 2, warning: 1, info: 1 });
  });
});
