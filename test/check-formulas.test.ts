import { describe, expect, it } from "vitest";
import { planTaskCatalogue } from "../templates/aufgabenkatalog/plan.js";
import { taskCatalogueSpec } from "../templates/aufgabenkatalog/spec.js";
import { checkTaskCatalogue } from "../templates/aufgabenkatalog/checks.js";
import { checkCostAllocation } from "../templates/kostenverteilung/checks.js";
import { resultCell } from "../templates/kostenverteilung/formulas/result.js";
import { costAllocationSpec } from "../templates/kostenverteilung/spec.js";
import { productLeaves } from "../templates/reference/productFramework.js";
import { findTemplate, TEMPLATES } from "../templates/registry.js";
import { planToSnapshot, setCell, type MutableWorkbookSnapshot } from "../lib/testing/planToSnapshot.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";

const FORMULA_CODES = [
  "formula.missing",
  "formula.replaced",
  "formula.broken",
  "formula.changed",
  "formula.shifted",
  "formula.errorResult",
  "formula.more",
  "rows.beyondCapacity",
];

const demoCatalogue = (): MutableWorkbookSnapshot =>
  planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan, "bockau.xlsx");
const validateCatalogue = (snapshot: MutableWorkbookSnapshot) =>
  validateWorkbook(taskCatalogueSpec, snapshot, { language: "de", check: checkTaskCatalogue });
const demoCostModel = (): MutableWorkbookSnapshot => {
  const module = findTemplate("kostenverteilung");
  if (!module) throw new Error("no cost model");
  return planToSnapshot(
    module.plan({ language: "de", demo: true, towns: ["Zschorlau", "Schönheide", "Stützengrün", "Bockau"] }).plan,
    "kosten.xlsx",
  );
};
const validateCostModel = (snapshot: MutableWorkbookSnapshot, language: "de" | "en" = "de") =>
  validateWorkbook(costAllocationSpec, snapshot, { language, check: checkCostAllocation });
const formulaFindings = (issues: readonly { code: string; sheet?: string; cell?: string; severity: string }[]) =>
  issues.filter((i) => FORMULA_CODES.includes(i.code)).map((i) => [i.code, i.sheet, i.cell, i.severity]);

/** The formula a snapshot holds in a cell. */
function formulaAt(snapshot: MutableWorkbookSnapshot, sheetName: string, row: number, column: number): string {
  const formula = snapshot.sheets.find((s) => s.name === sheetName)?.rows[row]?.[column]?.formula;
  if (formula === undefined) throw new Error(`no formula at ${sheetName} ${row}/${column}`);
  return formula;
}

