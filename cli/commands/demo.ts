import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { DEMO_TOWNS } from "../../templates/aufgabenkatalog/demo.js";
import { taskCatalogueSpec } from "../../templates/aufgabenkatalog/spec.js";
import { costAllocationSpec } from "../../templates/kostenverteilung/spec.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { EXIT, type CliContext, type ExitCode } from "../CliContext.js";
import { writePlanToFile } from "../../adapters/exceljs/writePlanToXlsx.js";
import { writeTextFileAtomic } from "../../adapters/fs/writeFileAtomic.js";
import { planRoadmapWorkbook } from "../../lib/roadmap/planRoadmapWorkbook.js";
import { writeOrRefuse } from "../writeOrRefuse.js";
import { runAllocate } from "./allocate.js";
import { printRoadmap, roadmapOf } from "./roadmap.js";
import { runTemplate } from "./template.js";
import { printReport, validateFile } from "./validate.js";

/** `Schönheide` → `schoenheide`: file names without umlauts or spaces. */
export function fileSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The main job in one command: a blank task catalogue, a filled example for each demo town, their
 * validation, the example roadmap (JSON and workbook), and the cost model of a joint unit (blank
 * and the illustrative split, printed), all in `outDir`.
 */
export async function runDemo(outDir: string, options: { force?: boolean }, context: CliContext): Promise<ExitCode> {
  await mkdir(outDir, { recursive: true });
  const force = options.force ?? false;
  const id = taskCatalogueSpec.id;
  const blank = join(outDir, `${id}-vorlage.xlsx`);
  let exit = await runTemplate(id, { out: blank, force }, context);
  if (exit !== EXIT.ok) return exit;
  const townFiles: string[] = [];
  for (const town of DEMO_TOWNS) {
    const file = join(outDir, `${id}-${fileSlug(town.name)}.xlsx`);
    exit = await runTemplate(id, { out: file, town: town.name, demo: true, force }, context);
    if (exit !== EXIT.ok) return exit;
    townFiles.push(file);
  }
  const reports = new Map<string, ValidationReport>();
  for (const file of [blank, ...townFiles]) {
    const report = await validateFile(file, context.language);
    printReport(report, context);
    reports.set(file, report);
  }
  const roadmapXlsx = join(outDir, "fahrplan.xlsx");
  const roadmapJson = join(outDir, "fahrplan.json");
  const { roadmap, sources, exit: roadmapExit } = await roadmapOf(townFiles, context, reports);
  if (!roadmap) return roadmapExit;
  const plan = planRoadmapWorkbook(roadmap, sources, context.language);
  if (!(await writeOrRefuse(() => writePlanToFile(plan, roadmapXlsx, { force }), roadmapXlsx, context))) return EXIT.findings;
  const json = `${JSON.stringify(roadmap, null, 2)}\n`;
  if (!(await writeOrRefuse(() => writeTextFileAtomic(roadmapJson, json, { force }), roadmapJson, context))) return EXIT.findings;
  printRoadmap(roadmap, context);

  // The cost model of a joint unit: a blank template and the illustrative split.
  const costId = costAllocationSpec.id;
  exit = await runTemplate(costId, { out: join(outDir, `${costId}-vorlage.xlsx`), force }, context);
  if (exit !== EXIT.ok) return exit;
  const costExample = join(outDir, `${costId}-beispiel.xlsx`);
  exit = await runTemplate(costId, { out: costExample, demo: true, force }, context);
  if (exit !== EXIT.ok) return exit;
  context.stdout("");
  exit = await runAllocate(costExample, {}, context);
  if (exit !== EXIT.ok) return exit;
  context.stderr(renderCliText("demoDone", context.language, { file: outDir }));
  return EXIT.ok;
}
