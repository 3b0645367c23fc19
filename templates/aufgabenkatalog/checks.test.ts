import { describe, expect, it } from "vitest";
import { validateWorkbook } from "../../lib/validation/validateWorkbook.js";
import { planToSnapshot, setCell } from "../../lib/testing/planToSnapshot.js";
import { swapColumns } from "../../lib/testing/swapColumns.js";
import { planTaskCatalogue } from "./plan.js";
import { taskCatalogueSpec } from "./spec.js";
import { checkTaskCatalogue, computePriorities, extractTaskCatalogue } from "./checks.js";

const validate = (snapshot: ReturnType<typeof planToSnapshot>, language: "de" | "en" = "de") =>
  validateWorkbook(taskCatalogueSpec, snapshot, { language, check: checkTaskCatalogue });

describe("task catalogue: plan → snapshot → validation → priorities", () => {
  it("accepts a freshly planned blank catalogue without findings", () => {
    const report = validate(planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau" }).plan));
    expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("accepts a blank catalogue without a town name, warning that the name is missing", () => {
    const report = validate(planToSnapshot(planTaskCatalogue({ language: "de" }).plan, "vorlage.xlsx"));
    expect(report.valid).toBe(true);
    expect(report.issues.filter((i) => i.severity !== "info").map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["town.nameMissing", "Kommune", "B4"],
    ]);
    expect(extractTaskCatalogue(report.workbook!).town).toBe("vorlage");
  });

  it("accepts a demo catalogue in both languages and computes priorities for every task", () => {
    for (const language of ["de", "en"] as const) {
      const { plan } = planTaskCatalogue({ language, town: "Zschorlau", demo: true });
      const report = validate(planToSnapshot(plan), language);
      expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
      const catalogue = extractTaskCatalogue(report.workbook!);
      expect(catalogue.town).toBe("Zschorlau");
      const priorities = computePriorities(catalogue);
      // the tasks of a small Gemeinde (see demo.ts), not the whole framework
      expect(priorities.tasks.length).toBeGreaterThanOrEqual(20);
      expect(priorities.tasks[0]?.cell).toMatch(language === "de" ? /^Aufgaben!O5$/ : /^Tasks!O5$/);
      expect(priorities.tasks.some((t) => t.class === "A")).toBe(true);
    }
  });

  it("reads a German workbook with English messages (sheets and lists match in either language)", () => {
    const report = validate(
      planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan),
      "en",
    );
    expect(report.valid).toBe(true);
  });

  it("names sheet, cell, expected and found value for bad numbers", () => {
    const snapshot = planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan);
    setCell(snapshot, "Aufgaben", "E5", { value: "1,5" });
    setCell(snapshot, "Aufgaben", "F6", { value: "viele" });
    setCell(snapshot, "Aufgaben", "I7", { value: "30 %" });
    setCell(snapshot, "Aufgaben", "J8", { value: 4 });
    setCell(snapshot, "Aufgaben", "E9", { value: 0.125 });
    const report = validate(snapshot);
    const byCell = new Map(report.issues.map((i) => [i.cell, i]));
    expect(byCell.get("E5")).toMatchObject({
      code: "cell.numberAsText",
      sheet: "Aufgaben",
      received: "„1,5“ (Text)",
      severity: "error",
    });
    expect(byCell.get("E5")?.expected).toContain("Zahl ab 0");
    expect(byCell.get("F6")).toMatchObject({ code: "cell.notANumber", received: "„viele“ (Text)" });
    expect(byCell.get("I7")).toMatchObject({ code: "cell.percentAsText" });
    expect(byCell.get("J8")).toMatchObject({
      code: "cell.outOfRange",
      expected: "ganze Zahl von 0 bis 3",
      received: "4 (Zahl)",
    });
    expect(byCell.get("E9")).toMatchObject({ code: "cell.tooManyDecimals" });
    expect(report.valid).toBe(false);
  });

  it("flags duplicate, malformed and unknown product codes", () => {
    const snapshot = planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau" }).plan);
    const first = snapshot.sheets.find((s) => s.name === "Aufgaben")?.rows[5]?.[1]?.value;
    setCell(snapshot, "Aufgaben", "A6", { value: first as string });
    setCell(snapshot, "Aufgaben", "A7", { value: "11-a" });
    setCell(snapshot, "Aufgaben", "A8", { value: "999999" });
    const report = validate(snapshot);
    expect(report.issues.find((i) => i.cell === "A6")).toMatchObject({ code: "task.duplicateCode", severity: "error" });
    expect(report.issues.find((i) => i.cell === "A6")?.message).toContain("Aufgaben!A5");
    expect(report.issues.find((i) => i.cell === "A7")).toMatchObject({ code: "task.invalidCode", severity: "error" });
    expect(report.issues.find((i) => i.cell === "A8")).toMatchObject({ code: "task.unknownCode", severity: "warning" });
  });

  it("reports missing and renamed headers at their cell, and reads moved columns by header", () => {
    const snapshot = planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan);
    setCell(snapshot, "Aufgaben", "E4", { value: "Personal" });
    const report = validate(snapshot);
    expect(report.issues.find((i) => i.code === "header.missing")).toMatchObject({
      cell: "E4",
      received: "Personal",
      expected: "VZÄ",
    });

    const swapped = planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan);
    // moved as Excel moves columns: the cells, and every reference to them
    swapColumns(swapped, "Aufgaben", 9, 10);
    const moved = validate(swapped);
    expect(moved.valid).toBe(true);
    expect(moved.issues.filter((i) => i.code === "header.moved").map((i) => i.cell)).toEqual(["I4", "J4"]);
  });

  it("skips blank rows in the middle and requires a code in rows that hold data", () => {
    const snapshot = planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan);
    const tasks = snapshot.sheets.find((s) => s.name === "Aufgaben")!;
    tasks.rows[8] = [];
    setCell(snapshot, "Aufgaben", "A10", undefined);
    const report = validate(snapshot);
    expect(report.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell])).toEqual([
      ["cell.required", "A10"],
    ]);
  });

  it("refuses all-zero weights and thresholds out of order", () => {
    const snapshot = planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau" }).plan);
    for (let row = 5; row <= 12; row++) setCell(snapshot, "Kriterien", `C${row}`, { value: 0 });
    setCell(snapshot, "Kommune", "B9", { value: 20 });
    const report = validate(snapshot);
    expect(report.issues.find((i) => i.code === "criteria.allWeightsZero")).toMatchObject({
      sheet: "Kriterien",
      cell: "C5:C12",
    });
    expect(report.issues.find((i) => i.code === "settings.thresholdOrder")).toMatchObject({
      sheet: "Kommune",
      cell: "B9",
    });
  });

  it.each([
    ["A", "B9", 0.66, "66"],
    ["B", "B10", 0.33, "33"],
  ] as const)(
    "refuses a class %s threshold typed as a percentage („66 %%“ is stored as 0.66), naming the cell",
    (_, cell, value, points) => {
      const snapshot = planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan);
      setCell(snapshot, "Kommune", cell, { value });
      const report = validate(snapshot);
      expect(report.valid).toBe(false);
      const errors = report.issues.filter((i) => i.severity === "error");
      expect(errors.map((i) => [i.code, i.sheet, i.cell])).toEqual([["settings.thresholdAsPercent", "Kommune", cell]]);
      expect(errors[0]).toMatchObject({ received: `„${points} %“` });
      expect(errors[0]?.expected).toContain("Zahl von 0 bis 100");
      expect(errors[0]?.message).toContain(`bitte ${points} ohne Prozentzeichen eingeben`);
      const english = validate(snapshot, "en").issues.find((i) => i.code === "settings.thresholdAsPercent");
      expect(english?.message).toContain(`please type ${points} without a percent sign`);
    },
  );

  it("accepts the thresholds 0 and 1 (points), which no percentage turns into a fraction", () => {
    const snapshot = planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan);
    setCell(snapshot, "Kommune", "B9", { value: 1 });
    setCell(snapshot, "Kommune", "B10", { value: 0 });
    expect(validate(snapshot).valid).toBe(true);
  });

  it("plans the sheet's own checks: the summary line, the weights' line and the thresholds' checks in place of their hints", () => {
    const { plan } = planTaskCatalogue({ language: "de", town: "Bockau" });
    const cell = (sheet: string, row: number, column: number) =>
      [...plan.sheets.find((s) => s.name === sheet)!.rows()]
        .find((r) => r.row === row)
        ?.cells.find((c) => c.column === column);
    expect(cell("Aufgaben", 3, 1)?.formula).toContain("Alle Prüfungen bestanden");
    expect(cell("Kriterien", 3, 1)?.formula).toContain("Gewichte in Ordnung");
    expect(cell("Kommune", 9, 3)?.formula).toContain("Aufgaben mit mindestens so vielen Punkten sind Klasse A");
    expect(cell("Kommune", 10, 3)?.formula).toContain("$B$10*100");
    const tasks = plan.sheets.find((s) => s.name === "Aufgaben")!;
    const rows = [...tasks.rows()].map((r) => r.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows.length).toBe(tasks.rowCount);
  });

  it("keeps each row's formulas short: a 50,000-row catalogue must stay within the reader's size limit", () => {
    // the checks run over ranges (COUNTA(E5:M5)>COUNT(E5:M5), MIN(E5:M5)<0, …), not per cell with a
    // reason each: that was 3,700 characters a row and a 50,000-row file past 256 MB unpacked;
    // 1,275 since the score, rank and class stay empty on a row not rated yet (issue 12)
    for (const language of ["de", "en"] as const) {
      const tasks = planTaskCatalogue({ language }).plan.sheets.find((s) => s.key === "tasks")!;
      const row = [...tasks.rows()].find((r) => r.row === 5)!;
      const length = row.cells.reduce((sum, c) => sum + (c.formula?.length ?? 0), 0);
      expect(length, language).toBeLessThanOrEqual(1275);
    }
  });

  it("refuses a computed cell overwritten with a value: the sheet would show another score than the tool", () => {
    const snapshot = planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan);
    setCell(snapshot, "Aufgaben", "O6", { value: 99 });
    const report = validate(snapshot);
    expect(report.issues.find((i) => i.cell === "O6")).toMatchObject({ code: "formula.replaced", severity: "error" });
    expect(report.valid).toBe(false);
  });

  it("recognises another template's workbook as wrong, and a foreign workbook as unusable", () => {
    const snapshot = planToSnapshot(planTaskCatalogue({ language: "de" }).plan);
    setCell(snapshot, "_ikz_aufgabenkatalog", "B1", { value: "pestel" });
    const wrong = validate(snapshot);
    expect(wrong.usable).toBe(false);
    expect(wrong.issues[0]).toMatchObject({
      code: "workbook.wrongTemplate",
      expected: "aufgabenkatalog",
      received: "pestel",
    });

    const foreign = validate({
      fileName: "fremd.xlsx",
      sheets: [{ name: "Tabelle1", state: "visible", rows: [], merges: [] }],
    });
    expect(foreign.usable).toBe(false);
    expect(foreign.issues[0]).toMatchObject({ code: "workbook.notIkz", file: "fremd.xlsx" });
  });

  it("writes English messages on request", () => {
    const snapshot = planToSnapshot(planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan);
    setCell(snapshot, "Aufgaben", "E5", { value: "1,5" });
    const report = validate(snapshot, "en");
    expect(report.issues.find((i) => i.cell === "E5")).toMatchObject({ received: "“1,5” (text)" });
    expect(report.issues.find((i) => i.cell === "E5")?.message).toContain("number stored as text");
  });
});
