import { checkFileBatch, type FileStatus } from "../../journeys/checkFileBatch.js";
import type { WorkbookCheck } from "../../journeys/checkWorkbook.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { Roadmap } from "../../lib/roadmap/buildRoadmap.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { createIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { catalogueAnalysis } from "../../templates/aufgabenkatalog/analysis.js";
import { readTaskCatalogue } from "./computeTownPriorities.js";
import { pickedFiles, type PartnerFile, type SnapshotReader } from "./readWorkbookFile.js";

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
  readonly readSnapshot: SnapshotReader;
  /** Called before each file with the files done so far, their number and the file's name. */
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

/**
 * Reads the partner towns' task catalogues, validates each, and builds the joint roadmap of
 * the open workbook's town and every usable partner with the task catalogue's analysis — what
 * `ikz roadmap` does, for the pane. Files with errors (or of another template), unreadable files
 * and towns listed twice are reported and left out.
 */
export async function importPartners(input: PartnerImportInput): Promise<PartnerImport> {
  const { language } = input;
  const own = readTaskCatalogue(input.own, language);
  if (own.kind !== "ok" || !own.check.report.workbook) return { kind: "ownNotComputable", check: own.check };
  const template = own.check.template;
  const batch = await checkFileBatch(pickedFiles(input.files, input.readSnapshot, language, template?.spec.id), {
    language,
    template,
    taken: [{ town: own.catalogue.town, file: input.own.fileName }],
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  const sources = [{ workbook: own.check.report.workbook, town: own.catalogue.town }, ...batch.sources];
  const result = sources.length < 2 ? undefined : catalogueAnalysis.analyse(sources, language);
  // the analysis lists the towns as the sources: the open workbook's first, then the files taken
  const taskCounts = result?.towns.slice(1).map((town) => town.taskCount) ?? [];
  let taken = 0;
  const statuses = batch.statuses.map((status) =>
    partnerStatus(status, status.kind === "taken" ? (taskCounts[taken++] ?? 0) : 0),
  );
  if (!result) {
    const problem = createIssue("error", "roadmap.tooFewTowns", language, {
      file: input.files.map((f) => f.name).join(", "),
    });
    return { kind: "done", statuses, problem, roadmap: undefined, plan: undefined };
  }
  return {
    kind: "done",
    statuses,
    problem: undefined,
    roadmap: result.roadmap,
    plan: catalogueAnalysis.plan(result, language).plan,
  };
}

/** A batch status as the partner import shows it: a workbook of another template counts as one with errors. */
function partnerStatus(status: FileStatus, taskCount: number): PartnerStatus {
  switch (status.kind) {
    case "taken":
      return { kind: "accepted", file: status.file, town: status.town, taskCount };
    case "otherTemplate":
    case "invalid": {
      const errors = status.check.report.issues.filter((issue) => issue.severity === "error");
      return { kind: "invalid", file: status.file, errorCount: errors.length, firstError: errors[0] };
    }
    case "unreadable":
      return { kind: "unreadable", file: status.file, issue: status.issue };
    case "duplicate":
      return { kind: "duplicate", file: status.file, issue: status.issue };
  }
}
