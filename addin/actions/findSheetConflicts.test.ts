/**
 * Before a replace the pane names the other sheets whose formulas refer to the sheets it will
 * replace — the user's own and another template's — because Excel turns those references into
 * `#REF!` (docs/decisions/0010, 0011). The same answer from every host.
 */
import { describe, expect, it } from "vitest";
import { planToSnapshot } from "../../lib/testing/planToSnapshot.js";
import { planTaskCatalogue } from "../../templates/aufgabenkatalog/plan.js";
import { pestelModule } from "../../templates/pestel/module.js";
import { FakeWorkbookHost } from "../host/FakeWorkbookHost.js";
import { referringSheetsIn } from "../host/referringSheets.js";
import { FakeExcel, FakeWorkbook } from "../../adapters/office/testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES } from "../../adapters/office/features.js";
import { OfficeWorkbookHost, REFERENCE_SCAN_CELLS } from "../host/OfficeWorkbookHost.js";
import { findSheetConflicts } from "./findSheetConflicts.js";

const catalogue = () => planTaskCatalogue({ language: "de", demo: true, town: "Bockau" }).plan;

describe("findSheetConflicts: the sheets that refer to a replaced sheet", () => {
  it("names the user's sheet that computes with the catalogue, not the catalogue's own sheets", async () => {
    const snapshot = planToSnapshot(catalogue());
    const own = {
      name: "Meine Auswertung",
      state: "visible" as const,
      merges: [],
      rows: [
        undefined,
        [undefined, { value: "Klasse A", formula: 'COUNTIF(Aufgaben!$Q$5:$Q$200,"A")' }],
        [
          undefined,
          { value: 1, formula: "'Aufgaben'!O5+Kommune!B9" },
          { value: "Aufgaben!A1", formula: '"Aufgaben!A1"' },
        ],
      ],
    };
    const host = new FakeWorkbookHost({ sheets: [...snapshot.sheets, own] });
    const conflict = await findSheetConflicts(host, catalogue());
    expect(conflict.existing).toContain("Aufgaben");
    expect(conflict.referring).toEqual([
      { sheet: "Meine Auswertung", refersTo: ["Aufgaben", "Kommune"], cells: 2, firstCell: "A1" },
    ]);
    expect(conflict.unchecked).toEqual([]);
  });

  it("finds nothing when no other sheet refers to them, and asks nothing when nothing is replaced", async () => {
    const snapshot = planToSnapshot(catalogue());
    const pestel = planToSnapshot(pestelModule.plan({ language: "de", demo: true }).plan);
    const host = new FakeWorkbookHost({ sheets: [...snapshot.sheets, ...pestel.sheets] });
    expect((await findSheetConflicts(host, catalogue())).referring).toEqual([]);
    const empty = new FakeWorkbookHost({ sheets: pestel.sheets });
    expect(await findSheetConflicts(empty, catalogue())).toEqual({
      existing: [],
      nonEmpty: [],
      referring: [],
      unchecked: [],
    });
    expect(empty.callsOf("sheetsReferringTo")).toEqual([]);
  });

  it("finds the same in Excel (three syncs), and leaves a sheet too large to read unchecked", async () => {
    const workbook = new FakeWorkbook("Bockau.xlsx");
    workbook.addSheet("Tabelle1");
    const fake = new FakeExcel(workbook);
    const host = new OfficeWorkbookHost(workbook.name, {
      run: (batch) => fake.run(batch),
      features: ALL_EXCEL_FEATURES,
    });
    await host.insertPlan(catalogue(), { replace: false });
    const mine = workbook.addSheet("Meine Auswertung");
    mine.put("C3", { formula: "SUM(Kriterien!C5:C12)" });
    mine.put("C4", { formula: "Kriterien!C5*2" });
    const big = workbook.addSheet("Riesig");
    big.put("A1", { formula: "Aufgaben!A5" });
    big.put(`B${REFERENCE_SCAN_CELLS + 1}`, { value: 1 });
    const before = fake.syncs;
    const found = await host.sheetsReferringTo(["Aufgaben", "Kriterien", "Kommune"]);
    expect(fake.syncs - before).toBe(3);
    expect(found).toEqual({
      referring: [{ sheet: "Meine Auswertung", refersTo: ["Kriterien"], cells: 2, firstCell: "C3" }],
      unchecked: ["Riesig"],
    });
    const snapshot = await host.readSnapshot();
    expect(referringSheetsIn(snapshot, ["Kriterien"]).referring.map((r) => r.sheet)).toContain("Meine Auswertung");
  });

  it("counts sheets whose formulas Excel on the web refuses to send (answer over 5 MB) as unchecked", async () => {
    const workbook = new FakeWorkbook("Bockau.xlsx");
    workbook.addSheet("Tabelle1");
    const fake = new FakeExcel(workbook, { responseLimit: 2_000 });
    const host = new OfficeWorkbookHost(workbook.name, {
      run: (batch) => fake.run(batch),
      features: ALL_EXCEL_FEATURES,
    });
    workbook.addSheet("Aufgaben").put("A1", { value: "Code" });
    const mine = workbook.addSheet("Meine Auswertung");
    for (let row = 1; row <= 40; row++) mine.put(`A${row}`, { formula: `Aufgaben!A1&"${"x".repeat(80)}"` });
    expect(await host.sheetsReferringTo(["Aufgaben"])).toEqual({ referring: [], unchecked: ["Meine Auswertung"] });
  });
});
