import { describe, expect, it } from "vitest";
import { combinePlans } from "./combinePlans.js";
import type { SheetPlan, WorkbookPlan } from "./WorkbookPlan.js";

const sheet = (name: string, formula?: string): SheetPlan => ({
  key: name,
  name,
  state: name === "_ikz" ? "hidden" : "visible",
  columnWidths: [10],
  rowCount: 1,
  rows: () => [
    {
      row: 1,
      cells: [
        formula === undefined
          ? { column: 1, value: name, style: "computed" }
          : { column: 1, formula, style: "computed" },
      ],
    },
  ],
  validations: [],
  highlights: [],
  merges: [],
  print: { landscape: false },
});

const plan = (...sheets: SheetPlan[]): WorkbookPlan => ({
  templateId: "x",
  templateVersion: "1",
  language: "de",
  title: "x",
  sheets,
});
const head = { templateId: "partnerschaft", templateVersion: "1", language: "de" as const, title: "Partnerschaft" };

describe("combinePlans", () => {
  it("keeps every part's sheets in order, one metadata sheet at the end", () => {
    const combined = combinePlans(
      [{ plan: plan(sheet("Fahrplan"), sheet("_ikz")) }, { plan: plan(sheet("Kandidaten"), sheet("_ikz")) }],
      head,
      sheet("_ikz"),
    );
    expect(combined.sheets.map((s) => s.name)).toEqual(["Fahrplan", "Kandidaten", "_ikz"]);
    expect(combined.templateId).toBe("partnerschaft");
  });

  it("labels or numbers a taken name and makes the part's own formulas follow it", () => {
    const combined = combinePlans(
      [
        { plan: plan(sheet("Quellen"), sheet("Summe", "SUM(Quellen!A1)")) },
        { plan: plan(sheet("Quellen"), sheet("Rechnung", "Quellen!A1+'Quellen'!B2+XQuellen!A1")) },
        { plan: plan(sheet("Quellen"), sheet("Liste")), label: "IT" },
      ],
      head,
      sheet("_ikz"),
    );
    expect(combined.sheets.map((s) => s.name)).toEqual([
      "Quellen",
      "Summe",
      "Quellen (2)",
      "Rechnung",
      "IT – Quellen",
      "Liste",
      "_ikz",
    ]);
    const formula = (name: string) =>
      [...(combined.sheets.find((s) => s.name === name)?.rows() ?? [])][0]?.cells[0]?.formula;
    expect(formula("Summe")).toBe("SUM(Quellen!A1)");
    expect(formula("Rechnung")).toBe("'Quellen (2)'!A1+'Quellen'!B2+XQuellen!A1");
  });
});
