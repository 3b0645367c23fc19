import { planWorkbook, type PlannedWorkbook, type RowValues } from "../plan/planWorkbook.js";
import type { WorkbookPlan } from "../plan/WorkbookPlan.js";
import type { WorkbookSnapshot } from "../snapshot/WorkbookSnapshot.js";
import type { Language, TemplateSpec } from "../spec/TemplateSpec.js";
import { compareVersions, identifyTemplates } from "../validation/validateWorkbook.js";
import { describeValue } from "../validation/parseCell.js";
import { createIssue, type ValidationIssue } from "../validation/ValidationIssue.js";
import { GENERATOR_VERSION } from "../version.js";
import { carryValues, type CarryProblem } from "./carryValues.js";
import { dropTemplateFormulas } from "./dropTemplateFormulas.js";
import { extendPlan } from "./extendPlan.js";
import { findLostValues, type LostValue } from "./findLostValues.js";
import { isFinding, type UpgradeChange } from "./UpgradeChange.js";

/** The values an upgraded workbook is planned with: input values by sheet and column key. */
export interface UpgradeValues {
  readonly language: Language;
  /** Per table sheet key, one entry per data row (blank rows in between kept as `{}`). */
  readonly tableRows: Readonly<Record<string, readonly RowValues[]>>;
  readonly formValues: Readonly<Record<string, RowValues>>;
  /** Keys of the current sheets the old workbook did not have (a planner may give them defaults). */
  readonly addedSheets: readonly string[];
  /** Prepared rows asked for, per table sheet key (the cost model's towns and items). */
  readonly rows?: Readonly<Record<string, number>>;
}

export interface UpgradeOptions {
  /**
   * Prepared rows per table sheet key: a workbook of the current version is planned again with
   * this many rows (every value carried over) — the way to more towns or items than prepared.
   */
  readonly rows?: Readonly<Record<string, number>>;
}

/**
 * Plans a template's workbook pre-filled with upgraded values. Templates whose planner adds rows
 * of its own (e.g. the cost model's splits per item and town) provide one; by default
 * {@link planWorkbook} places the values.
 */
export type UpgradePlanner = (values: UpgradeValues) => PlannedWorkbook;

/** A template as `upgradeWorkbook` needs it (a `TemplateModule` of templates/registry.ts fits). */
export interface UpgradableTemplate {
  readonly spec: TemplateSpec;
  readonly planUpgrade?: UpgradePlanner;
}

export type UpgradeResult =
  | {
      readonly status: "upgraded";
      readonly templateId: string;
      readonly from: string;
      readonly to: string;
      /** The workbook's language (kept from the old workbook). */
      readonly language: Language;
      /** The current version's workbook with every value of the old one. */
      readonly plan: WorkbookPlan;
      /** Every change, in sheet order; the values carried over last. */
      readonly changes: readonly UpgradeChange[];
      /** Number of changes the user should look at (see {@link isFinding}). */
      readonly findings: number;
    }
  | { readonly status: "current"; readonly templateId: string; readonly version: string }
  | {
      readonly status: "unusable";
      /**
       * not a workbook of a known template, made by a newer version, or of unknown version; a
       * sheet the user typed into not found or not unique (`sheets`); entries that would stay
       * behind (`incomplete`: found but not taken, or not placed in the new workbook)
       */
      readonly reason: "template" | "newer" | "versionUnknown" | "sheets" | "incomplete";
      readonly templateId: string | undefined;
      readonly issues: readonly ValidationIssue[];
    };

const defaultPlanner =
  (spec: TemplateSpec): UpgradePlanner =>
  (values) =>
    planWorkbook(spec, {
      language: values.language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: values.tableRows,
      formValues: values.formValues,
    });

/**
 * Brings a workbook made with an older version of a template up to the current one: every value
 * the user entered is placed in the current layout by column key (renamed and moved columns
 * followed through the spec's `history`), computed columns are regenerated, the user's own columns
 * and sheets are kept as values, and what has no place goes to the „Übernommen“ sheet. A sheet the
 * user renamed is found by its column labels. A workbook of the current version is left alone
 * (`status: "current"`). Never „upgraded“ while an entry would stay behind: a sheet the user typed
 * into that is not found (or not unique), a sheet whose entries none went into the template's
 * columns, or a value the plan does not hold where it belongs make the workbook `unusable` with
 * an issue naming the sheet (and cell). Pure: the caller reads and writes.
 *
 * @example
 * const result = upgradeWorkbook(snapshot, TEMPLATES, "de");
 * if (result.status === "upgraded") await writePlanToFile(result.plan, out);
 */
