import type { WorkbookSnapshot } from "../snapshot/WorkbookSnapshot.js";
import type { Language, TemplateSpec } from "../spec/TemplateSpec.js";
import { createCappedIssues } from "./cappedIssues.js";
import { checkFormulas } from "./checkFormulas.js";
import {
  findSheet,
  readAllMetadata,
  readWorkbookInto,
  type ParsedWorkbook,
  type TemplateMetadata,
} from "./readWorkbook.js";
import { createIssue, hasErrors, type ValidationIssue } from "./ValidationIssue.js";

/** Checks a template adds to the generic ones (duplicate codes, weights, …). */
export type TemplateCheck = (workbook: ParsedWorkbook, language: Language) => ValidationIssue[];

export interface ValidationReport {
  readonly file: string;
  readonly templateId: string | undefined;
  /** False when any issue is an error. */
  readonly valid: boolean;
  /** False when the workbook could not be read as any template (exit code 2 in the CLI). */
  readonly usable: boolean;
  readonly issues: readonly ValidationIssue[];
  /** The parsed workbook, for computations, when usable. */
  readonly workbook: ParsedWorkbook | undefined;
}

export interface ValidateOptions {
  readonly language: Language;
  /** Extra checks of the template. */
  readonly check?: TemplateCheck;
}

/** One template found in a workbook, with its metadata (empty when found by sheet names). */
export interface IdentifiedTemplate {
  readonly spec: TemplateSpec;
  readonly metadata: TemplateMetadata;
}

/**
 * Every template a workbook holds (templates share workbooks, docs/decisions/0010): one per
 * metadata sheet naming a template of `specs`, in sheet order; a workbook without metadata is
 * the template whose table sheets it all has (the first such). `issues` tells of metadata naming
 * no known template, of missing metadata, or that the workbook is none of ikz-kit's.
 */
export function identifyTemplates(
  snapshot: WorkbookSnapshot,
  specs: readonly TemplateSpec[],
  language: Language,
): { templates: IdentifiedTemplate[]; metadata: TemplateMetadata[]; issues: ValidationIssue[] } {
  const file = snapshot.fileName;
  const blocks = readAllMetadata(snapshot).map(({ sheetName: _sheetName, ...metadata }): TemplateMetadata => metadata);
  const named = blocks.filter((block) => block.templateId !== undefined);
  if (named.length > 0) {
    const templates: IdentifiedTemplate[] = [];
    const issues: ValidationIssue[] = [];
    for (const metadata of named) {
      const spec = specs.find((s) => s.id === metadata.templateId);
      if (templates.some((t) => t.spec.id === metadata.templateId)) continue;
      if (spec) templates.push({ spec, metadata });
    }
    if (templates.length === 0)
      issues.push(
        createIssue(
          "error",
          "workbook.unknownTemplate",
          language,
          { file },
          {
            received: named.map((m) => m.templateId).join(", "),
            expected: specs.map((s) => s.id).join(", "),
          },
        ),
      );
    return { templates, metadata: named, issues };
  }
  const bySheets = specs.find((spec) =>
    spec.sheets.filter((s) => s.kind === "table").every((sheet) => findSheet(snapshot, sheet, spec) !== undefined),
  );
  if (bySheets) {
    return {
      templates: [{ spec: bySheets, metadata: {} }],
      metadata: [],
      issues: [createIssue("warning", "workbook.metadataMissing", language, { file })],
    };
  }
  return { templates: [], metadata: [], issues: [createIssue("error", "workbook.notIkz", language, { file })] };
}

/**
 * Which template a workbook is: by its metadata sheet, else by its sheet names. A workbook of
 * several templates is the first of them here; {@link identifyTemplates} lists them all.
 */
export function identifyTemplate(
  snapshot: WorkbookSnapshot,
  specs: readonly TemplateSpec[],
  language: Language,
): { spec: TemplateSpec | undefined; metadata: TemplateMetadata; issues: ValidationIssue[] } {
  const found = identifyTemplates(snapshot, specs, language);
  const first = found.templates[0];
  if (first) return { spec: first.spec, metadata: first.metadata, issues: found.issues };
  return { spec: undefined, metadata: found.metadata[0] ?? {}, issues: found.issues };
}

