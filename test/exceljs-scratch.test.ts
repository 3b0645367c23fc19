/**
 * The exceljs adapter end to end: plans written with the streaming writer (and the in-memory
 * fallback) read back by the streaming reader; what only exceljs's in-memory reader sees
 * (panes, validations, conditional formats, styles, page setup); hand-made parts that other
 * producers write (shared formulas, inline rich text, odd zip orders); every reason a file is
 * unusable; atomic file writes; and a 50,000 × 15 timing run.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileExistsError, PlanWriteError, UnusableFileError } from "../adapters/exceljs/errors.js";
import { inspectXlsx } from "../adapters/exceljs/inspectFile.js";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer, writePlanToFile, writePlanToXlsx } from "../adapters/exceljs/writePlanToXlsx.js";
import { planWorkbook } from "../lib/plan/planWorkbook.js";
import type { PlannedCell, PlannedRow, SheetPlan, WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import { snapshotCell, type SheetSnapshot, type WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import type { TemplateSpec } from "../lib/spec/TemplateSpec.js";
import { libreOfficeSkipRequested, recalculateWithLibreOffice, requireLibreOffice } from "./support/libreoffice.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ikz-exceljs-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Plans

function sheetPlan(name: string, rows: readonly PlannedRow[], extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    key: name.toLowerCase(),
    name,
    state: "visible",
    columnWidths: [24, 14, 14, 14],
    rows: () => rows,
    rowCount: rows.length,
    validations: [],
    highlights: [],
    merges: [],
    print: { landscape: false },
    ...extra,
  };
}

function workbookPlan(sheets: SheetPlan[]): WorkbookPlan {
  return { templateId: "test", templateVersion: "1.0.0", language: "de", title: "Test", sheets };
}

const MAY_17 = new Date(Date.UTC(2024, 4, 17));
const NOON = new Date(Date.UTC(2031, 11, 31, 12, 30, 0));

/** Every kind of value a plan can hold, and the texts that must stay text. */
const VALUES: readonly { readonly label: string; readonly cell: Omit<PlannedCell, "column" | "style">; readonly expected: unknown; readonly formula?: string }[] = [
  { label: "text", cell: { value: "Bauhof" }, expected: "Bauhof" },
  { label: "umlauts", cell: { value: "Größenordnung – Müller & Söhne <GmbH> €" }, expected: "Größenordnung – Müller & Söhne <GmbH> €" },
  { label: "spaces", cell: { value: "  eingerückt  " }, expected: "  eingerückt  " },
  { label: "line break", cell: { value: "Zeile 1\nZeile 2\r\nZeile 3" }, expected: "Zeile 1\nZeile 2\r\nZeile 3" },
  { label: "escape lookalike", cell: { value: "_x0041_ bleibt" }, expected: "_x0041_ bleibt" },
  { label: "control character", cell: { value: "a\u0001b" }, expected: "a\u0001b" },
  { label: "equals text", cell: { value: "=SUMME(A1:A3)" }, expected: "=SUMME(A1:A3)" },
  { label: "plus text", cell: { value: "+49 3771 1234" }, expected: "+49 3771 1234" },
  { label: "minus text", cell: { value: "-5 %" }, expected: "-5 %" },
  { label: "at text", cell: { value: "@verwaltung" }, expected: "@verwaltung" },
  { label: "code text", cell: { value: "0110", numberFormat: "@" }, expected: "0110" },
  { label: "integer", cell: { value: 5300, numberFormat: "0" }, expected: 5300 },
  { label: "decimal", cell: { value: 0.1 + 0.2, numberFormat: "0.00" }, expected: 0.1 + 0.2 },
  { label: "negative money", cell: { value: -1234.56, numberFormat: '#,##0.00 "€"' }, expected: -1234.56 },
  { label: "tiny", cell: { value: 1e-12 }, expected: 1e-12 },
  { label: "date", cell: { value: MAY_17, numberFormat: "dd.mm.yyyy" }, expected: MAY_17 },
  { label: "date, default format", cell: { value: NOON }, expected: NOON },
  { label: "true", cell: { value: true }, expected: true },
  { label: "false", cell: { value: false }, expected: false },
  { label: "formula", cell: { formula: "B13*2" }, expected: null, formula: "B13*2" },
  { label: "text formula", cell: { formula: 'IF(B13>0,"ja","nein")' }, expected: null, formula: 'IF(B13>0,"ja","nein")' },
];

const FIRST_VALUE_ROW = 2;

