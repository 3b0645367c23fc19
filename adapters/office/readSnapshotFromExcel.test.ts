import { describe, expect, it } from "vitest";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/plan.js";
import { checkWorkbook } from "../../journeys/checkWorkbook.js";
import { FakeExcel, FakeWorkbook, type FakeSheet } from "./testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES, MINIMUM_EXCEL_FEATURES } from "./features.js";
import { OfficeHostError } from "./officeErrors.js";
import { cellValueOf, mergeAddresses, readSnapshotFromExcel } from "./readSnapshotFromExcel.js";
import { writePlanToExcel } from "./writePlanToExcel.js";

const NO_LIMIT = 1e12;

/** A sheet with one of every kind of cell, starting at C3 (so the used range is offset). */
function mixedWorkbook(): FakeWorkbook {
  const workbook = new FakeWorkbook("Haushalt.xlsx");
  const sheet = workbook.addSheet("Daten");
  sheet
    .put("C3", { value: "Text" })
    .put("D3", { value: 1.5, numberFormat: "0.00" })
    .put("E3", { value: 46022, numberFormat: "dd.mm.yyyy" })
    .put("F3", { formula: "D3*2" })
    .put("G3", { error: "#DIV/0!" })
    .put("H3", { value: true })
    .put("I3", { value: "=cmd" })
    .put("J3", { formula: "1/0" })
    .put("C5", { value: 7 });
  sheet.merges.push("C5:D5");
  workbook.addSheet("Versteckt").visibility = "Hidden";
  workbook.addSheet("Intern").put("A1", { value: "x" }).visibility = "VeryHidden";
  return workbook;
}

function evaluate(formula: string): number | { error: string } | null {
  if (formula === "D3*2") return 3;
  if (formula === "1/0") return { error: "#DIV/0!" };
  return null;
}

describe("readSnapshotFromExcel", () => {
  it("returns cells like the exceljs reader: formulas, errors, dates, booleans, text that looks like a formula", async () => {
    const fake = new FakeExcel(mixedWorkbook(), { evaluate });
    const snapshot = await readSnapshotFromExcel(fake.context, { features: ALL_EXCEL_FEATURES });
    expect(snapshot.fileName).toBe("Haushalt.xlsx");
    const data = snapshot.sheets[0]!;
    expect(data.name).toBe("Daten");
    expect(data.rows[1]).toBeUndefined();
    expect(data.rows[3]?.slice(3)).toEqual([
      { value: "Text" },
      { value: 1.5 },
      { value: new Date(Date.UTC(2025, 11, 31)) },
      { value: 3, formula: "D3*2" },
      { value: { error: "#DIV/0!" } },
      { value: true },
      { value: "=cmd" },
      { value: { error: "#DIV/0!" }, formula: "1/0" },
    ]);
    expect(data.rows[4]).toBeUndefined();
    expect(data.rows[5]?.[3]).toEqual({ value: 7 });
    expect(data.rows.length - 1).toBe(5);
    // „Daten“ is the user's own sheet: its merged areas are not read (see the merged-area tests)
    expect(data.merges).toEqual([]);
    expect(snapshot.sheets.map((sheet) => [sheet.name, sheet.state, sheet.rows.length])).toEqual([
      ["Daten", "visible", 6],
      ["Versteckt", "hidden", 0],
      ["Intern", "veryHidden", 2],
    ]);
    // names, sizes, cells
    expect(fake.syncs).toBe(3);
  });

  it("reports no merges without ExcelApi 1.13 and takes the file name it is given", async () => {
    const fake = new FakeExcel(mixedWorkbook());
    const snapshot = await readSnapshotFromExcel(fake.context, {
      features: MINIMUM_EXCEL_FEATURES,
      fileName: "Kopie.xlsx",
    });
    expect(snapshot.fileName).toBe("Kopie.xlsx");
    expect(snapshot.sheets[0]?.merges).toEqual([]);
    // a formula without a calculated result reads as null, like a file without cached values
    expect(snapshot.sheets[0]?.rows[3]?.[6]).toEqual({ value: null, formula: "D3*2" });
  });

  it("needs the same number of syncs for 100 and 10,000 task rows", async () => {
    const syncs: number[] = [];
    for (const rows of [100, 10_000]) {
      const products = Array.from({ length: rows }, (_, index) => ({
        code: String(10_000_000 + index),
        name: `Produkt ${index}`,
      }));
      const { plan } = planTaskCatalogue({ language: "de", town: "Bockau", demo: true, products });
      const workbook = new FakeWorkbook("Bockau.xlsx");
      workbook.addSheet("Tabelle1");
      await writePlanToExcel(new FakeExcel(workbook).context, plan, { replace: false, features: ALL_EXCEL_FEATURES });
      const fake = new FakeExcel(workbook, { responseLimit: NO_LIMIT });
      const snapshot = await readSnapshotFromExcel(fake.context, { features: ALL_EXCEL_FEATURES });
      expect(snapshot.sheets.find((sheet) => sheet.name === "Aufgaben")?.rows[4 + rows]?.[1]).toEqual({
        value: String(10_000_000 + rows - 1),
      });
      syncs.push(fake.syncs);
    }
    expect(syncs).toEqual([3, 3]);
  }, 60_000);

  it("falls back to row chunks when the answer exceeds Excel on the web's limit, with the same result", async () => {
    const workbook = new FakeWorkbook("Gross.xlsx");
    const sheet = workbook.addSheet("Daten");
    for (let row = 1; row <= 2_000; row++) {
      sheet
        .put(`A${row}`, { value: `Zeile ${row}` })
        .put(`B${row}`, { value: row })
        .put(`C${row}`, { formula: `B${row}*2+LEN(A${row})` });
    }
    const whole = await readSnapshotFromExcel(new FakeExcel(workbook, { responseLimit: NO_LIMIT }).context);
    const limited = new FakeExcel(workbook, { responseLimit: 40_000 });
    const chunked = await readSnapshotFromExcel(limited.context, { chunkCells: 6_000 });
    expect(chunked).toEqual(whole);
    // names, the refused answer, the sizes, then chunks (halved once the first is still too large)
    expect(limited.syncs).toBeGreaterThan(4);
  });

  it("gives up with a clear error when even one row is too large to answer", async () => {
    const workbook = new FakeWorkbook("Breit.xlsx");
    workbook.addSheet("Daten").put("A1", { value: "x".repeat(5_000) });
    const error = await readSnapshotFromExcel(new FakeExcel(workbook, { responseLimit: 1_000 }).context).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OfficeHostError);
    expect(error).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded", messageKey: "responseTooLarge" });
  });

  it("maps Office's parallel arrays to snapshot values", () => {
    expect(cellValueOf("", "Empty", "General")).toBeNull();
    expect(cellValueOf("#N/A", "Error", "General")).toEqual({ error: "#N/A" });
    expect(cellValueOf(45658, "Double", "yyyy-mm-dd")).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(cellValueOf(0.5, "Double", "[h]:mm")).toBe(0.5);
    expect(cellValueOf(12, "Integer", "0")).toBe(12);
    expect(cellValueOf(false, "Boolean", "General")).toBe(false);
    expect(cellValueOf(1, "String", "@")).toBe("1");
    expect(cellValueOf("Berlin", "RichValue", "General")).toBe("Berlin");
  });

  it("reads merged areas from Office's address list", () => {
    expect(mergeAddresses("Daten!B5:C5, 'Mein Blatt'!$D$1:$E$1")).toEqual(["B5:C5", "D1:E1"]);
    expect(mergeAddresses("")).toEqual([]);
  });
});

