/**
 * Bad input in an „IT-Servicekatalog“ workbook, as users produce it: a demo catalogue is planned,
 * written with the exceljs writer, edited cell by cell with exceljs (values as a user would type
 * them), read back and validated with the template's own checks. Each test asserts the message
 * and the cell it lands on. Columns are found by key, rows by position (row 5 = first service).
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { columnLetter } from "../lib/cells/address.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import type { ValidationIssue } from "../lib/validation/ValidationIssue.js";
import { validateWorkbook, type ValidationReport } from "../lib/validation/validateWorkbook.js";
import { planTaskCatalogue } from "../templates/aufgabenkatalog/plan.js";
import { planServiceCatalogue } from "../templates/it-servicekatalog/plan.js";
import { checkServiceCatalogue, extractServiceCatalogue } from "../templates/it-servicekatalog/checks.js";
import { SERVICES_HEADER_ROW, SHEET, serviceCatalogueSpec } from "../templates/it-servicekatalog/spec.js";

const REFERENCE = new Date(Date.UTC(2026, 0, 31));
const TOWN = "Schönheide";
const servicesSheet = serviceCatalogueSpec.sheets.find((s) => s.key === SHEET.services)!;
const townSheet = serviceCatalogueSpec.sheets.find((s) => s.key === SHEET.town)!;

/** Column letter of a services column. */
const columnOf = (key: string): string => {
  if (servicesSheet.kind !== "table") throw new Error("services is a table");
  const index = servicesSheet.columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`no column ${key}`);
  return columnLetter(index + 1);
};
/** Address of column `key` in service row `index` (0-based). */
const at = (key: string, index: number): string => `${columnOf(key)}${SERVICES_HEADER_ROW + 1 + index}`;

type Edit = (workbook: ExcelJS.Workbook, language: Language) => void;

/** Sets cells of the services sheet. */
const set =
  (cells: Readonly<Record<string, ExcelJS.CellValue>>): Edit =>
  (workbook, language) => {
    const sheet = workbook.getWorksheet(servicesSheet.name[language])!;
    for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
  };

const demoBytes = new Map<Language, Promise<Uint8Array>>();
const demo = (language: Language): Promise<Uint8Array> => {
  let bytes = demoBytes.get(language);
  if (!bytes) {
    bytes = writePlanToBuffer(
      planServiceCatalogue({ language, town: TOWN, demo: true, referenceDate: REFERENCE }).plan,
    );
    demoBytes.set(language, bytes);
  }
  return bytes;
};

async function edited(edits: readonly Edit[], language: Language, base?: Uint8Array): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(base ?? (await demo(language))).buffer);
  for (const edit of edits) edit(workbook, language);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function validate(edits: readonly Edit[], language: Language = "de"): Promise<ValidationReport> {
  const snapshot = await readSnapshotFromXlsx(await edited(edits, language), "it.xlsx");
  return validateWorkbook(serviceCatalogueSpec, snapshot, { language, check: checkServiceCatalogue });
}

/** The one issue of this severity and code at this cell. */
function issueAt(
  report: ValidationReport,
  severity: ValidationIssue["severity"],
  code: string,
  sheet: string,
  cell: string | undefined,
) {
  const found = report.issues.filter(
    (i) => i.severity === severity && i.code === code && i.sheet === sheet && i.cell === cell,
  );
  expect(
    found,
    `${severity} ${code} at ${sheet}!${cell ?? "?"} in ${JSON.stringify(report.issues, null, 1)}`,
  ).toHaveLength(1);
  return found[0]!;
}

const SERVICES = servicesSheet.name.de;
const notInfo = (report: ValidationReport) => report.issues.filter((i) => i.severity !== "info");

describe("it-servicekatalog: the demo as written", () => {
  it("is valid in both languages without warnings, so every finding below comes from the edit", async () => {
    for (const language of ["de", "en"] as const) expect(notInfo(await validate([], language))).toEqual([]);
  });
});

