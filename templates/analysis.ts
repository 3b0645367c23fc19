/**
 * What `ikz analyse` and the pane's analysis do with a template: read one or several validated
 * workbooks of it (one per town, or the group's), compute a JSON-serialisable result, and plan a
 * formatted workbook from that result. Pure: no file system, no Office.js.
 */
import type { WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import type { ParsedWorkbook } from "../lib/validation/readWorkbook.js";

/** One analysed workbook, as the analysis names it in its result (file name and town). */
export interface AnalysisSource {
  readonly workbook: ParsedWorkbook;
  /** The town the workbook belongs to (its own „Kommune“ field), or the file name without one. */
  readonly town: string;
}

/**
 * Methods (not function-typed properties), so that a module's `TemplateAnalysis<PestelAnalysis>`
 * can be listed in the registry as `TemplateAnalysis<unknown>`: the caller hands `plan` and
 * `summary` only what `analyse` returned.
 */
export interface TemplateAnalysis<Result = unknown> {
  /** Computes the analysis of validated workbooks (errors already excluded by the caller). */
  analyse(sources: readonly AnalysisSource[], language: Language): Result;
  /**
   * A formatted workbook of the result (values only — text from towns is never a formula).
   * A `PlannedWorkbook` from `planWorkbook` fits; only its `plan` is used.
   */
  plan(result: Result, language: Language): { readonly plan: WorkbookPlan };
  /** A few lines for the terminal and the pane: the headline figures of the result. */
  summary(result: Result, language: Language): readonly string[];
  /** The town a workbook belongs to, from its own fields; undefined when it names none. */
  townOf(workbook: ParsedWorkbook): string | undefined;
  /**
   * Key values of the cost model this template knows for its town (population, workplaces, …),
   * for the partnership workbook's pre-filled cost model.
   */
  keyValues?(workbook: ParsedWorkbook): Partial<Record<"population" | "cases" | "workplaces" | "fteShare", number>>;
}
