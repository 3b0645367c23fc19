/**
 * Workbooks explain themselves (issue 12, point 6): every template opens with its „So geht’s“
 * sheet, whose lists of inputs and results come from the spec; and no header breaks inside a
 * word — in every sheet of every template, both languages, blank and demo; the workplace profile
 * names its towns above their columns and in findings.
 */
import { describe, expect, it } from "vitest";
import { columnLetter } from "../lib/cells/address.js";
import { minimumHeaderWidth } from "../lib/plan/headerWidths.js";
import { GUIDE_SHEET_KEY, guideInputs } from "../lib/plan/planGuideSheet.js";
import type { SheetPlan } from "../lib/plan/WorkbookPlan.js";
import { LANGUAGES, type Language } from "../lib/spec/TemplateSpec.js";
import { formatIssue } from "../lib/validation/ValidationIssue.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { SHEET, statusColumn } from "../templates/arbeitsplatzprofil/layout.js";
import { TEMPLATES } from "../templates/registry.js";
import { planToSnapshot, setCell } from "../lib/testing/planToSnapshot.js";

const CASES = TEMPLATES.flatMap((module) =>
  LANGUAGES.flatMap((language) =>
    [false, true].map((demo) => ({ id: module.spec.id, language, demo, module }) as const),
  ),
);

/** Header cells of a sheet outside merged ranges, with their column's width. */
function headerCells(sheet: SheetPlan): { cell: string; text: string; width: number }[] {
  const merged = new Set(sheet.merges.map((range) => range.split(":")[0]));
  const cells: { cell: string; text: string; width: number }[] = [];
  for (const row of sheet.rows()) {
    for (const cell of row.cells) {
      if (cell.style !== "header" || typeof cell.value !== "string") continue;
      const address = `${columnLetter(cell.column)}${row.row}`;
      if (merged.has(address)) continue;
      cells.push({ cell: address, text: cell.value, width: sheet.columnWidths[cell.column - 1] ?? 8.43 });
    }
  }
  return cells;
}

describe("headers wrap between words only", () => {
  it("a word as long as „Handlungsbedarf“ needs more than the 14 characters of a rating column", () => {
    expect(minimumHeaderWidth("Handlungsbedarf (0–3)")).toBeGreaterThan(14);
    expect(minimumHeaderWidth("Muss-Lücke 1")).toBeLessThan(minimumHeaderWidth("MussLücke 1"));
    // a range in brackets stays on the line of the word before it („Bedeutung (0–“ „3)“ is a break too)
    expect(minimumHeaderWidth("Strategische Bedeutung (0–3)")).toBeGreaterThan(minimumHeaderWidth("Bedeutung"));
  });

  it.each(CASES.map((c) => [c.id, c.language, c.demo ? "demo" : "blank", c] as const))(
    "%s (%s, %s): every header column is as wide as its longest word",
    (_id, _language, _kind, { module, language, demo }) => {
      const { plan } = module.plan({ language, demo });
      const narrow = plan.sheets.flatMap((sheet) =>
        headerCells(sheet)
          .filter(({ text, width }) => width < minimumHeaderWidth(text))
          .map(({ cell, text, width }) => `${sheet.name}!${cell} „${text}“ (${width})`),
      );
      expect(narrow).toEqual([]);
    },
  );
});

describe("the „So geht’s“ sheet", () => {
  const guideName = (language: Language) =>
    TEMPLATES.map((module) => module.spec.sheets.find((s) => s.key === GUIDE_SHEET_KEY)?.name[language]);

  it("every template has one, first, under a name of its own (≤ 31 characters, case ignored)", () => {
    for (const module of TEMPLATES) expect(module.spec.sheets[0]?.key, module.spec.id).toBe(GUIDE_SHEET_KEY);
    for (const language of LANGUAGES) {
      const names = guideName(language).map((name) => name?.toLowerCase() ?? "");
      expect(new Set(names).size).toBe(TEMPLATES.length);
      for (const name of names) {
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(31);
      }
    }
  });

  it.each(CASES.filter((c) => !c.demo).map((c) => [c.id, c.language, c] as const))(
    "%s (%s): is the first visible sheet, names every input column of the spec, holds no formula",
    (_id, _language, { module, language }) => {
      const { plan } = module.plan({ language });
      const first = plan.sheets.find((sheet) => sheet.state === "visible");
      expect(first?.key).toBe(GUIDE_SHEET_KEY);
      const cells = [...(first?.rows() ?? [])].flatMap((row) => row.cells);
      expect(cells.some((cell) => cell.formula !== undefined)).toBe(false);
      const text = cells.map((cell) => String(cell.value ?? "")).join("\n");
      const inputs = guideInputs(module.spec, language);
      expect(inputs.length).toBeGreaterThan(0);
      for (const line of inputs) expect(text).toContain(line);
      for (const sheet of module.spec.sheets)
        if (sheet.kind === "table" || sheet.kind === "form")
          for (const column of sheet.kind === "table" ? sheet.columns : sheet.fields)
            if (column.kind === "input" && column.fixed !== true)
              expect(text, column.key).toContain(column.label[language].replace(/\s+/g, " "));
      expect(first?.print.landscape).toBe(false);
    },
  );
});

describe("the workplace profile names its towns", () => {
  it.each(LANGUAGES)("(%s) a finding about a status cell says the town, not „Status 2“", (language) => {
    const module = TEMPLATES.find((m) => m.spec.id === "arbeitsplatzprofil")!;
    const { plan, layout } = module.plan({ language, towns: ["Zschorlau", "Bockau"] });
    const place = layout.sheets.get(SHEET.requirements)!;
    const snapshot = planToSnapshot(plan, "profil.xlsx");
    const cell = `${columnLetter(place.columns.get(statusColumn(2))!)}${place.firstDataRow}`;
    setCell(snapshot, place.name, cell, { value: "vielleicht" });
    const report = validateWorkbook(module.spec, snapshot, { language, check: module.check });
    const finding = report.issues.find((issue) => issue.cell === cell);
    expect(finding, JSON.stringify(report.issues.slice(0, 5))).toBeDefined();
    const text = formatIssue(finding!, language);
    expect(text).toContain("Status Bockau");
    expect(text).not.toContain("Status 2");
  });

  it("prints the towns' names above their columns on every page", () => {
    const module = TEMPLATES.find((m) => m.spec.id === "arbeitsplatzprofil")!;
    const { plan, layout } = module.plan({ language: "de", towns: ["Zschorlau", "Bockau"] });
    const place = layout.sheets.get(SHEET.requirements)!;
    const sheet = plan.sheets.find((s) => s.key === SHEET.requirements)!;
    expect(sheet.print.titleRows).toBe(`${place.headerRow - 1}:${place.headerRow}`);
    const names = [...sheet.rows()].find((row) => row.row === place.headerRow - 1)!;
    expect(names.cells[0]?.formula).toContain("Angaben!");
  });
});