describe("it-servicekatalog: cells of the wrong kind", () => {
  it("refuses text in „Nutzer“", async () => {
    const report = await validate([set({ [at("users", 0)]: "zwölf" })]);
    expect(report.valid).toBe(false);
    expect(issueAt(report, "error", "cell.notANumber", SERVICES, at("users", 0))).toMatchObject({
      message: "In „Nutzer“ steht keine Zahl.",
      expected: "ganze Zahl ab 0",
      received: "„zwölf“ (Text)",
    });
  });

  it("refuses a cost typed with a German decimal comma, saying it is a number stored as text", async () => {
    const report = await validate([set({ [at("annualCost", 1)]: "1.234,50" })]);
    expect(issueAt(report, "error", "cell.numberAsText", SERVICES, at("annualCost", 1))).toMatchObject({
      message:
        "In „Jahreskosten (€)“ steht eine Zahl als Text (z. B. mit Dezimalkomma aus einer Kopie). Bitte als Zahl eingeben.",
      expected: "Zahl ab 0, höchstens 2 Nachkommastellen",
      received: "„1.234,50“ (Text)",
    });
  });

  it("refuses a contract end typed as text", async () => {
    const report = await validate([set({ [at("contractEnd", 0)]: "31.12.2026" })]);
    expect(issueAt(report, "error", "cell.notADate", SERVICES, at("contractEnd", 0))).toMatchObject({
      message: "In „Vertragsende“ steht kein Datum.",
      expected: "ein Datum (TT.MM.JJJJ)",
      received: "„31.12.2026“ (Text)",
    });
  });

  it("refuses a category that is not in the list", async () => {
    const report = await validate([set({ [at("category", 2)]: "Sonstiges" })]);
    expect(issueAt(report, "error", "cell.notInList", SERVICES, at("category", 2))).toMatchObject({
      message: "Der Wert in „Kategorie“ ist nicht in der Auswahlliste.",
      expected: "ein Wert aus der Liste (Blatt „IT-Listen“)",
      received: "„Sonstiges“ (Text)",
    });
  });

  it("accepts a list entry typed in the other language or as its key", async () => {
    const report = await validate([
      set({ [at("category", 2)]: "line-of-business APP", [at("status", 2)]: "consolidate" }),
    ]);
    expect(notInfo(report)).toEqual([]);
    const service = extractServiceCatalogue(report.workbook!).services[2]!;
    expect([service.category, service.status]).toEqual(["lineOfBusiness", "consolidate"]);
  });

  it("requires the software product", async () => {
    const report = await validate([set({ [at("software", 3)]: null })]);
    expect(issueAt(report, "error", "cell.required", SERVICES, at("software", 3))).toMatchObject({
      message: "In „Softwareprodukt“ fehlt ein Wert.",
    });
  });
});

describe("it-servicekatalog: the template's own rules", () => {
  it("warns about a contract end before the reference date, on its cell", async () => {
    const report = await validate([set({ [at("contractEnd", 0)]: new Date(Date.UTC(2025, 5, 30)) })]);
    expect(report.valid).toBe(true);
    expect(issueAt(report, "warning", "it-servicekatalog.contractEnded", SERVICES, at("contractEnd", 0))).toMatchObject(
      {
        message:
          "Das Vertragsende 30.06.2025 liegt vor dem Stichtag 31.01.2026. Wurde der Vertrag verlängert? Bitte das neue Vertragsende eintragen.",
        expected: "ein Datum ab dem Stichtag 31.01.2026",
        received: "30.06.2025",
      },
    );
  });

  it("says so in English", async () => {
    const report = await validate([set({ [at("contractEnd", 0)]: new Date(Date.UTC(2026, 0, 30)) })], "en");
    expect(
      issueAt(report, "warning", "it-servicekatalog.contractEnded", servicesSheet.name.en, at("contractEnd", 0))
        .message,
    ).toBe(
      "The contract end 30.01.2026 lies before the reference date 31.01.2026. Was the contract renewed? Please enter the new contract end.",
    );
  });

  it("does not warn about a contract ending on the reference date itself", async () => {
    const report = await validate([set({ [at("contractEnd", 0)]: REFERENCE })]);
    expect(notInfo(report)).toEqual([]);
  });

  it("flags an unknown product code as the town's own (warning) and refuses what is no code (error)", async () => {
    const report = await validate([
      set({ [at("productCodes", 0)]: "1113, 99999" }),
      set({ [at("productCodes", 1)]: "1222, 12a" }),
    ]);
    expect(
      issueAt(report, "warning", "it-servicekatalog.unknownProductCode", SERVICES, at("productCodes", 0)),
    ).toMatchObject({
      message: "Der Produktcode 99999 steht nicht im Produktrahmen; er wird als eigener Code der Kommune behandelt.",
      expected: "Code aus dem Produktrahmen",
      received: "99999",
    });
    expect(
      issueAt(report, "error", "it-servicekatalog.invalidProductCode", SERVICES, at("productCodes", 1)),
    ).toMatchObject({
      message:
        "„12a“ in „Produktcodes“ ist kein Produktcode. Codes bestehen aus 2 bis 8 Ziffern; mehrere Codes mit Komma trennen.",
      received: "„12a“ (Text)",
    });
    expect(report.valid).toBe(false);
  });

  it("refuses a service id used twice (case and spaces ignored), naming the first", async () => {
    const report = await validate([set({ [at("serviceId", 2)]: " s-01 " })]);
    expect(
      issueAt(report, "error", "it-servicekatalog.duplicateServiceId", SERVICES, at("serviceId", 2)),
    ).toMatchObject({
      message: `Die Service-ID „s-01“ kommt mehrfach vor (zuerst in ${SERVICES}!${at("serviceId", 0)}).`,
      expected: "jede Service-ID nur einmal",
      received: "s-01",
    });
  });

  it("warns about users 0 with an annual cost", async () => {
    const report = await validate([set({ [at("users", 0)]: 0, [at("annualCost", 0)]: 1234.5 })]);
    expect(report.valid).toBe(true);
    expect(issueAt(report, "warning", "it-servicekatalog.usersZeroWithCost", SERVICES, at("users", 0))).toMatchObject({
      message:
        "„Nutzer“ ist 0, es sind aber Jahreskosten von 1.234,50 € eingetragen; die Kosten je Nutzer bleiben leer. Bitte die Nutzerzahl prüfen.",
      expected: "Nutzerzahl größer 0",
      received: "0",
    });
  });

  it("requires the reference date on the town sheet", async () => {
    const clear: Edit = (workbook, language) => {
      workbook.getWorksheet(townSheet.name[language])!.getCell("B5").value = null;
    };
    const report = await validate([clear]);
    expect(issueAt(report, "error", "cell.required", townSheet.name.de, "B5")).toMatchObject({
      message: "In „Stichtag“ fehlt ein Wert.",
    });
  });
});

