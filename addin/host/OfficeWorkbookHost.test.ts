import { describe, expect, it } from "vitest";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/plan.js";
import { FakeExcel, FakeWorkbook } from "../../adapters/office/testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES, MINIMUM_EXCEL_FEATURES, type ExcelFeatures } from "../../adapters/office/features.js";
import { OfficeHostError, SheetsExistError } from "../../adapters/office/officeErrors.js";
import { MARK_FILL, MARKS_SETTING, OfficeWorkbookHost, type ExcelRun } from "./OfficeWorkbookHost.js";

/** A host over a fake Excel, counting Excel.run calls. */
function hostOver(
  fake: FakeExcel,
  features: ExcelFeatures = ALL_EXCEL_FEATURES,
): { host: OfficeWorkbookHost; runs: () => number } {
  let runs = 0;
  const run: ExcelRun = (batch) => {
    runs++;
    return fake.run(batch);
  };
  return { host: new OfficeWorkbookHost(fake.workbook.name, { run, features }), runs: () => runs };
}

function townWorkbook(): FakeWorkbook {
  const workbook = new FakeWorkbook("Bockau.xlsx");
  workbook.addSheet("Tabelle1").put("A1", { value: "Notiz" });
  workbook.addSheet("Leer");
  workbook.addSheet("Aufgaben").put("B2", { value: 3 });
  return workbook;
}

const plan = () => planTaskCatalogue({ language: "de", town: "Bockau", demo: true }).plan;

