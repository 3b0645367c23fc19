import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { renderCliText } from "../../lib/messages/cliTexts.js";
import type { TemplateModule } from "../../templates/TemplateModule.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { EXIT, templatesOf, type CliContext, type ExitCode } from "../CliContext.js";
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

/** The files `ikz demo` writes for one template, by its declared demo. */
interface DemoFiles {
  readonly id: string;
  readonly followUp: TemplateModule["demo"]["followUp"];
  readonly blank: string | undefined;
  /** One per demo town, or the one example (`town` undefined). */
  readonly files: readonly { readonly town: string | undefined; readonly file: string }[];
  /** What the follow-up writes: the roadmap (workbook and JSON) or the analysis. */
  readonly outputs: readonly string[];
}

function demoFilesOf(module: TemplateModule, outDir: string): DemoFiles {
  const { id } = module.spec;
  const { demo } = module;
  const outputs: Record<DemoFiles["followUp"], readonly string[]> = {
    roadmap: [join(outDir, "fahrplan.xlsx"), join(outDir, "fahrplan.json")],
    allocate: [],
    analyse: [join(outDir, `${id}-auswertung.xlsx`)],
  };
  return {
    id,
    followUp: demo.followUp,
    blank: demo.blank ? join(outDir, `${id}-vorlage.xlsx`) : undefined,
    files:
      demo.towns === undefined
        ? [{ town: undefined, file: join(outDir, `${id}-beispiel.xlsx`) }]
        : demo.towns.map((town) => ({ town, file: join(outDir, `${id}-${fileSlug(town)}.xlsx`) })),
    outputs: outputs[demo.followUp],
  };
}

/**
 * The main job in one command, all in `outDir`, template by template as each declares its demo
 * (`TemplateModule.demo`): the task catalogue blank and filled for each demo town, their
 * validation and the example roadmap (JSON and workbook); the cost model of a joint unit (blank
 * and the illustrative split, printed); each further template for every demo town with its
 * analysis; and the partnership workbook of all those files.
 */
export async function runDemo(outDir: string, options: { force?: boolean }, context: CliContext): Promise<ExitCode> {
  const force = options.force ?? false;
  const templates = templatesOf(context).map((module) => demoFilesOf(module, outDir));
  const partnership = join(outDir, "verbundmappe.xlsx");
  // a refused run writes nothing: every target is checked before the first is written
  if (!force) {
    const targets = [
      ...templates.flatMap((t) => [
        ...(t.blank === undefined ? [] : [t.blank]),
        ...t.files.map((f) => f.file),
        ...t.outputs,
      ]),
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
  const reports = new Map<string, ValidationReport>();
  for (const template of templates) {
    const exit = await writeDemoOf(template, force, context, reports);
    if (exit !== EXIT.ok) return exit;
  }

  // Everything together: the partnership workbook of the towns' files, then the examples.
  context.stdout("");
  const demoFiles = templates.flatMap((t) => t.files);
  const allFiles = [
    ...demoFiles.filter((f) => f.town !== undefined).map((f) => f.file),
    ...demoFiles.filter((f) => f.town === undefined).map((f) => f.file),
  ];
  const exit = await runConsolidate(allFiles, { out: partnership, force }, context, reports);
  if (exit !== EXIT.ok) return exit;
  context.stderr(renderCliText("demoDone", context.language, { file: outDir }));
  return EXIT.ok;
}

/** One template's demo: its blank file, its filled files, then its follow-up. */
async function writeDemoOf(
  template: DemoFiles,
  force: boolean,
  context: CliContext,
  reports: Map<string, ValidationReport>,
): Promise<ExitCode> {
  let exit: ExitCode;
  if (template.blank !== undefined) {
    exit = await runTemplate(template.id, { out: template.blank, force }, context);
    if (exit !== EXIT.ok) return exit;
  }
  for (const { town, file } of template.files) {
    exit = await runTemplate(
      template.id,
      { out: file, ...(town === undefined ? {} : { town }), demo: true, force },
      context,
    );
    if (exit !== EXIT.ok) return exit;
  }
  const files = template.files.map((f) => f.file);
  switch (template.followUp) {
    case "roadmap": {
      // the files' validation, then the joint roadmap of the towns' files (workbook and JSON)
      for (const file of [...(template.blank === undefined ? [] : [template.blank]), ...files]) {
        const report = await validateFile(file, context.language, undefined, templatesOf(context));
        printReport(report, context);
        reports.set(file, report);
      }
      const [roadmapXlsx = "", roadmapJson = ""] = template.outputs;
      const { roadmap, sources, exit: roadmapExit } = await roadmapOf(files, context, reports);
      if (!roadmap) return roadmapExit;
      const plan = planRoadmapWorkbook(roadmap, sources, context.language);
      if (!(await writeOrRefuse(() => writePlanToFile(plan, roadmapXlsx, { force }), roadmapXlsx, context)))
        return EXIT.findings;
      const json = `${JSON.stringify(roadmap, null, 2)}\n`;
      if (!(await writeOrRefuse(() => writeTextFileAtomic(roadmapJson, json, { force }), roadmapJson, context)))
        return EXIT.findings;
      printRoadmap(roadmap, context);
      return EXIT.ok;
    }
    case "allocate": {
      // the example's split, printed
      context.stdout("");
      for (const file of files) {
        exit = await runAllocate(file, {}, context);
        if (exit !== EXIT.ok) return exit;
      }
      return EXIT.ok;
    }
    case "analyse": {
      context.stdout("");
      return runAnalyse(files, { out: template.outputs[0] ?? "", force }, context, reports);
    }
  }
}
