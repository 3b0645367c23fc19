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
import { Writable } from "node:stream";
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileExistsError, PlanWriteError, UnusableFileError } from "../adapters/exceljs/errors.js";
import { inspectXlsx } from "../adapters/exceljs/inspectFile.js";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer, writePlanToFile, writePlanToXlsx } from "../adapters/exceljs/writePlanToXlsx.js";
import { planWorkbook } from "../lib/plan/planWorkbook.js";
import { plainSheet } from "../lib/plan/plainSheet.js";
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
  return plainSheet(name.toLowerCase(), name, rows, { columnWidths: [24, 14, 14, 14], ...extra });
}

function workbookPlan(sheets: SheetPlan[]): WorkbookPlan {
  return { templateId: "test", templateVersion: "1.0.0", language: "de", title: "Test", sheets };
}

const MAY_17 = new Date(Date.UTC(2024, 4, 17));
const NOON = new Date(Date.UTC(2031, 11, 31, 12, 30, 0));

/** Every kind of value a plan can hold, and the texts that must stay text. */
const VALUES: readonly {
  readonly label: string;
  readonly cell: Omit<PlannedCell, "column" | "style">;
  readonly expected: unknown;
  readonly formula?: string;
}[] = [
  { label: "text", cell: { value: "Bauhof" }, expected: "Bauhof" },
  {
    label: "umlauts",
    cell: { value: "Größenordnung – Müller & Söhne <GmbH> €" },
    expected: "Größenordnung – Müller & Söhne <GmbH> €",
  },
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
  { label: "formula", cell: { formula: "B13*2" }, expected: 10600, formula: "B13*2" },
  {
    label: "text formula",
    cell: { formula: 'IF(B13>0,"ja","nein")' },
    expected: "ja",
    formula: 'IF(B13>0,"ja","nein")',
  },
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
      {
        range: "B2:B30",
        type: "decimal",
        min: 0,
        max: 100,
        prompt: "Zahl von 0 bis 100",
        error: "Bitte 0 bis 100",
        errorStyle: "stop",
      },
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
  const meta = sheetPlan(
    "_ikz",
    [
      {
        row: 1,
        cells: [
          { column: 1, value: "templateId", style: "meta" },
          { column: 2, value: "test", style: "meta" },
        ],
      },
    ],
    {
      state: "hidden",
    },
  );
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
      entries: () => [
        { value: "mandatory", label: { de: "Pflicht", en: "Mandatory" } },
        { value: "voluntary", label: { de: "freiwillig", en: "voluntary" } },
      ],
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
        {
          key: "kind",
          label: { de: "Art", en: "Kind" },
          type: "list",
          kind: "input",
          list: { key: "kinds" },
          width: 16,
        },
        {
          key: "fte",
          label: { de: "VZÄ", en: "FTE" },
          type: "decimal",
          kind: "input",
          min: 0,
          numberFormat: "0.00",
          width: 10,
        },
        {
          key: "rating",
          label: { de: "Bewertung", en: "Rating" },
          type: "rating",
          kind: "input",
          min: 0,
          max: 3,
          width: 10,
        },
        {
          key: "end",
          label: { de: "Vertragsende", en: "Contract end" },
          type: "date",
          kind: "input",
          numberFormat: "dd.mm.yyyy",
          width: 14,
        },
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

// ---------------------------------------------------------------------------------------------
// Zip helpers (tests build files the way other producers do)

interface ZipPart {
  readonly name: string;
  readonly data: string | Uint8Array;
  readonly store?: boolean;
  /** Lie about the uncompressed size (zip bomb test). */
  readonly declaredSize?: number;
}

function makeZip(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.data === "string" ? Buffer.from(part.data, "utf8") : Buffer.from(part.data);
    const data = part.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(part.name, "utf8");
    const size = part.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(part.store ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(part.store ? 0 : 8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The parts of a zip, in their stored order. */
async function unzipParts(bytes: Uint8Array): Promise<{ name: string; data: Buffer }[]> {
  const { entries } = await inspectXlsx(bytes, "parts.xlsx");
  const buffer = Buffer.from(bytes);
  return [...entries]
    .sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)
    .map((entry) => {
      const start =
        entry.localHeaderOffset +
        30 +
        buffer.readUInt16LE(entry.localHeaderOffset + 26) +
        buffer.readUInt16LE(entry.localHeaderOffset + 28);
      const raw = buffer.subarray(start, start + entry.compressedSize);
      return { name: entry.name, data: entry.method === 0 ? Buffer.from(raw) : inflateRawSync(raw) };
    });
}

async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const part = (await unzipParts(bytes)).find((p) => p.name === name);
  if (!part) throw new Error(`no part ${name}`);
  return part.data.toString("utf8");
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A minimal .xlsx from hand-written parts (as Excel, LibreOffice or other tools might write them). */
function handMadeXlsx(options: {
  sheets: readonly { name: string; xml: string; state?: string; file?: string }[];
  sharedStrings?: readonly string[];
  styles?: string;
  date1904?: boolean;
  order?: (names: string[]) => string[];
  relsTargetPrefix?: string;
}): Uint8Array {
  const parts = new Map<string, string>();
  parts.set(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  parts.set(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const prefix = options.relsTargetPrefix ?? "";
  const rels = options.sheets
    .map(
      (sheet, i) =>
        `<Relationship Id="rId${i + 10}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${prefix}worksheets/${sheet.file ?? `sheet${i + 1}.xml`}"/>`,
    )
    .join("");
  parts.set(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${
      options.sharedStrings
        ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        : ""
    }</Relationships>`,
  );
  const sheetList = options.sheets
    .map(
      (sheet, i) =>
        `<sheet name="${sheet.name}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ""} r:id="rId${i + 10}"/>`,
    )
    .join("");
  parts.set(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>${sheetList}</sheets></workbook>`,
  );
  parts.set(
    "xl/styles.xml",
    options.styles ??
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  if (options.sharedStrings) {
    parts.set(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${options.sharedStrings.length}">${options.sharedStrings.map((s) => (s.startsWith("<") ? `<si>${s}</si>` : `<si><t xml:space="preserve">${s}</t></si>`)).join("")}</sst>`,
    );
  }
  options.sheets.forEach((sheet, i) =>
    parts.set(
      `xl/worksheets/${sheet.file ?? `sheet${i + 1}.xml`}`,
      `<?xml version="1.0" encoding="UTF-8"?>${sheet.xml}`,
    ),
  );
  const names = options.order ? options.order([...parts.keys()]) : [...parts.keys()];
  return makeZip(names.map((name) => ({ name, data: parts.get(name) ?? "" })));
}

function sheetXml(sheetData: string, after = ""): string {
  return `<worksheet ${NS}><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

function cellAt(sheet: SheetSnapshot | undefined, address: string): unknown {
  if (!sheet) throw new Error("no sheet");
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (!match?.[1] || !match[2]) throw new Error(address);
  let column = 0;
  for (const ch of match[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return snapshotCell(sheet, Number(match[2]), column);
}

// ---------------------------------------------------------------------------------------------

describe("write a plan, read it back", () => {
  let bytes: Uint8Array;
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    bytes = await writePlanToBuffer(valuesPlan());
    snapshot = await readSnapshotFromXlsx(bytes, "werte.xlsx");
  });

  it("keeps sheets in plan order with their state", () => {
    expect(snapshot.fileName).toBe("werte.xlsx");
    expect(snapshot.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Werte", "visible"],
      ["Listen & Co", "visible"],
      ["_ikz", "hidden"],
    ]);
  });

  it.each(VALUES.map((entry, index) => [entry.label, index] as const))("reads back %s", (_label, index) => {
    const entry = VALUES[index];
    if (!entry) throw new Error("no entry");
    const cell = snapshotCell(snapshot.sheets[0] as SheetSnapshot, FIRST_VALUE_ROW + index, 2);
    expect(cell).toEqual(
      entry.formula === undefined ? { value: entry.expected } : { value: entry.expected, formula: entry.formula },
    );
  });

  it("writes one validation rule per range, never per cell", async () => {
    const xml = await partText(bytes, "xl/worksheets/sheet1.xml");
    expect([...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "B2:B30",
      "C2:C30",
      "D2:D30",
      "E2:E30",
    ]);
  });

  it("stores texts that look like formulas as strings, never as formulas", async () => {
    const xml = await partText(bytes, "xl/worksheets/sheet1.xml");
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas).toEqual(["B13*2", "IF(B13&gt;0,&quot;ja&quot;,&quot;nein&quot;)"]);
    // formulas carry their results (docs/decisions/0013); fullCalcOnLoad still makes Excel recompute
    expect(xml).toMatch(/<c r="B21" s="\d+"><f>B13\*2<\/f><v>10600<\/v><\/c>/);
    expect(xml).toMatch(/<c r="B22" s="\d+" t="str"><f>[^<]*<\/f><v>ja<\/v><\/c>/);
  });

  it("reads merges and leaves styled empty cells out", () => {
    const sheet = snapshot.sheets[0] as SheetSnapshot;
    expect(sheet.merges).toEqual(["A1:D1", "C5:D6"]);
    expect(snapshotCell(sheet, 40, 2)).toBeUndefined();
    expect(sheet.rows.length - 1).toBe(FIRST_VALUE_ROW + VALUES.length - 1);
  });

  it("sets fullCalcOnLoad and a filter database name (LibreOffice keeps the auto filter only with it)", async () => {
    const workbookXml = await partText(bytes, "xl/workbook.xml");
    expect(workbookXml).toContain('fullCalcOnLoad="1"');
    expect(workbookXml).toContain(
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">&apos;Werte&apos;!$A$1:$B$1</definedName>',
    );
    expect(workbookXml).toContain('name="_xlnm.Print_Titles" localSheetId="0"');
  });

  it("keeps panes, validations, highlights, filter, page setup and styles (exceljs in-memory reader)", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Werte");
    if (!sheet) throw new Error("no sheet");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    // exceljs's in-memory reader spreads each range over its cells
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } })
      .dataValidations.model;
    expect(Object.keys(validations)).toHaveLength(4 * 29);
    expect(validations["B30"]).toMatchObject({
      type: "decimal",
      formulae: [0, 100],
      allowBlank: true,
      showErrorMessage: true,
      showInputMessage: true,
      prompt: "Zahl von 0 bis 100",
      error: "Bitte 0 bis 100",
    });
    expect(validations["C2"]).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      errorStyle: "warning",
    });
    expect(validations["D17"]).toMatchObject({ type: "list", formulae: ["'Listen & Co'!$A$2:$A$4"] });
    expect(validations["E2"]).toMatchObject({ type: "date", operator: "greaterThanOrEqual" });
    const conditional = (
      sheet as unknown as { conditionalFormattings: { ref: string; rules: Record<string, unknown>[] }[] }
    ).conditionalFormattings;
    expect(
      conditional.map((cf) => [cf.ref, cf.rules[0]?.["type"], cf.rules[0]?.["operator"], cf.rules[0]?.["formulae"]]),
    ).toEqual([
      ["F2:F30", "cellIs", "equal", ['"A"']],
      ["F2:F30", "cellIs", "equal", ['"sagt ""B"""']],
      ["F2:F30", "cellIs", "equal", ['"C"']],
    ]);
    expect(sheet.autoFilter).toBe("A1:B1");
    expect(sheet.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      paperSize: 9,
    });
    expect(sheet.getColumn(1).width).toBe(24);
    expect(sheet.getRow(1).height).toBe(24);
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    const input = sheet.getCell("B2");
    expect(input.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFBE6" } });
    expect(input.protection).toMatchObject({ locked: false });
    // the spare row keeps its input look and number format
    expect(sheet.getCell("B40").fill).toMatchObject({ fgColor: { argb: "FFFFFBE6" } });
    expect(sheet.getCell("B40").numFmt).toBe("0.00");
    expect(sheet.getCell(`B${FIRST_VALUE_ROW + VALUES.findIndex((v) => v.label === "formula")}`).fill).toMatchObject({
      fgColor: { argb: "FFE7ECF2" },
    });
    expect(sheet.getCell(`B${FIRST_VALUE_ROW + VALUES.findIndex((v) => v.label === "date")}`).numFmt).toBe(
      "dd.mm.yyyy",
    );
    expect(
      sheet.getCell(`B${FIRST_VALUE_ROW + VALUES.findIndex((v) => v.label === "date, default format")}`).numFmt,
    ).toBe("dd.mm.yyyy");
    expect(book.getWorksheet("_ikz")?.state).toBe("hidden");
    expect(book.getWorksheet("Listen & Co")?.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFD9D9D9" } });
  });

  it("gives the same snapshot through every engine and target", async () => {
    const memory = await readSnapshotFromXlsx(
      await writePlanToBuffer(valuesPlan(), { engine: "memory" }),
      "werte.xlsx",
    );
    const inline = await readSnapshotFromXlsx(
      await writePlanToBuffer(valuesPlan(), { useSharedStrings: false }),
      "werte.xlsx",
    );
    const file = join(dir, "werte.xlsx");
    await writePlanToFile(valuesPlan(), file);
    const fromFile = await readSnapshotFromXlsx(file, "werte.xlsx");
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    await writePlanToXlsx(valuesPlan(), sink);
    const fromStream = await readSnapshotFromXlsx(new Uint8Array(Buffer.concat(chunks)), "werte.xlsx");
    for (const other of [memory, inline, fromFile, fromStream]) expect(other).toEqual(snapshot);
    // the in-memory engine keeps the same extras
    const memoryXml = await partText(await writePlanToBuffer(valuesPlan(), { engine: "memory" }), "xl/workbook.xml");
    expect(memoryXml).toContain('fullCalcOnLoad="1"');
    expect(memoryXml).toContain("_xlnm._FilterDatabase");
  });

  it("reads a file re-saved by exceljs's in-memory writer", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const resaved = new Uint8Array(await book.xlsx.writeBuffer());
    const again = await readSnapshotFromXlsx(resaved, "werte.xlsx");
    expect(again.sheets.map((s) => [s.name, s.state])).toEqual(snapshot.sheets.map((s) => [s.name, s.state]));
    // exceljs's in-memory writer itself stores "\r", control characters and "_x…_" unescaped
    const lossy = new Set(["line break", "control character", "escape lookalike"]);
    VALUES.forEach((entry, index) => {
      if (lossy.has(entry.label)) return;
      const row = FIRST_VALUE_ROW + index;
      expect(snapshotCell(again.sheets[0] as SheetSnapshot, row, 2), entry.label).toEqual(
        snapshotCell(snapshot.sheets[0] as SheetSnapshot, row, 2),
      );
    });
    expect(again.sheets[0]?.merges).toEqual(snapshot.sheets[0]?.merges);
  });

  it("reads every zip order: workbook part last, strings and relationships before the sheets", async () => {
    const parts = await unzipParts(bytes);
    const rank = (name: string): number =>
      name === "xl/sharedStrings.xml" || name === "xl/_rels/workbook.xml.rels"
        ? 0
        : name.startsWith("xl/worksheets/")
          ? 1
          : name === "xl/workbook.xml"
            ? 3
            : 2;
    const reordered = makeZip(
      [...parts].sort((a, b) => rank(a.name) - rank(b.name)).map((p) => ({ name: p.name, data: p.data })),
    );
    const names = (await unzipParts(reordered)).map((p) => p.name);
    expect(names.indexOf("xl/workbook.xml")).toBeGreaterThan(names.indexOf("xl/worksheets/sheet3.xml"));
    expect(names.indexOf("xl/styles.xml")).toBeGreaterThan(names.indexOf("xl/worksheets/sheet1.xml"));
    // exceljs's own streaming reader fails here (it reads the workbook model before it exists)
    expect(await readSnapshotFromXlsx(reordered, "werte.xlsx")).toEqual(snapshot);
  });

  it("writes the real planner's output: lists, validations, highlights, formulas", async () => {
    const plan = tinyPlan();
    const written = await writePlanToBuffer(plan);
    const read = await readSnapshotFromXlsx(written, "mini.xlsx");
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Aufgaben", "visible"],
      ["Listen", "visible"],
      ["_ikz_tiny", "hidden"],
    ]);
    const tasks = read.sheets[0];
    expect(cellAt(tasks, "A5")).toEqual({ value: "1110" });
    expect(cellAt(tasks, "A6")).toEqual({ value: "=1+1" });
    expect(cellAt(tasks, "C5")).toEqual({ value: 1.25 });
    expect(cellAt(tasks, "E5")).toEqual({ value: MAY_17 });
    expect(cellAt(tasks, "F5")).toEqual({ value: "A", formula: 'IF(A5="","",IF(D5>=2,"A","C"))' });
    expect(cellAt(tasks, "F9")).toEqual({ value: "", formula: 'IF(A9="","",IF(D9>=2,"A","C"))' });
    expect(cellAt(tasks, "F10")).toBeUndefined();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(written) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Aufgaben");
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } })
      .dataValidations.model;
    expect(validations["B9"]).toMatchObject({ type: "list", formulae: ["Listen!$A$4:$A$5"] });
    expect(validations["D5"]).toMatchObject({ type: "whole", formulae: [0, 3] });
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  });
});

describe.skipIf(libreOfficeSkipRequested())("LibreOffice round trip", () => {
  beforeAll(() => requireLibreOffice());

  it("computes the formulas, keeps validations, highlights and the filter, and reads back", async () => {
    const source = join(dir, "lo-source.xlsx");
    await writePlanToFile(tinyPlan(), source);
    const [converted] = await recalculateWithLibreOffice([source], { outDir: join(dir, "lo-out") });
    if (!converted) throw new Error("no output");
    const bytes = new Uint8Array(readFileSync(converted));
    const read = await readSnapshotFromXlsx(bytes, "lo.xlsx");
    const tasks = read.sheets.find((s) => s.name === "Aufgaben");
    expect(cellAt(tasks, "F5")).toEqual({ value: "A", formula: 'IF(A5="","",IF(D5>=2,"A","C"))' });
    expect(cellAt(tasks, "F6")).toEqual({ value: "C", formula: 'IF(A6="","",IF(D6>=2,"A","C"))' });
    expect(cellAt(tasks, "F7")).toEqual({ value: "", formula: 'IF(A7="","",IF(D7>=2,"A","C"))' });
    expect(cellAt(tasks, "E5")).toEqual({ value: MAY_17 });
    expect(cellAt(tasks, "A6")).toEqual({ value: "=1+1" });
    expect(read.sheets.find((s) => s.name === "_ikz_tiny")?.state).toBe("hidden");
    const sheetXmlText = await partText(bytes, "xl/worksheets/sheet1.xml");
    expect(sheetXmlText).toMatch(/<cfRule type="cellIs"[^>]*operator="equal"/);
    expect(sheetXmlText).toContain('<autoFilter ref="A4:F4"');
    expect(sheetXmlText).toMatch(/<dataValidation [^>]*type="list"/);
  }, 120_000);
});

describe("what other producers write", () => {
  it("reads a worksheet that is the zip's last entry (exceljs's own streaming reader may drop it)", async () => {
    const bytes = handMadeXlsx({
      sheets: [
        { name: "Eins", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) },
        { name: "Zwei", xml: sheetXml(`<row r="1"><c r="A1"><v>2</v></c></row>`) },
      ],
    });
    const names = (await unzipParts(bytes)).map((p) => p.name);
    expect(names.at(-1)).toBe("xl/worksheets/sheet2.xml");
    const read = await readSnapshotFromXlsx(bytes, "last.xlsx");
    expect(read.sheets.map((s) => [s.name, cellAt(s, "A1")])).toEqual([
      ["Eins", { value: 1 }],
      ["Zwei", { value: 2 }],
    ]);
    // exceljs's own streaming reader loses this last entry only sometimes (timing-dependent),
    // so its behaviour is not asserted here: ours must read both sheets every time.
  });
  it("gives each cell of a shared formula its own formula text", async () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:C3" si="0">SUM($A$1:A1)*2+'Other sheet'!A1+LOG10(10)&amp;"A1"</f><v>2</v></c><c r="C1"><f t="shared" si="0"/><v>0</v></c></row>` +
        `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>` +
        `<row r="3"><c r="B3"><f t="shared" si="0"/><v>6</v></c><c r="C3"><f t="shared" si="0"/><v>0</v></c></row>`,
    );
    const read = await readSnapshotFromXlsx(
      handMadeXlsx({
        sheets: [
          { name: "S", xml },
          { name: "Other sheet", xml: sheetXml("") },
        ],
      }),
      "shared.xlsx",
    );
    const sheet = read.sheets[0];
    expect(cellAt(sheet, "B1")).toEqual({ value: 2, formula: `SUM($A$1:A1)*2+'Other sheet'!A1+LOG10(10)&"A1"` });
    expect(cellAt(sheet, "C1")).toEqual({ value: 0, formula: `SUM($A$1:B1)*2+'Other sheet'!B1+LOG10(10)&"A1"` });
    expect(cellAt(sheet, "B2")).toEqual({ value: 6, formula: `SUM($A$1:A2)*2+'Other sheet'!A2+LOG10(10)&"A1"` });
    expect(cellAt(sheet, "C3")).toEqual({ value: 0, formula: `SUM($A$1:B3)*2+'Other sheet'!B3+LOG10(10)&"A1"` });
  });

  it("reads typed formula results, inline rich text, ISO dates, escapes, phonetics and cells without references", async () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="b"><f>1=1</f><v>1</v></c><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D1"><f>NOW()</f></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><r><t>Rich </t></r><r><rPr><b/></rPr><t>Text</t></r></is></c><c r="B2" t="d"><v>2024-05-17T00:00:00Z</v></c><c r="C2" t="s"><v>0</v></c><c r="D2" t="s"><v>1</v></c></row>` +
        `<row><c><v>7</v></c><c s="1"><v>45429</v></c><c s="2"><v>45429</v></c><c s="3"><v>45429</v></c><c t="e"><v>#N/A</v></c></row>`,
      `<mergeCells count="1"><mergeCell ref="A5:B6"/></mergeCells>`,
    );
    const read = await readSnapshotFromXlsx(
      handMadeXlsx({
        sheets: [{ name: "Typen", xml }],
        sharedStrings: [
          "Zeile_x000D_\nzwei _x005F_x0041_",
          '<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>',
        ],
      }),
      "typen.xlsx",
    );
    const sheet = read.sheets[0];
    expect(cellAt(sheet, "A1")).toEqual({ value: true, formula: "1=1" });
    expect(cellAt(sheet, "B1")).toEqual({ value: { error: "#DIV/0!" }, formula: "1/0" });
    expect(cellAt(sheet, "C1")).toEqual({ value: "ab", formula: '"a"&"b"' });
    expect(cellAt(sheet, "D1")).toEqual({ value: null, formula: "NOW()" });
    expect(cellAt(sheet, "A2")).toEqual({ value: "Rich Text" });
    expect(cellAt(sheet, "B2")).toEqual({ value: MAY_17 });
    expect(cellAt(sheet, "C2")).toEqual({ value: "Zeile\r\nzwei _x0041_" });
    expect(cellAt(sheet, "D2")).toEqual({ value: "東京" });
    expect(cellAt(sheet, "A3")).toEqual({ value: 7 });
    expect(cellAt(sheet, "B3")).toEqual({ value: MAY_17 });
    expect(cellAt(sheet, "C3")).toEqual({ value: MAY_17 });
    expect(cellAt(sheet, "D3")).toEqual({ value: 45429 });
    expect(cellAt(sheet, "E3")).toEqual({ value: { error: "#N/A" } });
    expect(sheet?.merges).toEqual(["A5:B6"]);
  });

  it("resolves dates when styles and the 1904 date system arrive after the sheets", async () => {
    const xml = sheetXml(`<row r="1"><c r="A1" s="1"><v>43967</v></c><c r="B1" s="3"><v>43967</v></c></row>`);
    const bytes = handMadeXlsx({
      sheets: [
        { name: "Spät", xml, state: "veryHidden" },
        { name: "Sichtbar", xml: sheetXml("") },
      ],
      sharedStrings: ["x"],
      date1904: true,
      order: (names) => [
        ...names.filter((n) => n.includes("sharedStrings") || n.includes("_rels")),
        ...names.filter((n) => n.includes("worksheets")),
        ...names.filter((n) => !n.includes("sharedStrings") && !n.includes("_rels") && !n.includes("worksheets")),
      ],
    });
    const read = await readSnapshotFromXlsx(bytes, "spaet.xlsx");
    expect(read.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Spät", "veryHidden"],
      ["Sichtbar", "visible"],
    ]);
    expect(cellAt(read.sheets[0], "A1")).toEqual({ value: MAY_17 });
    expect(cellAt(read.sheets[0], "B1")).toEqual({ value: 43967 });
  });

  it("follows absolute relationship targets and sheet files in another order", async () => {
    const read = await readSnapshotFromXlsx(
      handMadeXlsx({
        relsTargetPrefix: "/xl/",
        sheets: [
          { name: "Zweite Datei", file: "sheet2.xml", xml: sheetXml(`<row r="1"><c r="A1"><v>2</v></c></row>`) },
          { name: "Erste Datei", file: "sheet1.xml", xml: sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`) },
        ],
      }),
      "order.xlsx",
    );
    expect(read.sheets.map((s) => [s.name, cellAt(s, "A1")])).toEqual([
      ["Zweite Datei", { value: 2 }],
      ["Erste Datei", { value: 1 }],
    ]);
  });

  it("keeps umlauts that straddle two inflated chunks (exceljs's own streaming reader turns them into U+FFFD)", async () => {
    const rows: PlannedRow[] = [];
    for (let r = 1; r <= 20_000; r++)
      rows.push({ row: r, cells: [{ column: 1, value: `Müller-Lüdenscheidt ${r} Straße €`, style: "input" }] });
    const bytes = await writePlanToBuffer(workbookPlan([sheetPlan("Namen", rows)]));
    const read = await readSnapshotFromXlsx(bytes, "namen.xlsx");
    const sheet = read.sheets[0] as SheetSnapshot;
    let wrong = 0;
    for (let r = 1; r <= 20_000; r++)
      if (snapshotCell(sheet, r, 1)?.value !== `Müller-Lüdenscheidt ${r} Straße €`) wrong++;
    expect(wrong).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe("unusable files", () => {
  const write = (name: string, data: Uint8Array | string): string => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return path;
  };

  async function reasonOf(input: Uint8Array | string, options = {}): Promise<UnusableFileError> {
    try {
      await readSnapshotFromXlsx(input, "bad.xlsx", options);
    } catch (error) {
      if (error instanceof UnusableFileError) return error;
      throw error;
    }
    throw new Error("read without error");
  }

  /** A minimal OLE compound file whose directory holds these entry names. */
  function cfb(names: readonly string[]): Uint8Array {
    const file = Buffer.alloc(512 + 512 + 2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
    ["Root Entry", ...names].forEach((name, index) => {
      const at = 1024 + index * 128;
      file.write(name, at, "utf16le");
      file.writeUInt16LE((name.length + 1) * 2, at + 64);
    });
    return new Uint8Array(file);
  }

  const workbookParts = async (): Promise<{ name: string; data: Buffer }[]> =>
    unzipParts(await writePlanToBuffer(valuesPlan()));

  it.each([
    ["empty", () => new Uint8Array(0), "empty", undefined],
    ["PDF", () => new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "notXlsx", "pdf"],
    [
      "CSV saved as .xlsx",
      () => new TextEncoder().encode("Produktcode;Name;VZÄ\n1110;Hauptamt;1,5\n"),
      "notXlsx",
      "text",
    ],
    [
      "CSV in Windows-1252",
      () =>
        new Uint8Array([...Buffer.from("Name;Stra"), 0xdf, 0x65, 0x3b, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0d, 0x0a]),
      "notXlsx",
      "text",
    ],
    [
      "HTML saved as .xls",
      () => new TextEncoder().encode("<html><body><table><tr><td>1</td></tr></table></body></html>"),
      "notXlsx",
      "html",
    ],
    ["encrypted workbook", () => cfb(["EncryptionInfo", "EncryptedPackage"]), "encrypted", "encryptedOoxml"],
    ["old .xls", () => cfb(["Workbook", "\u0005SummaryInformation"]), "notXlsx", "xls"],
    ["other OLE file", () => cfb(["WordDocument"]), "notXlsx", "ole"],
    [
      "random bytes",
      () => new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      "notZip",
      "unknownBinary",
    ],
  ] as const)("%s", async (_label, make, reason, detected) => {
    const error = await reasonOf(make());
    expect(error.reason).toBe(reason);
    expect(error.detected).toBe(detected);
    expect(error.fileName).toBe("bad.xlsx");
    expect(error.detail.length).toBeGreaterThan(0);
    // the same from disk
    const fromDisk = await reasonOf(write(`bad-${reason}-${detected ?? "x"}.xlsx`, make()));
    expect([fromDisk.reason, fromDisk.detected]).toEqual([reason, detected]);
  });

  it("a missing file and a directory", async () => {
    expect((await reasonOf(join(dir, "nope.xlsx"))).reason).toBe("notFound");
    expect((await reasonOf(dir)).reason).toBe("notFound");
  });

  it("zips that are no workbook", async () => {
    const zipOnly = makeZip([{ name: "readme.txt", data: "hallo" }]);
    expect(await reasonOf(zipOnly)).toMatchObject({
      reason: "notXlsx",
      detected: "zip",
      detail: "a zip archive without a workbook",
    });
    const ods = makeZip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true },
      { name: "content.xml", data: "<office:document-content/>" },
    ]);
    expect(await reasonOf(ods)).toMatchObject({
      reason: "notXlsx",
      detected: "ods",
      detail: "an OpenDocument (.ods) file",
    });
    const docx = makeZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    expect(await reasonOf(docx)).toMatchObject({ reason: "notXlsx", detected: "docx" });
  });

  it("truncated and damaged workbooks", async () => {
    const good = await writePlanToBuffer(valuesPlan());
    expect(await reasonOf(good.subarray(0, Math.floor(good.length * 0.6)))).toMatchObject({ reason: "corrupt" });
    // damaged deflate data in a sheet: an error, not a hang
    const parts = await workbookParts();
    const damaged = makeZip(parts.map((p) => ({ name: p.name, data: p.data })));
    const sheetEntry = (await inspectXlsx(damaged, "x.xlsx")).entries.find(
      (e) => e.name === "xl/worksheets/sheet1.xml",
    );
    if (!sheetEntry) throw new Error("no sheet");
    const broken = new Uint8Array(damaged);
    const dataStart = sheetEntry.localHeaderOffset + 30 + sheetEntry.name.length;
    for (let i = 10; i < 60; i++) broken[dataStart + i] = 0xff;
    expect(await reasonOf(broken)).toMatchObject({ reason: "corrupt" });
    // not XML at all inside
    const garbage = makeZip(
      parts.map((p) => ({
        name: p.name,
        data: p.name === "xl/worksheets/sheet1.xml" ? "<worksheet><sheetData><row" : p.data,
      })),
    );
    expect(await reasonOf(garbage)).toMatchObject({ reason: "corrupt" });
  });

  it("too large: file size, declared unpacked size, and bytes really unpacked", async () => {
    const good = await writePlanToBuffer(valuesPlan());
    expect(await reasonOf(good, { maxFileBytes: 1000 })).toMatchObject({
      reason: "tooLarge",
      size: good.length,
      limit: 1000,
    });
    expect(await reasonOf(good, { maxUncompressedBytes: 5000 })).toMatchObject({ reason: "tooLarge", limit: 5000 });
    // a bomb that lies about its size: caught while inflating
    const parts = await workbookParts();
    const bomb = `<worksheet ${NS}><sheetData>${"<row/>".repeat(200_000)}</sheetData></worksheet>`;
    const lying = makeZip(
      parts.map((p) =>
        p.name === "xl/worksheets/sheet1.xml"
          ? { name: p.name, data: bomb, declaredSize: 100 }
          : { name: p.name, data: p.data },
      ),
    );
    expect(lying.length).toBeLessThan(20_000);
    expect(await reasonOf(lying, { maxUncompressedBytes: 200_000 })).toMatchObject({ reason: "tooLarge" });
  });
});

// ---------------------------------------------------------------------------------------------

describe("writePlanToFile", () => {
  it("refuses to overwrite unless forced, and leaves no temporary files", async () => {
    const target = join(dir, "ziel.xlsx");
    writeFileSync(target, "alt");
    const refused = await writePlanToFile(valuesPlan(), target).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FileExistsError);
    expect((refused as FileExistsError).path).toBe(target);
    expect(readFileSync(target, "utf8")).toBe("alt");
    await writePlanToFile(valuesPlan(), target, { force: true });
    expect((await readSnapshotFromXlsx(target, "ziel.xlsx")).sheets).toHaveLength(3);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("leaves neither the target nor a temporary file when the plan fails midway", async () => {
    const target = join(dir, "kaputt.xlsx");
    const rows: PlannedRow[] = [
      { row: 1, cells: [{ column: 1, value: 1, style: "input" }] },
      { row: 2, cells: [{ column: 1, value: Number.NaN, style: "input" }] },
    ];
    const error = await writePlanToFile(workbookPlan([sheetPlan("S", rows)]), target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanWriteError);
    expect((error as PlanWriteError).message).toContain("S!A2");
    expect(readdirSync(dir).filter((name) => name.includes("kaputt"))).toEqual([]);
  });

  it("rejects plans Excel would repair", async () => {
    const sheet = sheetPlan("S", []);
    await expect(writePlanToBuffer(workbookPlan([{ ...sheet, name: "Zu/viel" }]))).rejects.toThrow(PlanWriteError);
    await expect(writePlanToBuffer(workbookPlan([sheet, { ...sheet, name: "s" }]))).rejects.toThrow(/same name/);
    await expect(writePlanToBuffer(workbookPlan([{ ...sheet, state: "hidden" }]))).rejects.toThrow(/visible/);
    const unordered = sheetPlan("S", [
      { row: 2, cells: [] },
      { row: 1, cells: [] },
    ]);
    await expect(writePlanToBuffer(workbookPlan([unordered]))).rejects.toThrow(/ascending/);
  });
});

// ---------------------------------------------------------------------------------------------

describe("timing (logged, not asserted)", () => {
  it("writes and reads 50,000 rows × 15 cells", async () => {
    const ROWS = 50_000;
    const header: PlannedRow = {
      row: 1,
      cells: Array.from({ length: 15 }, (_, i) => ({
        column: i + 1,
        value: `Spalte ${i + 1}`,
        style: "header" as const,
      })),
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
            {
              column: 12,
              value: new Date(Date.UTC(2025, r % 12, 1 + (r % 28))),
              style: "input",
              numberFormat: "dd.mm.yyyy",
            },
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
    expect(snapshotCell(sheet, 2, 14)).toEqual({ value: 0.04, formula: "E2*F2" });

    // for comparison: exceljs's own streaming reader, cells only
    start = performance.now();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
    });
    let cells = 0;
    for await (const worksheet of reader) for await (const row of worksheet) cells += row.cellCount;
    const exceljsMs = performance.now() - start;

    console.log(
      `[exceljs timing] ${ROWS}×15: write ${Math.round(writeMs)} ms (${(size / 1024 / 1024).toFixed(1)} MB), ` +
        `read ${Math.round(readMs)} ms; exceljs's own streaming reader ${Math.round(exceljsMs)} ms (${cells} cells); ` +
        `RSS +${Math.round((rssAfter - rssBefore) / 1024 / 1024)} MB`,
    );
  }, 120_000);
});
