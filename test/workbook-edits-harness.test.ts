/**
 * The harness that edits workbooks through LibreOffice (test/support/editWorkbook.ts): every kind
 * of edit does what it says, the saved file carries LibreOffice's results (also for a workbook our
 * writer stored without results, and instead of stale stored results), and a failing edit fails
 * loudly without leaving a file behind.
 *
 * The edits run on a small fixture written here (no stored results), so that this test does not
 * depend on the layout of any template; one job opens the cost model demo as our writer writes it.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { parseCellAddress } from "../lib/cells/address.js";
import {
  isCellError,
  snapshotCell,
  type SnapshotCell,
  type WorkbookSnapshot,
} from "../lib/snapshot/WorkbookSnapshot.js";
import { editWorkbooks, type WorkbookEdit } from "./support/editWorkbook.js";
import { sheetValue, type AllocateJson } from "./support/expectFindingOrAgreement.js";
import { ikz } from "./support/runIkz.js";
import { libreOfficeSkipRequested, requireLibreOffice } from "./support/libreoffice.js";

const TOWNS = [
  ["Zschorlau", 5300],
  ["Schönheide", 4600],
  ["Stützengrün", 3300],
  ["Bockau", 2000],
] as const;

/**
 * „Kommunen“: A Nr. (=ROW()-1), B town, C population, D share of the population, E a lookup on
 * „Listen“; rows 2–5. „Ergebnis“: row 1 the town names, row 2 twice the population, A3 the sum.
 * No formula carries a stored result.
 */
async function writeFixture(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const towns = workbook.addWorksheet("Kommunen");
  const result = workbook.addWorksheet("Ergebnis");
  const lists = workbook.addWorksheet("Listen");
  lists.getCell("A1").value = "x";
  towns.getRow(1).values = ["Nr.", "Kommune", "Einwohner", "Anteil", "Liste"];
  TOWNS.forEach(([name, population], i) => {
    const r = i + 2;
    const column = "ABCD"[i]!;
    towns.getCell(`A${r}`).value = { formula: "ROW()-1" };
    towns.getCell(`B${r}`).value = name;
    towns.getCell(`C${r}`).value = population;
    towns.getCell(`D${r}`).value = { formula: `C${r}/SUM($C$2:$C$5)` };
    towns.getCell(`E${r}`).value = { formula: `MATCH("x",Listen!$A$1:$A$1,0)` };
    result.getCell(`${column}1`).value = { formula: `Kommunen!$B$${r}` };
    result.getCell(`${column}2`).value = { formula: `Kommunen!$C$${r}*2` };
  });
  result.getCell("A3").value = { formula: "SUM(Kommunen!$C$2:$C$5)" };
  await workbook.xlsx.writeFile(file);
}

/** Edits of the fixture, each into its own file, all in one LibreOffice run. */
const EDITS = {
  deleteRow: [{ kind: "deleteRows", sheet: "Kommunen", row: 3, count: 1 }],
  insertRows: [{ kind: "insertRows", sheet: "Kommunen", row: 4, count: 2 }],
  deleteColumn: [{ kind: "deleteColumns", sheet: "Kommunen", column: "A", count: 1 }],
  insertColumn: [{ kind: "insertColumns", sheet: "Kommunen", column: 2, count: 1 }],
  setNumber: [{ kind: "setNumber", sheet: "Ergebnis", cell: "A2", value: 1234.5 }],
  setText: [
    { kind: "setText", sheet: "Kommunen", cell: "B5", text: "Eibenstock" },
    { kind: "setText", sheet: "Kommunen", cell: "C5", text: "7500" },
  ],
  setFormula: [{ kind: "setFormula", sheet: "Kommunen", cell: "C2", formula: "=4000+800" }],
  setPercent: [{ kind: "setPercent", sheet: "Kommunen", cell: "C3", value: 0.35 }],
  renameSheet: [{ kind: "renameSheet", from: "Listen", to: "Listen alt" }],
  sortRows: [{ kind: "sortRows", sheet: "Kommunen", range: "A2:E5", by: "C" }],
  clearCells: [{ kind: "clearCells", sheet: "Kommunen", range: "B5:C5" }],
  nothing: [],
} satisfies Record<string, WorkbookEdit[]>;

type EditName = keyof typeof EDITS;

let dir = "";
const edited = new Map<string, WorkbookSnapshot>();
let staleEdited: WorkbookSnapshot | undefined;
let demoEdited: WorkbookSnapshot | undefined;
let demoAllocation: AllocateJson | undefined;
let percentFormat = "";
let seconds = 0;

