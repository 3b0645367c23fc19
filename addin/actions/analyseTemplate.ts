import { isMetadataSheetName } from "../../lib/plan/resolveLayout.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import type { AnalysisSource } from "../../templates/analysis.js";
import type { TemplateModule } from "../../templates/registry.js";
import { checkFileBatch, type BatchProgress, type FileStatus } from "../../journeys/checkFileBatch.js";
import { checkWorkbook, type WorkbookCheck } from "../../journeys/checkWorkbook.js";
import { pickedFiles, type PartnerFile, type SnapshotReader } from "./readWorkbookFile.js";

/** What happened to one added file (journeys/checkFileBatch). */
export type AnalysisFileStatus = FileStatus;

export type TemplateAnalysisRun =
  /** The open workbook is no template with an analysis of its own (or the task catalogue). */
  | { readonly kind: "notAnalysable"; readonly check: WorkbookCheck }
  /** The open workbook is such a template, but has errors: nothing was read. */
  | { readonly kind: "ownInvalid"; readonly check: WorkbookCheck }
  | {
      readonly kind: "done";
      readonly template: TemplateModule;
      readonly statuses: readonly AnalysisFileStatus[];
      /** Towns analysed, the open workbook's first. */
      readonly towns: readonly string[];
      readonly summary: readonly string[];
      readonly plan: WorkbookPlan;
    };

export interface TemplateAnalysisInput {
  readonly own: WorkbookSnapshot;
  readonly files: readonly PartnerFile[];
  readonly language: Language;
  readonly readSnapshot: SnapshotReader;
  /** Called before each file with the files done so far. */
  readonly onProgress?: BatchProgress;
}

/** The open workbook's template when it has an analysis this section offers, else undefined. */
export function analysableTemplate(check: WorkbookCheck): TemplateModule | undefined {
  const template = check.template;
  return template?.analysis && template.ownPaneSection !== true ? template : undefined;
}

/**
 * Runs the analysis of the open workbook's template over it and the added files of the same
 * template — what `ikz analyse` does, for the pane. Files of another template, with errors or
 * unreadable are reported and left out.
 */
export async function analyseTemplate(input: TemplateAnalysisInput): Promise<TemplateAnalysisRun> {
  const { language } = input;
  const own = checkWorkbook(input.own, language);
  const template = analysableTemplate(own);
  if (!template?.analysis) return { kind: "notAnalysable", check: own };
  const analysis = template.analysis;
  if (!own.report.valid || !own.report.workbook) return { kind: "ownInvalid", check: own };
  const ownTown = analysis.townOf(own.report.workbook) ?? input.own.fileName;
  const batch = await checkFileBatch(pickedFiles(input.files, input.readSnapshot, language), {
    language,
    template,
    taken: [{ town: ownTown, file: input.own.fileName }],
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  const sources: AnalysisSource[] = [{ workbook: own.report.workbook, town: ownTown }, ...batch.sources];
  const result = analysis.analyse(sources, language);
  return {
    kind: "done",
    template,
    statuses: batch.statuses,
    towns: sources.map((source) => source.town),
    summary: analysis.summary(result, language),
    plan: analysis.plan(result, language).plan,
  };
}

/**
 * The analysis workbook's sheets for inserting into the open workbook: without the metadata
 * sheet, which would replace the open template's own (and make it another workbook).
 */
export function sheetsToInsert(plan: WorkbookPlan): WorkbookPlan {
  return { ...plan, sheets: plan.sheets.filter((sheet) => !isMetadataSheetName(sheet.name)) };
}
