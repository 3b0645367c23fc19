/**
 * The error both writers (adapters/exceljs, adapters/office) throw for a plan they cannot write:
 * a programmer error in the plan, never a user's.
 */
import { planProblems } from "./planProblems.js";
import type { WorkbookPlan } from "./WorkbookPlan.js";

/** The plan cannot be written as given (a programmer error in the plan, never a user's). */
export class PlanWriteError extends Error {
  override readonly name = "PlanWriteError";

  constructor(
    readonly sheet: string,
    readonly address: string | undefined,
    detail: string,
  ) {
    super(`${sheet}${address === undefined ? "" : `!${address}`}: ${detail}`);
  }
}

/**
 * Rejects a plan Excel would refuse or "repair" ({@link planProblems}) before a writer writes
 * anything.
 * @throws PlanWriteError naming the first problem
 */
export function assertPlanWritable(plan: WorkbookPlan): void {
  const [first] = planProblems(plan);
  if (first) throw new PlanWriteError(first.sheet, undefined, first.problem);
}