export function upgradeWorkbook(
  snapshot: WorkbookSnapshot,
  templates: readonly UpgradableTemplate[],
  language: Language,
  options: UpgradeOptions = {},
): UpgradeResult {
  const file = snapshot.fileName;
  // a workbook of several templates (docs/decisions/0010): the first one older than its spec
  const all = identifyTemplates(
    snapshot,
    templates.map((t) => t.spec),
    language,
  );
  const older = all.templates.find(
    (t) => t.metadata.templateVersion !== undefined && compareVersions(t.metadata.templateVersion, t.spec.version) < 0,
  );
  const first = older ?? all.templates[0];
  const identified = first
    ? { spec: first.spec, metadata: first.metadata, issues: all.issues }
    : { spec: undefined, metadata: all.metadata[0] ?? {}, issues: all.issues };
  const spec = identified.spec;
  const template = spec ? templates.find((t) => t.spec === spec) : undefined;
  if (!spec || !template) {
    return {
      status: "unusable",
      reason: "template",
      templateId: identified.metadata.templateId,
      issues: identified.issues,
    };
  }
  const version = identified.metadata.templateVersion;
  if (version === undefined)
    return { status: "unusable", reason: "versionUnknown", templateId: spec.id, issues: identified.issues };
  const order = compareVersions(version, spec.version);
  const enlarge = options.rows !== undefined && Object.keys(options.rows).length > 0;
  if (order === 0 && !enlarge) return { status: "current", templateId: spec.id, version };
  if (order > 0) {
    const issue = createIssue(
      "error",
      "workbook.newerVersion",
      language,
      { file },
      { received: version, expected: spec.version },
    );
    return { status: "unusable", reason: "newer", templateId: spec.id, issues: [issue] };
  }
  const carried = carryValues(spec, snapshot, version, identified.metadata.language, language);
  if (carried.problems.length > 0) {
    const issues = carried.problems.map((problem) => problemIssue(problem, file, language));
    const sheets = carried.problems.some((p) => p.kind === "sheetNotFound" || p.kind === "sheetAmbiguous");
    return { status: "unusable", reason: sheets ? "sheets" : "incomplete", templateId: spec.id, issues };
  }
  const planner = template.planUpgrade ?? defaultPlanner(spec);
  const planned = planner({
    language: carried.language,
    tableRows: carried.tableRows,
    formValues: carried.formValues,
    addedSheets: carried.addedSheets,
    ...(options.rows === undefined ? {} : { rows: options.rows }),
  });
  const kept = { ...carried, carriedOver: dropTemplateFormulas(carried, snapshot, planned) };
  const extended = extendPlan(planned, kept, { from: version, to: spec.version }, carried.language);
  const lost = findLostValues(planned, extended.plan, carried);
  if (lost.length > 0) {
    const issues = lost.map((value) => lostIssue(value, file, language));
    return { status: "unusable", reason: "incomplete", templateId: spec.id, issues };
  }
  const changes = [...carried.changes, ...extended.changes];
  return {
    status: "upgraded",
    templateId: spec.id,
    from: version,
    to: spec.version,
    language: carried.language,
    plan: extended.plan,
    changes,
    findings: changes.filter(isFinding).length,
  };
}

const quoted = (names: readonly string[], language: Language): string =>
  names.map((name) => (language === "de" ? `„${name}“` : `“${name}”`)).join(", ");

/** The finding that stops an upgrade, naming the sheet (see {@link CarryProblem}). */
function problemIssue(problem: CarryProblem, file: string, language: Language): ValidationIssue {
  switch (problem.kind) {
    case "sheetNotFound":
      return createIssue(
        "error",
        "upgrade.sheetNotFound",
        language,
        { file, sheet: problem.sheet },
        { expected: problem.sheet, column: quoted(problem.labels, language), other: quoted(problem.sheets, language) },
      );
    case "sheetAmbiguous":
      return createIssue(
        "error",
        "upgrade.sheetAmbiguous",
        language,
        { file, sheet: problem.sheet },
        { expected: problem.sheet, other: quoted(problem.candidates, language) },
      );
    case "entriesNotTaken":
      return createIssue(
        "error",
        "upgrade.entriesNotTaken",
        language,
        { file, sheet: problem.sheet },
        { count: problem.count, value: String(problem.headerRow), column: quoted(problem.labels, language) },
      );
    case "entriesElsewhere":
      return createIssue(
        "error",
        "upgrade.entriesElsewhere",
        language,
        { file, sheet: problem.sheet },
        { sheet: problem.sheet, other: problem.other, count: problem.count },
      );
  }
}

function lostIssue(lost: LostValue, file: string, language: Language): ValidationIssue {
  return createIssue(
    "error",
    "upgrade.valueLost",
    language,
    { file, sheet: lost.sheet, ...(lost.cell === "?" ? {} : { cell: lost.cell }) },
    {
      value: describeValue(lost.value, language),
      expected: lost.at,
      received: describeValue(lost.found ?? null, language),
    },
  );
}