function valuesPlan(): WorkbookPlan {
  const rows: PlannedRow[] = [
    { row: 1, height: 24, cells: [{ column: 1, value: "Alle Werte", style: "title" }] },
    ...VALUES.map((entry, index) => ({
      row: FIRST_VALUE_ROW + index,
      cells: [
        { column: 1, value: entry.label, style: "label" as const },
        { column: 2, style: entry.cell.formula ? ("computed" as const) : ("input" as const), ...entry.cell },
      ],
    })),
    // a spare row: styled, no values
    { row: 40, cells: [{ column: 2, style: "input", numberFormat: "0.00" }] },
  ];
  const data = sheetPlan("Werte", rows, {
    frozen: { rows: 1, columns: 1 },
    merges: ["A1:D1", "C5:D6"],
    autoFilter: "A1:B1",
    validations: [
      { range: "B2:B30", type: "decimal", min: 0, max: 100, prompt: "Zahl von 0 bis 100", error: "Bitte 0 bis 100", errorStyle: "stop" },
      { range: "C2:C30", type: "whole", min: 0, error: "ganze Zahl ab 0", errorStyle: "warning" },
      { range: "D2:D30", type: "list", source: "'Listen & Co'!$A$2:$A$4", error: "aus der Liste", errorStyle: "stop" },
      { range: "E2:E30", type: "date", min: new Date(Date.UTC(2000, 0, 1)), error: "Datum", errorStyle: "stop" },
    ],
    highlights: [
      { range: "F2:F30", equals: "A", fill: "good" },
      { range: "F2:F30", equals: 'sagt "B"', fill: "neutral" },
      { range: "F2:F30", equals: "C", fill: "weak" },
    ],
    print: { landscape: true, titleRows: "1:1" },
  });
  const lists = sheetPlan("Listen & Co", [
    { row: 1, cells: [{ column: 1, value: "Art", style: "header" }] },
    { row: 2, cells: [{ column: 1, value: "Pflichtaufgabe", style: "reference" }] },
    { row: 3, cells: [{ column: 1, value: "freiwillig", style: "reference" }] },
    { row: 4, cells: [{ column: 1, value: "weisungsgebunden", style: "reference" }] },
  ]);
  const meta = sheetPlan("_ikz", [{ row: 1, cells: [{ column: 1, value: "templateId", style: "meta" }, { column: 2, value: "test", style: "meta" }] }], {
    state: "hidden",
  });
  return workbookPlan([data, lists, meta]);
}

