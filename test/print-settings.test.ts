/**
 * Print settings of a plan (WorkbookPlan `print`: header, footer, print area, fit to one page
 * wide; `state: "hidden"` for sheets that must not print) in the .xlsx, read back with exceljs.
 * The Office.js twin: adapters/office/writePrintSettings.test.ts.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { planProblems } from "../lib/plan/planProblems.js";
import { unzipParts } from "./support/hostileCorpus.js";
import { headerFooterCode, pageTextCode } from "../lib/plan/printPageText.js";
import { PRINT_PLAN, printSheet } from "../lib/testing/printPlan.js";

describe("print settings: header and footer codes", () => {
  it("turns placeholders into Excel's codes and doubles a literal &", () => {
    expect(pageTextCode("Seite {page} von {pages}, {date}, {sheet}")).toBe("Seite &P von &N, &D, &A");
    expect(pageTextCode("Bau & Hof {seite}")).toBe("Bau && Hof {seite}");
    expect(headerFooterCode({ left: "A", right: "Seite {page}" })).toBe("&LA&RSeite &P");
    expect(headerFooterCode({ center: "" })).toBeUndefined();
  });

  it("refuses a header over 255 characters and a print area that is not a range", () => {
    const long = {
      ...PRINT_PLAN,
      sheets: [printSheet("A", { print: { landscape: false, header: { left: "x".repeat(254) } } })],
    };
    expect(planProblems(long).map((p) => p.problem)).toEqual([expect.stringContaining("255")]);
    const area = { ...PRINT_PLAN, sheets: [printSheet("A", { print: { landscape: false, area: "Anlage!A1:B2" } })] };
    expect(planProblems(area).map((p) => p.problem)).toEqual([expect.stringContaining("print area")]);
  });
});

describe("print settings in the .xlsx (exceljs writer, both engines)", () => {
  it.each(["stream", "memory"] as const)(
    "%s: header, footer, print area, fit to width and hidden state",
    async (engine) => {
      const bytes = await writePlanToBuffer(PRINT_PLAN, { engine });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const annex = book.getWorksheet("Anlage's")!;
      expect(annex.headerFooter.oddHeader).toBe("&LAnlage zur Zweckvereinbarung&RBau && Hof");
      expect(annex.headerFooter.oddFooter).toBe("&Lgedruckt am &D&RSeite &P von &N");
      expect(annex.pageSetup.printArea).toBe("A1:B2");
      expect(annex.pageSetup.orientation).toBe("landscape");
      expect(annex.pageSetup.fitToWidth).toBe(1);
      expect(annex.pageSetup.fitToHeight).toBe(0);
      const inputs = book.getWorksheet("Eingaben")!;
      expect(inputs.headerFooter?.oddHeader ?? undefined).toBeUndefined();
      expect(inputs.pageSetup.printArea ?? undefined).toBeUndefined();
      expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
        ["Eingaben", "visible"],
        ["Anlage's", "visible"],
        ["Rechenweg", "hidden"],
      ]);
      // the print area's defined name quotes the apostrophe as Excel does
      expect(workbookXml(bytes)).toContain(
        '<definedName name="_xlnm.Print_Area" localSheetId="1">&apos;Anlage&apos;&apos;s&apos;!$A$1:$B$2</definedName>',
      );
    },
  );
});

/** `xl/workbook.xml` of a written file. */
function workbookXml(bytes: Uint8Array): string {
  const part = unzipParts(bytes).find((p) => p.name === "xl/workbook.xml");
  return Buffer.from(part?.data ?? new Uint8Array()).toString("utf8");
}
