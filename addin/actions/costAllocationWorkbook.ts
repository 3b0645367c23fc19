/**
 * The cost model and the workbook: a „Kostenverteilung“ plan from the pane's model, and the
 * model and its allocation read back from a workbook snapshot (after the sheet was edited).
 */
import { allocateCosts } from "../../lib/allocation/allocateCosts.js";
import type { Allocation, CostModel } from "../../lib/allocation/model.js";
import { validateCostModel } from "../../lib/allocation/validateCostModel.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import { parsedForm, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import {
  DUE_DATES,
  SHEET,
  costAllocationSpec,
  dueDateField,
  extractCostModel,
  planCostAllocation,
  type CostModelRows,
  type CostModelSettings,
} from "../../templates/kostenverteilung/module.js";
import { checkWorkbook, type WorkbookCheck } from "../../journeys/checkWorkbook.js";

/** The template cannot (yet) write this model: e.g. a key its sheet formulas do not cover. */
export class UnsupportedCostModelError extends Error {
  override readonly name = "UnsupportedCostModelError";
}

/**
 * Plans the „Kostenverteilung“ workbook for a model and its settings (joint unit, year — what the
 * pane's form asks besides the model). The planner's RangeError (a key its formulas do not cover)
 * becomes an `UnsupportedCostModelError`, which the pane shows as a sentence.
 */
export function planCostModelWorkbook(
  model: CostModel,
  language: Language,
  rows?: CostModelRows,
  settings: CostModelSettings = {},
): WorkbookPlan {
  try {
    return planCostAllocation({ language, model, settings, ...(rows === undefined ? {} : { rows }) }).plan;
  } catch (error) {
    if (error instanceof RangeError) throw new UnsupportedCostModelError(error.message, { cause: error });
    throw error;
  }
}

export type WorkbookAllocation =
  | {
      readonly kind: "ok";
      readonly model: CostModel;
      /** What „Grunddaten“ say besides the overhead: unit, year, the date of the figures, due dates. */
      readonly settings: CostModelSettings;
      readonly allocation: Allocation;
      readonly check: WorkbookCheck;
    }
  /** The workbook is no „Kostenverteilung“ (or none of ikz-kit's). */
  | { readonly kind: "notCostAllocation"; readonly check: WorkbookCheck }
  /** A „Kostenverteilung“ with errors: nothing is computed (the numbers would mislead). */
  | { readonly kind: "notComputable"; readonly check: WorkbookCheck; readonly errorCount: number }
  /** A blank „Kostenverteilung“: no town or no item yet. */
  | { readonly kind: "empty"; readonly check: WorkbookCheck };

/**
 * Recognises and validates the workbook (as „Prüfen“ does), extracts its cost model and, when the
 * workbook has no errors, allocates it — the same computation the sheet's formulas make.
 */
export function allocateFromWorkbook(snapshot: WorkbookSnapshot, language: Language): WorkbookAllocation {
  const check = checkWorkbook(snapshot, language, { prefer: costAllocationSpec.id });
  const { report } = check;
  if (check.template?.spec.id !== costAllocationSpec.id) return { kind: "notCostAllocation", check };
  const errorCount = report.issues.filter((issue) => issue.severity === "error").length;
  if (!report.valid || !report.workbook) return { kind: "notComputable", check, errorCount: Math.max(errorCount, 1) };
  const model = extractCostModel(report.workbook);
  if (model.towns.length === 0 || model.items.length === 0) return { kind: "empty", check };
  const modelErrors = validateCostModel(model, { typedInSheet: true }).filter(
    (issue) => issue.severity === "error",
  ).length;
  if (modelErrors > 0) return { kind: "notComputable", check, errorCount: modelErrors };
  return { kind: "ok", model, settings: settingsOf(report.workbook), allocation: allocateCosts(model), check };
}

/** The „Grunddaten“ of a validated workbook as the planner takes them (blank fields left out). */
function settingsOf(workbook: ParsedWorkbook): CostModelSettings {
  const values = parsedForm(workbook, SHEET.settings)?.values ?? {};
  const date = (key: string): Date | undefined => {
    const value = values[key];
    return value instanceof Date ? value : undefined;
  };
  const unitName = values["unitName"];
  const year = values["year"];
  const calculationDate = date("calculationDate");
  const dueDates = DUE_DATES.map((_, index) => date(dueDateField(index)));
  return {
    ...(typeof unitName === "string" && unitName.trim() !== "" ? { unitName: unitName.trim() } : {}),
    ...(typeof year === "number" ? { year } : {}),
    ...(calculationDate === undefined ? {} : { calculationDate }),
    ...(dueDates.some((due) => due !== undefined) ? { dueDates } : {}),
  };
}
