import { describe, expect, it } from "vitest";
import type { ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { countIssues, groupIssuesBySheet } from "./groupIssuesBySheet.js";

const issue = (severity: ValidationIssue["severity"], sheet?: string): ValidationIssue => ({
  severity,
  code: "cell.required",
  message: "m",
  file: "f.xlsx",
  ...(sheet === undefined ? {} : { sheet }),
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
