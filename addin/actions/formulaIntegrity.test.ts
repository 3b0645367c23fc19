/**
 * The pane says what `ikz validate` says about a workbook whose formulas were broken by hand: the
 * cost model written through the Office.js writer, a share of the annex typed over, read back
 * through the Office.js reader — „Prüfen“ names the cell, and the allocation refuses to compute.
 */
import { describe, expect, it } from "vitest";
import { findTemplate } from "../../templates/registry.js";
import { resultCell } from "../../templates/kostenverteilung/formulas/result.js";
import { FakeExcel, FakeWorkbook } from "../../adapters/office/testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES } from "../../adapters/office/features.js";
import { readSnapshotFromExcel } from "../../adapters/office/readSnapshotFromExcel.js";
import { writePlanToExcel } from "../../adapters/office/writePlanToExcel.js";
import { checkWorkbook } from "../../journeys/checkWorkbook.js";
import { allocateFromWorkbook } from "./costAllocationWorkbook.js";

async function costModelInExcel(): Promise<FakeExcel> {
  const workbook = new FakeWorkbook("Verbund.xlsx");
  workbook.addSheet("Tabelle1");
  const fake = new FakeExcel(workbook);
  const module = findTemplate("kostenverteilung");
  if (!module) throw new Error("no cost model template");
  const { plan } = module.plan({ language: "de", demo: true, towns: ["Zschorlau", "Schönheide", "Bockau"] });
  await writePlanToExcel(fake.context, plan, { replace: false, features: ALL_EXCEL_FEATURES });
  return fake;
}

describe("formula integrity in the pane", () => {
  it("accepts the cost model as written, and names a share of the annex typed over by hand", async () => {
    const fake = await costModelInExcel();
    const before = await readSnapshotFromExcel(fake.context, {
      fileName: "Verbund.xlsx",
      features: ALL_EXCEL_FEATURES,
    });
    expect(checkWorkbook(before, "de").report.issues.filter((i) => i.code.startsWith("formula."))).toEqual([]);
    expect(allocateFromWorkbook(before, "de").kind).toBe("ok");

    const cell = resultCell(1, 2);
    fake.workbook.sheet("Ergebnis")?.put(cell, { value: 999.99 });
    const after = await readSnapshotFromExcel(fake.context, { fileName: "Verbund.xlsx", features: ALL_EXCEL_FEATURES });
    const check = checkWorkbook(after, "de");
    expect(check.report.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.sheet, i.cell])).toEqual([
      ["formula.replaced", "Ergebnis", cell],
    ]);
    expect(allocateFromWorkbook(after, "de").kind).toBe("notComputable");
  });
});
