import { UnusableFileError } from "../../adapters/exceljs/errors.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import { buildRoadmap, type Roadmap, type RoadmapTown } from "../../lib/roadmap/buildRoadmap.js";
import { planRoadmapWorkbook, type RoadmapSource } from "../../lib/roadmap/planRoadmapWorkbook.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { normaliseTownName } from "../../lib/towns/townNames.js";
import { createIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { toRoadmapTown } from "../../templates/aufgabenkatalog/module.js";
import { MEASURES } from "../../templates/reference/measures.js";
import { unusableFileIssue } from "../../adapters/exceljs/unusableFileIssue.js";
import type { WorkbookCheck } from "./checkWorkbook.js";
import { readTaskCatalogue } from "./computeTownPriorities.js";

/** A picked file: its name and a way to get its bytes. */
export interface PartnerFile {
  readonly name: string;
  bytes(): Promise<Uint8Array>;
}

/** What happened to one partner workbook. */
export type PartnerStatus =
  | { readonly kind: "accepted"; readonly file: string; readonly town: string; readonly taskCount: number }
  /** Read, but not a task catalogue without errors: left out. */
  | {
      readonly kind: "invalid";
      readonly file: string;
      readonly errorCount: number;
      readonly firstError: ValidationIssue | undefined;
    }
  /** Not a readable .xlsx at all: left out. */
  | { readonly kind: "unreadable"; readonly file: string; readonly issue: ValidationIssue }
  /** The same town as the open workbook or an earlier file: left out. */
  | { readonly kind: "duplicate"; readonly file: string; readonly issue: ValidationIssue };

export type PartnerImport =
  /** The open workbook itself cannot be used: no partner file was read. */
  | { readonly kind: "ownNotComputable"; readonly check: WorkbookCheck }
  | {
      readonly kind: "done";
      readonly statuses: readonly PartnerStatus[];
      /** Set when fewer than two towns could be used. */
      readonly problem: ValidationIssue | undefined;
      readonly roadmap: Roadmap | undefined;
      readonly plan: WorkbookPlan | undefined;
    };

export interface PartnerImportInput {
  /** The open workbook (the own town). */
  readonly own: WorkbookSnapshot;
  readonly files: readonly PartnerFile[];
  readonly language: Language;
  /** Reads bytes into a snapshot; throws UnusableFileError for files that are no workbook. */
  readonly readSnapshot: (bytes: Uint8Array, fileName: string) => Promise<WorkbookSnapshot>;
  /** Called before each file with the share done so far and the file's name. */
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Reads the partner towns' task catalogues, validates each, and builds the joint roadmap of
 * the open workbook's town and every usable partner — what `ikz roadmap` does, for the pane.
 * Files with errors, unreadable files and towns listed twice are reported and left out.
 */
export async function importPartners(input: PartnerImportInput): Promise<PartnerImport> {
  const { language } = input;
  const own = readTaskCatalogue(input.own, language);
  if (own.kind !== "ok") return { kind: "ownNotComputable", check: own.check };
  const towns: RoadmapTown[] = [toRoadmapTown(own.catalogue)];
  const sources: RoadmapSource[] = [
    {
      file: input.own.fileName,
      town: own.catalogue.town,
      templateVersion: own.templateVersion,
      taskCount: own.catalogue.tasks.length,
    },
  ];
  const fileOfTown = new Map<string, string>([[normaliseTownName(own.catalogue.town), input.own.fileName]]);
  const statuses: PartnerStatus[] = [];
  for (const [index, file] of input.files.entries()) {
    input.onProgress?.(index, input.files.length, file.name);
    let snapshot: WorkbookSnapshot;
    try {
      snapshot = await input.readSnapshot(await file.bytes(), file.name);
    } catch (error) {
      if (!(error instanceof UnusableFileError)) throw error;
      statuses.push({ kind: "unreadable", file: file.name, issue: unusableFileIssue(error, language) });
      continue;
    }
    const read = readTaskCatalogue(snapshot, language);
    if (read.kind !== "ok") {
      const errors = read.check.report.issues.filter((i) => i.severity === "error");
      statuses.push({ kind: "invalid", file: file.name, errorCount: errors.length, firstError: errors[0] });
      continue;
    }
    const town = read.catalogue.town;
    const earlier = fileOfTown.get(normaliseTownName(town));
    if (earlier !== undefined) {
      statuses.push({
        kind: "duplicate",
        file: file.name,
        issue: createIssue(
          "error",
          "roadmap.duplicateTown",
          language,
          { file: file.name },
          { value: town, other: earlier },
        ),
      });
      continue;
    }
    fileOfTown.set(normaliseTownName(town), file.name);
    towns.push(toRoadmapTown(read.catalogue));
    sources.push({
      file: file.name,
      town,
      templateVersion: read.templateVersion,
      taskCount: read.catalogue.tasks.length,
    });
    statuses.push({ kind: "accepted", file: file.name, town, taskCount: read.catalogue.tasks.length });
  }
  input.onProgress?.(input.files.length, input.files.length, "");
  if (towns.length < 2) {
    const problem = createIssue("error", "roadmap.tooFewTowns", language, {
      file: input.files.map((f) => f.name).join(", "),
    });
    return { kind: "done", statuses, problem, roadmap: undefined, plan: undefined };
  }
  const roadmap = buildRoadmap(towns, MEASURES);
  return { kind: "done", statuses, problem: undefined, roadmap, plan: planRoadmapWorkbook(roadmap, sources, language) };
}
