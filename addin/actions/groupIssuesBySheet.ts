import type { Severity, ValidationIssue } from "../../lib/validation/ValidationIssue.js";

export interface IssueCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function countIssues(issues: readonly ValidationIssue[]): IssueCounts {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity]++;
  return counts;
}

export interface IssueGroup {
  /** The sheet, or undefined for findings about the whole workbook. */
  readonly sheet: string | undefined;
  readonly issues: readonly ValidationIssue[];
}

/** Issues grouped by sheet, in the order the sheets first appear (workbook-level issues first). */
export function groupIssuesBySheet(issues: readonly ValidationIssue[]): IssueGroup[] {
  const groups = new Map<string | undefined, ValidationIssue[]>();
  for (const issue of issues) {
    const list = groups.get(issue.sheet) ?? [];
    list.push(issue);
    groups.set(issue.sheet, list);
  }
  const ordered = [...groups.entries()].map(([sheet, list]) => ({ sheet, issues: list }));
  return [...ordered.filter((g) => g.sheet === undefined), ...ordered.filter((g) => g.sheet !== undefined)];
}
