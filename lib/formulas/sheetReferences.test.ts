import { describe, expect, it } from "vitest";
import {
  deleteSheetInFormula,
  formulaSheetName,
  renameSheetInFormula,
  sheetsReferredTo,
  withExcelSheetQuoting,
} from "./sheetReferences.js";

describe("sheet references in formula text (sheetReferences.ts)", () => {
  it("renames bare and quoted references, case-insensitively, and leaves strings and other sheets alone", () => {
    expect(renameSheetInFormula('IF(kommune!$B$6="",Kommune!A1,"Kommune!A1")', "Kommune", "~ikz-alt-1")).toBe(
      `IF('~ikz-alt-1'!$B$6="",'~ikz-alt-1'!A1,"Kommune!A1")`,
    );
    expect(renameSheetInFormula("SUM('Meine Daten'!A1:B2)+Daten!A1", "Meine Daten", "Daten 2")).toBe(
      "SUM('Daten 2'!A1:B2)+Daten!A1",
    );
    expect(renameSheetInFormula("'~ikz-neu-3'!C5*2", "~ikz-neu-3", "Kriterien")).toBe("Kriterien!C5*2");
    expect(renameSheetInFormula("[1]Kommune!A1+XKommune!A1", "Kommune", "X")).toBe("[1]Kommune!A1+XKommune!A1");
    expect(renameSheetInFormula("#REF!A1", "REF", "X")).toBe("#REF!A1");
  });

  it("quotes a sheet name as Excel does", () => {
    expect(
      ["Kommune", "_ikz", "Teilbeträge", "Product framework", "~ikz-alt-1", "A1", "R1C1", "2025", "O'Brien"].map(
        formulaSheetName,
      ),
    ).toEqual([
      "Kommune",
      "_ikz",
      "Teilbeträge",
      "'Product framework'",
      "'~ikz-alt-1'",
      "'A1'",
      "'R1C1'",
      "'2025'",
      "'O''Brien'",
    ]);
  });

  it("re-quotes sheet names as Excel writes them after a rewrite", () => {
    expect(withExcelSheetQuoting(`SUM('Teilbeträge'!A1:A2)+'Cost items'!B1+'Listen'!C1&"'Listen'!C1"`)).toBe(
      `SUM(Teilbeträge!A1:A2)+'Cost items'!B1+Listen!C1&"'Listen'!C1"`,
    );
  });

  it("turns references to a deleted sheet into #REF! and lists the sheets a formula refers to", () => {
    expect(deleteSheetInFormula("SUM('Meine Daten'!A1:B2)+Kommune!$B$6", "meine daten")).toBe(
      "SUM(#REF!A1:B2)+Kommune!$B$6",
    );
    expect(sheetsReferredTo(`Kommune!A1+'Product framework'!B2+kommune!C3&"Listen!A1"`)).toEqual([
      "Kommune",
      "Product framework",
    ]);
  });
});
