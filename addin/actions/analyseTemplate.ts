import { isMetadataSheetName } from "../../lib/plan/resolveLayout.js";
import type { WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { WorkbookSnapshot } from "../../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { normaliseTownName } from "../../lib/towns/townNames.js";
import { createIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import type { AnalysisSource } from "../../templates/analysis.js";
import type { TemplateModule } from "../../templates/registry.js";
import { checkWorkbook, type WorkbookCheck } from "../../journeys/checkWorkbook.js";
import type { PartnerFile } from "./importPartners.js";
import { readWorkbookFile, type SnapshotReader } from "./readWorkbookFile.js";

/** The template whose analysis the pane shows in its own sections (priorities, roadmap). */
const OWN_SECTION_TEMPLATE = "aufgabenkatalog";

/** What happened to one added file. */
export type AnalysisFileStatus =
  | { readonly kind: "taken"; readonly file: string; readonly town: string }
  /** A workbook of another template (or none of ikz-kit's): left out. */
  | { readonly kind: "otherTemplate"; readonly file: string; readonly templateId: string | undefined }
  /** The template's workbook, with errors: left out. */
  | {
      readonly kind: "invalid";
      readonly file: string;
      readonly errorCount: number;
      readonly firstError: ValidationIssue | undefined;
    }
  /** No readable .xlsx: left out. */
  | { readonly kind: "unreadable"; readonly file: string; readonly issue: ValidationIssue }
  /** A town already taken from another file (in any spelling, lib/towns): left out. */
  | { readonly kind: "duplicate"; readonly file: string; readonly issue: ValidationIssue };

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
  readonly onProgress?: (done: number, total: number, file: string) => void | Promise<void>;
}

/** The open workbook's template when it has an analysis this section offers, else undefined. */
export function analysableTemplate(check: WorkbookCheck): TemplateModule | undefined {
  const template = check.template;
  return template?.analysis && template.spec.id !== OWN_SECTION_TEMPLATE ? template : undefined;
}

const errorsOf = (check: WorkbookCheck): ValidationIssue[] =>
  check.report.issues.filter((issue) => issue.severity === "error");

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
  const sources: AnalysisSource[] = [
    { workbook: own.report.workbook, town: analysis.townOf(own.report.workbook) ?? input.own.fileName },
  ];
  const statuses: AnalysisFileStatus[] = [];
  const fileOfTown = new Map<string, string>([[normaliseTownName(sources[0]?.town ?? ""), input.own.fileName]]);
  for (const [index, file] of input.files.entries()) {
    await input.onProgress?.(index, input.files.length, file.name);
    const { check, unreadable } = await readWorkbookFile(file, input.readSnapshot, language);
    if (unreadable) {
      statuses.push({ kind: "unreadable", file: file.name, issue: unreadable });
      continue;
    }
    const { report } = check;
    if (check.template !== template) {
      statuses.push({
        kind: "otherTemplate",
        file: file.name,
        templateId: check.template?.spec.id ?? report.templateId,
      });
      continue;
    }
    if (!report.valid || !report.workbook) {
      const errors = errorsOf(check);
      statuses.push({ kind: "invalid", file: file.name, errorCount: errors.length, firstError: errors[0] });
      continue;
    }
    const town = analysis.townOf(report.workbook) ?? file.name;
    const earlier = fileOfTown.get(normaliseTownName(town));
    if (earlier !== undefined) {
      const issue = createIssue(
        "error",
        "roadmap.duplicateTown",
        language,
        { file: file.name },
        { value: town, other: earlier },
      );
      statuses.push({ kind: "duplicate", file: file.name, issue });
      continue;
    }
    fileOfTown.set(normaliseTownName(town), file.name);
    sources.push({ workbook: report.workbook, town });
    statuses.push({ kind: "taken", file: file.name, town });
  }
  await input.onProgress?.(input.files.length, input.files.length, "");
  const result = analysis.analyse(sources, language);
  return {
    kind: "done",
    template,
    statuses,
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
