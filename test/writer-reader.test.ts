/**
 * The exceljs writer and reader as a matched pair, through real .xlsx bytes: every column type
 * survives a round trip and parses back to the value written; every workbook the writer makes
 * (any town name, any product list, demo or not, either language) is read back and accepted.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { planWorkbook, type RowValues } from "../lib/plan/planWorkbook.js";
import type { ColumnSpec, ColumnType, TemplateSpec } from "../lib/spec/TemplateSpec.js";
import { readWorkbook, type ParsedTable } from "../lib/validation/readWorkbook.js";
import type { ParsedValue } from "../lib/validation/parseCell.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { planTaskCatalogue } from "../templates/aufgabenkatalog/plan.js";
import { taskCatalogueSpec } from "../templates/aufgabenkatalog/spec.js";
import { checkTaskCatalogue, extractTaskCatalogue } from "../templates/aufgabenkatalog/checks.js";

const column = (key: string, type: ColumnType, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  label: { de: `Spalte ${key}`, en: `Column ${key}` },
  type,
  kind: "input",
  width: 12,
  ...extra,
});

/** A small spec with one column of every type. */
const everyTypeSpec: TemplateSpec = {
  id: "alle-typen",
  version: "1.0.0",
  title: { de: "Alle Typen", en: "All types" },
  sheets: [
    {
      kind: "table",
      key: "data",
      name: { de: "Daten", en: "Data" },
      title: { de: "Daten", en: "Data" },
      headerRow: 3,
      rowKey: "text",
      minRows: 5,
      spareRows: 2,
      columns: [
        column("text", "text"),
        column("code", "code", { numberFormat: "@" }),
        column("integer", "integer", { numberFormat: "#,##0" }),
        column("decimal", "decimal", { numberFormat: "0.00", maxDecimals: 2 }),
        column("currency", "currency", { numberFormat: '#,##0.00 "€"', maxDecimals: 2 }),
        column("rating", "rating", { min: 0, max: 3 }),
        column("list", "list", { list: { key: "kinds" } }),
        column("date", "date", { numberFormat: "dd.mm.yyyy" }),
        column("email", "email"),
      ],
    },
    {
      kind: "reference",
      key: "lists",
      name: { de: "Listen", en: "Lists" },
      title: { de: "Listen", en: "Lists" },
      headerRow: 3,
      columns: [{ key: "kinds", list: "kinds", show: "label", label: { de: "Art", en: "Kind" }, width: 20 }],
    },
  ],
  lists: {
    kinds: {
      sheet: "lists",
      column: "kinds",
      entries: () => [
        { value: "a", label: { de: "Äpfel", en: "Apples" } },
        { value: "b", label: { de: "Birnen", en: "Pears" } },
      ],
    },
  },
};

const cases: [ColumnType, RowValues[string], ParsedValue][] = [
  ["text", "=SUMME(A1:A3) ist kein Formel", "=SUMME(A1:A3) ist kein Formel"],
  ["text", "+49 3771 1234", "+49 3771 1234"],
  ["text", "-Entwurf-", "-Entwurf-"],
  ["text", "@Hauptamt", "@Hauptamt"],
  ["text", "Schönheide – Straße „Am Markt“", "Schönheide – Straße „Am Markt“"],
  ["code", "0815", "0815"],
  ["integer", 12345, 12345],
  ["decimal", 0.75, 0.75],
  ["currency", 1234567.89, 1234567.89],
  ["rating", 3, 3],
  ["list", "Birnen", "b"],
  ["date", new Date(Date.UTC(2025, 11, 31)), new Date(Date.UTC(2025, 11, 31))],
  ["email", "hauptamt@zschorlau.de", "hauptamt@zschorlau.de"],
];

describe("round trip per column type (exceljs writer → .xlsx → reader → parser)", () => {
  it.each(cases.map(([type, written, parsed]) => [type, String(written), written, parsed] as const))(
    "%s: %s",
    async (type, _shown, written, parsed) => {
      const row: Record<string, RowValues[string]> = { text: "Zeile" };
      row[type] = written;
      const { plan } = planWorkbook(everyTypeSpec, {
        language: "de",
        generatorVersion: "test",
        tableRows: { data: [row] },
      });
      const snapshot = await readSnapshotFromXlsx(await writePlanToBuffer(plan), "typen.xlsx");
      const { workbook, issues } = readWorkbook(everyTypeSpec, snapshot, "de");
      expect(issues).toEqual([]);
      const data = workbook.sheets.get("data") as ParsedTable;
      expect(data.rows[0]?.values[type]).toEqual(parsed);
      const raw = snapshot.sheets.find((s) => s.name === "Daten")?.rows[4]?.[data.columns.get(type) ?? 0];
      expect(raw?.formula).toBeUndefined();
    },
  );
});

describe("every workbook the writer makes, the reader reads back and the validator accepts (property)", () => {
  const townName = fc.oneof(
    fc.constantFrom("Zschorlau", "Schönheide", "Stützengrün", "Bockau", '=HYPERLINK("x")', "+Neustadt", "@Amt"),
    fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
  );
  const product = fc.record({
    code: fc.integer({ min: 10, max: 99_999_999 }).map(String),
    name: fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
  });
  it("holds for random towns, product lists, languages and demo data", async () => {
    await fc.assert(
      fc.asyncProperty(
        townName,
        fc.uniqueArray(product, { selector: (p) => p.code, minLength: 1, maxLength: 40 }),
        fc.constantFrom("de" as const, "en" as const),
        fc.boolean(),
        async (town, products, language, demo) => {
          const { plan } = planTaskCatalogue({ language, town, products, demo });
          const snapshot = await readSnapshotFromXlsx(await writePlanToBuffer(plan), "eigenschaft.xlsx");
          const report = validateWorkbook(taskCatalogueSpec, snapshot, { language, check: checkTaskCatalogue });
          expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
          const catalogue = extractTaskCatalogue(report.workbook!);
          expect(catalogue.town).toBe(town.trim());
          expect(catalogue.tasks.map((t) => [t.code, t.name])).toEqual(products.map((p) => [p.code, p.name.trim()]));
        },
      ),
      { numRuns: 25 },
    );
  });
});