function cell(snapshot: WorkbookSnapshot | undefined, reference: string): SnapshotCell | undefined {
  const [sheetName, address = ""] = reference.split("!");
  const sheet = snapshot?.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const { row, column } = parseCellAddress(address);
  return snapshotCell(sheet, row, column);
}

const value = (name: EditName, reference: string) => cell(edited.get(name), reference)?.value ?? null;
const formula = (name: EditName, reference: string) => cell(edited.get(name), reference)?.formula;

describe.skipIf(libreOfficeSkipRequested())("editing workbooks through LibreOffice (UNO)", () => {
  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(join(tmpdir(), "ikz-edit-harness-"));
    const fixture = join(dir, "fixture.xlsx");
    await writeFixture(fixture);
    const demo = join(dir, "demo.xlsx");
    expect((await ikz("template", "kostenverteilung", "--demo", "--out", demo)).code).toBe(0);
    // A file that carries a stale stored result: LibreOffice must recalculate it on load.
    const stale = join(dir, "stale.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Blatt");
    sheet.getCell("A1").value = 20;
    sheet.getCell("A2").value = { formula: "A1*2", result: 5 };
    await workbook.xlsx.writeFile(stale);

    const started = Date.now();
    await editWorkbooks([
      ...Object.entries(EDITS).map(([name, edits]) => ({ input: fixture, output: join(dir, `${name}.xlsx`), edits })),
      { input: stale, output: join(dir, "stale-edited.xlsx"), edits: [] },
      { input: demo, output: join(dir, "demo-edited.xlsx"), edits: [] },
    ]);
    seconds = (Date.now() - started) / 1000;
    for (const name of Object.keys(EDITS)) {
      edited.set(name, await readSnapshotFromXlsx(join(dir, `${name}.xlsx`), `${name}.xlsx`));
    }
    staleEdited = await readSnapshotFromXlsx(join(dir, "stale-edited.xlsx"), "stale-edited.xlsx");
    demoEdited = await readSnapshotFromXlsx(join(dir, "demo-edited.xlsx"), "demo-edited.xlsx");
    demoAllocation = JSON.parse((await ikz("allocate", demo, "--json")).stdout) as AllocateJson;
    const percent = new ExcelJS.Workbook();
    await percent.xlsx.readFile(join(dir, "setPercent.xlsx"));
    percentFormat = percent.getWorksheet("Kommunen")?.getCell("C3").numFmt ?? "";
  }, 600_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("edits all files in one LibreOffice start", () => {
    console.log(`editWorkbooks: ${Object.keys(EDITS).length + 2} files in ${seconds.toFixed(1)} s`);
    expect(edited.size).toBe(Object.keys(EDITS).length);
  });

  it("stores LibreOffice's results in files written without results (ours and the fixture)", () => {
    expect(formula("nothing", "Ergebnis!A1")).toBe("Kommunen!$B$2");
    expect(value("nothing", "Ergebnis!A1")).toBe("Zschorlau");
    expect(value("nothing", "Ergebnis!A3")).toBe(15200);
    expect(value("nothing", "Kommunen!A4")).toBe(3);
    const shares = demoAllocation?.items.flatMap((item) => item.shares) ?? [];
    expect(shares.length).toBeGreaterThan(10);
    for (const share of shares) expect(typeof sheetValue(demoEdited!, share.cell ?? "")).toBe("number");
  });

  it("recalculates stale stored results on load", () => {
    expect(cell(staleEdited, "Blatt!A2")?.value).toBe(40);
  });

  it("deleteRows removes the row and turns references into it into #REF!", () => {
    expect(value("deleteRow", "Kommunen!B3")).toBe("Stützengrün");
    expect(value("deleteRow", "Kommunen!B2")).toBe("Zschorlau");
    expect(formula("deleteRow", "Ergebnis!B1")).toContain("#REF!");
    expect(isCellError(value("deleteRow", "Ergebnis!B1"))).toBe(true);
    expect(formula("deleteRow", "Ergebnis!A3")).toBe("SUM(Kommunen!$C$2:$C$4)");
  });

  it("insertRows inserts blank rows and shifts references below", () => {
    expect(value("insertRows", "Kommunen!B4")).toBeNull();
    expect(value("insertRows", "Kommunen!B5")).toBeNull();
    expect(value("insertRows", "Kommunen!B6")).toBe("Stützengrün");
    expect(formula("insertRows", "Ergebnis!C1")).toBe("Kommunen!$B$6");
    expect(value("insertRows", "Ergebnis!C1")).toBe("Stützengrün");
    expect(value("insertRows", "Kommunen!A6")).toBe(5); // =ROW()-1 moved with its row
  });

  it("deleteColumns and insertColumns shift the columns", () => {
    expect(value("deleteColumn", "Kommunen!A1")).toBe("Kommune");
    expect(formula("deleteColumn", "Ergebnis!A1")).toBe("Kommunen!$A$2");
    expect(value("insertColumn", "Kommunen!B1")).toBeNull();
    expect(value("insertColumn", "Kommunen!C1")).toBe("Kommune");
    expect(formula("insertColumn", "Ergebnis!A1")).toBe("Kommunen!$C$2");
  });

  it("setNumber types a number over a formula", () => {
    expect(value("setNumber", "Ergebnis!A2")).toBe(1234.5);
    expect(formula("setNumber", "Ergebnis!A2")).toBeUndefined();
    expect(formula("setNumber", "Ergebnis!B2")).toBe("Kommunen!$C$3*2");
  });

  it("setText types text, even digits, and the sheet computes with it", () => {
    expect(value("setText", "Kommunen!B5")).toBe("Eibenstock");
    expect(value("setText", "Kommunen!C5")).toBe("7500");
    expect(value("setText", "Ergebnis!D1")).toBe("Eibenstock");
    expect(value("setText", "Ergebnis!A3")).toBe(13200); // SUM skips the text
  });

  it("setFormula types a formula and LibreOffice stores its result and its dependants'", () => {
    expect(formula("setFormula", "Kommunen!C2")).toBe("4000+800");
    expect(value("setFormula", "Kommunen!C2")).toBe(4800);
    expect(value("setFormula", "Ergebnis!A2")).toBe(9600);
  });

  it("setPercent stores the fraction with a percent format, as typing „35 %“ does", () => {
    expect(value("setPercent", "Kommunen!C3")).toBe(0.35);
    expect(percentFormat).toContain("%");
    expect(value("setPercent", "Ergebnis!B2")).toBe(0.7);
  });

  it("renameSheet renames the sheet and the references to it", () => {
    const names = edited.get("renameSheet")?.sheets.map((s) => s.name);
    expect(names).toContain("Listen alt");
    expect(names).not.toContain("Listen");
    expect(formula("renameSheet", "Kommunen!E2")).toContain("'Listen alt'!");
    expect(value("renameSheet", "Kommunen!E2")).toBe(1);
  });

  it("sortRows sorts the rows of a range by a column", () => {
    const names = ["B2", "B3", "B4", "B5"].map((a) => value("sortRows", `Kommunen!${a}`));
    expect(names).toEqual(["Bockau", "Stützengrün", "Schönheide", "Zschorlau"]);
    expect(value("sortRows", "Kommunen!C2")).toBe(2000);
  });

  it("clearCells empties values and keeps the rest of the row", () => {
    expect(value("clearCells", "Kommunen!B5")).toBeNull();
    expect(value("clearCells", "Kommunen!C5")).toBeNull();
    expect(formula("clearCells", "Kommunen!A5")).toBe("ROW()-1");
  });

  it("fails with LibreOffice's and Python's output, and leaves no file, when an edit cannot be done", async () => {
    const input = join(dir, "nothing.xlsx");
    const good = join(dir, "good.xlsx");
    const bad = join(dir, "bad.xlsx");
    const failure = editWorkbooks([
      { input, output: good, edits: [] },
      { input, output: bad, edits: [{ kind: "setNumber", sheet: "Gibt es nicht", cell: "A1", value: 1 }] },
    ]);
    await expect(failure).rejects.toThrow(/1 of 2 workbook edit job\(s\) failed[\s\S]*no sheet 'Gibt es nicht'/);
    expect(existsSync(bad)).toBe(false);
    expect(existsSync(good)).toBe(false);
  });

  it("refuses jobs that would overwrite their input or each other before starting LibreOffice", async () => {
    const input = join(dir, "nothing.xlsx");
    await expect(editWorkbooks([{ input, output: input, edits: [] }])).rejects.toThrow(/overwrite its input/);
    const out = join(dir, "twice.xlsx");
    await expect(
      editWorkbooks([
        { input, output: out, edits: [] },
        { input, output: out, edits: [] },
      ]),
    ).rejects.toThrow(/two jobs write/);
  });
});
