import { describe, expect, it } from "vitest";
import { PlanWriteError } from "../../lib/plan/PlanWriteError.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import { validateWorkbook } from "../../lib/validation/validateWorkbook.js";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/plan.js";
import { taskCatalogueSpec } from "../../templates/aufgabenkatalog/spec.js";
import { checkTaskCatalogue } from "../../templates/aufgabenkatalog/checks.js";
import { productLeaves } from "../../templates/reference/productFramework.js";
import { FakeExcel, FakeWorkbook, type FakeSheet } from "./testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES, MINIMUM_EXCEL_FEATURES, type ExcelFeatures } from "./features.js";
import { OfficeHostError, SheetsExistError } from "./officeErrors.js";
import { readSnapshotFromExcel } from "./readSnapshotFromExcel.js";
import { columnWidthPoints, dateToSerial, OFFICE_SHEET_PROTECTION, writePlanToExcel } from "./writePlanToExcel.js";

/** Names Excel would turn into formulas, numbers or dates if written as typed input. */
const TRICKY_NAMES = [
  "=cmd|' /C calc'!A0",
  "-Sonderfall",
  "+49 3771 123",
  "@Bürgerbüro",
  "11.01",
  "2025-01-31",
  "TRUE",
];

/** Framework products, the first few renamed to tricky texts. */
function trickyProducts(): { code: string; name: string }[] {
  return productLeaves()
    .slice(0, 40)
    .map((product, index) => ({ code: product.code, name: TRICKY_NAMES[index] ?? product.name }));
}

/** `count` products with unique 8-digit codes (valid codes, unknown to the framework). */
function manyProducts(count: number): { code: string; name: string }[] {
  return Array.from({ length: count }, (_, index) => ({
    code: String(10_000_000 + index),
    name: `Produkt ${index} der Gemeinde`,
  }));
}

function demoPlan(products: { code: string; name: string }[]): WorkbookPlan {
  return planTaskCatalogue({ language: "de", town: "Bockau", demo: true, products }).plan;
}

/** A fake Excel holding a fresh workbook with one empty sheet, as Excel starts. */
function freshExcel(options: ConstructorParameters<typeof FakeExcel>[1] = {}): FakeExcel {
  const workbook = new FakeWorkbook("Bockau.xlsx");
  workbook.addSheet("Tabelle1");
  return new FakeExcel(workbook, options);
}

