import { expect } from "vitest";
import { COMPATIBLE_FUNCTIONS, functionsIn } from "../../lib/formulas/compatibleFunctions.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";

/**
 * Asserts that a plan has formulas and that each uses only functions Excel 2016+, Excel on the
 * web and LibreOffice 7.4+ share, stored with English names, `,` separators, no `=` and no
 * `_xlfn.` prefix.
 */
export function expectCompatibleFormulas(plan: WorkbookPlan): void {
  const used = new Set<string>();
  let formulas = 0;
  for (const sheet of plan.sheets) {
    for (const row of sheet.rows()) {
      for (const cell of row.cells) {
        if (cell.formula === undefined) continue;
        formulas++;
        expect(cell.formula.startsWith("=")).toBe(false);
        expect(cell.formula).not.toContain("_xlfn.");
        expect(cell.formula).not.toMatch(/[;]/);
        for (const name of functionsIn(cell.formula)) used.add(name);
      }
    }
  }
  expect(formulas).toBeGreaterThan(0);
  expect([...used].filter((name) => !COMPATIBLE_FUNCTIONS.has(name))).toEqual([]);
}
