import type { Language } from "../spec/TemplateSpec.js";
import { createIssue, type Severity, type ValidationIssue } from "./ValidationIssue.js";

/**
 * Most findings kept per file. A sheet of 100,000 rows typed into the wrong columns holds
 * millions of bad cells; a message each would take gigabytes and nobody reads past the first
 * screens. Past the limit findings are only counted, by severity, so the verdict (and the exit
 * code) stays right. See docs/decisions/0006.
 */
export const MAX_FINDINGS = 10_000;

/** Where findings go while a workbook is read: kept up to a limit, counted beyond it. */
export interface IssueSink {
  push(issue: ValidationIssue): void;
  /** Adds a finding made only if it is kept (for the findings of single cells, which can run to millions). */
  add(severity: Severity, make: () => ValidationIssue): void;
}

export interface CappedIssues extends IssueSink {
  /** The findings kept so far. */
  kept(): readonly ValidationIssue[];
  /** The kept findings, plus one that says how many were left out (if any were). */
  finish(language: Language, file: string): ValidationIssue[];
}

/** A sink that keeps at most `limit` findings. */
export function createCappedIssues(limit: number = MAX_FINDINGS): CappedIssues {
  const kept: ValidationIssue[] = [];
  const dropped: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  return {
    push(issue) {
      if (kept.length < limit) kept.push(issue);
      else dropped[issue.severity]++;
    },
    kept: () => kept,
    add(severity, make) {
      if (kept.length < limit) kept.push(make());
      else dropped[severity]++;
    },
    finish(language, file) {
      const count = dropped.error + dropped.warning + dropped.info;
      if (count === 0) return kept;
      // the summary carries the worst severity left out, so the verdict does not change
      const severity: Severity = dropped.error > 0 ? "error" : dropped.warning > 0 ? "warning" : "info";
      return [
        ...kept,
        createIssue(severity, "validation.tooManyFindings", language, { file }, { count, value: String(limit) }),
      ];
    },
  };
}
