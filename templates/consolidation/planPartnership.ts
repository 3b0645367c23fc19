/**
 * The partnership workbook (Verbundmappe): the files of N towns, any mix of the templates, as one
 * workbook — an overview of every source file first, then each template's analysis over its
 * towns (roadmap, consolidation candidates, fulfilment, hot spots …), then a cost model
 * pre-filled with every town and the key values the files know. Pure: the caller reads the files
 * and writes the result.
 */
import { formatNumber } from "../../lib/allocation/messages.js";
import type { CostModel, Town, TownKeyValues } from "../../lib/allocation/model.js";
import { combinePlans } from "../../lib/plan/combinePlans.js";
import { planSheetHead } from "../../lib/plan/planSheetHead.js";
import { metadataSheet } from "../../lib/plan/planWorkbook.js";
import { isMetadataSheetName } from "../../lib/plan/resolveLayout.js";
import type { PlannedRow, SheetPlan, WorkbookPlan } from "../../lib/plan/WorkbookPlan.js";
import type { Language, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import { formatDate, type ParsedValue } from "../../lib/validation/parseCell.js";
import { parsedForm, parsedTable, type ParsedTable, type ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
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
import { describePlace, townNamePlaces } from "../kostenverteilung/checks.js";
import { extractCostModel } from "../kostenverteilung/costModel.js";
import { planCostAllocation, type CostModelSettings } from "../kostenverteilung/plan.js";
import { DUE_DATES, dueDateField } from "../kostenverteilung/formulas/result.js";
import { costAllocationSpec, SHEET as COST_SHEET } from "../kostenverteilung/spec.js";
import { costAllocationModule } from "../kostenverteilung/module.js";
import { findTemplate, TEMPLATES } from "../registry.js";
import type { TemplateModule } from "../TemplateModule.js";

export const PARTNERSHIP_ID = "partnerschaft";

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
  /**
   * The findings about {@link similarTowns}, rendered: errors when they kept the plan back, else
   * warnings; then (with a plan) a warning (`partnership.sourcesDisagree`) wherever two files give
   * different values for one field of the cost model — the first file's value is taken, both are named.
   */
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
  notes: { de: "Hinweise: abweichende Angaben der Quelldateien", en: "Notes: source files that disagree" },
  hint: { de: "Hinweis", en: "Note" },
  costItems: { de: "Kostenpositionen und Pauschale", en: "Cost items and overhead" },
  item: { de: "Position", en: "item" },
  items: { de: "Positionen", en: "items" },
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

export interface PartnershipOptions {
  /**
   * The user confirmed that names found similar (see {@link PartnershipSummary.similarTowns}) are
   * different towns: plan anyway, each as a town of its own.
   */
  readonly allowSimilarTowns?: boolean;
  /** The templates whose files are taken, in the parts' order; the registry's by default. */
  readonly templates?: readonly TemplateModule[];
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
  const templates = options.templates ?? TEMPLATES;
  const outcomes: SourceOutcome[] = [];
  const byTemplate = new Map<string, AnalysisSource[]>();
  /** Per template: the file each town (by key) was taken from, and its spelling there. */
  const takenFrom = new Map<string, Map<string, { town: string; file: string }>>();
  /** The towns of the other templates' files, in file order, with the key values each file knows. */
  const contributions: TownContribution[] = [];
  const costModels: CostModelSource[] = [];

  for (const { file, report } of inputs) {
    const module = report.templateId === undefined ? undefined : findTemplate(report.templateId, templates);
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
      costModels.push(readCostModelSource(workbook, file));
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
    const keyValues = module.analysis?.keyValues?.(workbook) ?? {};
    const populationDate = keyValues.population === undefined ? undefined : referenceDateOf(workbook);
    contributions.push({
      town: { name, ...keyValues, ...(populationDate === undefined ? {} : { populationDate }) },
      source: file,
      file,
    });
    outcomes.push({ ...base, town: name, taken: true, note: takenNote(workbook, language) });
  }

  // One town, one row: names that are probably one town are not charged twice without the user's word.
  const {
    model: costModel,
    settings: costSettings,
    sources: townSources,
    disagreements,
  } = partnershipCostModel(costModels, contributions, language);
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
  for (const module of templates) {
    const sources = byTemplate.get(module.spec.id);
    if (!sources || !module.analysis) continue;
    const { plan } = module.analysis.plan(module.analysis.analyse(sources, language), language);
    parts.push({ plan, label: module.partnership.label[language] });
    partSummaries.push({ templateId: module.spec.id, towns: sources.map((s) => s.town), sheets: [] });
  }

  if (costModel.towns.length > 0 || costModels.length > 0) {
    parts.push({
      plan: planCostAllocation({ language, model: costModel, settings: costSettings }).plan,
      label: costAllocationModule.partnership.label[language],
    });
    partSummaries.push({ templateId: costAllocationSpec.id, towns: costModel.towns.map((t) => t.name), sheets: [] });
  }

  if (parts.length === 0)
    return { plan: undefined, summary: { towns: allTowns, sources: outcomes, similarTowns, findings, parts: [] } };

  // Where the files disagree, the first file's value is taken — and said so, naming both files.
  const disagreementFindings = disagreements.map((d) => disagreementIssue(d, language));
  const allFindings = [...findings, ...disagreementFindings];
  const overview = overviewSheet(outcomes, disagreementFindings, language);
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
  return {
    plan,
    summary: { towns: allTowns, sources: outcomes, similarTowns, findings: allFindings, parts: partSummaries },
  };
}

/** A cost model file: its model (each town with its Stichtag), where its towns stand, and its settings. */
interface CostModelSource {
  readonly file: string;
  readonly model: CostModel;
  /** Per town row: `file › Kommunen!B5`. */
  readonly places: readonly string[];
  /** The „Grunddaten“ given: unit and other text as typed, the year as a number, dates as ISO days. */
  readonly settings: ReadonlyMap<string, TownValue>;
}

/**
 * The fields of „Grunddaten“ a partnership carries over (besides the overhead, which goes with
 * the items): joint unit, year, the calculation's date and the advances' due dates — as far as
 * the template has them.
 */
const SETTINGS_FIELDS: readonly string[] = (() => {
  const sheet = costAllocationSpec.sheets.find((candidate) => candidate.key === COST_SHEET.settings);
  const keys = sheet?.kind === "form" ? sheet.fields.map((field) => field.key) : [];
  const wanted = ["unitName", "year", "calculationDate", ...DUE_DATES.map((_, index) => dueDateField(index))];
  return wanted.filter((key) => keys.includes(key));
})();

/** A town of another template's file, with the key values (and their Stichtag) that file knows. */
interface TownContribution {
  readonly town: Town;
  readonly source: string;
  readonly file: string;
}

/** Two source files give different values for one field: the first file's value was taken. */
interface Disagreement {
  /** What differs, in the chosen language: „Bockau › Einwohner“, „Haushaltsjahr“. */
  readonly field: string;
  readonly taken: { readonly value: string; readonly file: string };
  readonly other: { readonly value: string; readonly file: string };
}

/** An ISO calendar date (`2025-12-31`) of a date cell; undefined for anything else. */
function isoDate(value: ParsedValue | undefined): string | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : undefined;
}

/** `2025-12-31` → `31.12.2025`, as the workbooks show dates. */
const displayDate = (iso: string): string => formatDate(new Date(`${iso}T00:00:00Z`));

/** The Stichtag a template's form states (the task catalogue's „Stand der Angaben“), if it has one. */
function referenceDateOf(workbook: ParsedWorkbook): string | undefined {
  for (const sheet of workbook.spec.sheets) {
    if (sheet.kind !== "form" || !sheet.fields.some((field) => field.key === "referenceDate")) continue;
    const date = isoDate(parsedForm(workbook, sheet.key)?.values["referenceDate"]);
    if (date !== undefined) return date;
  }
  return undefined;
}

/** The cost model of a „Kostenverteilung“ file, with what the model type leaves out: unit, year, Stichtage. */
function readCostModelSource(workbook: ParsedWorkbook, file: string): CostModelSource {
  const extracted = extractCostModel(workbook);
  const rows = parsedTable(workbook, COST_SHEET.towns)?.rows ?? [];
  const model: CostModel = {
    ...extracted,
    towns: extracted.towns.map((town, index) => {
      const populationDate = isoDate(rows[index]?.values["populationDate"]);
      return populationDate === undefined ? town : { ...town, populationDate };
    }),
  };
  const values = parsedForm(workbook, COST_SHEET.settings)?.values ?? {};
  const settings = new Map<string, TownValue>();
  for (const key of SETTINGS_FIELDS) {
    const value = values[key];
    const given =
      value instanceof Date
        ? isoDate(value)
        : typeof value === "string"
          ? value.trim() || undefined
          : (value ?? undefined);
    if (given !== undefined) settings.set(key, given);
  }
  return {
    file,
    model,
    places: townNamePlaces(workbook, model.towns.length).map((place) => `${file} › ${describePlace(place)}`),
    settings,
  };
}

/** The merged „Grunddaten“ as the planner takes them. */
function settingsOf(values: ReadonlyMap<string, TownValue>): CostModelSettings {
  const text = (key: string): string | undefined => {
    const value = values.get(key);
    return typeof value === "string" ? value : undefined;
  };
  const date = (key: string): Date | undefined => {
    const value = text(key);
    return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  };
  const year = values.get("year");
  const unitName = text("unitName");
  const calculationDate = date("calculationDate");
  const dueDates = DUE_DATES.map((_, index) => date(dueDateField(index)));
  return {
    ...(unitName === undefined ? {} : { unitName }),
    ...(typeof year === "number" ? { year } : {}),
    ...(calculationDate === undefined ? {} : { calculationDate }),
    ...(dueDates.some((due) => due !== undefined) ? { dueDates } : {}),
  };
}

/** Label of a column of the cost model's towns sheet or a field of its settings, as the workbook shows it. */
function costLabel(sheetKey: string, key: string, language: Language): string {
  const sheet = costAllocationSpec.sheets.find((candidate) => candidate.key === sheetKey);
  const found =
    sheet?.kind === "table"
      ? sheet.columns.find((column) => column.key === key)
      : sheet?.kind === "form"
        ? sheet.fields.find((field) => field.key === key)
        : undefined;
  return found?.label[language] ?? key;
}

type TownValue = number | string;

/**
 * The values a town row merges from several files. `fill`: a blank is filled from a later file
 * (not the fixed percentages: they must sum to 100 % as one file gave them). Every field is
 * compared: two files with different values are reported.
 */
const TOWN_FIELDS: readonly {
  readonly column: string;
  readonly get: (town: Town) => TownValue | null | undefined;
  readonly fill: boolean;
}[] = [
  { column: "population", get: (town) => town.population, fill: true },
  { column: "populationDate", get: (town) => town.populationDate, fill: true },
  { column: "cases", get: (town) => town.cases, fill: true },
  { column: "workplaces", get: (town) => town.workplaces, fill: true },
  { column: "fteShare", get: (town) => town.fteShare, fill: true },
  { column: "fixedPercent", get: (town) => town.fixedPercent, fill: false },
  { column: "actualPopulation", get: (town) => town.actual?.population, fill: true },
  { column: "actualCases", get: (town) => town.actual?.cases, fill: true },
  { column: "actualWorkplaces", get: (town) => town.actual?.workplaces, fill: true },
  { column: "actualFteShare", get: (town) => town.actual?.fteShare, fill: true },
];

/** One town row of the partnership's cost model while it is merged. */
interface MergedTown {
  readonly name: string;
  readonly isHost: boolean;
  readonly source: string;
  readonly values: Map<string, { value: TownValue; file: string }>;
}

function townOf(merged: MergedTown): Town {
  const number = (column: string): number | null => {
    const value = merged.values.get(column)?.value;
    return typeof value === "number" ? value : null;
  };
  const date = merged.values.get("populationDate")?.value;
  const actual: TownKeyValues = {
    population: number("actualPopulation"),
    cases: number("actualCases"),
    workplaces: number("actualWorkplaces"),
    fteShare: number("actualFteShare"),
  };
  return {
    name: merged.name,
    ...(merged.isHost ? { isHost: true } : {}),
    population: number("population"),
    ...(typeof date === "string" ? { populationDate: date } : {}),
    cases: number("cases"),
    workplaces: number("workplaces"),
    fteShare: number("fteShare"),
    fixedPercent: number("fixedPercent"),
    ...(Object.values(actual).some((value) => value !== null) ? { actual } : {}),
  };
}

/**
 * The cost model of the partnership: the first cost-model file's towns, items and overhead, plus
 * every other town — one row per town ({@link normaliseTownName}), under its first spelling; with
 * the source of each row (a file, or a file's cell). Nothing a file states is dropped: the joint
 * unit and the year go to the settings, each town keeps its Stichtag and its actual values, and a
 * value one file leaves blank is taken from the next. Where two files give different values, the
 * first file's is taken and the difference is returned, naming both files.
 */
function partnershipCostModel(
  models: readonly CostModelSource[],
  contributions: readonly TownContribution[],
  language: Language,
): { model: CostModel; settings: CostModelSettings; sources: string[]; disagreements: Disagreement[] } {
  const disagreements: Disagreement[] = [];
  const differ = (field: string, taken: Disagreement["taken"], other: Disagreement["other"]): void => {
    disagreements.push({ field, taken, other });
  };

  // Joint unit, year, dates: the first file that states them; another file stating otherwise is reported.
  const settings = new Map<string, { value: TownValue; file: string }>();
  const shown = (key: string, value: TownValue): string =>
    typeof value === "number"
      ? String(value) // the year, without a thousands separator
      : /^\d{4}-\d{2}-\d{2}$/.test(value) && key !== "unitName"
        ? displayDate(value)
        : value;
  for (const source of models) {
    for (const [key, value] of source.settings) {
      const have = settings.get(key);
      if (have === undefined) settings.set(key, { value, file: source.file });
      else if (have.value !== value)
        differ(
          costLabel(COST_SHEET.settings, key, language),
          { value: shown(key, have.value), file: have.file },
          { value: shown(key, value), file: source.file },
        );
    }
  }

  // Items and overhead: the first file that has any; another file with other items is reported.
  const withItems = models.find(({ model }) => model.items.length > 0 || model.overhead !== undefined);
  const itemsOf = (model: CostModel): string =>
    JSON.stringify({ items: model.items, overhead: model.overhead ?? null });
  for (const source of models) {
    if (!withItems || source === withItems) continue;
    if (source.model.items.length === 0 && source.model.overhead === undefined) continue;
    if (itemsOf(source.model) !== itemsOf(withItems.model)) {
      const count = (model: CostModel): string =>
        `${model.items.length} ${(model.items.length === 1 ? TEXT.item : TEXT.items)[language]}`;
      differ(
        TEXT.costItems[language],
        { value: count(withItems.model), file: withItems.file },
        { value: count(source.model), file: source.file },
      );
    }
  }

  // Towns: one row per town; values merged field by field.
  const rows: MergedTown[] = [];
  const byKey = new Map<string, MergedTown>();
  const format = (column: string, value: TownValue): string =>
    typeof value === "string"
      ? displayDate(value)
      : column === "fixedPercent"
        ? `${formatNumber(value, language)} %`
        : formatNumber(value, language);
  /** The files with a column „Stichtag Einwohner“ (the cost models). */
  const explicitDates = new Set(models.map(({ file }) => file));
  /** Adds a town's row, or merges it into the row of the same town; `always`: a row of its own. */
  const add = (town: Town, source: string, file: string, always: boolean): void => {
    const name = displayTownName(typeof town.name === "string" ? town.name : "");
    const key = normaliseTownName(name);
    const known = byKey.get(key);
    if (known === undefined || always) {
      const values = new Map<string, { value: TownValue; file: string }>();
      for (const field of TOWN_FIELDS) {
        const value = field.get(town);
        if (value !== null && value !== undefined) values.set(field.column, { value, file });
      }
      const row: MergedTown = { name, isHost: town.isHost === true, source, values };
      rows.push(row);
      if (known === undefined) byKey.set(key, row);
      return;
    }
    const report = (column: string, have: { value: TownValue; file: string }, value: TownValue): void =>
      differ(
        `${known.name} › ${costLabel(COST_SHEET.towns, column, language)}`,
        { value: format(column, have.value), file: have.file },
        { value: format(column, value), file },
      );
    for (const field of TOWN_FIELDS) {
      if (field.column === "populationDate") continue;
      const value = field.get(town);
      if (value === null || value === undefined) continue;
      const have = known.values.get(field.column);
      if (have === undefined) {
        if (field.fill) known.values.set(field.column, { value, file });
      } else if (have.value !== value && have.file !== file) report(field.column, have, value);
    }
    // The Stichtag belongs to a population figure: it comes with the figure taken (or the same
    // figure). Only two „Stichtag Einwohner“ columns can disagree; a task catalogue's date of its
    // figures as a whole is no Stichtag of the cost model's population.
    const date = town.populationDate;
    if (date === undefined) return;
    const haveDate = known.values.get("populationDate");
    const population = known.values.get("population");
    const sameFigure = population !== undefined && (population.file === file || population.value === town.population);
    if (haveDate === undefined) {
      if (sameFigure) known.values.set("populationDate", { value: date, file });
    } else if (haveDate.value !== date && explicitDates.has(file) && explicitDates.has(haveDate.file))
      report("populationDate", haveDate, date);
  };
  // The first cost model is valid, so its rows are distinct towns (a probable pair among them is
  // reported like any other); later files add the towns not known yet and fill what is blank.
  models.forEach(({ model, places, file }, which) =>
    model.towns.forEach((town, index) => add(town, places[index] ?? file, file, which === 0)),
  );
  for (const { town, source, file } of contributions) add(town, source, file, false);

  const base = withItems?.model ?? models[0]?.model ?? { towns: [], items: [] };
  return {
    model: { ...base, towns: rows.map(townOf) },
    settings: settingsOf(new Map([...settings].map(([key, { value }]) => [key, value]))),
    sources: rows.map((row) => row.source),
    disagreements,
  };
}

/** A disagreement as a finding at the file whose value was not taken, naming both files. */
function disagreementIssue(disagreement: Disagreement, language: Language): ValidationIssue {
  return createIssue(
    "warning",
    "partnership.sourcesDisagree",
    language,
    { file: disagreement.other.file },
    {
      column: disagreement.field,
      value: disagreement.other.value,
      place: disagreement.other.file,
      other: disagreement.taken.value,
      otherPlace: disagreement.taken.file,
    },
  );
}

function overviewSheet(
  outcomes: readonly SourceOutcome[],
  notes: readonly ValidationIssue[],
  language: Language,
): SheetPlan {
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
  // Below the sources: where files disagree, which value was taken — on paper too, not only on screen.
  const merges: string[] = [];
  if (notes.length > 0) {
    const first = last + 2;
    rows.push({ row: first, cells: [{ column: 1, value: t(TEXT.notes), style: "label" }] });
    notes.forEach((note, index) => {
      const row = first + 1 + index;
      merges.push(`B${row}:F${row}`);
      rows.push({
        row,
        height: 15 * Math.max(2, Math.ceil(note.message.length / 110)),
        cells: [
          { column: 1, value: `${t(TEXT.hint)}: ${note.file}`, style: "computed", wrap: true },
          { column: 2, value: note.message, style: "computed", wrap: true },
        ],
      });
    });
  }
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
    merges,
    autoFilter: `A${headerRow}:F${headerRow}`,
    protected: true,
    print: { landscape: true, titleRows: `${headerRow}:${headerRow}` },
  };
}
