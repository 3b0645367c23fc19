/**
 * Every registered template through the Office.js writer and back: the demo (and the blank
 * template) written into a fake Excel, read back with the pane's reader, validated without an
 * error — and the same values as the exceljs writer's file gives the validator. The fake does not
 * calculate; it answers each formula cell with the library's result for the plan (what the file
 * stores, and what LibreOffice computes: test/stored-results.test.ts), as Excel would calculate it.
 */
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../exceljs/writePlanToXlsx.js";
import { planResults } from "../../lib/formulas/planResults.js";
import { validateWorkbook } from "../../lib/validation/validateWorkbook.js";
import { TEMPLATES } from "../../templates/registry.js";
import { FakeExcel, FakeWorkbook } from "./testing/fakeExcel.js";
import { ALL_EXCEL_FEATURES } from "./features.js";
import { readSnapshotFromExcel } from "./readSnapshotFromExcel.js";
import { writePlanToExcel } from "./writePlanToExcel.js";

describe.each(TEMPLATES.map((module) => [module.spec.id, module] as const))(
  "%s through the Office.js writer",
  (_, module) => {
    it.each([true, false])(
      "demo %s: written, read back and validated like the exceljs file",
      async (demo) => {
        const { plan } = module.plan({ language: "de", demo, ...(module.takes.town ? { town: "Zschorlau" } : {}) });
        const results = planResults(plan);
        const fake = new FakeExcel(new FakeWorkbook("Mappe.xlsx"), {
          evaluate: (_formula, sheet, row, column) => {
            const index = plan.sheets.findIndex((planned) => planned.name === sheet.name);
            return index < 0 ? null : (results.resultAt(index, row, column) ?? null);
          },
        });
        fake.workbook.addSheet("Tabelle1");
        const result = await writePlanToExcel(fake.context, plan, { replace: false, features: ALL_EXCEL_FEATURES });
        expect(result.syncs).toBe(fake.syncs);
        const fromExcel = validateWorkbook(
          module.spec,
          await readSnapshotFromExcel(fake.context, { features: ALL_EXCEL_FEATURES }),
          {
            language: "de",
            check: module.check,
          },
        );
        expect(fromExcel.issues.filter((issue) => issue.severity === "error")).toEqual([]);
        const fromFile = validateWorkbook(
          module.spec,
          await readSnapshotFromXlsx(await writePlanToBuffer(plan), "Mappe.xlsx"),
          {
            language: "de",
            check: module.check,
          },
        );
        const inputs = (report: typeof fromFile) =>
          [...(report.workbook?.sheets.values() ?? [])].map((sheet) =>
            sheet.kind === "table" ? sheet.rows.map((row) => row.values) : sheet.values,
          );
        expect(inputs(fromExcel)).toEqual(inputs(fromFile));
      },
      60_000,
    );
  },
);
