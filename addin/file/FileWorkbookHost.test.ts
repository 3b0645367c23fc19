import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../../adapters/exceljs/workbookWriter.js";
import { buildRoadmap } from "../../lib/roadmap/buildRoadmap.js";
import { planRoadmapWorkbook } from "../../lib/roadmap/planRoadmapWorkbook.js";
import { validateWorkbook } from "../../lib/validation/validateWorkbook.js";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/plan.js";
import { taskCatalogueSpec } from "../../templates/aufgabenkatalog/spec.js";
import { checkTaskCatalogue, extractTaskCatalogue, toRoadmapTown } from "../../templates/aufgabenkatalog/checks.js";
import { SheetExistsError } from "../host/SheetExistsError.js";
import { FileWorkbookHost } from "./FileWorkbookHost.js";

async function openCatalogue(town: string): Promise<FileWorkbookHost> {
  const bytes = await writePlanToBuffer(planTaskCatalogue({ language: "de", town, demo: true }).plan);
  return FileWorkbookHost.open(bytes, `${town.toLowerCase()}.xlsx`);
}

describe("FileWorkbookHost", () => {
  it("reads the picked workbook and says which sheets hold data", async () => {
    const host = await openCatalogue("Zschorlau");
    expect(host.kind).toBe("file");
    expect(host.name).toBe("zschorlau.xlsx");
    expect(await host.sheetNames()).toEqual([
      "So geht’s (Aufgaben)",
      "Kommune",
      "Kriterien",
      "Aufgaben",
      "Produktrahmen",
      "Listen",
      "_ikz_aufgabenkatalog",
    ]);
    expect(await host.nonEmptySheets(["aufgaben", "Fahrplan"])).toEqual(["Aufgaben"]);
    const snapshot = await host.readSnapshot();
    expect(validateWorkbook(taskCatalogueSpec, snapshot, { language: "de", check: checkTaskCatalogue }).valid).toBe(
      true,
    );
  });

  it("inserts a plan as new sheets, refuses existing ones unless told to replace, and downloads the result", async () => {
    const host = await openCatalogue("Zschorlau");
    const changes: boolean[] = [];
    host.subscribe((state) => changes.push(state.changed));
    const bockau = await openCatalogue("Bockau");
    const [own, partner] = await Promise.all([host.readSnapshot(), bockau.readSnapshot()]);
    const catalogues = [own, partner].map((snapshot) => {
      const report = validateWorkbook(taskCatalogueSpec, snapshot, { language: "de", check: checkTaskCatalogue });
      return extractTaskCatalogue(report.workbook!);
    });
    const roadmap = buildRoadmap(catalogues.map(toRoadmapTown));
    const plan = planRoadmapWorkbook(roadmap, [], "de");

    await host.insertPlan(plan, { replace: false });
    expect(await host.sheetNames()).toEqual([
      "So geht’s (Aufgaben)",
      "Kommune",
      "Kriterien",
      "Aufgaben",
      "Produktrahmen",
      "Listen",
      "_ikz_aufgabenkatalog",
      "Entscheidungsvorlage",
      "Fahrplan",
      "Quellen",
    ]);
    expect(host.fileState.changed).toBe(true);
    expect(changes).toEqual([true]);
    await expect(host.insertPlan(plan, { replace: false })).rejects.toBeInstanceOf(SheetExistsError);
    await host.insertPlan(plan, { replace: true });
    expect((await host.sheetNames()).filter((name) => name === "Fahrplan")).toHaveLength(1);

    // the download is a workbook the Node reader reads, the catalogue still valid, the roadmap in it
    const written = await readSnapshotFromXlsx(await host.toBytes(), "zschorlau-ikz.xlsx");
    const fahrplan = written.sheets.find((s) => s.name === "Fahrplan")!;
    expect(fahrplan.rows[4]?.[2]).toEqual({ value: "Produktcode" });
    expect(fahrplan.rows[5]?.[2]?.value).toBe(roadmap.entries[0]?.code);
    expect(validateWorkbook(taskCatalogueSpec, written, { language: "de", check: checkTaskCatalogue }).valid).toBe(
      true,
    );
  });

  it("keeps the current cell and marks as state, never in the file", async () => {
    const host = await openCatalogue("Bockau");
    await host.selectCell({ sheet: "Aufgaben", address: "F7" });
    await host.markCells([{ sheet: "Aufgaben", address: "F7" }]);
    expect(host.fileState.current).toEqual({ sheet: "Aufgaben", address: "F7" });
    expect(host.fileState.marked).toHaveLength(1);
    expect(host.fileState.changed).toBe(false);
    await host.clearMarks();
    expect(host.fileState.marked).toEqual([]);
  });

  it("refuses a file that is no workbook", async () => {
    await expect(
      FileWorkbookHost.open(new TextEncoder().encode("Code;Name\n11;Rat"), "liste.xlsx"),
    ).rejects.toMatchObject({ reason: "notXlsx" });
  });
});
