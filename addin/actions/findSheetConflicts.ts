import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { ReferringSheet } from "../host/referringSheets.js";
import { existingSheetNames } from "../host/sheetNames.js";
import type { WorkbookHost } from "../host/WorkbookHost.js";

export interface SheetConflict {
  /** Sheets of the plan that exist already (spelled as in the workbook). */
  readonly existing: readonly string[];
  /** Those of them that hold data. */
  readonly nonEmpty: readonly string[];
  /**
   * Other sheets — the user's own or another template's — whose formulas refer to sheets to be
   * replaced: those references end as `#REF!` (docs/decisions/0010, 0011).
   */
  readonly referring: readonly ReferringSheet[];
  /** Sheets too large to search for such references. */
  readonly unchecked: readonly string[];
}

/** Which of the plan's sheets already exist, which of those hold data, and which other sheets refer to them. */
export async function findSheetConflicts(host: WorkbookHost, plan: WorkbookPlan): Promise<SheetConflict> {
  const existing = existingSheetNames(
    await host.sheetNames(),
    plan.sheets.map((s) => s.name),
  );
  if (existing.length === 0) return { existing, nonEmpty: [], referring: [], unchecked: [] };
  const nonEmpty = await host.nonEmptySheets(existing);
  const { referring, unchecked } = await host.sheetsReferringTo(existing);
  return { existing, nonEmpty, referring, unchecked };
}
