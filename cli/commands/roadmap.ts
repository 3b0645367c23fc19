import { resolve } from "node:path";
import { writePlanToFile } from "../../adapters/exceljs/writePlanToXlsx.js";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { renderRoadmapText } from "../../lib/messages/roadmapTexts.js";
import { formatNumberFor } from "../../lib/messages/terms.js";
import type { Roadmap } from "../../lib/roadmap/buildRoadmap.js";
import {
  describeMeasure,
  describeSynergies,
  planRoadmapWorkbook,
  type RoadmapSource,
} from "../../lib/roadmap/planRoadmapWorkbook.js";
import { createIssue, formatIssue } from "../../lib/validation/ValidationIssue.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { checkFiles, takeFiles } from "../../journeys/checkFileBatch.js";
import { catalogueAnalysis } from "../../templates/aufgabenkatalog/analysis.js";
import { taskCatalogueSpec } from "../../templates/aufgabenkatalog/spec.js";
import { findTemplate } from "../../templates/registry.js";
import { EXIT, type CliContext, type ExitCode } from "../CliContext.js";
import { writeOrRefuse } from "../writeOrRefuse.js";
import { fileToCheck, printReport } from "./validate.js";

export interface RoadmapOptions {
  readonly json?: boolean;
  readonly out?: string;
  readonly force?: boolean;
}

/**
 * Reads the towns' catalogues and builds the roadmap with the task catalogue's analysis; files
 * with errors and towns met twice are reported and left out.
 */
export async function roadmapOf(
  files: readonly string[],
  context: CliContext,
  /** Reports of files validated already, by path (those files are not read again). */
  validated = new Map<string, ValidationReport>(),
): Promise<{ roadmap: Roadmap | undefined; sources: RoadmapSource[]; exit: ExitCode }> {
  const { language } = context;
  const checked = await checkFiles(files.map((file) => fileToCheck(file, language, validated, taskCatalogueSpec.id)));
  const template = findTemplate(taskCatalogueSpec.id);
  const { statuses, sources } = takeFiles(checked, { language, template });
  let exit: ExitCode = EXIT.ok;
  for (const status of statuses) {
    if (status.kind === "taken") continue;
    if (status.kind === "duplicate") {
      context.stderr(formatIssue(status.issue, language));
      exit = Math.max(exit, EXIT.findings) as ExitCode;
    } else {
      const { report } = status.check;
      printReport(report, context);
      if (!report.usable || !report.workbook) exit = Math.max(exit, EXIT.unusable) as ExitCode;
      else {
        context.stderr(renderCliText("notComputed", language, { file: status.file }));
        exit = Math.max(exit, EXIT.findings) as ExitCode;
      }
    }
    context.stderr(renderCliText("roadmapSkipped", language, { file: status.file }));
  }
  if (sources.length < 2) {
    context.stderr(
      formatIssue(createIssue("error", "roadmap.tooFewTowns", language, { file: files.join(", ") }), language),
    );
    return { roadmap: undefined, sources: [], exit: exit === EXIT.ok ? EXIT.findings : exit };
  }
  const result = catalogueAnalysis.analyse(sources, language);
  return {
    roadmap: result.roadmap,
    sources: result.towns.map(({ file, town, templateVersion, taskCount }) => ({
      file,
      town,
      templateVersion,
      taskCount,
    })),
    exit,
  };
}

export async function runRoadmap(
  files: readonly string[],
  options: RoadmapOptions,
  context: CliContext,
): Promise<ExitCode> {
  const { language } = context;
  const { roadmap, sources, exit } = await roadmapOf(files, context);
  if (!roadmap) return exit;
  if (options.out !== undefined) {
    const target = resolve(options.out);
    const written = await writeOrRefuse(
      () => writePlanToFile(planRoadmapWorkbook(roadmap, sources, language), target, { force: options.force ?? false }),
      options.out,
      context,
    );
    if (!written) return EXIT.findings;
  }
  if (options.json) context.stdout(JSON.stringify(roadmap, null, 2));
  else printRoadmap(roadmap, context);
  return exit;
}

/** The roadmap for people: one line per shared task, with its lead town, measure and synergies. */
export function printRoadmap(roadmap: Roadmap, context: CliContext): void {
  const { language } = context;
  context.stdout(
    renderCliText("roadmapHeader", language, { value: roadmap.towns.join(", "), count: roadmap.entries.length }),
  );
  roadmap.entries.forEach((entry, index) => {
    const mean = formatNumberFor(Math.round(entry.meanScore * 10) / 10, language);
    const synergies = describeSynergies(entry.synergies, language).join("; ");
    context.stdout(
      `${String(index + 1).padStart(3)}. ${entry.code.padEnd(6)} ${entry.name} — ${renderCliText("roadmapFigures", language, { count: entry.townCount, value: String(entry.classACount), other: mean })}` +
        ` — ${renderRoadmapText("cliLead", language, { town: entry.lead.town })} — ${describeMeasure(entry.measure, language)}` +
        (synergies ? ` — ${synergies}` : ""),
    );
  });
}