describe("formula integrity: every computed cell holds its planned formula", () => {
  it("finds nothing in any template's demo, in both languages, and records the planned row counts", () => {
    for (const module of TEMPLATES) {
      for (const language of ["de", "en"] as const) {
        const { plan } = module.plan({ language, demo: true, town: "Bockau", towns: ["Bockau", "Zschorlau"] });
        const snapshot = planToSnapshot(plan);
        const meta = snapshot.sheets.find((s) => s.name.startsWith("_ikz"));
        expect(
          meta?.rows.some((row) => row?.[1]?.value === "layout"),
          module.spec.id,
        ).toBe(true);
        const report = validateWorkbook(module.spec, snapshot, { language, check: module.check });
        expect(formulaFindings(report.issues), `${module.spec.id} ${language}`).toEqual([]);
      }
    }
  });

  it("names a score typed over by hand, a deleted formula, a #REF! and another formula — as errors", () => {
    const snapshot = demoCatalogue();
    setCell(snapshot, "Aufgaben", "O6", { value: 99 });
    setCell(snapshot, "Aufgaben", "O7", undefined);
    const o8 = formulaAt(snapshot, "Aufgaben", 8, 15);
    setCell(snapshot, "Aufgaben", "O8", { value: { error: "#REF!" }, formula: o8.replace(/E8/g, "#REF!") });
    setCell(snapshot, "Aufgaben", "O9", { value: 12, formula: "E9*2" });
    const report = validateCatalogue(snapshot);
    expect(formulaFindings(report.issues)).toEqual([
      ["formula.replaced", "Aufgaben", "O6", "error"],
      ["formula.missing", "Aufgaben", "O7", "error"],
      ["formula.broken", "Aufgaben", "O8", "error"],
      ["formula.changed", "Aufgaben", "O9", "error"],
    ]);
    expect(report.valid).toBe(false);
    const replaced = report.issues.find((i) => i.cell === "O6");
    expect(replaced?.received).toBe("99 (Zahl)");
    expect(replaced?.expected).toMatch(/^die Formel =/);
  });

  it("names an error value the formula shows", () => {
    const snapshot = demoCatalogue();
    setCell(snapshot, "Aufgaben", "O5", {
      value: { error: "#VALUE!" },
      formula: formulaAt(snapshot, "Aufgaben", 5, 15),
    });
    expect(formulaFindings(validateCatalogue(snapshot).issues)).toEqual([
      ["formula.errorResult", "Aufgaben", "O5", "error"],
    ]);
  });

  it("accepts a formula written the way LibreOffice writes it (1E-009, spaces, lower-case names, quoted sheet)", () => {
    const snapshot = demoCostModel();
    const sheet = snapshot.sheets.find((s) => s.name === "Teilbeträge");
    let changed = 0;
    for (const [rowIndex, row] of (sheet?.rows ?? []).entries()) {
      for (const [column, cell] of (row ?? []).entries()) {
        if (cell?.formula === undefined || !cell.formula.includes("0.000000001")) continue;
        setCell(snapshot, "Teilbeträge", `${String.fromCharCode(64 + column)}${rowIndex}`, {
          value: null,
          formula: cell.formula.replace(/0\.000000001/g, "1E-009").replace(/IF\(/g, "if( "),
        });
        changed++;
      }
    }
    expect(changed).toBeGreaterThan(0);
    expect(formulaFindings(validateCostModel(snapshot).issues)).toEqual([]);
  });

  it("tells a reference to another sheet's row from a row's reference to itself (one town: every pair row names its own part row)", () => {
    const module = findTemplate("kostenverteilung");
    const snapshot = planToSnapshot(module!.plan({ language: "de", towns: ["Bockau"] }).plan, "eine.xlsx");
    const pairs = snapshot.sheets.find((s) => s.name === "Verteilung");
    let respelled = 0;
    for (const row of pairs?.rows ?? []) {
      for (const cell of row ?? []) {
        if (cell?.formula?.includes("'Teilbeträge'!") !== true) continue;
        // as LibreOffice writes it, with a space that keeps the quick text comparison out
        (cell as { formula: string }).formula = ` ${cell.formula.replace(/'Teilbeträge'!/g, "Teilbeträge!")}`;
        respelled++;
      }
    }
    expect(respelled).toBeGreaterThan(10);
    expect(formulaFindings(validateCostModel(snapshot).issues)).toEqual([]);
  });

  it("names a share of the annex typed over by hand, and allocate's cell is that cell", () => {
    const snapshot = demoCostModel();
    const cell = resultCell(1, 2);
    setCell(snapshot, "Ergebnis", cell, { value: 1234.56 });
    const report = validateCostModel(snapshot);
    expect(formulaFindings(report.issues)).toEqual([["formula.replaced", "Ergebnis", cell, "error"]]);
    expect(report.valid).toBe(false);
  });

  it("names a town slot's reference moved to another row (rows inserted or deleted on the towns sheet)", () => {
    const snapshot = demoCostModel();
    const sheet = snapshot.sheets.find((s) => s.name === "Verteilung");
    const row = sheet?.rows.findIndex((r) => r?.some((c) => c?.formula?.includes("Kommunen!$")));
    expect(row).toBeGreaterThan(0);
    const column = sheet?.rows[row ?? 0]?.findIndex((c) => c?.formula?.includes("Kommunen!$")) ?? -1;
    const formula = formulaAt(snapshot, "Verteilung", row ?? 0, column);
    const moved = formula.replace(
      /Kommunen!\$([A-Z]+)\$(\d+)/,
      (_, letters: string, digits: string) => `Kommunen!$${letters}$${Number(digits) + 1}`,
    );
    setCell(snapshot, "Verteilung", `${String.fromCharCode(64 + column)}${row}`, { value: null, formula: moved });
    const report = validateCostModel(snapshot);
    const finding = report.issues.find((i) => i.code === "formula.shifted");
    expect(finding).toMatchObject({ sheet: "Verteilung", severity: "error" });
    expect(finding?.message).toContain("Kommunen");
  });

  it("refuses a task typed below the rows the formulas cover, naming its row", () => {
    const snapshot = demoCatalogue();
    const tasks = snapshot.sheets.find((s) => s.name === "Aufgaben");
    const last = (tasks?.rows.length ?? 0) - 1;
    setCell(snapshot, "Aufgaben", `A${last + 40}`, { value: "11.10.01" });
    setCell(snapshot, "Aufgaben", `B${last + 40}`, { value: "Friedhof" });
    const report = validateCatalogue(snapshot);
    const finding = report.issues.find((i) => i.code === "rows.beyondCapacity");
    expect(finding).toMatchObject({ severity: "error", sheet: "Aufgaben", cell: `A${last + 40}` });
    expect(finding?.message).toContain(`Ab Zeile ${last + 40}`);
    expect(finding?.message).toContain(`(bis Zeile ${last})`);
    expect(report.valid).toBe(false);
  });

  it("reports a formula in an input cell without a stored result as an error at that cell, never as 0", () => {
    const snapshot = demoCatalogue();
    setCell(snapshot, "Aufgaben", "E5", { value: null, formula: "2+3" });
    const report = validateCatalogue(snapshot);
    expect(report.issues.find((i) => i.cell === "E5")).toMatchObject({
      code: "cell.formulaWithoutResult",
      severity: "error",
    });
    expect(report.valid).toBe(false);
  });

  it("checks a workbook without recorded row counts without a plan: missing formulas and #REF! still count", () => {
    const snapshot = demoCatalogue();
    const meta = snapshot.sheets.find((s) => s.name.startsWith("_ikz"));
    const layoutRow = meta?.rows.findIndex((r) => r?.[1]?.value === "layout") ?? -1;
    if (meta) meta.rows[layoutRow] = [];
    setCell(snapshot, "Aufgaben", "O6", { value: 99 });
    setCell(snapshot, "Aufgaben", "O7", { value: null, formula: "#REF!*2" });
    expect(formulaFindings(validateCatalogue(snapshot).issues)).toEqual([
      ["formula.replaced", "Aufgaben", "O6", "error"],
      ["formula.broken", "Aufgaben", "O7", "error"],
    ]);
  });

  it("sums up a sheet's findings past the first 25 in one", () => {
    // 40 task rows with figures: the town's demo figures over the whole framework
    const products = productLeaves().map((p) => ({ code: p.code, name: p.name }));
    const snapshot = planToSnapshot(
      planTaskCatalogue({ language: "de", town: "Bockau", demo: true, products }).plan,
      "bockau.xlsx",
    );
    for (let row = 5; row < 45; row++) setCell(snapshot, "Aufgaben", `O${row}`, { value: 1 });
    const findings = validateCatalogue(snapshot).issues.filter((i) => i.code.startsWith("formula."));
    expect(findings.filter((i) => i.code === "formula.replaced")).toHaveLength(25);
    expect(findings.find((i) => i.code === "formula.more")?.message).toContain("15 weitere");
  });
});
