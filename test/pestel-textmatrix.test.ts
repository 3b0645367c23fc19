/**
 * The PESTEL text matrix (templates/pestel/textMatrix.ts, formulas/textMatrix.ts) and the starter
 * themes: the lines' words (singular, hot spots, untitled, „… und n weitere“), the printed sheet's
 * layout (landscape, print area, wrapped fields with room to write, hot-spot colour), the blank
 * matrix without a number in it, and starter themes that cover every field unrated and validate.
 * LibreOffice's agreement with the library is in test/parity-pestel.test.ts.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { runCli } from "../cli/ikz.js";
import { INNER_ELEMENTS, PESTEL_FACTORS, type PestelTheme } from "../lib/pestel/model.js";
import { planResults } from "../lib/formulas/planResults.js";
import type { SheetPlan } from "../lib/plan/WorkbookPlan.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { checkPestel, extractPestel } from "../templates/pestel/checks.js";
import { planPestel } from "../templates/pestel/plan.js";
import { SHEET, pestelSpec } from "../templates/pestel/spec.js";
import { STARTER_THEMES } from "../templates/pestel/starterThemes.js";
import { FIELD_HOT_TEXT, TEXT_MATRIX_SLOTS, excelTrim, textMatrix, themeLine } from "../templates/pestel/textMatrix.js";
import { FIELD_LINES_SHEET_NAME, textMatrixAddress } from "../templates/pestel/formulas/textMatrix.js";
import { parseCellAddress } from "../lib/cells/address.js";
import { planToSnapshot } from "../lib/testing/planToSnapshot.js";

const theme = (partial: Partial<PestelTheme>): PestelTheme => ({
  factor: "technological",
  element: "resources",
  theme: "Rechenzentrum",
  impact: null,
  room: null,
  actionField: null,
  measures: [],
  owner: null,
  reviewDate: null,
  row: 5,
  ...partial,
});

function sheetOf(plan: { sheets: readonly SheetPlan[] }, key: string): SheetPlan {
  const sheet = plan.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`no sheet ${key}`);
  return sheet;
}

describe("text matrix: lines", () => {
  it("names hot spots in words, the score with its unit in singular and plural, and untitled themes", () => {
    expect(themeLine(theme({ impact: 3, room: 3 }), 6, true, "de")).toBe("– Brennpunkt: Rechenzentrum (9 Punkte)");
    expect(themeLine(theme({ impact: 1, room: 1 }), 6, true, "de")).toBe("– Rechenzentrum (1 Punkt)");
    expect(themeLine(theme({ impact: 1, room: 1 }), 6, true, "en")).toBe("– Rechenzentrum (1 point)");
    expect(themeLine(theme({ impact: 0, room: 2 }), 6, true, "en")).toBe("– Rechenzentrum (0 points)");
    expect(themeLine(theme({ impact: 3 }), 6, true, "de")).toBe("– Rechenzentrum");
    expect(themeLine(theme({ theme: "", impact: 2, room: 2 }), 4, true, "en")).toBe(
      "– Hot spot: (no title) (4 points)",
    );
    // no hot spot while the typed threshold cannot be used
    expect(themeLine(theme({ impact: 3, room: 3 }), 6, false, "de")).toBe("– Rechenzentrum (9 Punkte)");
    expect(excelTrim("  a   b ")).toBe("a b");
  });

  it("lists a field's themes in row order, at most the slots, then counts the rest", () => {
    const many = Array.from({ length: TEXT_MATRIX_SLOTS + 3 }, (_, i) =>
      theme({ theme: `T${i + 1}`, row: 100 - i, impact: 3, room: i === 0 ? 3 : 1 }),
    );
    const fields = textMatrix([...many, theme({ factor: "legal", element: "staff", theme: "Vergabe" })], 6, true, "de");
    expect(fields).toHaveLength(PESTEL_FACTORS.length * INNER_ELEMENTS.length);
    const field = fields.find((f) => f.factor === "technological" && f.element === "resources");
    const lines = field?.text.split("\n") ?? [];
    expect(lines).toHaveLength(TEXT_MATRIX_SLOTS + 1);
    expect(lines[0]).toBe(`– T${TEXT_MATRIX_SLOTS + 3} (3 Punkte)`);
    expect(lines.at(-1)).toBe("… und 3 weitere Themen (Blatt „Themen“)");
    expect(field?.marker).toBe(FIELD_HOT_TEXT.de);
    expect(fields.find((f) => f.factor === "legal" && f.element === "staff")).toMatchObject({
      text: "– Vergabe",
      marker: "",
    });
    const one = textMatrix(many.slice(0, TEXT_MATRIX_SLOTS + 1), 6, true, "en");
    expect(
      one
        .find((f) => f.text !== "")
        ?.text.split("\n")
        .at(-1),
    ).toBe("… and 1 more theme (sheet “Themes”)");
    expect(textMatrix(many, 6, false, "de").find((f) => f.text !== "")?.marker).toMatch(/^✗ /);
  });
});

describe("text matrix: the printed sheet", () => {
  for (const language of ["de", "en"] as const) {
    it(`${language}: prints landscape, one page wide, only the matrix, with the fields wrapped, bordered and tall`, () => {
      const { plan } = planPestel({ language });
      const names = plan.sheets.map((s) => s.key);
      // next to the heat map; its working sheet hidden
      expect(names.indexOf(SHEET.textMatrix)).toBe(names.indexOf(SHEET.matrix) + 1);
      const lines = sheetOf(plan, SHEET.fieldLines);
      expect(lines.state).toBe("hidden");
      expect(lines.name).toBe(FIELD_LINES_SHEET_NAME[language]);
      const sheet = sheetOf(plan, SHEET.textMatrix);
      expect(sheet.state).toBe("visible");
      expect(sheet.print).toMatchObject({ landscape: true, area: "A1:E18", titleRows: "4:4" });
      expect(sheet.print.footer?.right).toMatch(/\{page\}.*\{pages\}/);
      const rows = new Map([...sheet.rows()].map((r) => [r.row, r]));
      PESTEL_FACTORS.forEach((_, f) =>
        INNER_ELEMENTS.forEach((__, e) => {
          const { row, column } = parseCellAddress(textMatrixAddress(f, e, "themes"));
          const cell = rows.get(row)?.cells.find((c) => c.column === column);
          expect(cell).toMatchObject({ style: "computed", wrap: true });
          expect(rows.get(row)?.height).toBeGreaterThanOrEqual(80);
          const marker = parseCellAddress(textMatrixAddress(f, e, "marker"));
          expect(
            sheet.highlights.some((h) => h.equals === FIELD_HOT_TEXT[language] && h.range.includes(`${marker.row}`)),
          ).toBe(true);
        }),
      );
    });
  }

  it("the blank matrix shows no number, no error and no text in its fields: empty, ready to fill by hand", () => {
    const { plan } = planPestel({ language: "de" });
    const results = planResults(plan);
    const index = plan.sheets.findIndex((s) => s.key === SHEET.textMatrix);
    PESTEL_FACTORS.forEach((_, f) =>
      INNER_ELEMENTS.forEach((__, e) => {
        for (const part of ["themes", "marker"] as const) {
          const { row, column } = parseCellAddress(textMatrixAddress(f, e, part));
          expect(results.resultAt(index, row, column), `${part} ${f}/${e}`).toBe("");
        }
      }),
    );
  });

  it("the stored results are the library's for the demo (German and English)", () => {
    for (const language of ["de", "en"] as const) {
      const { plan } = planPestel({ language, demo: true });
      const report = validateWorkbook(pestelSpec, planToSnapshot(plan), { language, check: checkPestel });
      const workbook = extractPestel(report.workbook!);
      const results = planResults(plan);
      const index = plan.sheets.findIndex((s) => s.key === SHEET.textMatrix);
      const fields = textMatrix(workbook.themes, workbook.threshold, workbook.thresholdUsable, language);
      expect(fields.some((field) => field.marker === FIELD_HOT_TEXT[language])).toBe(true);
      fields.forEach((field) => {
        const f = PESTEL_FACTORS.indexOf(field.factor);
        const e = INNER_ELEMENTS.indexOf(field.element);
        const text = parseCellAddress(textMatrixAddress(f, e, "themes"));
        const marker = parseCellAddress(textMatrixAddress(f, e, "marker"));
        expect(results.resultAt(index, text.row, text.column)).toBe(field.text);
        expect(results.resultAt(index, marker.row, marker.column)).toBe(field.marker);
      });
    }
  });
});

describe("starter themes", () => {
  it("cover every field of the matrix, in both languages, and carry no rating", () => {
    for (const factor of PESTEL_FACTORS)
      for (const element of INNER_ELEMENTS)
        expect(
          STARTER_THEMES.some((t) => t.factor === factor && t.element === element),
          `${factor} × ${element}`,
        ).toBe(true);
    for (const t of STARTER_THEMES) {
      expect(t.text.de.length).toBeGreaterThan(10);
      expect(t.text.en.length).toBeGreaterThan(10);
    }
    expect(new Set(STARTER_THEMES.map((t) => t.text.de)).size).toBe(STARTER_THEMES.length);
  });

  it("fill the long form unrated; the workbook validates and its text matrix lists them", () => {
    for (const language of ["de", "en"] as const) {
      const { plan } = planPestel({ language, town: "Bockau", starter: true });
      const report = validateWorkbook(pestelSpec, planToSnapshot(plan), { language, check: checkPestel });
      expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
      const workbook = extractPestel(report.workbook!);
      expect(workbook.themes.map((t) => t.theme)).toEqual(STARTER_THEMES.map((t) => t.text[language]));
      expect(workbook.themes.every((t) => t.impact === null && t.room === null)).toBe(true);
      const fields = textMatrix(workbook.themes, workbook.threshold, workbook.thresholdUsable, language);
      expect(fields.every((field) => field.text.startsWith("– ") && field.marker === "")).toBe(true);
    }
    // the demo brings its own themes
    const themeRows = (starter: boolean) => [
      ...sheetOf(planPestel({ language: "de", demo: true, starter }).plan, SHEET.themes).rows(),
    ];
    expect(themeRows(true)).toEqual(themeRows(false));
  });
});

describe("ikz template pestel --starter", () => {
  it("writes the starter themes; other templates refuse the option and name the one that takes it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ikz-pestel-starter-"));
    try {
      const err: string[] = [];
      const io = { stdout: () => undefined, stderr: (text: string) => void err.push(text) };
      const file = join(dir, "pestel.xlsx");
      expect(await runCli(["template", "pestel", "--starter", "--town", "Bockau", "--out", file], io)).toBe(0);
      const report = validateWorkbook(pestelSpec, await readSnapshotFromXlsx(file, "pestel.xlsx"), {
        language: "de",
        check: checkPestel,
      });
      expect(extractPestel(report.workbook!).themes.map((t) => t.theme)).toEqual(STARTER_THEMES.map((t) => t.text.de));
      const refused = join(dir, "aufgaben.xlsx");
      expect(await runCli(["template", "aufgabenkatalog", "--starter", "--out", refused], io)).toBe(2);
      expect(err.join("\n")).toMatch(/--starter.*aufgabenkatalog.*pestel/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
