import { renderCliText } from "../../lib/messages/cliTexts.js";
import { formatNumberFor } from "../../lib/messages/terms.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import {
  computePriorities,
  extractTaskCatalogue,
  taskCatalogueSpec,
  type TaskCatalogue,
} from "../../templates/aufgabenkatalog/module.js";
import { EXIT, type CliContext, type ExitCode } from "../CliContext.js";
import { printReport, validateFile } from "./validate.js";

/** Validates a task catalogue and reads it, or prints why it cannot be computed. */
export async function loadTaskCatalogue(
  path: string,
  context: CliContext,
  /** The file's report when the caller has validated it already (it is not read again). */
  validated?: ValidationReport,
): Promise<{ catalogue: TaskCatalogue; templateVersion: string } | { exit: ExitCode }> {
  const report = validated ?? (await validateFile(path, context.language, taskCatalogueSpec.id));
  if (!report.usable || !report.workbook) {
    printReport(report, context);
    return { exit: EXIT.unusable };
  }
  if (!report.valid) {
    printReport(report, context);
    context.stderr(renderCliText("notComputed", context.language, { file: path }));
    return { exit: EXIT.findings };
  }
  return {
    catalogue: extractTaskCatalogue(report.workbook),
    templateVersion: report.workbook.metadata.templateVersion ?? "?",
  };
}

export async function runPriorities(file: string, options: { json?: boolean }, context: CliContext): Promise<ExitCode> {
  const result = await loadTaskCatalogue(file, context);
  if ("exit" in result) return result.exit;
  const priorities = computePriorities(result.catalogue);
  if (options.json) {
    context.stdout(JSON.stringify(priorities, null, 2));
    return EXIT.ok;
  }
  context.stdout(
    renderCliText("prioritiesHeader", context.language, { value: priorities.town, count: priorities.tasks.length }),
  );
  const ordered = [...priorities.tasks].sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : 1));
  for (const task of ordered) {
    const score = formatNumberFor(Math.round(task.score * 10) / 10, context.language);
    context.stdout(
      `${String(task.rank).padStart(4)}  ${task.class}  ${score.padStart(5)}  ${task.code.padEnd(6)}  ${task.name}`,
    );
  }
  return EXIT.ok;
}
