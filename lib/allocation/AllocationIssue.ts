import type { Severity } from "../validation/ValidationIssue.js";
import type { AllocationMessageCode, LocalizedText } from "./messages.js";

/**
 * One finding about a cost model, as data: what (`code`), where (`path`, e.g. `items[2].key` or
 * `towns[1].actual.cases`), what was expected and found (neutral notation: JavaScript numbers,
 * `≥ 0`, `≤ 2 decimals`), and the sentence for people in German and English. Returned, never thrown.
 */
export interface AllocationIssue {
  readonly severity: Exclude<Severity, "info">;
  readonly code: AllocationMessageCode;
  readonly path: string;
  readonly expected: string;
  readonly received: string;
  readonly message: LocalizedText;
  /** Set when the issue concerns the computation with actual values (true-up), not the plan. */
  readonly scenario?: "actual";
}

/**
 * Thrown by `allocateCosts` for a model that `validateCostModel` rejects (any issue with severity
 * `error`); carries those issues. Callers that validate first never see it.
 */
export class AllocationInputError extends Error {
  override readonly name = "AllocationInputError";
  readonly issues: readonly AllocationIssue[];

  constructor(issues: readonly AllocationIssue[]) {
    const first = issues[0];
    super(`the cost model has ${issues.length} error(s)${first ? `; first: ${first.path}: ${first.message.en}` : ""}`);
    this.issues = issues;
  }
}
