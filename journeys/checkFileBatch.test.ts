import { describe, expect, it } from "vitest";
import type { WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import { createIssue } from "../lib/validation/ValidationIssue.js";
import { planTaskCatalogue } from "../templates/aufgabenkatalog/plan.js";
import { findTemplate } from "../templates/registry.js";
import { planToSnapshot } from "../lib/testing/planToSnapshot.js";
import { checkFileBatch, type BatchFile } from "./checkFileBatch.js";
import { checkWorkbook, unreadableCheck } from "./checkWorkbook.js";

const catalogue = (town: string, file: string): WorkbookSnapshot =>
  planToSnapshot(planTaskCatalogue({ language: "de", town, demo: true }).plan, file);

const fileOf = (name: string, snapshot: WorkbookSnapshot): BatchFile => ({
  name,
  check: () => Promise.resolve({ check: checkWorkbook(snapshot, "de"), unreadable: undefined }),
});

describe("checkFileBatch", () => {
  it("takes the template's valid workbooks once per town and says why the others are left out", async () => {
    const broken = createIssue("error", "file.unreadable", "de", { file: "kaputt.xlsx" });
    const files: BatchFile[] = [
      fileOf("/x/bockau.xlsx", catalogue("Bockau", "/x/bockau.xlsx")),
      {
        name: "kaputt.xlsx",
        check: () => Promise.resolve({ check: unreadableCheck("kaputt.xlsx", broken), unreadable: broken }),
      },
      fileOf("zschorlau2.xlsx", catalogue(" zschorlau ", "zschorlau2.xlsx")),
      fileOf("fremd.xlsx", {
        fileName: "fremd.xlsx",
        sheets: [{ name: "Tabelle1", state: "visible", rows: [], merges: [] }],
      }),
    ];
    const progress: string[] = [];
    const batch = await checkFileBatch(files, {
      language: "de",
      template: findTemplate("aufgabenkatalog"),
      taken: [{ town: "Zschorlau", file: "zschorlau.xlsx" }],
      onProgress: (done, total, file) => {
        progress.push(`${done}/${total} ${file}`);
      },
    });
    expect(batch.statuses.map((s) => s.kind)).toEqual(["taken", "unreadable", "duplicate", "otherTemplate"]);
    expect(batch.sources.map((s) => s.town)).toEqual(["Bockau"]);
    const duplicate = batch.statuses[2];
    expect(duplicate?.kind === "duplicate" && duplicate.issue.code).toBe("roadmap.duplicateTown");
    expect(progress).toEqual([
      "0/4 /x/bockau.xlsx",
      "1/4 kaputt.xlsx",
      "2/4 zschorlau2.xlsx",
      "3/4 fremd.xlsx",
      "4/4 ",
    ]);
  });

  it("leaves out a workbook of the template with errors, counting them", async () => {
    const own = catalogue("Bockau", "b.xlsx");
    const broken = { ...own, sheets: own.sheets.filter((s) => s.name !== "Aufgaben") };
    const batch = await checkFileBatch([fileOf("b.xlsx", broken)], { language: "de" });
    const status = batch.statuses[0];
    expect(status?.kind).toBe("invalid");
    expect(status?.kind === "invalid" && status.errorCount).toBeGreaterThan(0);
    expect(batch.sources).toEqual([]);
  });
});
