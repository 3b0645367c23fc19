import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import { existingSheetNames } from "../host/sheetNames.js";
import type { WorkbookHost } from "../host/WorkbookHost.js";

export interface SheetConflict {
  /** Sheets of the plan that exist already (spelled as in the workbook). */
  readonly existing: readonly string[];
  /** Those of them that hold data. */
  readonly nonEmpty: readonly string[];
}

/** Which of the plan's sheets already exist, and which of those hold data. */
export async function findSheetConflicts(host: WorkbookHost, plan: WorkbookPlan): Promise<SheetConflict> {
  const existing = existingSheetNames(
    await host.sheetNames(),
    plan.sheets.map((s) => s.name),
  );
  const nonEmpty = existing.length === 0 ? [] : await host.nonEmptySheets(existing);
  return { existing, nonEmpty };
}