/** A tiny template, planned by the real planner: validations, lists, highlights, formulas. */
const tinySpec: TemplateSpec = {
  id: "tiny",
  version: "0.1.0",
  title: { de: "Mini", en: "Tiny" },
  lists: {
    kinds: {
      sheet: "lists",
      column: "kinds",
      entries: () => [{ value: "mandatory", label: { de: "Pflicht", en: "Mandatory" } }, { value: "voluntary", label: { de: "freiwillig", en: "voluntary" } }],
    },
  },
  sheets: [
    {
      kind: "table",
      key: "tasks",
      name: { de: "Aufgaben", en: "Tasks" },
      title: { de: "Aufgaben", en: "Tasks" },
      description: { de: "Gelb = Eingabe", en: "Yellow = input" },
      headerRow: 4,
      rowKey: "code",
      minRows: 5,
      spareRows: 3,
      landscape: true,
      columns: [
        { key: "code", label: { de: "Code", en: "Code" }, type: "code", kind: "input", numberFormat: "@", width: 12 },
        { key: "kind", label: { de: "Art", en: "Kind" }, type: "list", kind: "input", list: { key: "kinds" }, width: 16 },
        { key: "fte", label: { de: "VZÄ", en: "FTE" }, type: "decimal", kind: "input", min: 0, numberFormat: "0.00", width: 10 },
        { key: "rating", label: { de: "Bewertung", en: "Rating" }, type: "rating", kind: "input", min: 0, max: 3, width: 10 },
        { key: "end", label: { de: "Vertragsende", en: "Contract end" }, type: "date", kind: "input", numberFormat: "dd.mm.yyyy", width: 14 },
        {
          key: "class",
          label: { de: "Klasse", en: "Class" },
          type: "text",
          kind: "computed",
          width: 8,
          formula: (ctx) => `IF(${ctx.cell("code")}="","",IF(${ctx.cell("rating")}>=2,"A","C"))`,
          highlights: [
            { equals: "A", fill: "good" },
            { equals: "C", fill: "weak" },
          ],
        },
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
};

function tinyPlan(): WorkbookPlan {
  return planWorkbook(tinySpec, {
    language: "de",
    generatorVersion: "0.0.0-test",
    tableRows: {
      tasks: [
        { code: "1110", kind: "Pflicht", fte: 1.25, rating: 3, end: MAY_17 },
        { code: "=1+1", kind: "freiwillig", fte: 0.5, rating: 1 },
      ],
    },
  }).plan;
}

describe("scratch timing", () => {
  it("writes and reads 50,000 rows × 15 cells", async () => {
    const ROWS = 50_000;
    const header: PlannedRow = {
      row: 1,
      cells: Array.from({ length: 15 }, (_, i) => ({ column: i + 1, value: `Spalte ${i + 1}`, style: "header" as const })),
    };
    function* rows(): Iterable<PlannedRow> {
      yield header;
      for (let r = 2; r <= ROWS + 1; r++) {
        yield {
          row: r,
          cells: [
            { column: 1, value: `${1000 + (r % 9000)}`, style: "input", numberFormat: "@" },
            { column: 2, value: `Aufgabe Nr. ${r} – Prüfung`, style: "input" },
            { column: 3, value: r % 3 === 0 ? "Pflicht" : "freiwillig", style: "input" },
            { column: 4, value: `Amt ${r % 17}`, style: "input" },
            { column: 5, value: (r % 400) / 100, style: "input", numberFormat: "0.00" },
            { column: 6, value: r % 1000, style: "input", numberFormat: "0" },
            { column: 7, value: r % 90, style: "input", numberFormat: "0" },
            { column: 8, value: r * 12.5, style: "input", numberFormat: '#,##0.00 "€"' },
            { column: 9, value: r % 4, style: "input", numberFormat: "0" },
            { column: 10, value: (r + 1) % 4, style: "input", numberFormat: "0" },
            { column: 11, value: (r + 2) % 4, style: "input", numberFormat: "0" },
            { column: 12, value: new Date(Date.UTC(2025, r % 12, 1 + (r % 28))), style: "input", numberFormat: "dd.mm.yyyy" },
            { column: 13, value: r % 2 === 0, style: "input" },
            { column: 14, formula: `E${r}*F${r}`, style: "computed", numberFormat: "0.00" },
            { column: 15, formula: `IF(I${r}>=2,"A","C")`, style: "computed" },
          ],
        };
      }
    }
    const plan = workbookPlan([
      {
        ...sheetPlan("Groß", [], { frozen: { rows: 1, columns: 0 }, autoFilter: "A1:O1" }),
        columnWidths: Array.from({ length: 15 }, () => 12),
        rows,
        rowCount: ROWS + 1,
        validations: [{ range: `I2:K${ROWS + 1}`, type: "whole", min: 0, max: 3, error: "0–3", errorStyle: "stop" }],
        highlights: [{ range: `O2:O${ROWS + 1}`, equals: "A", fill: "good" }],
      },
    ]);
    for (const shared of [true, false, true, false]) {
      const f = join(dir, `g-${shared}.xlsx`);
      let t = performance.now();
      await writePlanToFile(plan, f, { useSharedStrings: shared, force: true });
      const w = performance.now() - t;
      t = performance.now();
      await readSnapshotFromXlsx(f, "g.xlsx");
      const r = performance.now() - t;
      for (const styles of ["cache", "ignore"] as const) {
        t = performance.now();
        const rd = new ExcelJS.stream.xlsx.WorkbookReader(f, { sharedStrings: "cache", styles, hyperlinks: "ignore", worksheets: "emit" });
        for await (const ws of rd) for await (const row of ws) void row;
        console.log(`exceljs reader styles=${styles}: ${Math.round(performance.now() - t)} ms`);
      }
      t = performance.now();
      await writePlanToBuffer(plan, { useSharedStrings: shared });
      const wb = performance.now() - t;
      console.log(`shared=${shared}: write ${Math.round(w)} ms, buffer ${Math.round(wb)} ms, size ${(readFileSync(f).length / 1048576).toFixed(2)} MB, read ${Math.round(r)} ms`);
    }
    const file = join(dir, "gross.xlsx");
    const rssBefore = process.memoryUsage().rss;
    let start = performance.now();
    await writePlanToFile(plan, file);
    const writeMs = performance.now() - start;
    const size = readFileSync(file).length;

    start = performance.now();
    const snapshot = await readSnapshotFromXlsx(file, "gross.xlsx");
    const readMs = performance.now() - start;
    const rssAfter = process.memoryUsage().rss;

    const sheet = snapshot.sheets[0] as SheetSnapshot;
    expect(sheet.rows.length - 1).toBe(ROWS + 1);
    expect(snapshotCell(sheet, ROWS + 1, 2)).toEqual({ value: `Aufgabe Nr. ${ROWS + 1} – Prüfung` });
    expect(snapshotCell(sheet, 2, 12)).toEqual({ value: new Date(Date.UTC(2025, 2, 3)) });
    expect(snapshotCell(sheet, 2, 14)).toEqual({ value: null, formula: "E2*F2" });

    // for comparison: exceljs's own streaming reader, cells only
    start = performance.now();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit" });
    let cells = 0;
    for await (const worksheet of reader) for await (const row of worksheet) cells += (row as ExcelJS.Row).cellCount;
    const exceljsMs = performance.now() - start;

    console.log(
      `[exceljs timing] ${ROWS}×15: write ${Math.round(writeMs)} ms (${(size / 1024 / 1024).toFixed(1)} MB), ` +
        `read ${Math.round(readMs)} ms; exceljs's own streaming reader ${Math.round(exceljsMs)} ms (${cells} cells); ` +
        `RSS +${Math.round((rssAfter - rssBefore) / 1024 / 1024)} MB`,
    );
  }, 120_000);
});
