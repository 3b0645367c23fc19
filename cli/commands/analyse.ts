import { basename, resolve } from "node:path";
import { writePlanToFile } from "../../adapters/exceljs/writePlanToXlsx.js";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { normaliseTownName } from "../../lib/towns/townNames.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { createIssue, formatIssue } from "../../lib/validation/ValidationIssue.js";
import type { AnalysisSource } from "../../templates/analysis.js";
import { findTemplate, TEMPLATES } from "../../templates/registry.js";
import type { TemplateModule } from "../../templates/TemplateModule.js";
import { EXIT, templatesOf, type CliContext, type ExitCode } from "../CliContext.js";
import { writeOrRefuse } from "../writeOrRefuse.js";
import { printReport, validateFile } from "./validate.js";

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
  const reports: ValidationReport[] = [];
  for (const file of files) reports.push(await validatedReport(file, language, validated, templatesOf(context)));
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
  const sources: AnalysisSource[] = [];
  const fileOfTown = new Map<string, string>();
  for (const report of usable) {
    if (!report.valid || !report.workbook) continue;
    const town = analysis.townOf(report.workbook) ?? basename(report.file);
    const earlier = fileOfTown.get(normaliseTownName(town));
    if (earlier !== undefined) {
      const where = { file: report.file };
      context.stderr(
        formatIssue(
          createIssue("error", "roadmap.duplicateTown", language, where, { value: town, other: earlier }),
          language,
        ),
      );
      exit = Math.max(exit, EXIT.findings) as ExitCode;
      continue;
    }
    fileOfTown.set(normaliseTownName(town), report.file);
    sources.push({ workbook: report.workbook, town });
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

/** The file's report from `validated`, or validates it and remembers the report there. */
export async function validatedReport(
  file: string,
  language: CliContext["language"],
  validated: Map<string, ValidationReport>,
  templates: readonly TemplateModule[] = TEMPLATES,
): Promise<ValidationReport> {
  const known = validated.get(file);
  if (known) return known;
  const report = await validateFile(file, language, undefined, templates);
  validated.set(file, report);
  return report;
}

/** Ids of the templates `ikz analyse` can analyse. */
export function analysableTemplates(templates: readonly TemplateModule[] = TEMPLATES): string[] {
  return templates.filter((t) => t.analysis).map((t) => t.spec.id);
}
