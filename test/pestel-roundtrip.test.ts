/**
 * Template „PESTEL-Matrix“ through the exceljs writer and reader: any long form the writer makes
 * (random themes, ratings, measure lists, owners that look like formulas, dates; either language)
 * is read back to the same typed themes; the blank template and the demo are accepted; the
 * matrix's colour scales and the measures' suggestion list are in the file, from both engines.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { INNER_ELEMENTS, PESTEL_FACTORS } from "../lib/pestel/model.js";
import { planWorkbook, type RowValues } from "../lib/plan/planWorkbook.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { GENERATOR_VERSION } from "../lib/version.js";
import { MEASURES } from "../templates/reference/measures.js";
import { extractPestel, checkPestel } from "../templates/pestel/checks.js";
import { planPestel } from "../templates/pestel/plan.js";
import { SHEET, pestelSpec } from "../templates/pestel/spec.js";
import { ELEMENT_LABELS, FACTOR_LABELS } from "../templates/pestel/terms.js";
import { planToSnapshot } from "../lib/testing/planToSnapshot.js";

async function readBack(bytes: Uint8Array, language: Language, file = "runde.xlsx") {
  const snapshot = await readSnapshotFromXlsx(bytes, file);
  return validateWorkbook(pestelSpec, snapshot, { language, check: checkPestel });
}

const rowArbitrary = (language: Language): fc.Arbitrary<RowValues> =>
  fc.record({
    factor: fc.constantFrom(...PESTEL_FACTORS).map((f) => FACTOR_LABELS[f][language]),
    element: fc.constantFrom(...INNER_ELEMENTS).map((e) => ELEMENT_LABELS[e][language]),
    theme: fc.constantFrom("Server", '=HYPERLINK("x")', "-Sonderfall", "Ältere Einwohner", "11.01", "@Bürgerbüro"),
    impact: fc.option(fc.constantFrom(0, 1, 2, 3), { nil: undefined }),
    room: fc.option(fc.constantFrom(0, 1, 2, 3), { nil: undefined }),
    measures: fc.option(
      fc
        .uniqueArray(fc.constantFrom(...MEASURES.map((m) => m.id)), { minLength: 1, maxLength: 3 })
        .map((ids) => ids.join(", ")),
      { nil: undefined },
    ),
    owner: fc.option(fc.constantFrom("Hauptamt", "+49 3771 123", "=cmd|' /C calc'!A0"), { nil: undefined }),
    reviewDate: fc.option(
      fc.integer({ min: 0, max: 1000 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d))),
      { nil: undefined },
    ),
  });

describe("pestel through the exceljs writer and reader", () => {
  it("reads back any written long form to the same themes as the plan itself", async () => {
    const formArbitrary = fc
      .constantFrom<Language>("de", "en")
      .chain((language) =>
        fc.tuple(
          fc.constant(language),
          fc.array(rowArbitrary(language), { maxLength: 25 }),
          fc.integer({ min: 1, max: 9 }),
        ),
      );
    await fc.assert(
      fc.asyncProperty(formArbitrary, async ([language, rows, threshold]) => {
        const { plan } = planWorkbook(pestelSpec, {
          language,
          generatorVersion: GENERATOR_VERSION,
          tableRows: { [SHEET.themes]: rows },
          formValues: { [SHEET.town]: { name: "Bockau", threshold } },
        });
        const report = await readBack(await writePlanToBuffer(plan), language);
        expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
        const read = extractPestel(report.workbook!);
        const direct = extractPestel(
          validateWorkbook(pestelSpec, planToSnapshot(plan, "runde.xlsx"), { language }).workbook!,
        );
        expect(read).toEqual({ ...direct, columns: read.columns });
        expect(read.themes).toHaveLength(rows.length);
        expect(read.threshold).toBe(threshold);
      }),
      { numRuns: 12 },
    );
  });

  it("accepts the blank template and the demo in both languages after a round trip", async () => {
    for (const language of ["de", "en"] as const) {
      for (const demo of [false, true]) {
        const { plan } = planPestel({ language, town: "Zschorlau", demo });
        const report = await readBack(await writePlanToBuffer(plan), language);
        expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
        expect(extractPestel(report.workbook!).themes.length > 0).toBe(demo);
      }
    }
  });

  it.each(["stream", "memory"] as const)(
    "writes the heat map and the measures' suggestion list (%s engine)",
    async (engine) => {
      const { plan } = planPestel({ language: "de", town: "Bockau", demo: true });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await writePlanToBuffer(plan, { engine })) as unknown as ArrayBuffer);
      const matrix = book.getWorksheet("Matrix") as unknown as {
        conditionalFormattings: {
          ref: string;
          rules: { type: string; cfvo?: unknown[]; color?: { argb?: string }[] }[];
        }[];
      };
      const scales = matrix.conditionalFormattings.filter((cf) => cf.rules.some((r) => r.type === "colorScale"));
      expect(scales.map((cf) => cf.ref)).toEqual(["C7:C13", "F7:F13", "I7:I13", "L7:L13"]);
      expect(scales[0]?.rules[0]).toMatchObject({
        cfvo: [
          { type: "num", value: 0 },
          { type: "num", value: 4 },
          { type: "num", value: 9 },
        ],
        color: [{ argb: "FFFFFFFF" }, { argb: "FFFFEB84" }, { argb: "FFF8696B" }],
      });
      const themes = book.getWorksheet("Themen") as unknown as {
        dataValidations: { model: Record<string, { type: string; errorStyle?: string; formulae: string[] }> };
      };
      const measures = Object.entries(themes.dataValidations.model).find(([range]) => range.startsWith("I5"));
      expect(measures?.[1]).toMatchObject({
        type: "list",
        errorStyle: "warning",
        formulae: ["'Maßnahmen'!$A$5:$A$26"],
        // a suggestion, not a rule: Excel's warning says how to name several measures
        error: "Maßnahmen (Nr.): Nummer aus dem Blatt „Maßnahmen“, z. B. 2.1; mehrere mit Komma trennen: 2.1, 4.2",
      });
    },
  );
});