function sheetOf(fake: FakeExcel, name: string): FakeSheet {
  const sheet = fake.workbook.sheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Every planned cell, as the fake holds it: formulas, literals, number formats. */
function expectWorkbookMatchesPlan(fake: FakeExcel, plan: WorkbookPlan): void {
  for (const planned of plan.sheets) {
    const sheet = sheetOf(fake, planned.name);
    for (const row of planned.rows()) {
      for (const cell of row.cells) {
        const where = `${planned.name}!${cell.column}/${row.row}`;
        const actual = sheet.cell(row.row, cell.column);
        if (cell.formula !== undefined) {
          expect(actual?.formula, where).toBe(cell.formula);
        } else if (cell.value instanceof Date) {
          expect(actual?.value, where).toBe(dateToSerial(cell.value));
          expect(actual?.numberFormat, where).toBe(cell.numberFormat ?? "dd.mm.yyyy");
          continue;
        } else if (cell.value !== undefined && cell.value !== null && cell.value !== "") {
          expect(actual?.formula, where).toBeUndefined();
          expect(actual?.value, where).toBe(cell.value);
        } else {
          expect(actual?.value ?? null, where).toBeNull();
        }
        expect(actual?.numberFormat ?? "General", where).toBe(cell.numberFormat ?? "General");
      }
    }
  }
}

async function insert(
  fake: FakeExcel,
  plan: WorkbookPlan,
  features: ExcelFeatures = ALL_EXCEL_FEATURES,
  payloadBudget?: number,
) {
  return writePlanToExcel(fake.context, plan, {
    replace: false,
    features,
    ...(payloadBudget === undefined ? {} : { payloadBudget }),
  });
}

describe("writePlanToExcel", () => {
  it("writes values, formulas, number formats and text exactly as planned", async () => {
    const fake = freshExcel();
    const plan = demoPlan(trickyProducts());
    const result = await insert(fake, plan);

    expect(result.sheets).toEqual(plan.sheets.map((sheet) => sheet.name));
    expect(fake.workbook.sheets.map((sheet) => sheet.name)).toEqual(["Tabelle1", ...result.sheets]);
    expectWorkbookMatchesPlan(fake, plan);

    const tasks = sheetOf(fake, "Aufgaben");
    expect(tasks.at("O5")?.formula).toMatch(/^IF\(IFERROR\(OR\(A5="",B5="",.*ROUND\(100\*\(Kriterien!\$C\$5\*/);
    expect(tasks.at("P6")?.formula).toBe('IF(COUNT(O6),RANK(O6,O$5:O$144),"")');
    // text that looks like a formula, a number, a date or a boolean stays text
    TRICKY_NAMES.forEach((name, index) => {
      const cell = tasks.at(`B${5 + index}`);
      expect(cell, name).toMatchObject({ value: name, numberFormat: "General" });
      expect(cell?.formula, name).toBeUndefined();
    });
    // product codes of digits only stay text too (their column is formatted as text)
    expect(tasks.at("A5")).toMatchObject({ value: "1111", numberFormat: "@" });
  });

  it("formats, freezes, validates, highlights, filters and hides as the file writer does", async () => {
    const fake = freshExcel();
    const plan = demoPlan(trickyProducts());
    await insert(fake, plan);
    const tasks = sheetOf(fake, "Aufgaben");
    const taskPlan = plan.sheets.find((sheet) => sheet.name === "Aufgaben")!;
    const lastRow = 4 + 40 + 100;

    expect(tasks.frozen).toEqual({ rows: 4, columns: 0 });
    expect(tasks.columnWidths.get(1)).toBe(columnWidthPoints(taskPlan.columnWidths[0]!));
    expect(tasks.columnWidths.get(2)).toBe(columnWidthPoints(38));
    expect(columnWidthPoints(10)).toBe(52.5);
    expect(tasks.rowHeights.get(4)).toBe(58);
    expect(tasks.autoFilter).toBe(`A4:Q${lastRow}`);
    expect(tasks.pageLayout).toEqual({
      orientation: "Landscape",
      printTitleRows: "$4:$4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });

    // styles: header, input and computed cells, borders on every cell of a run
    expect(tasks.at("A4")?.format).toMatchObject({
      fill: "#D9D9D9",
      font: { bold: true, name: "Calibri", size: 11 },
      wrapText: true,
    });
    expect(tasks.at("E20")?.format).toMatchObject({ fill: "#FFFBE6", locked: false });
    expect(tasks.at("E20")?.format.borders).toEqual({
      top: "#D9D9D9",
      bottom: "#D9D9D9",
      left: "#D9D9D9",
      right: "#D9D9D9",
    });
    expect(tasks.at("P20")?.format).toMatchObject({
      fill: "#E7ECF2",
      horizontal: "Center",
      locked: true,
      font: { color: "#333F4F" },
    });
    expect(tasks.at(`Q${lastRow}`)?.format.borders.bottom).toBe("#D9D9D9");

    expect(tasks.validations).toHaveLength(taskPlan.validations.length);
    const codes = tasks.validations.find((v) => v.address === `A5:A${lastRow}`);
    expect(codes).toMatchObject({
      ignoreBlanks: true,
      rule: {
        list: { inCellDropDown: true, source: expect.stringMatching(/^=Produktrahmen!\$A\$5:\$A\$\d+$/) as unknown },
      },
      errorAlert: { showAlert: true, style: "Warning" },
      prompt: { showPrompt: true, message: "Code aus dem Produktrahmen oder eigener Code" },
    });
    expect(tasks.validations.find((v) => v.address === `I5:I${lastRow}`)?.rule).toEqual({
      wholeNumber: { formula1: 0, formula2: 3, operator: "Between" },
    });
    expect(tasks.validations.find((v) => v.address === `E5:E${lastRow}`)?.rule).toEqual({
      decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    });
    expect(sheetOf(fake, "Kommune").validations.find((v) => v.address === "B6")?.rule).toEqual({
      date: { formula1: "2000-01-01", operator: "GreaterThanOrEqualTo" },
    });

    expect(tasks.conditionalFormats).toEqual([
      {
        address: `Q5:Q${lastRow}`,
        type: "CellValue",
        rule: { formula1: '="A"', operator: "EqualTo" },
        fill: "#C6EFCE",
        fontColor: "#006100",
      },
      {
        address: `Q5:Q${lastRow}`,
        type: "CellValue",
        rule: { formula1: '="B"', operator: "EqualTo" },
        fill: "#FFEB9C",
        fontColor: "#9C5700",
      },
      {
        address: `Q5:Q${lastRow}`,
        type: "CellValue",
        rule: { formula1: '="C"', operator: "EqualTo" },
        fill: "#E7E6E6",
        fontColor: "#404040",
      },
    ]);

    expect(sheetOf(fake, "_ikz_aufgabenkatalog").visibility).toBe("Hidden");
    expect(sheetOf(fake, "_ikz_aufgabenkatalog").at("B1")).toMatchObject({
      value: "aufgabenkatalog",
      numberFormat: "@",
    });
    // the „So geht’s“ sheet comes first: the insert opens on it
    expect(fake.workbook.active?.name).toBe("So geht’s (Aufgaben)");
    expect(fake.suspended).toEqual({ calculation: 1, screenUpdating: 1 });
  });

  it("reads back through readSnapshotFromExcel into a workbook the validator accepts", async () => {
    const fake = freshExcel();
    const plan = demoPlan(trickyProducts());
    await insert(fake, plan);
    const snapshot = await readSnapshotFromExcel(fake.context, { features: ALL_EXCEL_FEATURES });
    expect(snapshot.fileName).toBe("Bockau.xlsx");
    expect(snapshot.sheets.find((sheet) => sheet.name === "_ikz_aufgabenkatalog")?.state).toBe("hidden");

    const report = validateWorkbook(taskCatalogueSpec, snapshot, { language: "de", check: checkTaskCatalogue });
    expect(report.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    expect(report.valid).toBe(true);

    const tasks = snapshot.sheets.find((sheet) => sheet.name === "Aufgaben")!;
    expect(tasks.rows[5]?.[2]).toEqual({ value: TRICKY_NAMES[0] });
    expect(tasks.rows[5]?.[15]?.formula).toMatch(/^IF\(IFERROR\(OR\(A5="",/);
    const town = snapshot.sheets.find((sheet) => sheet.name === "Kommune")!;
    expect(town.rows[6]?.[2]).toEqual({ value: new Date(Date.UTC(2025, 11, 31)) });
  });

  it("needs the same number of syncs for 100 and 10,000 task rows: 1 to check names, 1 to write", async () => {
    const counts: number[] = [];
    for (const rows of [100, 10_000]) {
      const fake = freshExcel();
      const result = await insert(fake, demoPlan(manyProducts(rows)));
      expect(result.syncs).toBe(fake.syncs);
      // Excel on the web's limit (5 MB) holds for every request
      expect(Math.max(...fake.requestSizes)).toBeLessThan(5 * 1024 * 1024);
      counts.push(fake.syncs);
    }
    expect(counts).toEqual([2, 2]);
  }, 60_000);

  it("cuts the write into batches only when it exceeds the payload budget, with the same result", async () => {
    const plan = demoPlan(trickyProducts());
    const whole = freshExcel();
    await insert(whole, plan, ALL_EXCEL_FEATURES, 4 * 1024 * 1024);
    expect(whole.syncs).toBe(2);

    const budget = 8_000;
    const split = freshExcel();
    const result = await insert(split, plan, ALL_EXCEL_FEATURES, budget);
    expect(result.syncs).toBeGreaterThan(3);
    expect(split.syncs).toBe(result.syncs);
    // each request stays within the budget (the fake counts bytes a little more leniently)
    expect(Math.max(...split.requestSizes.slice(1))).toBeLessThanOrEqual(budget);
    expectWorkbookMatchesPlan(split, plan);
    expect(split.suspended.calculation).toBe(result.syncs - 1);
  });

  it("on a minimal host (ExcelApi 1.7) writes every formula itself and skips what the host lacks", async () => {
    const fake = freshExcel();
    const plan = demoPlan(trickyProducts());
    const result = await insert(fake, plan, MINIMUM_EXCEL_FEATURES);
    expectWorkbookMatchesPlan(fake, plan);
    expect(result.skipped).toEqual(["dataValidation", "conditionalFormats", "autoFilter", "pageLayout"]);
    const tasks = sheetOf(fake, "Aufgaben");
    expect(tasks.validations).toEqual([]);
    expect(tasks.conditionalFormats).toEqual([]);
    expect(tasks.autoFilter).toBeUndefined();
    expect(tasks.frozen).toEqual({ rows: 4, columns: 0 });
    expect(fake.suspended).toEqual({ calculation: 0, screenUpdating: 0 });
    expect(fake.syncs).toBe(2);
  });

  it("without copyFrom, 10,000 rows of formulas need more than one write batch", async () => {
    const fake = freshExcel();
    const result = await insert(fake, demoPlan(manyProducts(10_000)), { ...ALL_EXCEL_FEATURES, copyFormulas: false });
    expect(result.syncs).toBeGreaterThan(2);
    expect(Math.max(...fake.requestSizes)).toBeLessThan(5 * 1024 * 1024);
  }, 60_000);

  it("throws SheetsExistError before writing anything when a sheet exists and replace is false", async () => {
    const workbook = new FakeWorkbook("Bockau.xlsx");
    workbook.addSheet("Tabelle1").put("A1", { value: "bleibt" });
    workbook.addSheet("aufgaben").put("B2", { value: "meine Daten" });
    const fake = new FakeExcel(workbook);
    const error = await insert(fake, demoPlan(trickyProducts())).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SheetsExistError);
    expect(error).toMatchObject({ messageKey: "sheetsExist", sheets: ["aufgaben"] });
    expect(fake.syncs).toBe(1);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(["Tabelle1", "aufgaben"]);
    expect(workbook.sheet("aufgaben")?.at("B2")?.value).toBe("meine Daten");
    // nothing is left queued either: the next sync sends nothing
    await fake.context.sync();
    expect(fake.requestSizes.at(-1)).toBe(0);
  });

  it("replaces existing sheets when asked, even when they are the only visible ones", async () => {
    const workbook = new FakeWorkbook("Bockau.xlsx");
    workbook.addSheet("Aufgaben").put("Z99", { value: "alt" });
    const oldMeta = workbook.addSheet("_ikz_aufgabenkatalog");
    oldMeta.visibility = "VeryHidden";
    const fake = new FakeExcel(workbook);
    const plan = demoPlan(trickyProducts());
    const result = await writePlanToExcel(fake.context, plan, { replace: true, features: ALL_EXCEL_FEATURES });

    expect(result.syncs).toBe(2);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(plan.sheets.map((sheet) => sheet.name));
    expect(workbook.sheet("Aufgaben")?.at("Z99")).toBeUndefined();
    expect(workbook.sheet("_ikz_aufgabenkatalog")?.visibility).toBe("Hidden");
    expectWorkbookMatchesPlan(fake, plan);
  });

  it("rejects a plan Excel cannot take before any sync", async () => {
    const fake = freshExcel();
    const plan = demoPlan(trickyProducts());
    const broken: WorkbookPlan = { ...plan, sheets: [{ ...plan.sheets[0]!, name: "Kosten/Nutzen" }] };
    await expect(insert(fake, broken)).rejects.toBeInstanceOf(PlanWriteError);
    expect(fake.syncs).toBe(0);
  });

  it("turns Excel's cell edit mode into a message that asks to leave the cell", async () => {
    const fake = freshExcel({ cellEditMode: true });
    const error = await insert(fake, demoPlan(trickyProducts())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeHostError);
    expect(error).toMatchObject({ code: "InvalidOperationInCellEditMode", messageKey: "cellEditMode" });
  });

  it("reports progress from 0 to 1", async () => {
    const fake = freshExcel();
    const seen: number[] = [];
    await writePlanToExcel(fake.context, demoPlan(trickyProducts()), {
      replace: false,
      features: ALL_EXCEL_FEATURES,
      payloadBudget: 50_000,
      onProgress: (fraction) => seen.push(fraction),
    });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe("sheet protection", () => {
  it("protects exactly the sheets the plan protects, last and without a password, input cells unlocked", async () => {
    const plan = withInputCell(demoPlan(trickyProducts()), "Listen");
    const fake = freshExcel();
    // a small budget cuts the write into many batches: the protection must still come after every write
    const result = await insert(fake, plan, ALL_EXCEL_FEATURES, 8_000);
    expect(result.syncs).toBeGreaterThan(3);
    expectWorkbookMatchesPlan(fake, plan);
    for (const sheet of plan.sheets) {
      expect([sheet.name, fake.workbook.sheet(sheet.name)?.protection]).toEqual([
        sheet.name,
        sheet.protected === true ? { options: OFFICE_SHEET_PROTECTION } : undefined,
      ]);
    }
    expect(plan.sheets.filter((sheet) => sheet.protected === true).map((sheet) => sheet.name)).toEqual([
      "So geht’s (Aufgaben)",
      "Produktrahmen",
      "Listen",
      "_ikz_aufgabenkatalog",
    ]);
    const lists = sheetOf(fake, "Listen");
    expect(lists.isLocked(1, 26)).toBe(false);
    expect(lists.isLocked(1, 1)).toBe(true);
    expect(sheetOf(fake, "Aufgaben").isLocked(5, 2)).toBe(false);
  });

  it("a protected sheet refuses writes into locked cells and cell formats (in the fake, as in Excel)", async () => {
    const fake = freshExcel();
    const sheet = fake.context.workbook.worksheets.getItem("Tabelle1");
    sheet.getRange("A1").values = [["vorher"]];
    sheet.getRange("B1").format.protection.locked = false;
    sheet.protection.protect(OFFICE_SHEET_PROTECTION);
    await fake.context.sync();

    const refused = async (write: () => void): Promise<unknown> => {
      write();
      return fake.context.sync().then(
        () => "written",
        (error: unknown) => (error as { code?: string }).code,
      );
    };
    expect(await refused(() => (sheet.getRange("A1").values = [["neu"]]))).toBe("AccessDenied");
    expect(await refused(() => (sheet.getRange("C1:C3").formulas = [["=1"], ["=2"], ["=3"]]))).toBe("AccessDenied");
    expect(await refused(() => (sheet.getRange("A1").format.fill.color = "#FFC7CE"))).toBe("AccessDenied");
    expect(await refused(() => (sheet.getRange("A1").numberFormat = [["0.00"]]))).toBe("AccessDenied");
    expect(await refused(() => sheet.getRange("A1:B2").merge(false))).toBe("AccessDenied");
    expect(await refused(() => sheet.protection.protect(OFFICE_SHEET_PROTECTION))).toBe("AccessDenied");
    // unlocked cells take input; widths and heights may change
    expect(await refused(() => (sheet.getRange("B1").values = [["Eingabe"]]))).toBe("written");
    expect(await refused(() => (sheet.getRange("A:A").format.columnWidth = 80))).toBe("written");
    const target = sheetOf(fake, "Tabelle1");
    expect(target.at("A1")?.value).toBe("vorher");
    expect(target.at("B1")?.value).toBe("Eingabe");
    // a deliberate unprotect (no password) opens the sheet again
    expect(await refused(() => sheet.protection.unprotect())).toBe("written");
    expect(await refused(() => (sheet.getRange("A1").values = [["neu"]]))).toBe("written");
  });

  it("replaces protected sheets without unprotecting them, even one the user protected with a password", async () => {
    const fake = freshExcel();
    const plan = demoPlan(trickyProducts());
    await insert(fake, plan);
    sheetOf(fake, "Listen").protection = { options: {}, password: "geheim" };
    const result = await writePlanToExcel(fake.context, plan, { replace: true, features: ALL_EXCEL_FEATURES });
    expect(result.syncs).toBe(2);
    expect(fake.workbook.sheets.map((sheet) => sheet.name)).toEqual(["Tabelle1", ...plan.sheets.map((s) => s.name)]);
    expect(sheetOf(fake, "Listen").protection).toEqual({ options: OFFICE_SHEET_PROTECTION });
    expectWorkbookMatchesPlan(fake, plan);
  });
});

/** The plan with one input cell (Z1) on sheet `name`, which must stay unlocked when protected. */
function withInputCell(plan: WorkbookPlan, name: string): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((sheet) => {
      if (sheet.name !== name) return sheet;
      const rows = [...sheet.rows()];
      const [first, ...rest] = rows;
      if (first?.row !== 1) throw new Error(`${name} starts with row 1`);
      const patched = [
        { ...first, cells: [...first.cells, { column: 26, style: "input" as const, value: 1 }] },
        ...rest,
      ];
      return { ...sheet, rows: () => patched };
    }),
  };
}
