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