describe("OfficeWorkbookHost", () => {
  it("connects with the workbook's name in one sync", async () => {
    const fake = new FakeExcel(townWorkbook());
    const host = await OfficeWorkbookHost.connect({ run: (batch) => fake.run(batch), features: ALL_EXCEL_FEATURES });
    expect(host.kind).toBe("excel");
    expect(host.name).toBe("Bockau.xlsx");
    expect(fake.syncs).toBe(1);
  });

  it("lists sheet names (1 sync) and the non-empty ones of those asked (2 syncs)", async () => {
    const fake = new FakeExcel(townWorkbook());
    const { host } = hostOver(fake);
    expect(await host.sheetNames()).toEqual(["Tabelle1", "Leer", "Aufgaben"]);
    expect(fake.syncs).toBe(1);
    expect(await host.nonEmptySheets(["aufgaben", "Leer", "Fehlt"])).toEqual(["Aufgaben"]);
    expect(fake.syncs).toBe(3);
  });

  it("inserts a plan in one Excel.run and reads it back under the workbook's name", async () => {
    const fake = new FakeExcel(new FakeWorkbook("Bockau.xlsx"));
    fake.workbook.addSheet("Tabelle1");
    const { host, runs } = hostOver(fake, MINIMUM_EXCEL_FEATURES);
    const progress: string[] = [];
    const result = await host.insertPlan(plan(), { replace: false, onProgress: (_, label) => progress.push(label) });
    expect(result.sheets).toContain("Aufgaben");
    expect(result.skipped).toContain("dataValidation");
    expect(progress[0]).toBe("Arbeitsmappe wird geprüft …");
    expect(runs()).toBe(1);
    const afterInsert = fake.syncs;
    const snapshot = await host.readSnapshot();
    expect(snapshot.fileName).toBe("Bockau.xlsx");
    expect(snapshot.sheets.map((sheet) => sheet.name)).toContain("_ikz_aufgabenkatalog");
    // read: names, sizes (and merged areas), cells
    expect(fake.syncs - afterInsert).toBe(3);
  });

  it("refuses to overwrite existing sheets without replace, and turns Excel errors into OfficeHostErrors", async () => {
    const fake = new FakeExcel(townWorkbook());
    const { host } = hostOver(fake);
    await expect(host.insertPlan(plan(), { replace: false })).rejects.toBeInstanceOf(SheetsExistError);
    fake.options.cellEditMode = true;
    const error = await host.sheetNames().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeHostError);
    expect(error).toMatchObject({ messageKey: "cellEditMode", code: "InvalidOperationInCellEditMode" });
  });

  it("selects a cell on its sheet in one sync", async () => {
    const fake = new FakeExcel(townWorkbook());
    const { host } = hostOver(fake);
    await host.selectCell({ sheet: "Aufgaben", address: "E12" });
    expect(fake.workbook.active?.name).toBe("Aufgaben");
    expect(fake.workbook.selection).toEqual({ sheet: "Aufgaben", address: "E12" });
    expect(fake.syncs).toBe(1);
    await expect(host.selectCell({ sheet: "Fehlt", address: "A1" })).rejects.toMatchObject({
      messageKey: "itemNotFound",
    });
  });

  it("marks cells red in two syncs and restores their fills in one", async () => {
    const workbook = townWorkbook();
    const sheet = workbook.sheet("Aufgaben")!;
    sheet.ensure(5, 1).format.fill = "#00B050";
    const fake = new FakeExcel(workbook);
    const { host } = hostOver(fake);

    await host.markCells([
      { sheet: "Aufgaben", address: "A5" },
      { sheet: "Aufgaben", address: "B6" },
      { sheet: "Aufgaben", address: "A5" },
    ]);
    expect(fake.syncs).toBe(2);
    expect(sheet.at("A5")?.format.fill).toBe(MARK_FILL);
    expect(sheet.at("B6")?.format.fill).toBe(MARK_FILL);

    // marking a marked cell again changes nothing (and keeps its original fill for clearing)
    await host.markCells([{ sheet: "aufgaben", address: "$A$5" }]);
    expect(fake.syncs).toBe(2);

    await host.clearMarks();
    expect(fake.syncs).toBe(3);
    expect(sheet.at("A5")?.format.fill).toBe("#00B050");
    expect(sheet.at("B6")?.format.fill).toBeUndefined();
    await host.clearMarks();
    expect(fake.syncs).toBe(3);
  });

  it("without ExcelApi 1.9 treats a white fill as no fill when restoring", async () => {
    const workbook = townWorkbook();
    const sheet = workbook.sheet("Aufgaben")!;
    sheet.ensure(2, 2).format.fill = "#FFFFFF";
    const fake = new FakeExcel(workbook);
    const { host } = hostOver(fake, MINIMUM_EXCEL_FEATURES);
    await host.markCells([{ sheet: "Aufgaben", address: "B2" }]);
    await host.clearMarks();
    expect(sheet.at("B2")?.format.fill).toBeUndefined();
  });

  it("leaves cells on protected sheets unmarked (Excel would refuse the fill) and marks the rest", async () => {
    const workbook = townWorkbook();
    workbook.sheet("Tabelle1")!.protection = { options: {} };
    const fake = new FakeExcel(workbook);
    const { host } = hostOver(fake);
    await host.markCells([
      { sheet: "tabelle1", address: "A1" },
      { sheet: "Aufgaben", address: "B2" },
    ]);
    expect(fake.syncs).toBe(2);
    expect(workbook.sheet("Tabelle1")?.at("A1")?.format.fill).toBeUndefined();
    expect(workbook.sheet("Aufgaben")?.at("B2")?.format.fill).toBe(MARK_FILL);
    await host.clearMarks();
    expect(workbook.sheet("Aufgaben")?.at("B2")?.format.fill).toBeUndefined();
    expect(fake.syncs).toBe(3);
  });

  it("still clears the marks of the open sheets when a marked sheet was protected meanwhile", async () => {
    const workbook = townWorkbook();
    const fake = new FakeExcel(workbook);
    const { host } = hostOver(fake);
    await host.markCells([
      { sheet: "Tabelle1", address: "A1" },
      { sheet: "Leer", address: "C3" },
      { sheet: "Aufgaben", address: "B2" },
    ]);
    workbook.sheet("Leer")!.protection = { options: {} };
    await host.clearMarks();
    expect(workbook.sheet("Tabelle1")?.at("A1")?.format.fill).toBeUndefined();
    expect(workbook.sheet("Aufgaben")?.at("B2")?.format.fill).toBeUndefined();
    // the protected sheet keeps its mark: lifting a protection the user set is not the pane's call
    expect(workbook.sheet("Leer")?.at("C3")?.format.fill).toBe(MARK_FILL);
    expect(fake.syncs).toBe(2 + 4);
  });

  it("still clears the marks of the remaining sheets when a marked sheet was deleted", async () => {
    const workbook = townWorkbook();
    const fake = new FakeExcel(workbook);
    const { host } = hostOver(fake);
    await host.markCells([
      { sheet: "Tabelle1", address: "A1" },
      { sheet: "Leer", address: "C3" },
    ]);
    workbook.sheets.splice(workbook.sheets.indexOf(workbook.sheet("Leer")!), 1);
    await host.clearMarks();
    expect(workbook.sheet("Tabelle1")?.at("A1")?.format.fill).toBeUndefined();
    expect(fake.syncs).toBe(2 + 4);
  });

  it("remembers marks in the workbook: a reloaded pane still removes them and restores the fills", async () => {
    const workbook = townWorkbook();
    const sheet = workbook.sheet("Aufgaben")!;
    sheet.ensure(5, 1).format.fill = "#00B050";
    const before = new FakeExcel(workbook);
    await hostOver(before).host.markCells([
      { sheet: "Aufgaben", address: "A5" },
      { sheet: "Aufgaben", address: "B6" },
    ]);
    expect(sheet.at("A5")?.format.fill).toBe(MARK_FILL);
    expect(workbook.settings.has(MARKS_SETTING)).toBe(true);

    // the pane is reloaded: a new host, a new Excel session, the same workbook
    const after = new FakeExcel(workbook);
    const { host } = hostOver(after);
    // marking a cell marked before keeps its original fill for clearing
    await host.markCells([{ sheet: "Aufgaben", address: "A5" }]);
    expect(after.syncs).toBe(2);
    await host.clearMarks();
    expect(after.syncs).toBe(3);
    expect(sheet.at("A5")?.format.fill).toBe("#00B050");
    expect(sheet.at("B6")?.format.fill).toBeUndefined();

    // and once more after another reload: nothing left to clear, one sync to find that out
    const again = new FakeExcel(workbook);
    await hostOver(again).host.clearMarks();
    expect(again.syncs).toBe(1);
    expect(sheet.at("A5")?.format.fill).toBe("#00B050");
  });

  it("marks and clears many cells in batches of the request budget: 2 syncs per batch to mark, 1 to clear", async () => {
    const workbook = townWorkbook();
    const sheet = workbook.sheet("Aufgaben")!;
    sheet.ensure(1, 1).format.fill = "#FFEB9C";
    const fake = new FakeExcel(workbook);
    // a budget for ~1,000 cells per batch (the rest is kept for the record of the marks)
    const host = new OfficeWorkbookHost(workbook.name, {
      run: (batch) => fake.run(batch),
      features: ALL_EXCEL_FEATURES,
      payloadBudget: 2_000_000,
    });
    const refs = Array.from({ length: 3_000 }, (_, index) => ({
      sheet: "Aufgaben",
      address: `${String.fromCharCode(65 + (index % 20))}${1 + Math.floor(index / 20)}`,
    }));
    await host.markCells(refs);
    const markSyncs = fake.syncs;
    expect(markSyncs).toBeGreaterThanOrEqual(6);
    expect(markSyncs % 2).toBe(0);
    expect(refs.every((ref) => sheet.at(ref.address)?.format.fill === MARK_FILL)).toBe(true);

    const reloaded = new OfficeWorkbookHost(workbook.name, {
      run: (batch) => fake.run(batch),
      features: ALL_EXCEL_FEATURES,
      payloadBudget: 2_000_000,
    });
    await reloaded.clearMarks();
    expect(fake.syncs - markSyncs).toBe(1 + markSyncs / 2);
    expect(sheet.at("A1")?.format.fill).toBe("#FFEB9C");
    expect(refs.slice(1).every((ref) => sheet.at(ref.address)?.format.fill === undefined)).toBe(true);
  });
});
