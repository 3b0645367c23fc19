import { describe, expect, it } from "vitest";
import { probeMetadata, probeSheet, probeSpec, probeWorkbook100 } from "../testing/probeTemplate.js";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot/WorkbookSnapshot.js";
import { carryValues } from "./carryValues.js";
import { isFinding } from "./UpgradeChange.js";

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

describe("carryValues finds a sheet the user renamed, or says why it cannot", () => {
  /** The 1.0.0 workbook with „Leute“ under another name and, optionally, more sheets. */
  const renamed = (name: string, extra: readonly SheetSnapshot[] = [], header?: readonly string[]) => {
    const workbook = probeWorkbook100(extra);
    const sheets = workbook.sheets.map((sheet, index) => {
      if (index !== 0) return sheet; // „Leute“ comes first
      const rows = [...sheet.rows];
      if (header) rows[4] = [undefined, ...header.map((value) => ({ value }))];
      return { ...sheet, name, rows };
    });
    return { ...workbook, sheets };
  };
  const copyOfPeople = (name: string): SheetSnapshot => ({
    ...(probeWorkbook100().sheets.find((s) => s.name === "Leute") as SheetSnapshot),
    name,
  });

  it("finds it by its column labels, carries its values and reports the change (a finding), not a sheet of the user's own", () => {
    const carried = carryValues(probeSpec, renamed("Team 2026"), "1.0.0", "de", "de");
    expect(carried.problems).toEqual([]);
    expect(carried.tableRows["people"]).toEqual(
      carryValues(probeSpec, probeWorkbook100(), "1.0.0", "de", "de").tableRows["people"],
    );
    expect(carried.changes).toContainEqual({ kind: "sheetRecognised", from: "Team 2026", sheet: "Personen" });
    expect(carried.changes.map((c) => c.kind)).not.toContain("sheetRenamed");
    expect(carried.userSheets.map((s) => s.name)).toEqual(["Notizen"]);
    expect(isFinding({ kind: "sheetRecognised", from: "Team 2026", sheet: "Personen" })).toBe(true);
  });

  it("finds it by labels of either language", () => {
    const english = renamed("Crew", [], ["No.", "Full name", "Age in years", "Town", "Note", "Double", "Remark"]);
    const carried = carryValues(probeSpec, english, "1.0.0", "de", "de");
    expect(carried.problems).toEqual([]);
    expect(carried.tableRows["people"]?.[0]).toEqual({ name: "Anna", town: "Aue", age: 34 });
  });

  it("stops when no sheet shows its labels: names the sheet, the labels and the sheets there are", () => {
    const carried = carryValues(
      probeSpec,
      renamed("Team 2026", [], ["#", "Wer", "Wie alt", "Wo", "Was", "x2", "Bemerkung"]),
      "1.0.0",
      "de",
      "de",
    );
    expect(carried.problems).toEqual([
      {
        kind: "sheetNotFound",
        sheet: "Leute",
        labels: ["Vollständiger Name", "Lebensalter", "Ort"],
        sheets: ["Team 2026", "Notizen"],
      },
    ]);
  });

  it("stops when two sheets show its labels equally well", () => {
    const carried = carryValues(probeSpec, renamed("Team 2025", [copyOfPeople("Team 2026")]), "1.0.0", "de", "de");
    expect(carried.problems).toEqual([
      { kind: "sheetAmbiguous", sheet: "Leute", candidates: ["Team 2025", "Team 2026"] },
    ]);
  });

  it("takes a copy under the sheet's own name without asking, and keeps the other as the user's", () => {
    const carried = carryValues(probeSpec, probeWorkbook100([copyOfPeople("Leute (2)")]), "1.0.0", "de", "de");
    expect(carried.problems).toEqual([]);
    expect(carried.userSheets.map((s) => s.name)).toEqual(["Leute (2)", "Notizen"]);
  });

  it("stops when the sheet under its name is empty and another sheet has its columns and entries", () => {
    const empty = probeSheet("Leute", { 4: ["Nr.", "Vollständiger Name", "Lebensalter", "Ort"] });
    const carried = carryValues(probeSpec, renamed("Leute alt", [empty]), "1.0.0", "de", "de");
    expect(carried.problems).toEqual([{ kind: "entriesElsewhere", sheet: "Leute", other: "Leute alt", count: 7 }]);
  });

  it("stops when the sheet was found but none of its entries went into a column of the template", () => {
    const sheet = probeSheet("Leute", {
      4: ["Nr.", "Vollständiger Name", "Lebensalter", "Ort", undefined, undefined, undefined, "Namen (neu)"],
      5: [{ f: "ROW()-4", v: 1 }, undefined, undefined, undefined, undefined, undefined, undefined, "Anna"],
      6: [{ f: "ROW()-4", v: 2 }, undefined, undefined, undefined, undefined, undefined, undefined, "Ben"],
    });
    const workbook: WorkbookSnapshot = { fileName: "probe.xlsx", sheets: [sheet, probeMetadata("probe", "1.0.0")] };
    const carried = carryValues(probeSpec, workbook, "1.0.0", "de", "de");
    expect(carried.problems).toEqual([
      {
        kind: "entriesNotTaken",
        sheet: "Leute",
        count: 2,
        headerRow: 4,
        labels: ["Vollständiger Name", "Lebensalter", "Ort"],
      },
    ]);
  });

  it("is content with an empty table (nothing typed, only the template's formulas)", () => {
    const sheet = probeSheet("Leute", {
      4: ["Nr.", "Vollständiger Name", "Lebensalter", "Ort", "Notiz", "Doppelt"],
      5: [{ f: "ROW()-4", v: 1 }, undefined, undefined, undefined, undefined, { f: "C5*2", v: 0 }],
    });
    const workbook: WorkbookSnapshot = { fileName: "probe.xlsx", sheets: [sheet, probeMetadata("probe", "1.0.0")] };
    expect(carryValues(probeSpec, workbook, "1.0.0", "de", "de").problems).toEqual([]);
  });

  it("adds a sheet the version did not have without looking for it: a sheet of that name is the user's own", () => {
    const own = probeSheet("Angaben", { 1: ["Meine Angaben"], 4: ["Jahr", 1999] });
    const carried = carryValues(probeSpec, probeWorkbook100([own]), "1.0.0", "de", "de");
    expect(carried.problems).toEqual([]);
    expect(carried.addedSheets).toEqual(["settings"]);
    expect(carried.formValues["settings"]).toBeUndefined();
    expect(carried.userSheets.map((s) => s.name)).toEqual(["Angaben", "Notizen"]);
  });

  it("stops when a form sheet of the version is missing", () => {
    const workbook: WorkbookSnapshot = {
      fileName: "probe.xlsx",
      sheets: [
        probeSheet("Personen", {
          4: ["Nr.", "Name", "Lebensalter", "Doppeltes Alter", "Ort"],
          5: [{ f: "ROW()-4", v: 1 }, "Anna", 40, { f: "C5*2", v: 80 }, "Aue"],
        }),
        probeSheet("Zahlen", { 4: ["Wert", 2024] }),
        probeMetadata("probe", "1.1.0"),
      ],
    };
    expect(carryValues(probeSpec, workbook, "1.1.0", "de", "de").problems).toEqual([
      { kind: "sheetNotFound", sheet: "Angaben", labels: ["Jahr", "Stelle"], sheets: ["Personen", "Zahlen"] },
    ]);
    // a renamed form is found by its field labels
    const renamedForm: WorkbookSnapshot = {
      ...workbook,
      sheets: [...workbook.sheets, probeSheet("Grunddaten 2024", { 4: ["Jahr", 2024], 5: ["Stelle", "Bauhof"] })],
    };
    const carried = carryValues(probeSpec, renamedForm, "1.1.0", "de", "de");
    expect(carried.problems).toEqual([]);
    expect(carried.formValues["settings"]).toEqual({ year: 2024, unit: "Bauhof" });
  });
});
