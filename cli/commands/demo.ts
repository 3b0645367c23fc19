import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import { DEMO_TOWNS } from "../../templates/aufgabenkatalog/demo.js";
import { TEMPLATES } from "../../templates/registry.js";
import { taskCatalogueSpec } from "../../templates/aufgabenkatalog/spec.js";
import { costAllocationSpec } from "../../templates/kostenverteilung/spec.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { EXIT, type CliContext, type ExitCode } from "../CliContext.js";
import { writePlanToFile } from "../../adapters/exceljs/writePlanToXlsx.js";
import { writeTextFileAtomic } from "../../adapters/fs/writeFileAtomic.js";
import { planRoadmapWorkbook } from "../../lib/roadmap/planRoadmapWorkbook.js";
import { fileSystemErrorCode, writeOrRefuse } from "../writeOrRefuse.js";
import { runAllocate } from "./allocate.js";
import { runAnalyse } from "./analyse.js";
import { runConsolidate } from "./consolidate.js";
import { printRoadmap, roadmapOf } from "./roadmap.js";
import { runTemplate } from "./template.js";
import { printReport, validateFile } from "./validate.js";

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

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
 * The main job in one command, all in `outDir`: a blank task catalogue, a filled example for each
 * demo town, their validation and the example roadmap (JSON and workbook); the cost model of a
 * joint unit (blank and the illustrative split, printed); each further template (PESTEL, IT
 * service catalogue, workplace profile) for every demo town with its analysis; and the
 * partnership workbook of all those files.
 */
export async function runDemo(outDir: string, options: { force?: boolean }, context: CliContext): Promise<ExitCode> {
  const force = options.force ?? false;
  const id = taskCatalogueSpec.id;
  const costId = costAllocationSpec.id;
  const blank = join(outDir, `${id}-vorlage.xlsx`);
  const towns = DEMO_TOWNS.map((town) => ({ town, file: join(outDir, `${id}-${fileSlug(town.name)}.xlsx`) }));
  const roadmapXlsx = join(outDir, "fahrplan.xlsx");
  const roadmapJson = join(outDir, "fahrplan.json");
  const costBlank = join(outDir, `${costId}-vorlage.xlsx`);
  const costExample = join(outDir, `${costId}-beispiel.xlsx`);
  // the further templates with an analysis: one file per demo town, the analysis, then the partnership
  const analysed = TEMPLATES.filter((module) => module.analysis && module.takes.town && module.spec.id !== id).map(
    (module) => ({
      id: module.spec.id,
      files: DEMO_TOWNS.map((town) => ({
        town: town.name,
        file: join(outDir, `${module.spec.id}-${fileSlug(town.name)}.xlsx`),
      })),
      analysis: join(outDir, `${module.spec.id}-auswertung.xlsx`),
    }),
  );
  const partnership = join(outDir, "verbundmappe.xlsx");
  // a refused run writes nothing: every target is checked before the first is written
  if (!force) {
    const targets = [
      blank,
      ...towns.map((t) => t.file),
      roadmapXlsx,
      roadmapJson,
      costBlank,
      costExample,
      ...analysed.flatMap((a) => [...a.files.map((f) => f.file), a.analysis]),
      partnership,
    ];
    const existing: string[] = [];
    for (const target of targets) if (await exists(target)) existing.push(target);
    for (const target of existing) context.stderr(renderCliText("fileExists", context.language, { file: target }));
    if (existing.length > 0) return EXIT.findings;
  }
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    const code = fileSystemErrorCode(error);
    if (code === undefined) throw error;
    context.stderr(renderCliText("writeFailed", context.language, { file: outDir, other: code }));
    return EXIT.findings;
  }
  let exit = await runTemplate(id, { out: blank, force }, context);
  if (exit !== EXIT.ok) return exit;
  const townFiles: string[] = [];
  for (const { town, file } of towns) {
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
  const { roadmap, sources, exit: roadmapExit } = await roadmapOf(townFiles, context, reports);
  if (!roadmap) return roadmapExit;
  const plan = planRoadmapWorkbook(roadmap, sources, context.language);
  if (!(await writeOrRefuse(() => writePlanToFile(plan, roadmapXlsx, { force }), roadmapXlsx, context)))
    return EXIT.findings;
  const json = `${JSON.stringify(roadmap, null, 2)}\n`;
  if (!(await writeOrRefuse(() => writeTextFileAtomic(roadmapJson, json, { force }), roadmapJson, context)))
    return EXIT.findings;
  printRoadmap(roadmap, context);

  // The cost model of a joint unit: a blank template and the illustrative split.
  exit = await runTemplate(costId, { out: costBlank, force }, context);
  if (exit !== EXIT.ok) return exit;
  exit = await runTemplate(costId, { out: costExample, demo: true, force }, context);
  if (exit !== EXIT.ok) return exit;
  context.stdout("");
  exit = await runAllocate(costExample, {}, context);
  if (exit !== EXIT.ok) return exit;

  // PESTEL, IT service catalogue, workplace profile: the towns' files and their analysis.
  for (const template of analysed) {
    for (const { town, file } of template.files) {
      exit = await runTemplate(template.id, { out: file, town, demo: true, force }, context);
      if (exit !== EXIT.ok) return exit;
    }
    context.stdout("");
    exit = await runAnalyse(
      template.files.map((f) => f.file),
      { out: template.analysis, force },
      context,
      reports,
    );
    if (exit !== EXIT.ok) return exit;
  }

  // Everything together: the partnership workbook.
  context.stdout("");
  const allFiles = [...townFiles, ...analysed.flatMap((a) => a.files.map((f) => f.file)), costExample];
  exit = await runConsolidate(allFiles, { out: partnership, force }, context, reports);
  if (exit !== EXIT.ok) return exit;
  context.stderr(renderCliText("demoDone", context.language, { file: outDir }));
  return EXIT.ok;
}