/** `count` merged areas `A{r}:B{r}` from row `first` on. */
function mergeRows(sheet: FakeSheet, first: number, count: number, columns = "A:B"): void {
  const [left = "A", right = "B"] = columns.split(":");
  for (let row = first; row < first + count; row++) sheet.merges.push(`${left}${row}:${right}${row}`);
}

/** Whether Excel (the fake) refuses to answer a sheet's merged areas in one call. */
async function mergedAreasFailInOneCall(workbook: FakeWorkbook, sheet: string): Promise<unknown> {
  const probe = new FakeExcel(workbook);
  probe.context.workbook.worksheets.getItem(sheet).getRange().getMergedAreasOrNullObject().load("address");
  return probe.context.sync().then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("readSnapshotFromExcel within Excel's limits", () => {
  it("reads merged areas on template sheets only: 600 on a user's sheet do not break the read", async () => {
    const workbook = new FakeWorkbook("Verbund.xlsx");
    const tasks = workbook.addSheet("Aufgaben").put("A5", { value: "x" });
    tasks.merges.push("C5:D5", "A7:A9");
    const own = workbook.addSheet("Meine Liste").put("A1", { value: "Eintrag" }).put("B600", { value: 600 });
    mergeRows(own, 1, 600);
    // Excel's limit, as the fake enforces it: one call over the whole sheet fails
    expect(await mergedAreasFailInOneCall(workbook, "Meine Liste")).toMatchObject({ code: "GeneralException" });

    const fake = new FakeExcel(workbook);
    const snapshot = await readSnapshotFromExcel(fake.context, { features: ALL_EXCEL_FEATURES });
    expect(snapshot.sheets.map((sheet) => [sheet.name, sheet.merges])).toEqual([
      ["Aufgaben", ["C5:D5", "A7:A9"]],
      ["Meine Liste", []],
    ]);
    // its cells are still read
    expect(snapshot.sheets[1]?.rows[600]?.[2]).toEqual({ value: 600 });
    // names, sizes with the merged areas of „Aufgaben“, cells
    expect(fake.syncs).toBe(3);
  });

  it("reads more than 512 merged areas of a template sheet in blocks no call can overflow", async () => {
    const workbook = new FakeWorkbook("Verbund.xlsx");
    const tasks = workbook.addSheet("Aufgaben").put("A5", { value: "x" });
    mergeRows(tasks, 5, 600);
    // an area across the blocks' borders (rows 5 to 400, column C) is answered once, whole
    tasks.merges.push("C5:C400");
    expect(await mergedAreasFailInOneCall(workbook, "Aufgaben")).toMatchObject({ code: "GeneralException" });

    const fake = new FakeExcel(workbook);
    const snapshot = await readSnapshotFromExcel(fake.context, { features: ALL_EXCEL_FEATURES });
    expect([...(snapshot.sheets[0]?.merges ?? [])].sort()).toEqual([...tasks.merges].sort());
    // names, sizes with merged areas (refused), sizes again, 4 blocks of 170 rows × 3 columns
    // (at most 512 cells, so at most 512 top-left cells) in one sync, cells
    expect(fake.syncs).toBe(5);
    expect(snapshot.sheets[0]?.rows[5]?.[1]).toEqual({ value: "x" });
  });

  it("needs one more sync per 200 merge blocks: a template sheet 600 columns wide", async () => {
    const workbook = new FakeWorkbook("Verbund.xlsx");
    const tasks = workbook.addSheet("Aufgaben").put("A1", { value: "x" }).put("WB300", { value: "y" });
    mergeRows(tasks, 1, 300, "A:B");
    mergeRows(tasks, 1, 300, "TJ:TK"); // columns 530–531, in the second block of each row
    const fake = new FakeExcel(workbook);
    const snapshot = await readSnapshotFromExcel(fake.context, { features: ALL_EXCEL_FEATURES });
    expect(snapshot.sheets[0]?.merges).toHaveLength(600);
    // 300 rows × (512 + 88 columns) = 600 blocks: 3 syncs of 200, plus names, sizes (refused),
    // sizes again and cells
    expect(fake.syncs).toBe(4 + 3);
  });

  it("does not read a user's sheet of 5.1 million cells (Excel would answer values = null) and says so", async () => {
    const workbook = new FakeWorkbook("Verbund.xlsx");
    workbook.addSheet("Kommune").put("A1", { value: "Name der Kommune" }).put("B1", { value: "Bockau" });
    // 5,100 rows × 1,000 columns in use
    workbook.addSheet("Export").put("A1", { value: "Kopf" }).put("ALL5100", { value: 1 });
    const { context } = new FakeExcel(workbook);
    const whole = context.workbook.worksheets.getItem("Export").getRangeByIndexes(0, 0, 5_100, 1_000);
    whole.load("values");
    await context.sync();
    expect(whole.values).toBeNull();

    const fake = new FakeExcel(workbook);
    const snapshot = await readSnapshotFromExcel(fake.context, { features: ALL_EXCEL_FEATURES });
    expect(snapshot.sheets.map((sheet) => [sheet.name, sheet.rows.length])).toEqual([
      ["Kommune", 2],
      ["Export", 0],
    ]);
    expect(snapshot.notices).toEqual([
      expect.objectContaining({
        severity: "info",
        code: "sheet.notRead",
        file: "Verbund.xlsx",
        sheet: "Export",
        cell: "A1:ALL5100",
        received: "5.100.000",
        expected: "200.000",
        message: expect.stringContaining("nur seinen Namen") as unknown,
      }),
    ]);
    expect(fake.syncs).toBe(3);
    // the pane shows the notice with the findings of the check
    const { report } = checkWorkbook(snapshot, "en");
    expect(report.issues.filter((issue) => issue.code === "sheet.notRead")).toHaveLength(1);

    const english = await readSnapshotFromExcel(new FakeExcel(workbook).context, { language: "en" });
    expect(english.notices?.[0]).toMatchObject({ received: "5,100,000", expected: "200,000" });
    expect(english.notices?.[0]?.message).toContain("read only its name");
  });

  it("reads a template sheet above the cells Excel answers in one range in row pieces, in the same sync", async () => {
    const workbook = new FakeWorkbook("Gross.xlsx");
    const tasks = workbook.addSheet("Aufgaben");
    for (let row = 1; row <= 1_500; row++) tasks.put(`A${row}`, { value: row }).put(`B${row}`, { value: `T${row}` });
    // the fake's limit lowered from 5 million to 1,000 cells: 3,000 cells need 4 pieces of 250 rows
    const limited = { valuesCellLimit: 1_000, responseLimit: NO_LIMIT };
    const fake = new FakeExcel(workbook, limited);
    const snapshot = await readSnapshotFromExcel(fake.context, { maxRangeCells: 1_000 });
    expect(snapshot.sheets[0]?.rows[1_500]?.[2]).toEqual({ value: "T1500" });
    expect(snapshot.sheets[0]?.rows.length).toBe(1_501);
    expect(fake.syncs).toBe(3);
    // one range above the limit: Excel answers null, which the reader does not take for an empty sheet
    const whole = readSnapshotFromExcel(new FakeExcel(workbook, limited).context, { maxRangeCells: 3_000 });
    await expect(whole).rejects.toBeInstanceOf(OfficeHostError);
  });
});
