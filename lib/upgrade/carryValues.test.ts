import { describe, expect, it } from "vitest";
import { probeMetadata, probeSheet, probeSpec, probeWorkbook100 } from "../../test/support/probeTemplate.js";
import type { WorkbookSnapshot } from "../snapshot/WorkbookSnapshot.js";
import { carryValues } from "./carryValues.js";

describe("carryValues of a 1.0.0 workbook", () => {
  const carried = carryValues(probeSpec, probeWorkbook100(), "1.0.0", "de", "en");

  it("takes the language from the metadata", () => {
    expect(carried.language).toBe("de");
  });

  it("places every input by column key: a former key, a former label, a header the user renamed (by its place)", () => {
    expect(carried.tableRows["people"]).toEqual([
      { name: "Anna", town: "Aue", age: 34 },
      {},
      { name: "Ben", town: "Bockau", age: 31 },
    ]);
  });

  it("keeps the user's own column with its header, a formula as its value", () => {
    const extras = carried.extraColumns["people"] ?? [];
    expect(extras.map((e) => ({ header: e.header, from: e.from, values: [...e.values] }))).toEqual([
      {
        header: "Bemerkung",
        from: "G",
        values: [
          [0, "ok"],
          [2, 15.5],
        ],
      },
    ]);
  });

  it("sets aside what has no place: a note above the table, a retired input column, a value typed over a formula", () => {
    expect(carried.carriedOver).toEqual([
      { sheet: "Leute", cell: "D2", value: "Stand März", reason: "outsideTable" },
      { sheet: "Leute", cell: "E5", value: "mag Tee", reason: "retiredColumn", column: "Notiz" },
      { sheet: "Leute", cell: "F7", value: 999, reason: "computedTypedOver", column: "Doppelt" },
    ]);
  });

  it("takes every value of the user once, and nothing of the template's (texts, formulas, metadata)", () => {
    const values = [
      ...(carried.tableRows["people"] ?? []).flatMap((row) => Object.values(row)),
      ...(carried.extraColumns["people"] ?? []).flatMap((extra) => [...extra.values.values()]),
      ...carried.carriedOver.map((aside) => aside.value),
      ...carried.userSheets.flatMap((sheet) => sheet.rows.flatMap((row) => row.cells.map((cell) => cell.value))),
    ];
    expect(values).toEqual(["Anna", 34, "Aue", "Ben", 31, "Bockau", "ok", 15.5, "Stand März", "mag Tee", 999, "x", 2]);
  });

  it("copies the user's own sheet as values", () => {
    expect(carried.userSheets).toEqual([
      {
        name: "Notizen",
        rows: [
          { row: 1, cells: [{ column: 1, value: "x" }] },
          { row: 3, cells: [{ column: 2, value: 2 }] },
        ],
        count: 2,
        formulas: 1,
      },
    ]);
  });

  it("reports every change in sheet order", () => {
    expect(carried.addedSheets).toEqual(["settings"]);
    expect(carried.changes).toEqual([
      { kind: "sheetAdded", sheet: "Angaben" },
      { kind: "sheetRenamed", from: "Leute", sheet: "Personen" },
      { kind: "headerGuessed", sheet: "Leute", cell: "C4", found: "Alter (Jahre)", column: "Lebensalter" },
      { kind: "formulaReplaced", sheet: "Leute", cell: "C7", formula: "=30+1", value: 31 },
      { kind: "columnRenamed", sheet: "Leute", from: "Vollständiger Name", column: "Name" },
      { kind: "columnRenamed", sheet: "Leute", from: "Lebensalter", column: "Alter" },
      { kind: "columnMoved", sheet: "Leute", column: "Alter", from: "C", to: "D" },
      { kind: "columnMoved", sheet: "Leute", column: "Ort", from: "D", to: "C" },
      { kind: "columnAdded", sheet: "Leute", column: "E-Mail", at: "E" },
      { kind: "computedColumnsRenewed", sheet: "Leute", dropped: ["Doppelt"], renamed: [], added: ["Doppeltes Alter"] },
      { kind: "valuesCarried", sheet: "Leute", count: 6 },
      { kind: "extraColumnKept", sheet: "Leute", header: "Bemerkung", from: "G", to: "G", count: 2, formulas: 1 },
      { kind: "userSheetKept", sheet: "Notizen", count: 2, formulas: 1 },
    ]);
  });
});

