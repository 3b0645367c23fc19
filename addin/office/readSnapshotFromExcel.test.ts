import { describe, expect, it } from "vitest";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/planTaskCatalogue.js";
import { FakeExcel, FakeWorkbook } from "./fakeExcel.js";
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
    expect(data.merges).toEqual(["C5:D5"]);
    expect(snapshot.sheets.map((sheet) => [sheet.name, sheet.state, sheet.rows.length])).toEqual([
      ["Daten", "visible", 6],
      ["Versteckt", "hidden", 0],
      ["Intern", "veryHidden", 2],
    ]);
    expect(fake.syncs).toBe(2);
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
    expect(syncs).toEqual([2, 2]);
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
