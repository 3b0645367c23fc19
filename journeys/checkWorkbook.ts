/**
 * Checking a workbook, the one journey behind `ikz validate` and the pane's „Prüfen“: recognise
 * which template(s) a snapshot holds and validate each with its spec and its own checks. Pure:
 * a snapshot in, a check out (reading the file or the open workbook is the caller's part).
 */
import type { WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import type { ValidationIssue } from "../lib/validation/ValidationIssue.js";
import {
  identifyTemplates,
  sortIssues,
  validateWorkbook,
  type ValidationReport,
} from "../lib/validation/validateWorkbook.js";
import { TEMPLATES, type TemplateModule } from "../templates/registry.js";

export interface WorkbookCheck {
  /** The template the workbook was checked as; undefined when it is none of ikz-kit's. */
  readonly template: TemplateModule | undefined;
  readonly report: ValidationReport;
}

export interface CheckOptions {
  /** The templates to recognise; default: the registry. */
  readonly templates?: readonly TemplateModule[];
  /** Check as this template (by id) when the workbook holds it among several (docs/decisions/0010). */
  readonly prefer?: string;
  /** Check as this template whatever the workbook holds (a command that needs one template). */
  readonly as?: TemplateModule;
}

/**
 * Recognises which template a workbook is (metadata sheet, else sheet names) and validates it
 * with that template's spec and own checks. A workbook holding several templates is checked as
 * `prefer` when it holds that one, else as its first; {@link checkAllTemplates} checks them all.
 * What the reader noted about the workbook itself (`snapshot.notices`, e.g. a sheet too large to
 * read) is added to the findings.
 */
export function checkWorkbook(
  snapshot: WorkbookSnapshot,
  language: Language,
  options: CheckOptions = {},
): WorkbookCheck {
  const templates = options.templates ?? TEMPLATES;
  const identified = identifyTemplates(
    snapshot,
    templates.map((t) => t.spec),
    language,
  );
  const chosen = identified.templates.find((t) => t.spec.id === options.prefer) ?? identified.templates[0];
  const template = options.as ?? templates.find((t) => t.spec === chosen?.spec);
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

function notices(snapshot: WorkbookSnapshot): readonly ValidationIssue[] {
  return snapshot.notices ?? [];
}

/** Every template of a workbook checked, and the findings of all of them in one report. */
export interface WorkbookChecks extends WorkbookCheck {
  /** One check per template the workbook holds, in the order of their metadata sheets (one when it holds none). */
  readonly checks: readonly WorkbookCheck[];
}

/**
 * Checks each template a workbook holds: one check per template (`ikz validate` prints one
 * report each) and one report whose findings are all of theirs (the pane lists them; each names
 * its sheet), valid and usable only when every template's is. `template` and `workbook` are the
 * first template's.
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
    const single = checkWorkbook(snapshot, language, { templates });
    return { ...single, checks: [single] };
  }
  const checks = ids.map((id) => checkWorkbook(snapshot, language, { templates, prefer: id }));
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

/** The check of a file that could not be read at all: unusable, with the one finding that says why. */
export function unreadableCheck(file: string, issue: ValidationIssue): WorkbookCheck {
  return {
    template: undefined,
    report: { file, templateId: undefined, valid: false, usable: false, issues: [issue], workbook: undefined },
  };
}
