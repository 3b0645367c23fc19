/**
 * The cost model's annex („Ergebnis“) as LibreOffice prints it: the demo partnership with four
 * named towns goes to PDF once (≈ 5 s); pdftotext shows what is on paper. The annex fits one page,
 * carries the page header and footer, the joint unit, year and calculation date, the keys in words,
 * the due dates of the advances — and the hidden working sheets do not print.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import { findTemplate } from "../templates/registry.js";
import { costAllocationSpec } from "../templates/kostenverteilung/spec.js";
import { resultRows } from "../templates/kostenverteilung/formulas/result.js";
import { convertToPdf, disposeLibreOfficeProfiles, libreOfficeSkipRequested } from "./support/libreoffice.js";

const TOWNS = ["Stützengrün", "Zschorlau", "Bockau", "Eibenstock"];
const ANNEX_TITLE = "Anlage zur Zweckvereinbarung: Kostenverteilung";

describe.skipIf(libreOfficeSkipRequested())("cost model annex on paper (LibreOffice PDF)", () => {
  let dir = "";
  let file = "";
  /** The text of each printed page (pdftotext -layout). */
  let pages: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ikz-annex-"));
    file = join(dir, "Kostenverteilung.xlsx");
    const module = findTemplate(costAllocationSpec.id);
    if (!module) throw new Error("no cost model template");
    await writePlanToFile(module.plan({ language: "de", demo: true, towns: TOWNS }).plan, file);
    const pdf = await convertToPdf(file, dir);
    pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
      .split("\f")
      .filter((page) => page.trim() !== "");
  }, 300_000);

  afterAll(async () => {
    await disposeLibreOfficeProfiles();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("prints the annex on one page with header, footer, joint unit, year and calculation date", () => {
    const annex = pages.filter((page) => page.includes(ANNEX_TITLE));
    expect(annex).toHaveLength(1);
    const text = annex[0] ?? "";
    expect(text).toMatch(/^\s*Anlage zur Zweckvereinbarung\s+Kostenverteilung\s*$/m);
    expect(text).toMatch(/gedruckt am \S+\s+Seite (\d+) von \1\s*$/);
    expect(text).toContain("Gemeinsame Stelle: Zentrale Vergabestelle Westerzgebirge (Beispiel) · Haushaltsjahr 2027");
    expect(text).toContain("Stand der Berechnung: 30.09.2026");
    for (const town of TOWNS) expect(text).toContain(town);
  });

  it("explains each key in words, amounts per case with two decimals, and dates the advances", () => {
    const text = pages.find((page) => page.includes(ANNEX_TITLE)) ?? "";
    expect(text).toContain("zu gleichen Teilen");
    expect(text).toContain("nach Einwohnern zum Stichtag 30.06.2025");
    expect(text).toMatch(/30 % zu gleichen Teilen, 70 % nach Einwohnern/);
    expect(text).toContain("45,50 € je Fall");
    expect(text).not.toMatch(/45,5 € × Fälle|% gleich\b/);
    for (const due of ["15.02.2027", "15.05.2027", "15.08.2027", "15.11.2027"]) expect(text).toContain(due);
  });

  it("does not print the working sheets, which are hidden", async () => {
    const all = pages.join("\n");
    // the sheets' titles (A1) start a printed page's first line
    for (const title of [/^\s*Rechenweg 1:/m, /^\s*Rechenweg 2:/m, /^\s*Auswahllisten\s*$/m])
      expect(all).not.toMatch(title);
    expect(all).toMatch(/^\s*Kostenpositionen und Verteilungsschlüssel\s*$/m);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.filter((sheet) => sheet.state === "hidden").map((sheet) => sheet.name)).toEqual([
      "Teilbeträge",
      "Verteilung",
      "Kosten-Listen",
      "_ikz_kostenverteilung",
    ]);
    const result = book.getWorksheet("Ergebnis");
    expect(result?.pageSetup.printArea).toBe(`A1:Q${resultRows(40).last}`);
    expect(result?.headerFooter.oddFooter).toBe("&Lgedruckt am &D&RSeite &P von &N");
  });
});
