import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { Severity, ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { identifyTemplate, validateWorkbook, type ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { TEMPLATES, type TemplateModule } from "../../templates/registry.js";

export interface WorkbookCheck {
  /** The template the workbook was recognised as; undefined when it is none of ikz-kit's. */
  readonly template: TemplateModule | undefined;
  readonly report: ValidationReport;
}

/**
 * Recognises which template a workbook is (metadata sheet, else sheet names) and validates it
 * with that template's spec and own checks — what `ikz validate` does, for a snapshot.
 */
export function checkWorkbook(snapshot: WorkbookSnapshot, language: Language, templates: readonly TemplateModule[] = TEMPLATES): WorkbookCheck {
  const identified = identifyTemplate(
    snapshot,
    templates.map((t) => t.spec),
    language,
  );
  const template = templates.find((t) => t.spec === identified.spec);
  if (!template) {
    return {
      template: undefined,
      report: { file: snapshot.fileName, templateId: identified.metadata.templateId, valid: false, usable: false, issues: identified.issues, workbook: undefined },
    };
  }
  return { template, report: validateWorkbook(template.spec, snapshot, { language, check: template.check }) };
}

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
