import { describe, expect, it } from "vitest";
import { FakeExcel, FakeWorkbook } from "./fakeExcel.js";

describe("fakeExcel behaves like Office.js where the adapter depends on it", () => {
  it("throws when a property is read before load and sync", async () => {
    const fake = new FakeExcel(new FakeWorkbook());
    fake.workbook.addSheet("Blatt");
    const worksheets = fake.context.workbook.worksheets;
    expect(() => worksheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    worksheets.load("items/name");
    expect(() => worksheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await fake.context.sync();
    expect(worksheets.items.map((sheet) => sheet.name)).toEqual(["Blatt"]);
    expect(() => worksheets.items[0]?.visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  it("parses strings written through values like typed input, unless the cell is text-formatted", async () => {
    const fake = new FakeExcel(new FakeWorkbook());
    const sheet = fake.workbook.addSheet("Blatt");
    const range = fake.context.workbook.worksheets.getItem("Blatt").getRange("A1:F1");
    range.numberFormat = [[null, null, null, null, null, "@"]];
    range.values = [["=1+1", "-x", "12.5", "2025-01-31", "Text", "=1+1"]];
    await fake.context.sync();
    expect(sheet.at("A1")).toMatchObject({ formula: "1+1", value: null });
    expect(sheet.at("B1")).toMatchObject({ formula: "-x" });
    expect(sheet.at("C1")).toMatchObject({ value: 12.5 });
    expect(sheet.at("D1")).toMatchObject({ value: 45688, numberFormat: "yyyy-mm-dd" });
    expect(sheet.at("E1")).toMatchObject({ value: "Text" });
    expect(sheet.at("F1")).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(sheet.at("F1")?.formula).toBeUndefined();
  });

  it("leaves cells alone for null, rejects arrays of the wrong shape, and fills formulas down", async () => {
    const fake = new FakeExcel(new FakeWorkbook());
    const sheet = fake.workbook.addSheet("Blatt").put("A2", { value: "bleibt" });
    const blatt = fake.context.workbook.worksheets.getItem("Blatt");
    blatt.getRange("A1:A2").values = [["neu"], [null]];
    blatt.getRange("B1").formulas = [["=A1&$A$2"]];
    blatt.getRange("B2:B3").copyFrom("B1", "Formulas", false, false);
    await fake.context.sync();
    expect(sheet.at("A2")?.value).toBe("bleibt");
    expect(sheet.at("B3")?.formula).toBe("A3&$A$2");
    blatt.getRange("A1:B1").values = [["zu kurz"]];
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses requests above its limit without running any command", async () => {
    const fake = new FakeExcel(new FakeWorkbook(), { requestLimit: 500 });
    const sheet = fake.workbook.addSheet("Blatt");
    fake.context.workbook.worksheets.getItem("Blatt").getRange("A1:A100").values = Array.from(
      { length: 100 },
      (_, i) => [`Zeile ${i}`],
    );
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(sheet.rows.size).toBe(0);
  });
});

describe("fakeExcel renames and deletes sheets as Excel does", () => {
  function userWorkbook(): FakeExcel {
    const workbook = new FakeWorkbook();
    workbook
      .addSheet("Mein")
      .put("A1", { formula: "Kommune!A1" })
      .put("A2", { formula: 'SUM(Kommune!B1:B3)&"Kommune!"' });
    const town = workbook.addSheet("Kommune").put("A1", { value: 1 }).put("A2", { formula: "Kommune!A1+A1" });
    town.validations.push({ address: "C1", rule: { list: { inCellDropDown: true, source: "=Kommune!$A$1:$A$3" } } });
    town.conditionalFormats.push({ address: "D1", type: "Custom", rule: { formula: "=Mein!A1>0" } });
    return new FakeExcel(workbook);
  }

  it("rewrites every reference on rename: formulas, validation sources, conditional formats", async () => {
    const fake = userWorkbook();
    const worksheets = fake.context.workbook.worksheets;
    worksheets.getItem("Kommune").name = "~ikz-alt-1";
    worksheets.getItem("Mein").name = "Meine Daten";
    await fake.context.sync();
    const mine = fake.workbook.sheet("Meine Daten")!;
    const old = fake.workbook.sheet("~ikz-alt-1")!;
    expect(mine.at("A1")?.formula).toBe("'~ikz-alt-1'!A1");
    expect(mine.at("A2")?.formula).toBe(`SUM('~ikz-alt-1'!B1:B3)&"Kommune!"`);
    expect(old.at("A2")?.formula).toBe("'~ikz-alt-1'!A1+A1");
    expect(old.validations[0]?.rule).toEqual({ list: { inCellDropDown: true, source: "='~ikz-alt-1'!$A$1:$A$3" } });
    expect(old.conditionalFormats[0]?.rule).toEqual({ formula: "='Meine Daten'!A1>0" });
    // the id stays with the sheet
    const loaded = worksheets.getItem("~ikz-alt-1").load("id,name");
    const byId = worksheets.getItem(old.id).load("name");
    await fake.context.sync();
    expect(loaded.id).toBe(old.id);
    expect(byId.name).toBe("~ikz-alt-1");
  });

  it("turns every reference into #REF! on delete, and a new sheet of the old name does not bring them back", async () => {
    const fake = userWorkbook();
    const worksheets = fake.context.workbook.worksheets;
    worksheets.getItem("Kommune").delete();
    worksheets.add("Kommune");
    await fake.context.sync();
    const mine = fake.workbook.sheet("Mein")!;
    expect(mine.at("A1")?.formula).toBe("#REF!A1");
    expect(mine.at("A2")?.formula).toBe(`SUM(#REF!B1:B3)&"Kommune!"`);
    expect(fake.workbook.sheet("Kommune")?.rows.size).toBe(0);
  });

  it("refuses names Excel refuses and a name another sheet has, changing nothing", async () => {
    const fake = userWorkbook();
    const before = fake.workbook.state();
    for (const name of ["mein", "a/b", "'x", "x".repeat(32), ""]) {
      fake.context.workbook.worksheets.getItem("Kommune").name = name;
      await expect(fake.context.sync(), name).rejects.toMatchObject({
        code: expect.stringMatching(/ItemAlreadyExists|InvalidArgument/) as unknown,
      });
    }
    expect(fake.workbook.state()).toEqual(before);
  });
});

describe("fakeExcel fails commands on request, as Excel fails a batch", () => {
  it("keeps the commands before the failing one, runs none after it, and fires once", async () => {
    const fake = new FakeExcel(new FakeWorkbook(), { failure: { kind: "values", at: 1, code: "GeneralException" } });
    const sheet = fake.workbook.addSheet("Blatt");
    const blatt = fake.context.workbook.worksheets.getItem("Blatt");
    blatt.getRange("A1").values = [["eins"]];
    blatt.getRange("A2").numberFormat = [["0.00"]];
    blatt.getRange("A3").values = [["zwei"]];
    blatt.getRange("A4").values = [["drei"]];
    const error = await fake.context.sync().catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "GeneralException",
      debugInfo: { code: "GeneralException", errorLocation: "values#2" },
    });
    expect(sheet.at("A1")?.value).toBe("eins");
    expect(sheet.at("A2")?.numberFormat).toBe("0.00");
    expect(sheet.at("A3")).toBeUndefined();
    expect(sheet.at("A4")).toBeUndefined();
    expect(fake.commandKinds).toEqual(["values", "numberFormat", "values"]);
    // the next batch runs normally
    blatt.getRange("A3").values = [["zwei"]];
    await fake.context.sync();
    expect(sheet.at("A3")?.value).toBe("zwei");
  });

  it("fails the n-th command of any kind, formulas and values told apart", async () => {
    const fake = new FakeExcel(new FakeWorkbook());
    fake.workbook.addSheet("Blatt");
    const blatt = fake.context.workbook.worksheets.getItem("Blatt");
    fake.failNext({ at: 2, code: "AccessDenied" });
    blatt.getRange("A1").formulas = [["=1"]];
    blatt.getRange("A2").values = [["x"]];
    blatt.name = "Neu";
    blatt.getRange("A3").values = [["y"]];
    await expect(fake.context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.commandKinds).toEqual(["formulas", "values", "renameSheet"]);
    expect(fake.workbook.sheet("Blatt")?.at("A2")?.value).toBe("x");
  });
});