/** Compares `major.minor.patch` versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split(".").map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Validates a workbook against a template: template and version, sheets, headers, every input
 * cell, then the template's own checks. Returns issues as data; never throws for user input.
 *
 * @example
 * const report = validateWorkbook(taskCatalogueSpec, snapshot, { language: "de", check: checkTaskCatalogue });
 * if (!report.valid) for (const issue of report.issues) console.error(formatIssue(issue, "de"));
 */
export function validateWorkbook(
  spec: TemplateSpec,
  snapshot: WorkbookSnapshot,
  options: ValidateOptions,
): ValidationReport {
  const { language } = options;
  const file = snapshot.fileName;
  const identified = identifyTemplate(snapshot, [spec], language);
  const issues: ValidationIssue[] = [];
  const metadataId = identified.metadata.templateId;
  // a workbook of several templates is checked per template: this one must be among them
  if (metadataId !== undefined && metadataId !== spec.id) {
    return unusable(file, metadataId, [
      createIssue("error", "workbook.wrongTemplate", language, { file }, { expected: spec.id, received: metadataId }),
    ]);
  }
  if (!identified.spec) return unusable(file, undefined, identified.issues);
  for (const issue of identified.issues) issues.push(issue);
  const version = identified.metadata.templateVersion;
  if (version !== undefined) {
    const order = compareVersions(version, spec.version);
    if (order < 0) {
      issues.push(
        createIssue(
          "warning",
          "workbook.olderVersion",
          language,
          { file },
          { received: version, expected: spec.version },
        ),
      );
    } else if (order > 0) {
      const newerMajor = compareVersions(version.split(".")[0] ?? "0", spec.version.split(".")[0] ?? "0") > 0;
      issues.push(
        createIssue(
          newerMajor ? "error" : "warning",
          "workbook.newerVersion",
          language,
          { file },
          {
            received: version,
            expected: spec.version,
          },
        ),
      );
    }
  }
  // one sink for the whole file: at most MAX_FINDINGS kept, the rest counted (and no push(...)
  // of 100,000 findings, which overflows the call stack)
  const capped = createCappedIssues();
  for (const issue of issues) capped.push(issue);
  const workbook = readWorkbookInto(spec, snapshot, language, identified.metadata, capped);
  checkFormulas({ spec, snapshot, workbook, language, issues: capped });
  if (options.check) {
    const readIssues = capped.kept();
    for (const issue of withoutRepeatedErrors(options.check(workbook, language), readIssues)) capped.push(issue);
  }
  const all = capped.finish(language, file);
  return { file, templateId: spec.id, valid: !hasErrors(all), usable: true, issues: sortIssues(all), workbook };
}

/**
 * A template's own errors, minus those on a cell the reader already refused: the cell's own
 * finding (e.g. „text in a number cell“) says what is wrong; the template rule would only repeat
 * it in other words, or call the refused value missing.
 */
function withoutRepeatedErrors(
  checkIssues: readonly ValidationIssue[],
  readIssues: readonly ValidationIssue[],
): ValidationIssue[] {
  const refused = new Set(
    readIssues
      .filter((i) => i.severity === "error" && i.cell !== undefined)
      .map((i) => `${i.sheet ?? ""}!${i.cell ?? ""}`),
  );
  return checkIssues.filter(
    (i) => i.severity !== "error" || i.cell === undefined || !refused.has(`${i.sheet ?? ""}!${i.cell}`),
  );
}

function unusable(file: string, templateId: string | undefined, issues: ValidationIssue[]): ValidationReport {
  return { file, templateId, valid: false, usable: false, issues, workbook: undefined };
}

/** Workbook-level issues first, then sheets in order of first appearance, then row, then column. */
export function sortIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const sheetOrder = new Map<string, number>();
  const keyed = issues.map((issue, index) => {
    const sheet = issue.sheet ?? "";
    if (!sheetOrder.has(sheet)) sheetOrder.set(sheet, sheet === "" ? -1 : sheetOrder.size);
    const match = issue.cell === undefined ? null : /^([A-Z]+)(\d+)/.exec(issue.cell);
    const letters = match?.[1] ?? "";
    return { issue, index, sheet, row: Number(match?.[2] ?? 0), width: letters.length, letters };
  });
  keyed.sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      a.row - b.row ||
      a.width - b.width ||
      (a.letters < b.letters ? -1 : a.letters > b.letters ? 1 : 0) ||
      a.index - b.index,
  );
  return keyed.map((entry) => entry.issue);
}
