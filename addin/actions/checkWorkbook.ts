import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { Severity, ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import {
  identifyTemplates,
  sortIssues,
  validateWorkbook,
  type ValidationReport,
} from "../../lib/validation/validateWorkbook.js";
import { TEMPLATES, type TemplateModule } from "../../templates/registry.js";

export interface WorkbookCheck {
  /** The template the workbook was recognised as; undefined when it is none of ikz-kit's. */
  readonly template: TemplateModule | undefined;
  readonly report: ValidationReport;
}

/**
 * Recognises which template a workbook is (metadata sheet, else sheet names) and validates it
 * with that template's spec and own checks — what `ikz validate` does, for a snapshot. A
 * workbook holding several templates (docs/decisions/0010) is checked as `prefer` when it holds
 * that one, else as its first; {@link checkAllTemplates} checks them all.
 */
export function checkWorkbook(
  snapshot: WorkbookSnapshot,
  language: Language,
  templates: readonly TemplateModule[] = TEMPLATES,
  prefer?: string,
): WorkbookCheck {
  const identified = identifyTemplates(
    snapshot,
    templates.map((t) => t.spec),
    language,
  );
  const chosen = identified.templates.find((t) => t.spec.id === prefer) ?? identified.templates[0];
  const template = templates.find((t) => t.spec === chosen?.spec);
  if (!template) {
    return {
      template: undefined,
      report: {
        file: snapshot.fileName,
        templateId: identified.metadata[0]?.templateId,
        valid: false,
        usable: false,
        issues: [...identified.issues, ...notices(snapshot)],
        workbook: undefined,
      },
    };
  }
  const report = validateWorkbook(template.spec, snapshot, { language, check: template.check });
  return { template, report: { ...report, issues: [...report.issues, ...notices(snapshot)] } };
}

/** What the reader says about the workbook itself (e.g. a user's sheet too large to read), shown with the findings. */
function notices(snapshot: WorkbookSnapshot): readonly ValidationIssue[] {
  return snapshot.notices ?? [];
}

/** Every template of a workbook checked, and the findings of all of them in one report. */
export interface WorkbookChecks extends WorkbookCheck {
  /** One check per template the workbook holds, in the order of their metadata sheets. */
  readonly checks: readonly WorkbookCheck[];
}

/**
 * Checks each template a workbook holds (the pane's „Prüfen“): one report whose findings are all
 * of theirs (each names its sheet), valid and usable only when every template's is. The
 * `template` and `workbook` are the first template's.
 */
export function checkAllTemplates(
  snapshot: WorkbookSnapshot,
  language: Language,
  templates: readonly TemplateModule[] = TEMPLATES,
): WorkbookChecks {
  const ids = identifyTemplates(
    snapshot,
    templates.map((t) => t.spec),
    language,
  ).templates.map((t) => t.spec.id);
  if (ids.length <= 1) {
    const single = checkWorkbook(snapshot, language, templates);
    return { ...single, checks: [single] };
  }
  const checks = ids.map((id) => checkWorkbook(snapshot, language, templates, id));
  const first = checks[0] as WorkbookCheck;
  return {
    template: first.template,
    report: {
      file: snapshot.fileName,
      templateId: first.report.templateId,
      valid: checks.every((c) => c.report.valid),
      usable: checks.every((c) => c.report.usable),
      // the reader's notices once, not once per template
      issues: sortIssues([
        ...checks.flatMap((c) => c.report.issues.filter((issue) => !notices(snapshot).includes(issue))),
        ...notices(snapshot),
      ]),
      workbook: first.report.workbook,
    },
    checks,
  };
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
