import type { PlannedRow, SheetPlan } from "./WorkbookPlan.js";

/**
 * A visible sheet of `rows` with nothing else: no validations, highlights or merges, printed
 * portrait. `extra` is laid over it (widths, state, protection, print settings …).
 */
export function plainSheet(
  key: string,
  name: string,
  rows: readonly PlannedRow[],
  extra: Partial<SheetPlan> = {},
): SheetPlan {
  return {
    key,
    name,
    state: "visible",
    columnWidths: [],
    rowCount: rows.length,
    rows: () => rows,
    validations: [],
    highlights: [],
    merges: [],
    print: { landscape: false },
    ...extra,
  };
}
