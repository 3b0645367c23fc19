import { describe, expect, it } from "vitest";
import { UnusableFileError } from "../../adapters/exceljs/errors.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/plan.js";
import { snapshotOfSheetPlan } from "../host/snapshotOfPlan.js";
import { importPartners } from "./importPartners.js";
import type { PartnerFile } from "./readWorkbookFile.js";

function catalogue(town: string, fileName: string): WorkbookSnapshot {
  const { plan } = planTaskCatalogue({ language: "de", town, demo: true });
  return { fileName, sheets: plan.sheets.map(snapshotOfSheetPlan) };
}

/** Files whose "bytes" are looked up by name in a table of snapshots (or errors). */
function files(table: Record<string, WorkbookSnapshot | Error>) {
  const list: PartnerFile[] = Object.keys(table).map((name) => ({
    name,
    bytes: () => Promise.resolve(new TextEncoder().encode(name)),
  }));
  const readSnapshot = (bytes: Uint8Array): Promise<WorkbookSnapshot> => {
    const entry = table[new TextDecoder().decode(bytes)];
    return entry instanceof Error ? Promise.reject(entry) : Promise.resolve(entry!);
  };
  return { list, readSnapshot };
}

describe("importPartners", () => {
  it("builds the roadmap of the own town and every usable partner, reporting the others", async () => {
    const { list, readSnapshot } = files({
      "bockau.xlsx": catalogue("Bockau", "bockau.xlsx"),
      "kaputt.xlsx": new UnusableFileError("kaputt.xlsx", "corrupt", "truncated"),
      "zschorlau2.xlsx": catalogue("zschorlau", "zschorlau2.xlsx"),
      "fremd.xlsx": { fileName: "fremd.xlsx", sheets: [{ name: "Tabelle1", state: "visible", rows: [], merges: [] }] },
    });
    const progress: string[] = [];
    const result = await importPartners({
      own: catalogue("Zschorlau", "zschorlau.xlsx"),
      files: list,
      language: "de",
      readSnapshot,
      onProgress: (done, total, file) => progress.push(`${done}/${total} ${file}`),
    });
    expect(result.kind).toBe("done");
    if (result.kind !== "done") return;
    expect(result.statuses.map((s) => s.kind)).toEqual(["accepted", "unreadable", "duplicate", "invalid"]);
    expect(result.roadmap?.towns).toEqual(["Zschorlau", "Bockau"]);
    expect(result.plan?.sheets.map((s) => s.name)).toEqual(["Entscheidungsvorlage", "Fahrplan", "Quellen"]);
    // the decision paper's parts: lead town, partner, the guideline's measure with its title
    const first = result.roadmap?.entries[0];
    expect(["Zschorlau", "Bockau"]).toContain(first?.lead.town);
    expect(first?.partners).toEqual(["Zschorlau", "Bockau"].filter((town) => town !== first?.lead.town));
    expect(first?.measure.title?.de).toBeTruthy();
    expect(progress).toEqual(["0/4 bockau.xlsx", "1/4 kaputt.xlsx", "2/4 zschorlau2.xlsx", "3/4 fremd.xlsx", "4/4 "]);
  });

  it("needs a second town", async () => {
    const { list, readSnapshot } = files({ "kaputt.xlsx": new UnusableFileError("kaputt.xlsx", "empty", "0 bytes") });
    const result = await importPartners({
      own: catalogue("Zschorlau", "z.xlsx"),
      files: list,
      language: "en",
      readSnapshot,
    });
    expect(result.kind === "done" && result.problem?.code).toBe("roadmap.tooFewTowns");
  });

  it("reads nothing when the own workbook has errors", async () => {
    const own = catalogue("Zschorlau", "z.xlsx");
    const broken: WorkbookSnapshot = { ...own, sheets: own.sheets.filter((s) => s.name !== "Aufgaben") };
    const { list, readSnapshot } = files({ "bockau.xlsx": catalogue("Bockau", "bockau.xlsx") });
    const result = await importPartners({ own: broken, files: list, language: "de", readSnapshot });
    expect(result.kind).toBe("ownNotComputable");
  });

  it("passes other errors on", async () => {
    const { list, readSnapshot } = files({ "x.xlsx": new Error("out of memory") });
    await expect(
      importPartners({ own: catalogue("Zschorlau", "z.xlsx"), files: list, language: "de", readSnapshot }),
    ).rejects.toThrow("out of memory");
  });
});
