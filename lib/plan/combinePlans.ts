/**
 * Several workbook plans as one: the sheets of each part in order, the parts' hidden metadata
 * sheets replaced by one of the combined workbook. A sheet whose name is taken already gets its
 * part's label in front („IT – Übersicht“), or else a number („Quellen (2)“), and the references
 * to it in its own part's formulas follow.
 */
import { sheetReference } from "../cells/address.js";
import { isMetadataSheetName } from "./resolveLayout.js";
import type { PlannedRow, SheetPlan, WorkbookPlan } from "./WorkbookPlan.js";

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

function freeName(name: string, taken: ReadonlySet<string>, label: string | undefined): string {
  if (!taken.has(name.toLowerCase())) return name;
  if (label !== undefined) {
    const labelled = `${label} – ${name}`.slice(0, MAX_SHEET_NAME);
    if (!taken.has(labelled.toLowerCase())) return labelled;
  }
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Rewrites `Old!A1` / `'Old name'!A1` to the new name in a formula. */
function renameReferences(formula: string, renames: ReadonlyMap<string, string>): string {
  let result = formula;
  for (const [from, to] of renames) {
    const pattern = new RegExp(`(^|[^A-Za-z0-9_'.])${escapeRegExp(sheetReference(from))}!`, "g");
    result = result.replace(pattern, (_, before: string) => `${before}${sheetReference(to)}!`);
  }
  return result;
}

function renamedSheet(sheet: SheetPlan, name: string, renames: ReadonlyMap<string, string>): SheetPlan {
  if (renames.size === 0) return sheet;
  const rows = function* (): Iterable<PlannedRow> {
    for (const row of sheet.rows()) {
      yield {
        ...row,
        cells: row.cells.map((cell) =>
          cell.formula === undefined ? cell : { ...cell, formula: renameReferences(cell.formula, renames) },
        ),
      };
    }
  };
  const validations = sheet.validations.map((v) =>
    v.type === "list" ? { ...v, source: renameReferences(v.source, renames) } : v,
  );
  return { ...sheet, name, rows, validations };
}

/**
 * Combines the parts' sheets into one plan, with `metadata` as its hidden metadata sheet.
 * @param parts in the order their sheets should appear.
 */
export function combinePlans(
  parts: readonly { readonly plan: WorkbookPlan; readonly label?: string | undefined }[],
  head: Pick<WorkbookPlan, "templateId" | "templateVersion" | "language" | "title">,
  metadata: SheetPlan,
): WorkbookPlan {
  const taken = new Set<string>([metadata.name.toLowerCase()]);
  const sheets: SheetPlan[] = [];
  for (const { plan: part, label } of parts) {
    const own = part.sheets.filter((sheet) => !isMetadataSheetName(sheet.name));
    const names = new Map<string, string>();
    for (const sheet of own) {
      const name = freeName(sheet.name, taken, label);
      taken.add(name.toLowerCase());
      names.set(sheet.name, name);
    }
    const renames = new Map([...names].filter(([from, to]) => from !== to));
    for (const sheet of own) sheets.push(renamedSheet(sheet, names.get(sheet.name) ?? sheet.name, renames));
  }
  return { ...head, sheets: [...sheets, metadata] };
}