describe("carryValues of a 1.1.0 workbook with a form", () => {
  const workbook: WorkbookSnapshot = {
    fileName: "probe.xlsx",
    sheets: [
      probeSheet("Angaben", {
        1: ["Angaben"],
        4: ["Jahr", 2024],
        5: ["Stelle", "Bauhof", "Name der Stelle", "Nebenbei"],
        6: ["Summe Alter", { f: "SUM(Personen!D5:D7)", v: 40 }],
        7: ["Kassenzeichen", "K-17"],
      }),
      probeSheet("Personen", {
        4: ["Nr.", "Name", "Lebensalter", "Doppeltes Alter", "Ort"],
        5: [{ f: "ROW()-4", v: 1 }, "Anna", 40, { f: "C5*2", v: 80 }, "Aue"],
      }),
      probeMetadata("probe", "1.1.0", "en"),
    ],
  };
  const carried = carryValues(probeSpec, workbook, "1.1.0", undefined, "en");

  it("reads form fields by their label; their hints and formulas are the template's", () => {
    expect(carried.formValues["settings"]).toEqual({ year: 2024, unit: "Bauhof" });
    expect(carried.tableRows["people"]).toEqual([{ name: "Anna", age: 40, town: "Aue" }]);
  });

  it("sets aside a form row without a field and a cell beside a field", () => {
    expect(carried.carriedOver).toEqual([
      { sheet: "Angaben", cell: "D5", value: "Nebenbei", reason: "outsideTable", column: "Stelle" },
      { sheet: "Angaben", cell: "A7", value: "Kassenzeichen", reason: "outsideTable" },
      { sheet: "Angaben", cell: "B7", value: "K-17", reason: "outsideTable" },
    ]);
  });

  it("takes the language from the sheet names when the metadata does not tell", () => {
    expect(carried.language).toBe("de");
  });

  it("reports a former label as a rename, without any guess", () => {
    expect(carried.changes.filter((c) => c.kind === "columnRenamed" || c.kind === "headerGuessed")).toEqual([
      { kind: "columnRenamed", sheet: "Personen", from: "Lebensalter", column: "Alter" },
    ]);
    expect(carried.changes).toContainEqual({ kind: "valuesCarried", sheet: "Angaben", count: 2 });
    expect(carried.changes).toContainEqual({
      kind: "columnMoved",
      sheet: "Personen",
      column: "Ort",
      from: "E",
      to: "C",
    });
  });
});

describe("carryValues of a workbook of the current version", () => {
  it("finds everything in place: no change but the counts", () => {
    const workbook: WorkbookSnapshot = {
      fileName: "probe.xlsx",
      sheets: [
        probeSheet("Details", { 1: ["Details"], 4: ["Year", 2025], 5: ["Unit", "Depot", "Name of the unit"] }),
        probeSheet("People", {
          1: ["People"],
          2: ["One row per person."],
          4: ["No.", "Name", "Town", "Age", "E-mail", "Double age"],
          5: [{ f: "ROW()-4", v: 1 }, "Anna", "Aue", 40, "anna@aue.de", { f: "D5*2", v: 80 }],
        }),
        probeMetadata("probe", "2.0.0", "en"),
      ],
    };
    const carried = carryValues(probeSpec, workbook, "2.0.0", "en", "de");
    expect(carried.language).toBe("en");
    expect(carried.carriedOver).toEqual([]);
    expect(carried.changes).toEqual([
      { kind: "valuesCarried", sheet: "Details", count: 2 },
      { kind: "valuesCarried", sheet: "People", count: 4 },
    ]);
  });

  it("keeps a formula without a saved result as text in the user's own places, and sets it aside from an input", () => {
    const workbook: WorkbookSnapshot = {
      fileName: "probe.xlsx",
      sheets: [
        probeSheet("People", {
          4: ["No.", "Name", "Town", "Age", "E-mail", "Double age", "Mine"],
          5: [undefined, "Anna", "Aue", { f: "20+20", v: null }, undefined, undefined, { f: "D5+1", v: null }],
        }),
        probeMetadata("probe", "2.0.0", "en"),
      ],
    };
    const carried = carryValues(probeSpec, workbook, "2.0.0", "en", "de");
    expect(carried.tableRows["people"]).toEqual([{ name: "Anna", town: "Aue" }]);
    expect(carried.carriedOver).toEqual([
      { sheet: "People", cell: "D5", value: "=20+20", reason: "formulaWithoutResult", column: "Age" },
    ]);
    expect([...(carried.extraColumns["people"]?.[0]?.values ?? [])]).toEqual([[0, "=D5+1"]]);
  });
});
