import { pageTextProblem } from "./printPageText.js";
import type { WorkbookPlan } from "./WorkbookPlan.js";

const FORBIDDEN_NAME = /[:\\/?*[\]]/;
/** A print area: one rectangle without sheet name or `$`. */
const PRINT_AREA = /^[A-Z]{1,3}[1-9]\d{0,6}:[A-Z]{1,3}[1-9]\d{0,6}$/;

/** A reason Excel would refuse (or "repair") a planned workbook. */
export interface PlanProblem {
  readonly sheet: string;
  readonly problem: string;
}

/**
 * What Excel would refuse in a plan: sheet names (1–31 characters, none of `: \ / ? * [ ]`, no
 * apostrophe at either end, not "History", unique ignoring case), a workbook without a
 * visible sheet, headers and footers over Excel's 255 characters, a print area that is not a
 * range. Both writers (exceljs and Office.js) check this before writing anything.
 */
export function planProblems(plan: WorkbookPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const seen = new Set<string>();
  for (const sheet of plan.sheets) {
    const name = sheet.name;
    const problem =
      name.length === 0 || name.length > 31
        ? "a sheet name must have 1 to 31 characters"
        : FORBIDDEN_NAME.test(name)
          ? "a sheet name cannot contain : \\ / ? * [ ]"
          : name.startsWith("'") || name.endsWith("'")
            ? "a sheet name cannot start or end with an apostrophe"
            : name.toLowerCase() === "history"
              ? "Excel reserves the sheet name History"
              : seen.has(name.toLowerCase())
                ? "two sheets have the same name"
                : undefined;
    if (problem) problems.push({ sheet: name, problem });
    seen.add(name.toLowerCase());
  }
  for (const sheet of plan.sheets) {
    for (const text of [sheet.print.header, sheet.print.footer]) {
      const problem = pageTextProblem(text);
      if (problem) problems.push({ sheet: sheet.name, problem });
    }
    if (sheet.print.area !== undefined && !PRINT_AREA.test(sheet.print.area))
      problems.push({ sheet: sheet.name, problem: `the print area "${sheet.print.area}" is not a range like A1:H40` });
  }
  if (!plan.sheets.some((sheet) => sheet.state === "visible")) {
    problems.push({ sheet: plan.sheets[0]?.name ?? "(none)", problem: "a workbook needs at least one visible sheet" });
  }
  return problems;
}
