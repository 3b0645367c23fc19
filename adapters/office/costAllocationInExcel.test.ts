/**
 * The cost model through the Office.js writer: every cell of the plan — the key parts, the pairs,
 * the annex grid — lands in the workbook as planned, with the same number of `context.sync()`
 * calls for 4 towns and for 12 (the batches grow, the round trips do not); 40 towns split into two
 * more batches by size (real request sizes: realRequestSizesCostModels.test.ts).
 */
import { describe, expect, it } from "vitest";
import type { CostModel } from "../../lib/allocation/model.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import { costModelForTowns } from "../../templates/kostenverteilung/partnerTowns.js";
import { planCostAllocation } from "../../templates/kostenverteilung/plan.js";
import { FakeExcel, FakeWorkbook } from "./testing/fakeExcel.js";
import { withExcelSheetQuoting } from "../../lib/formulas/sheetReferences.js";
import { ALL_EXCEL_FEATURES } from "./features.js";
import { writePlanToExcel } from "./writePlanToExcel.js";

function freshExcel(): FakeExcel {
  const workbook = new FakeWorkbook("Verbund.xlsx");
  workbook.addSheet("Tabelle1");
  return new FakeExcel(workbook);
}

function expectCellsAsPlanned(fake: FakeExcel, plan: WorkbookPlan): number {
  let compared = 0;
  for (const planned of plan.sheets) {
    const sheet = fake.workbook.sheet(planned.name);
    expect(sheet, planned.name).toBeDefined();
    for (const row of planned.rows()) {
      for (const cell of row.cells) {
        const actual = sheet?.cell(row.row, cell.column);
        const where = `${planned.name}!${cell.column}/${row.row}`;
        // Excel rewrites the new sheets' references when they take their final names (decision 0011)
        if (cell.formula !== undefined) expect(actual?.formula, where).toBe(withExcelSheetQuoting(cell.formula));
        else if (typeof cell.value === "string" || typeof cell.value === "number")
          expect(actual?.value, where).toBe(cell.value);
        compared++;
      }
    }
  }
  return compared;
}

const model = (towns: number): CostModel =>
  costModelForTowns(
    Array.from({ length: towns }, (_, i) => `Kommune ${i + 1}`),
    { demo: true },
  );

describe("the cost model in Excel (Office.js writer)", () => {
  it("writes every cell of the demo as planned, grid sheet included", async () => {
    const fake = freshExcel();
    const plan = planCostAllocation({ language: "de", demo: true }).plan;
    await writePlanToExcel(fake.context, plan, { replace: false, features: ALL_EXCEL_FEATURES });
    expect(expectCellsAsPlanned(fake, plan)).toBeGreaterThan(10_000);
    expect(fake.workbook.sheet("Ergebnis")?.cell(5, 5)?.formula).toContain("Kommunen!$B$5");
  });

  it("needs the same number of syncs for 4 and 12 towns (the prepared rows), and two more batches at most for 40", async () => {
    const syncs: number[] = [];
    for (const towns of [4, 12, 40]) {
      const fake = freshExcel();
      const plan = planCostAllocation({ language: "de", model: model(towns) }).plan;
      const result = await writePlanToExcel(fake.context, plan, { replace: false, features: ALL_EXCEL_FEATURES });
      expect(result.syncs).toBe(fake.syncs);
      syncs.push(fake.syncs);
    }
    expect(syncs[0]).toBe(syncs[1]);
    // 40 towns × 40 item rows are ~11,000 rows of pairs: the writer splits by (upper-bound) size
    expect(syncs[2]).toBeLessThanOrEqual((syncs[0] ?? 0) + 2);
  }, 120_000);
});
