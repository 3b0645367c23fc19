import { resolve } from "node:path";
import { writePlanToFile } from "../../adapters/exceljs/writePlanToXlsx.js";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { renderRoadmapText } from "../../lib/messages/roadmapTexts.js";
import { formatNumberFor } from "../../lib/messages/terms.js";
import { buildRoadmap, type Roadmap, type RoadmapTown } from "../../lib/roadmap/buildRoadmap.js";
import {
  describeMeasure,
  describeSynergies,
  planRoadmapWorkbook,
  type RoadmapSource,
} from "../../lib/roadmap/planRoadmapWorkbook.js";
import { normaliseTownName } from "../../lib/towns/townNames.js";
import { createIssue, formatIssue } from "../../lib/validation/ValidationIssue.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { toRoadmapTown } from "../../templates/aufgabenkatalog/module.js";
import { MEASURES } from "../../templates/reference/measures.js";
import { EXIT, type CliContext, type ExitCode } from "../CliContext.js";
import { writeOrRefuse } from "../writeOrRefuse.js";
import { loadTaskCatalogue } from "./priorities.js";

export interface RoadmapOptions {
  readonly json?: boolean;
  readonly out?: string;
  readonly force?: boolean;
}

/** Reads the towns' catalogues, builds the roadmap; files with errors are reported and left out. */
export async function roadmapOf(
  files: readonly string[],
  context: CliContext,
  /** Reports of files validated already, by path (those files are not read again). */
  validated: ReadonlyMap<string, ValidationReport> = new Map(),
): Promise<{ roadmap: Roadmap | undefined; sources: RoadmapSource[]; exit: ExitCode }> {
  const { language } = context;
  let exit: ExitCode = EXIT.ok;
  const towns: RoadmapTown[] = [];
  const sources: RoadmapSource[] = [];
  const fileOfTown = new Map<string, string>();
  for (const file of files) {
    const loaded = await loadTaskCatalogue(file, context, validated.get(file));
    if ("exit" in loaded) {
      exit = Math.max(exit, loaded.exit) as ExitCode;
      context.stderr(renderCliText("roadmapSkipped", language, { file }));
      continue;
    }
    const town = loaded.catalogue.town;
    const earlier = fileOfTown.get(normaliseTownName(town));
    if (earlier !== undefined) {
      context.stderr(
        formatIssue(
          createIssue("error", "roadmap.duplicateTown", language, { file }, { value: town, other: earlier }),
          language,
        ),
      );
      context.stderr(renderCliText("roadmapSkipped", language, { file }));
      exit = Math.max(exit, EXIT.findings) as ExitCode;
      continue;
    }
    fileOfTown.set(normaliseTownName(town), file);
    towns.push(toRoadmapTown(loaded.catalogue));
    sources.push({ file, town, templateVersion: loaded.templateVersion, taskCount: loaded.catalogue.tasks.length });
  }
  if (towns.length < 2) {
    context.stderr(
      formatIssue(createIssue("error", "roadmap.tooFewTowns", language, { file: files.join(", ") }), language),
    );
    return { roadmap: undefined, sources, exit: exit === EXIT.ok ? EXIT.findings : exit };
  }
  return { roadmap: buildRoadmap(towns, MEASURES), sources, exit };
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
