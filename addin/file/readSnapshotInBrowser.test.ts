/**
 * The browser reader against the Node reader on the same bytes: both must return the same
 * snapshot, so the pane validates a file exactly as `ikz validate` does.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { UnusableFileError } from "../../adapters/exceljs/errors.js";
import { readSnapshotFromXlsx } from "../../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../../adapters/exceljs/workbookWriter.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import { validateWorkbook } from "../../lib/validation/validateWorkbook.js";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/plan.js";
import { taskCatalogueSpec } from "../../templates/aufgabenkatalog/spec.js";
import { checkTaskCatalogue } from "../../templates/aufgabenkatalog/checks.js";
import { readSnapshotInBrowser } from "./readSnapshotInBrowser.js";

/**
 * Rows as plain arrays (sparse holes → undefined) so deep equality ignores how arrays were built.
 * exceljs's whole-file reader drops a stored empty text result (`<v></v>` in a `t="str"` cell),
 * which the Node reader keeps as "": both mean an empty computed cell, so "" counts as no result.
 */
function normalised(snapshot: WorkbookSnapshot): unknown {
  return snapshot.sheets.map((sheet) => ({
    name: sheet.name,
    state: sheet.state,
    merges: [...sheet.merges].sort(),
    rows: Array.from(sheet.rows, (row) =>
      row
        ? Array.from(row, (cell) =>
            cell?.formula !== undefined && cell.value === "" ? { ...cell, value: null } : cell,
          )
        : undefined,
    ),
  }));
}

describe("readSnapshotInBrowser", () => {
  it.each(["de", "en"] as const)("reads a generated task catalogue (%s) as the Node reader does", async (language) => {
    const { plan } = planTaskCatalogue({ language, town: "Bockau", demo: true });
    const bytes = await writePlanToBuffer(plan);
    const browser = await readSnapshotInBrowser(bytes, "bockau.xlsx");
    const node = await readSnapshotFromXlsx(bytes, "bockau.xlsx");
    expect(normalised(browser)).toEqual(normalised(node));
    const report = validateWorkbook(taskCatalogueSpec, browser, { language, check: checkTaskCatalogue });
    expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("converts rich text, formula results, errors, dates, booleans and merges like the Node reader", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = false;
    const sheet = workbook.addWorksheet("Daten");
    sheet.getCell("A1").value = { richText: [{ text: "Zsch" }, { font: { bold: true }, text: "orlau" }] };
    sheet.getCell("B1").value = { formula: "1+1", result: 2 };
    sheet.getCell("C1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    sheet.getCell("D1").value = new Date(Date.UTC(2025, 11, 31));
    sheet.getCell("D1").numFmt = "dd.mm.yyyy";
    sheet.getCell("E1").value = true;
    sheet.getCell("F1").value = { text: "Link", hyperlink: "https://example.org" };
    sheet.getCell("A2").value = "=1+1 ist Text";
    sheet.getCell("A3").value = "verbunden";
    sheet.mergeCells("A3:C3");
    sheet.getCell("B4").value = { formula: "A4*2", result: undefined } as unknown as ExcelJS.CellValue;
    workbook.addWorksheet("Versteckt", { state: "hidden" }).getCell("A1").value = 1;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const browser = await readSnapshotInBrowser(bytes, "mix.xlsx");
    const node = await readSnapshotFromXlsx(bytes, "mix.xlsx");
    expect(normalised(browser)).toEqual(normalised(node));
    expect(browser.sheets[0]?.rows[1]?.[1]).toEqual({ value: "Zschorlau" });
    expect(browser.sheets[0]?.rows[1]?.[3]).toEqual({ value: { error: "#DIV/0!" }, formula: "1/0" });
  });

  it("names what a file is when it is no workbook", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n");
    await expect(readSnapshotInBrowser(pdf, "scan.xlsx")).rejects.toMatchObject({
      name: "UnusableFileError",
      reason: "notXlsx",
      detected: "pdf",
    });
    await expect(readSnapshotInBrowser(new Uint8Array(), "leer.xlsx")).rejects.toBeInstanceOf(UnusableFileError);
    const broken = (await writePlanToBuffer(planTaskCatalogue({ language: "de" }).plan)).slice(0, 4000);
    await expect(readSnapshotInBrowser(broken, "abgebrochen.xlsx")).rejects.toMatchObject({ reason: "corrupt" });
  });
});
