import { resolve } from "node:path";
import { writePlanToFile } from "../../adapters/exceljs/writePlanToXlsx.js";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { formatIssue } from "../../lib/validation/ValidationIssue.js";
import { checkFiles, takeFiles } from "../../journeys/checkFileBatch.js";
import { findTemplate, TEMPLATES } from "../../templates/registry.js";
import type { TemplateModule } from "../../templates/TemplateModule.js";
import { EXIT, templatesOf, type CliContext, type ExitCode } from "../CliContext.js";
import { writeOrRefuse } from "../writeOrRefuse.js";
import { fileToCheck, printReport } from "./validate.js";

export interface AnalyseOptions {
  readonly json?: boolean;
  readonly out?: string;
  readonly force?: boolean;
}

/**
 * `ikz analyse FILE…`: recognises the template of the files (all the same), validates them, and
 * runs the template's analysis over those without errors — the result as JSON (`--json`) or as a
 * short summary, and as a formatted workbook (`--out`). Files with errors are reported and left out.
 */
export async function runAnalyse(
  files: readonly string[],
  options: AnalyseOptions,
  context: CliContext,
  /** Reports by path: files found here are not read again; files read are added. */
  validated = new Map<string, ValidationReport>(),
): Promise<ExitCode> {
  const { language } = context;
  const checked = await checkFiles(
    files.map((file) => fileToCheck(file, language, validated, undefined, templatesOf(context))),
  );
  const reports = checked.map(({ checked: { check } }) => check.report);
  let exit: ExitCode = EXIT.ok;
  for (const report of reports) {
    if (!report.usable || !report.valid) {
      printReport(report, context);
      exit = Math.max(exit, report.usable ? EXIT.findings : EXIT.unusable) as ExitCode;
    }
  }
  const usable = reports.filter((r) => r.usable);
  const ids = [...new Set(usable.map((r) => r.templateId))];
  if (ids.length > 1) {
    context.stderr(renderCliText("analyseMixedTemplates", language, { value: ids.join(", ") }));
    return EXIT.unusable;
  }
  const module = ids[0] === undefined ? undefined : findTemplate(ids[0], templatesOf(context));
  if (!module) return exit === EXIT.ok ? EXIT.unusable : exit;
  const analysis = module.analysis;
  if (!analysis) {
    context.stderr(
      renderCliText("analyseNotOffered", language, {
        value: module.spec.id,
        other: module.analysisHint?.[language] ?? "",
      }),
    );
    return EXIT.unusable;
  }
  // One town, one source: a town met again (in any spelling, lib/towns) is reported and left out.
  const { statuses, sources } = takeFiles(checked, { language, template: module });
  for (const status of statuses) {
    if (status.kind !== "duplicate") continue;
    context.stderr(formatIssue(status.issue, language));
    exit = Math.max(exit, EXIT.findings) as ExitCode;
  }
  if (sources.length === 0) {
    context.stderr(renderCliText("notComputed", language, { file: files.join(", ") }));
    return exit === EXIT.ok ? EXIT.findings : exit;
  }
  const result = analysis.analyse(sources, language);
  if (options.out !== undefined) {
    const target = resolve(options.out);
    const written = await writeOrRefuse(
      () => writePlanToFile(analysis.plan(result, language).plan, target, { force: options.force ?? false }),
      options.out,
      context,
    );
    if (!written) return EXIT.findings;
  }
  if (options.json) context.stdout(JSON.stringify(result, null, 2));
  else for (const line of analysis.summary(result, language)) context.stdout(line);
  return exit;
}

/** Ids of the templates `ikz analyse` can analyse. */
export function analysableTemplates(templates: readonly TemplateModule[] = TEMPLATES): string[] {
  return templates.filter((t) => t.analysis).map((t) => t.spec.id);
}
