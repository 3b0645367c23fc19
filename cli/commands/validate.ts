import type { Language } from "../../lib/spec/TemplateSpec.js";
import { formatIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { findTemplate, TEMPLATES } from "../../templates/registry.js";
import type { TemplateModule } from "../../templates/TemplateModule.js";
import type { BatchFile } from "../../journeys/checkFileBatch.js";
import { checkAllTemplates, checkWorkbook, unreadableCheck } from "../../journeys/checkWorkbook.js";
import { EXIT, templatesOf, type CliContext, type ExitCode } from "../CliContext.js";
import { loadWorkbook } from "../loadWorkbook.js";

/** Validates one workbook file against whichever of `templates` it is (or the one demanded). */
export async function validateFile(
  path: string,
  language: Language,
  templateId?: string,
  templates: readonly TemplateModule[] = TEMPLATES,
): Promise<ValidationReport> {
  const loaded = await loadWorkbook(path, language);
  if ("unusable" in loaded) return unreadableCheck(path, loaded.unusable).report;
  const demanded = templateId === undefined ? undefined : findTemplate(templateId, templates);
  return checkWorkbook(loaded.snapshot, language, demanded ? { as: demanded, templates } : { templates }).report;
}

/**
 * Validates one workbook file against every template it holds (docs/decisions/0010): one report
 * per template, each finding naming its sheet; a workbook of one template gives one report.
 */
export async function validateFileTemplates(
  path: string,
  language: Language,
  templates: readonly TemplateModule[] = TEMPLATES,
): Promise<ValidationReport[]> {
  const loaded = await loadWorkbook(path, language);
  if ("unusable" in loaded) return [unreadableCheck(path, loaded.unusable).report];
  return checkAllTemplates(loaded.snapshot, language, templates).checks.map((check) => check.report);
}

/**
 * A file for a batch (journeys/checkFileBatch) as the CLI reads it: its report from `validated`
 * when the file was validated before, else validated now (as `templateId` when given) and
 * remembered there.
 */
export function fileToCheck(
  path: string,
  language: Language,
  validated: Map<string, ValidationReport>,
  templateId?: string,
  templates: readonly TemplateModule[] = TEMPLATES,
): BatchFile {
  return {
    name: path,
    check: async () => {
      const report = validated.get(path) ?? (await validateFile(path, language, templateId, templates));
      validated.set(path, report);
      const template =
        report.usable && report.templateId !== undefined ? findTemplate(report.templateId, templates) : undefined;
      return { check: { template, report }, unreadable: undefined };
    },
  };
}

/** Prints a report's findings to stderr, one line each, and a summary. */
export function printReport(report: ValidationReport, context: CliContext, includeInfo = false): void {
  const { language } = context;
  const shown = report.issues.filter((i) => includeInfo || i.severity !== "info");
  for (const issue of shown) context.stderr(formatIssue(issue, language));
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const warnings = report.issues.filter((i) => i.severity === "warning").length;
  if (errors === 0 && warnings === 0) {
    context.stderr(renderCliText("valid", language, { file: report.file }));
  } else {
    context.stderr(
      renderCliText("summary", language, {
        file: report.file,
        count: errors + warnings,
        value: renderCliText("counts", language, { errors, warnings }),
      }),
    );
  }
}

/** The exit code for a set of reports: 2 if any is unusable, 1 if any has findings, else 0. */
export function exitCodeFor(reports: readonly ValidationReport[], strict: boolean): ExitCode {
  if (reports.some((r) => !r.usable)) return EXIT.unusable;
  const counts = (i: ValidationIssue) => i.severity === "error" || (strict && i.severity === "warning");
  return reports.some((r) => r.issues.some(counts)) ? EXIT.findings : EXIT.ok;
}

export function reportAsJson(report: ValidationReport) {
  return {
    file: report.file,
    templateId: report.templateId ?? null,
    valid: report.valid,
    usable: report.usable,
    issues: report.issues,
  };
}

export async function runValidate(
  files: readonly string[],
  options: { json?: boolean; strict?: boolean },
  context: CliContext,
): Promise<ExitCode> {
  const reports: ValidationReport[] = [];
  for (const file of files) {
    const own = await validateFileTemplates(file, context.language, templatesOf(context));
    for (const report of own) {
      reports.push(report);
      // several templates in one file: each summary says which template it is about
      const named = own.length > 1 ? { ...report, file: `${report.file} (${report.templateId ?? "?"})` } : report;
      if (!options.json) printReport(named, context);
    }
  }
  if (options.json) context.stdout(JSON.stringify(reports.map(reportAsJson), null, 2));
  return exitCodeFor(reports, options.strict ?? false);
}
