import type { ValidationIssue } from "../validation/ValidationIssue.js";

/**
 * Thrown by `allocateCosts` for a model that `validateCostModel` rejects (any issue with severity
 * `error`); carries those issues (in English: a programmer reads this error). Callers that
 * validate first never see it.
 */
export class AllocationInputError extends Error {
  override readonly name = "AllocationInputError";
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const first = issues[0];
    super(
      `the cost model has ${issues.length} error(s)${first ? `; first: ${first.path ?? ""}: ${first.message}` : ""}`,
    );
    this.issues = issues;
  }
}
