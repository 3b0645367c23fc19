/**
 * The partnership workbook (Verbundmappe): the files of N towns, any mix of the templates, as one
 * workbook — an overview of every source file first, then each template's analysis over its
 * towns (roadmap, consolidation candidates, fulfilment, hot spots …), then a cost model
 * pre-filled with every town and the key values the files know. Pure: the caller reads the files
 * and writes the result.
 */
import type { CostModel, Town } from "../../lib/allocation/model.js";
import { combinePlans } from "../../lib/plan/combinePlans.js";
import { planSheetHead } from "../../lib/plan/planSheetHead.js";
import { metadataSheet } from "../../lib/plan/planWorkbook.js";
import { isMetadataSheetName } from "../../lib/plan/resolveLayout.js";
import type { PlannedRow, SheetPlan, WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { parsedTable, type ParsedTable, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import type { ValidationReport } from "../../lib/validation/validateWorkbook.js";
import { createIssue, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import {
  displayTownName,
  findLikelyDuplicateTowns,
  normaliseTownName,
  type TownPair,
} from "../../lib/towns/townNames.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import type { AnalysisSource } from "../analysis.js";
import { describePlace, townNamePlaces } from "../kostenverteilung/checkCostAllocation.js";
import { extractCostModel } from "../kostenverteilung/costModel.js";
import { planCostAllocation } from "../kostenverteilung/planCostModel.js";
import { costAllocationSpec } from "../kostenverteilung/spec.js";
import { findTemplate, TEMPLATES } from "../registry.js";

export const PARTNERSHIP_ID = "partnerschaft";

/** Short names of the templates, put in front of a sheet name another part has taken already. */
const PART_LABELS: Readonly<Record<string, LocalizedText>> = {
  aufgabenkatalog: { de: "Aufgaben", en: "Tasks" },
  pestel: { de: "PESTEL", en: "PESTEL" },
  "it-servicekatalog": { de: "IT", en: "IT" },
  arbeitsplatzprofil: { de: "Arbeitsplatz", en: "Workplace" },
  kostenverteilung: { de: "Kosten", en: "Costs" },
};
export const PARTNERSHIP_VERSION = "1.0.0";

/** One input file and what validating it gave. */
export interface PartnershipInput {
  /** The file's name as users know it (shown in the overview). */
  readonly file: string;
  readonly report: ValidationReport;
}

/** What became of one source file. */
export interface SourceOutcome {
  readonly file: string;
  readonly town: string | null;
  readonly templateId: string | null;
  readonly templateVersion: string | null;
  readonly taken: boolean;
  /** What was taken (rows of which sheet), or why the file was left out — in the chosen language. */
  readonly note: string;
}

export interface PartnershipSummary {
  readonly towns: readonly string[];
  readonly sources: readonly SourceOutcome[];
  /**
   * Town names of different files (or cells) that are probably one town („Gemeinde Bockau“ and
   * „Bockau“, one letter apart …): each with both spellings, their sources and the reason. Unless
   * the caller confirmed them as different towns, there is then no plan: the cost model would list
   * the town twice and charge it twice.
   */
  readonly similarTowns: readonly TownPair[];
  /** The findings about {@link similarTowns}, rendered: errors when they kept the plan back, else warnings. */
  readonly findings: readonly ValidationIssue[];
  /** Per template with at least one file taken: its towns and the sheets its part added. */
  readonly parts: readonly {
    readonly templateId: string;
    readonly towns: readonly string[];
    readonly sheets: readonly string[];
  }[];
}

const TEXT = {
  title: { de: "IKZ-Verbundmappe: Übersicht", en: "IKZ partnership workbook: overview" },
  description: {
    de: "Jede Quelldatei mit Kommune, Vorlage und Version, und was aus ihr übernommen wurde. Ausgelassene Dateien nennen den Grund; ihre Befunde zeigt „ikz validate DATEI“.",
    en: "Every source file with its town, template and version, and what was taken from it. Files left out say why; “ikz validate FILE” shows their findings.",
  },
  sheet: { de: "Übersicht", en: "Overview" },
  file: { de: "Datei", en: "File" },
  town: { de: "Kommune", en: "Town" },
  template: { de: "Vorlage", en: "Template" },
  version: { de: "Version", en: "Version" },
  status: { de: "Status", en: "Status" },
  note: { de: "Übernommen / Grund", en: "Taken / reason" },
  taken: { de: "übernommen", en: "taken" },
  leftOut: { de: "ausgelassen", en: "left out" },
  unusable: { de: "nicht lesbar oder keine ikz-Vorlage", en: "unreadable or not an ikz template" },
  errors: { de: "Fehler in der Datei", en: "errors in the file" },
  duplicate: {
    de: "Kommune schon aus einer anderen Datei dieser Vorlage übernommen:",
    en: "town already taken from another file of this template:",
  },
  rows: { de: "Zeilen aus", en: "rows from" },
  empty: { de: "leere Vorlage (keine Einträge)", en: "blank template (no entries)" },
  costModel: { de: "Kostenmodell", en: "cost model" },
} satisfies Record<string, LocalizedText>;

/** The workbook's main table: its first table sheet without fixed rows (tasks, services, …). */
function mainTable(workbook: ParsedWorkbook): ParsedTable | undefined {
  const spec = workbook.spec.sheets.find((sheet) => sheet.kind === "table" && sheet.fixedRows === undefined);
  return spec === undefined ? undefined : parsedTable(workbook, spec.key);
}

const rowsInUse = (workbook: ParsedWorkbook): number => mainTable(workbook)?.rows.length ?? 0;

/** What was taken: „142 Zeilen aus „Aufgaben““. */
function takenNote(workbook: ParsedWorkbook, language: Language): string {
  const table = mainTable(workbook);
  return table ? `${table.rows.length} ${TEXT.rows[language]} „${table.sheetName}“` : TEXT.taken[language];
}

const errorCount = (report: ValidationReport): number =>
  report.issues.filter((issue) => issue.severity === "error").length;

/** Merges key values: the first value any file gives for a field wins. */
function mergeKeyValues(target: Record<string, number>, values: Partial<Record<string, number>>): void {
  for (const [field, value] of Object.entries(values))
    if (target[field] === undefined && value !== undefined) target[field] = value;
}

export interface PartnershipOptions {
  /**
   * The user confirmed that names found similar (see {@link PartnershipSummary.similarTowns}) are
   * different towns: plan anyway, each as a town of its own.
   */
  readonly allowSimilarTowns?: boolean;
}

/** „„Bockau“ aus „a.xlsx“ (hier „BOCKAU “)“: which file a town was taken from, and this file's spelling if it differs. */
function duplicateNote(first: { town: string; file: string }, name: string, language: Language): string {
  const spelling =
    displayTownName(name) === first.town
      ? ""
      : language === "de"
        ? ` (hier „${displayTownName(name)}“)`
        : ` (here “${displayTownName(name)}”)`;
  return language === "de"
    ? `${TEXT.duplicate.de} „${first.town}“ aus „${first.file}“${spelling}`
    : `${TEXT.duplicate.en} “${first.town}” from “${first.file}”${spelling}`;
}

/**
 * Plans the partnership workbook. Town names are matched by {@link normaliseTownName} (Unicode
 * form, no-break spaces, case …): a town's second file of the same template is left out with a
 * note naming the first file, and every town gets one row in the cost model, under its first
 * spelling. Names that are only probably one town are reported (`summary.similarTowns`) and — unless
 * `options.allowSimilarTowns` — keep the plan back: nothing is charged twice without the user's word.
 * Returns no plan when no file could be taken either (then nothing is to be written); the summary
 * says why for every file.
 */
export function planPartnership(
  inputs: readonly PartnershipInput[],
  language: Language,
  options: PartnershipOptions = {},
): { readonly plan: WorkbookPlan | undefined; readonly summary: PartnershipSummary } {
  const outcomes: SourceOutcome[] = [];
  const byTemplate = new Map<string, AnalysisSource[]>();
  /** Per template: the file each town (by key) was taken from, and its spelling there. */
  const takenFrom = new Map<string, Map<string, { town: string; file: string }>>();
  const towns: { name: string; file: string }[] = [];
  const keyValues = new Map<string, Record<string, number>>();
  const costModels: { model: CostModel; places: string[] }[] = [];

  for (const { file, report } of inputs) {
    const module = report.templateId === undefined ? undefined : findTemplate(report.templateId);
    const version = report.workbook?.metadata.templateVersion ?? null;
    const base = { file, templateId: report.templateId ?? null, templateVersion: version };
    if (!report.usable || !report.workbook || !module) {
      outcomes.push({ ...base, town: null, taken: false, note: TEXT.unusable[language] });
      continue;
    }
    const workbook = report.workbook;
    const town = module.analysis?.townOf(workbook) ?? null;
    if (!report.valid) {
      outcomes.push({ ...base, town, taken: false, note: `${errorCount(report)} ${TEXT.errors[language]}` });
      continue;
    }
    if (module.spec.id === costAllocationSpec.id) {
      const model = extractCostModel(workbook);
      const places = townNamePlaces(workbook, model.towns.length).map((place) => `${file} › ${describePlace(place)}`);
      costModels.push({ model, places });
      outcomes.push({
        ...base,
        town,
        taken: true,
        note: `${takenNote(workbook, language)} → ${TEXT.costModel[language]}`,
      });
      continue;
    }
    if (rowsInUse(workbook) === 0) {
      outcomes.push({ ...base, town, taken: false, note: TEXT.empty[language] });
      continue;
    }
    const name = displayTownName(town ?? file.replace(/\.xlsx$/i, ""));
    const key = normaliseTownName(name);
    const group = byTemplate.get(module.spec.id) ?? [];
    const fileOfTown = takenFrom.get(module.spec.id) ?? new Map<string, { town: string; file: string }>();
    const earlier = fileOfTown.get(key);
    if (earlier) {
      outcomes.push({ ...base, town: name, taken: false, note: duplicateNote(earlier, name, language) });
      continue;
    }
    fileOfTown.set(key, { town: name, file });
    takenFrom.set(module.spec.id, fileOfTown);
    group.push({ workbook, town: name });
    byTemplate.set(module.spec.id, group);
    if (!towns.some((t) => normaliseTownName(t.name) === key)) towns.push({ name, file });
    const values = keyValues.get(key) ?? {};
    mergeKeyValues(values, module.analysis?.keyValues?.(workbook) ?? {});
    keyValues.set(key, values);
    outcomes.push({ ...base, town: name, taken: true, note: takenNote(workbook, language) });
  }

  // One town, one row: names that are probably one town are not charged twice without the user's word.
  const { model: costModel, sources: townSources } = partnershipCostModel(costModels, towns, keyValues);
  const similarTowns = findLikelyDuplicateTowns(
    costModel.towns.map((town, index) => ({ name: town.name, source: townSources[index] ?? "" })),
  );
  const withheld = similarTowns.length > 0 && options.allowSimilarTowns !== true;
  const findings = similarTowns.map(({ first, second, reason }) =>
    createIssue(
      withheld ? "error" : "warning",
      "towns.similarInPartnership",
      language,
      { file: second.source.replace(/ › .*$/, "") },
      {
        value: second.name,
        other: first.name,
        place: second.source,
        otherPlace: first.source,
        reason,
        expected: language === "de" ? "jede Kommune einmal" : "each town once",
        received: `${first.name} (${first.source}), ${second.name} (${second.source})`,
      },
    ),
  );
  const allTowns = costModel.towns.map((town) => town.name);
  if (withheld)
    return { plan: undefined, summary: { towns: allTowns, sources: outcomes, similarTowns, findings, parts: [] } };

  const parts: { plan: WorkbookPlan; label?: string | undefined }[] = [];
  const partSummaries: { templateId: string; towns: string[]; sheets: string[] }[] = [];
  for (const module of TEMPLATES) {
    const sources = byTemplate.get(module.spec.id);
    if (!sources || !module.analysis) continue;
    const { plan } = module.analysis.plan(module.analysis.analyse(sources, language), language);
    parts.push({ plan, label: PART_LABELS[module.spec.id]?.[language] ?? module.spec.id });
    partSummaries.push({ templateId: module.spec.id, towns: sources.map((s) => s.town), sheets: [] });
  }

  if (costModel.towns.length > 0 || costModels.length > 0) {
    parts.push({
      plan: planCostAllocation({ language, model: costModel }).plan,
      label: PART_LABELS[costAllocationSpec.id]?.[language],
    });
    partSummaries.push({ templateId: costAllocationSpec.id, towns: costModel.towns.map((t) => t.name), sheets: [] });
  }

  if (parts.length === 0)
    return { plan: undefined, summary: { towns: allTowns, sources: outcomes, similarTowns, findings, parts: [] } };

  const overview = overviewSheet(outcomes, language);
  const plan = combinePlans(
    [
      {
        plan: {
          templateId: PARTNERSHIP_ID,
          templateVersion: PARTNERSHIP_VERSION,
          language,
          title: TEXT.title[language],
          sheets: [overview],
        },
      },
      ...parts,
    ],
    { templateId: PARTNERSHIP_ID, templateVersion: PARTNERSHIP_VERSION, language, title: TEXT.title[language] },
    metadataSheet({
      templateId: PARTNERSHIP_ID,
      templateVersion: PARTNERSHIP_VERSION,
      language,
      generatorVersion: GENERATOR_VERSION,
    }),
  );
  // Which sheets each part contributed, after any renaming: the parts' sheets follow the overview in order.
  let next = 1;
  parts.forEach(({ plan: part }, index) => {
    const count = part.sheets.filter((sheet) => !isMetadataSheetName(sheet.name)).length;
    const summary = partSummaries[index];
    if (summary) summary.sheets = plan.sheets.slice(next, next + count).map((sheet) => sheet.name);
    next += count;
  });
  return { plan, summary: { towns: allTowns, sources: outcomes, similarTowns, findings, parts: partSummaries } };
}

/**
 * The cost model of the partnership: the first cost-model file's, plus every other town with its
 * key values — one row per town ({@link normaliseTownName}), under its first spelling; with the
 * source of each row (a file, or a file's cell).
 */
function partnershipCostModel(
  models: readonly { model: CostModel; places: readonly string[] }[],
  towns: readonly { name: string; file: string }[],
  keyValues: ReadonlyMap<string, Record<string, number>>,
): { model: CostModel; sources: string[] } {
  const base: CostModel = models[0]?.model ?? { towns: [], items: [] };
  const result: Town[] = [];
  const sources: string[] = [];
  const known = new Set<string>();
  const add = (town: Town, source: string, always: boolean): void => {
    const name = typeof town.name === "string" ? town.name : "";
    const key = normaliseTownName(name);
    if (!always && known.has(key)) return;
    known.add(key);
    result.push({ ...town, name: displayTownName(name) });
    sources.push(source);
  };
  // The first cost model is valid, so its rows are distinct towns (a probable pair among them is
  // reported like any other); later files add only the towns not known yet.
  models.forEach(({ model, places }, which) =>
    model.towns.forEach((town, index) => add(town, places[index] ?? "", which === 0)),
  );
  for (const { name, file } of towns) add({ name, ...(keyValues.get(normaliseTownName(name)) ?? {}) }, file, false);
  return { model: { ...base, towns: result }, sources };
}

function overviewSheet(outcomes: readonly SourceOutcome[], language: Language): SheetPlan {
  const t = (text: LocalizedText): string => text[language];
  const headerRow = 4;
  const rows: PlannedRow[] = [
    ...planSheetHead({
      title: t(TEXT.title),
      description: t(TEXT.description),
      headers: [TEXT.file, TEXT.town, TEXT.template, TEXT.version, TEXT.status, TEXT.note].map(t),
      headerRow,
      headerHeight: 30,
    }),
    ...outcomes.map((outcome, index) => ({
      row: headerRow + 1 + index,
      cells: [
        { column: 1, value: outcome.file, style: "computed" as const },
        { column: 2, value: outcome.town ?? "–", style: "computed" as const },
        { column: 3, value: outcome.templateId ?? "–", style: "computed" as const },
        { column: 4, value: outcome.templateVersion ?? "–", style: "computed" as const, numberFormat: "@" },
        { column: 5, value: outcome.taken ? t(TEXT.taken) : t(TEXT.leftOut), style: "computed" as const },
        { column: 6, value: outcome.note, style: "computed" as const },
      ],
    })),
  ];
  const last = headerRow + Math.max(1, outcomes.length);
  return {
    key: "overview",
    name: t(TEXT.sheet),
    state: "visible",
    columnWidths: [34, 22, 20, 10, 14, 60],
    rowCount: rows.length,
    rows: () => rows,
    frozen: { rows: headerRow, columns: 0 },
    validations: [],
    highlights: [
      { range: `E${headerRow + 1}:E${last}`, equals: t(TEXT.taken), fill: "good" },
      { range: `E${headerRow + 1}:E${last}`, equals: t(TEXT.leftOut), fill: "weak" },
    ],
    merges: [],
    autoFilter: `A${headerRow}:F${headerRow}`,
    protected: true,
    print: { landscape: true, titleRows: `${headerRow}:${headerRow}` },
  };
}