describe("it-servicekatalog: the sheet's shape", () => {
  it("skips a blank row in the middle and reads the rows below it", async () => {
    const blankRow: Edit = (workbook, language) => {
      const sheet = workbook.getWorksheet(servicesSheet.name[language])!;
      if (servicesSheet.kind !== "table") return;
      servicesSheet.columns.forEach((column, index) => {
        if (column.kind === "input") sheet.getCell(SERVICES_HEADER_ROW + 1 + 3, index + 1).value = null;
      });
    };
    const before = extractServiceCatalogue((await validate([])).workbook!).services;
    const report = await validate([blankRow]);
    expect(notInfo(report)).toEqual([]);
    const after = extractServiceCatalogue(report.workbook!).services;
    expect(after).toHaveLength(before.length - 1);
    expect(after.map((s) => s.id)).toEqual(before.filter((_, i) => i !== 3).map((s) => s.id));
    expect(after[3]?.row).toBe(SERVICES_HEADER_ROW + 1 + 4);
  });

  it("names a renamed header and what stands in its place", async () => {
    const report = await validate([set({ [`${columnOf("software")}${SERVICES_HEADER_ROW}`]: "Software" })]);
    expect(
      issueAt(report, "error", "header.missing", SERVICES, `${columnOf("software")}${SERVICES_HEADER_ROW}`),
    ).toMatchObject({
      message: "Die Spalte „Softwareprodukt“ fehlt in der Kopfzeile; an ihrer Stelle steht „Software“.",
    });
  });

  it("reads reordered columns at their new place", async () => {
    const swap: Edit = (workbook, language) => {
      const sheet = workbook.getWorksheet(servicesSheet.name[language])!;
      for (let row = SERVICES_HEADER_ROW; row <= sheet.rowCount; row++) {
        const a = sheet.getCell(`${columnOf("software")}${row}`);
        const b = sheet.getCell(`${columnOf("vendor")}${row}`);
        const value = a.value;
        a.value = b.value;
        b.value = value;
      }
    };
    const before = extractServiceCatalogue((await validate([])).workbook!).services;
    const report = await validate([swap]);
    expect(notInfo(report)).toEqual([]);
    expect(report.issues.filter((i) => i.code === "header.moved").map((i) => i.message)).toEqual([
      "Die Spalte „Hersteller / Anbieter“ wurde verschoben; sie wird an ihrer neuen Stelle gelesen.",
      "Die Spalte „Softwareprodukt“ wurde verschoben; sie wird an ihrer neuen Stelle gelesen.",
    ]);
    const after = extractServiceCatalogue(report.workbook!).services;
    expect(after.map((s) => [s.software, s.vendor])).toEqual(before.map((s) => [s.software, s.vendor]));
  });

  it("refuses another template's workbook", async () => {
    const other = await writePlanToBuffer(planTaskCatalogue({ language: "de", town: TOWN }).plan);
    const report = validateWorkbook(serviceCatalogueSpec, await readSnapshotFromXlsx(other, "aufgaben.xlsx"), {
      language: "de",
      check: checkServiceCatalogue,
    });
    expect(report.usable).toBe(false);
    expect(report.issues).toMatchObject([
      {
        severity: "error",
        code: "workbook.wrongTemplate",
        message: "Falsche Vorlage: erwartet „it-servicekatalog“, die Arbeitsmappe ist „aufgabenkatalog“.",
        file: "aufgaben.xlsx",
      },
    ]);
  });

  it("warns that a blank template holds no service yet, and that the town's name is missing", async () => {
    const blank = await writePlanToBuffer(planServiceCatalogue({ language: "de", referenceDate: REFERENCE }).plan);
    const report = validateWorkbook(serviceCatalogueSpec, await readSnapshotFromXlsx(blank, "leer.xlsx"), {
      language: "de",
      check: checkServiceCatalogue,
    });
    expect(report.valid).toBe(true);
    expect(notInfo(report).map((i) => [i.severity, i.sheet, i.cell, i.message])).toEqual([
      ["warning", townSheet.name.de, "B4", "Der Name der Kommune fehlt; in Auswertungen steht stattdessen „leer“."],
      ["warning", SERVICES, undefined, "Der Servicekatalog enthält noch keinen Service."],
    ]);
  });
});
