/**
 * The cost model as the pane's form holds it — every number as the user typed it — and the way
 * from the form to a `CostModel`: German and English number notation read, typing problems
 * returned as findings at the field, then `validateCostModel` for the rules of the allocation.
 */
import {
  MIXED_KEY_PARTS,
  type AllocationKey,
  type CostItem,
  type CostModel,
  type KeyValueField,
  type MixedKeyPart,
  type MixedWeights,
  type Overhead,
  type Town,
} from "../../lib/allocation/model.js";
import { validateCostModel } from "../../lib/allocation/validateCostModel.js";
import { COST_MODEL_FINDINGS } from "../../lib/messages/costModelFindings.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { createFinding, type ValidationIssue } from "../../lib/validation/ValidationIssue.js";
import { DUE_DATES, type CostModelSettings } from "../../templates/kostenverteilung/module.js";

/** A key the overhead can take (a flat fee per case has no amount to spread). */
export type OverheadKey = Exclude<AllocationKey, "flatFeePerCase">;

export type WeightInputs = Readonly<Record<MixedKeyPart, string>>;

/** The key values a town's actual values (Ist-Werte) of the true-up can give. */
export type ActualField = "population" | "cases" | "workplaces" | "fteShare";
export const ACTUAL_FIELDS: readonly ActualField[] = ["population", "cases", "workplaces", "fteShare"];
/** Actual key values as typed; blank = as planned. */
export type ActualInputs = Readonly<Record<ActualField, string>>;

export interface TownForm {
  /** Stable identity for React lists; not part of the model. */
  readonly id: string;
  readonly name: string;
  readonly population: string;
  readonly cases: string;
  readonly workplaces: string;
  readonly fteShare: string;
  readonly fixedPercent: string;
  readonly isHost: boolean;
  /** Stichtag of the population as typed (`31.12.2025`, `2025-12-31`); blank = none. */
  readonly populationDate: string;
  /** Actual key values of the year for the true-up (Spitzabrechnung). */
  readonly actual: ActualInputs;
}

export interface ItemForm {
  readonly id: string;
  readonly name: string;
  readonly key: AllocationKey;
  /** Annual amount in €; used unless the key is `flatFeePerCase`. */
  readonly amount: string;
  /** Fee per case in €; used only with the key `flatFeePerCase`. */
  readonly flatFeePerCase: string;
  /** Weights in %; used only with the key `mixed`. */
  readonly weights: WeightInputs;
  /** Actual annual amount in € for the true-up (blank = as planned); not with `flatFeePerCase`. */
  readonly actualAmount: string;
}

export interface OverheadForm {
  readonly enabled: boolean;
  /** Its label in the result; blank = „Verwaltungskostenpauschale“. */
  readonly name: string;
  readonly percent: string;
  readonly key: OverheadKey;
  readonly weights: WeightInputs;
}

/**
 * What the workbook's „Grunddaten“ say besides the overhead, as typed: the joint unit, the budget
 * year, the date the figures hold for, and the due dates of the four quarterly advances (blank =
 * the workbook's default day of the budget year).
 */
export interface SettingsForm {
  readonly unitName: string;
  readonly year: string;
  readonly calculationDate: string;
  /** One per advance (`DUE_DATES` of the template), in order. */
  readonly dueDates: readonly string[];
}

export interface CostForm {
  readonly settings: SettingsForm;
  readonly towns: readonly TownForm[];
  readonly items: readonly ItemForm[];
  readonly overhead: OverheadForm;
}

let lastId = 0;
/** A fresh row identity. */
export function newRowId(): string {
  lastId += 1;
  return `row-${lastId}`;
}

export const NO_WEIGHTS: WeightInputs = { equal: "", population: "", cases: "", workplaces: "", fteShare: "" };
export const NO_ACTUALS: ActualInputs = { population: "", cases: "", workplaces: "", fteShare: "" };
export const NO_SETTINGS: SettingsForm = {
  unitName: "",
  year: "",
  calculationDate: "",
  dueDates: DUE_DATES.map(() => ""),
};

export function emptyTownForm(): TownForm {
  return {
    id: newRowId(),
    name: "",
    population: "",
    cases: "",
    workplaces: "",
    fteShare: "",
    fixedPercent: "",
    isHost: false,
    populationDate: "",
    actual: NO_ACTUALS,
  };
}

export function emptyItemForm(): ItemForm {
  return {
    id: newRowId(),
    name: "",
    key: "equal",
    amount: "",
    flatFeePerCase: "",
    weights: NO_WEIGHTS,
    actualAmount: "",
  };
}

export const NO_OVERHEAD: OverheadForm = { enabled: false, name: "", percent: "", key: "equal", weights: NO_WEIGHTS };

export const EMPTY_COST_FORM: CostForm = { settings: NO_SETTINGS, towns: [], items: [], overhead: NO_OVERHEAD };

/** Whether nothing is entered yet (no joint unit or year, no town, no item, no overhead). */
export function isEmptyCostForm(form: CostForm): boolean {
  const { settings } = form;
  return (
    [settings.unitName, settings.year, settings.calculationDate, ...settings.dueDates].every(
      (typed) => typed.trim() === "",
    ) &&
    form.towns.length === 0 &&
    form.items.length === 0 &&
    !form.overhead.enabled
  );
}

// --- numbers as typed ------------------------------------------------------------------------------

export type ParsedInput =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number }
  /** Not a number at all (`abc`, `12,3,4`). */
  | { readonly kind: "notANumber" }
  /** `1.500` or `1,500`: thousands separator or decimal separator — cannot tell. */
  | { readonly kind: "ambiguous" };

export interface NumberInputOptions {
  /** The field takes whole numbers only (population, cases, workplaces): `5.300` is 5300. */
  readonly wholeNumber?: boolean;
  /** A trailing (or leading) `€`/`EUR` is allowed. */
  readonly euro?: boolean;
  /** A trailing `%` is allowed. */
  readonly percent?: boolean;
}

const SPACES = /[\s\u00A0\u202F\u2009]+/g;

/**
 * Reads a number as people type it in German or English: `12.345,67`, `12345,67`, `12345.67`,
 * `12,345.67`, `12 345,67`, `-5`. With both separators the last one is the decimal separator and
 * the other must group by thousands. A lone separator followed by exactly three digits (`1.500`,
 * `1,500`) is ambiguous and refused — except in whole-number fields, where it can only be a
 * thousands separator. Range checks (negative, decimals, limits) are left to `validateCostModel`.
 *
 * @example parseNumberInput("12.345,67") // → { kind: "number", value: 12345.67 }
 * @example parseNumberInput("30 %", { percent: true }) // → { kind: "number", value: 30 }
 * @example parseNumberInput("1.500") // → { kind: "ambiguous" }
 */
export function parseNumberInput(input: string, options: NumberInputOptions = {}): ParsedInput {
  let text = input.replace(/\u2212/g, "-").trim();
  if (options.percent) text = text.replace(/%$/, "").trim();
  if (options.euro)
    text = text
      .replace(/^(€|EUR)/i, "")
      .replace(/(€|EUR)$/i, "")
      .trim();
  if (text === "") return { kind: "blank" };
  const signMatch = /^([+-]?)\s*(.*)$/.exec(text);
  const sign = signMatch?.[1] === "-" ? -1 : 1;
  const body = (signMatch?.[2] ?? "").replace(SPACES, "");
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return { kind: "notANumber" };

  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  let integerPart: string;
  let fraction = "";
  if (lastDot >= 0 && lastComma >= 0) {
    // both: the last one is the decimal separator, the other groups thousands
    const decimal = lastDot > lastComma ? "." : ",";
    const group = decimal === "." ? "," : ".";
    const at = body.lastIndexOf(decimal);
    fraction = body.slice(at + 1);
    const grouped = body.slice(0, at);
    if (!/^\d+$/.test(fraction) || !isThousandsGrouped(grouped, group)) return { kind: "notANumber" };
    integerPart = grouped.split(group).join("");
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? "." : ",";
    const pieces = body.split(separator);
    if (pieces.length > 2) {
      // 1.234.567: only thousands groups
      if (!isThousandsGrouped(body, separator)) return { kind: "notANumber" };
      integerPart = pieces.join("");
    } else {
      const [before = "", after = ""] = pieces;
      if (after === "" || !/^\d*$/.test(before)) return { kind: "notANumber" };
      const looksGrouped = after.length === 3 && /^[1-9]\d{0,2}$/.test(before);
      if (looksGrouped && options.wholeNumber) integerPart = before + after;
      else if (looksGrouped) return { kind: "ambiguous" };
      else {
        integerPart = before === "" ? "0" : before;
        fraction = after;
      }
    }
  } else {
    integerPart = body;
  }
  const value = Number(`${integerPart}${fraction === "" ? "" : `.${fraction}`}`);
  if (!Number.isFinite(value)) return { kind: "notANumber" };
  return { kind: "number", value: sign * value === 0 ? 0 : sign * value };
}

function isThousandsGrouped(text: string, separator: string): boolean {
  const groups = text.split(separator);
  return /^\d{1,3}$/.test(groups[0] ?? "") && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

export type ParsedDate =
  | { readonly kind: "blank" }
  /** An ISO calendar date, `2025-12-31`. */
  | { readonly kind: "date"; readonly iso: string }
  | { readonly kind: "notADate" };

/**
 * Reads a date as people type it: `31.12.2025`, `1.7.2026`, `31/12/2025` or `2025-12-31`
 * (day before month, four-digit year). A day the calendar lacks (`31.02.2026`) is no date.
 *
 * @example parseDateInput("31.12.2025") // → { kind: "date", iso: "2025-12-31" }
 */
export function parseDateInput(input: string): ParsedDate {
  const text = input.trim();
  if (text === "") return { kind: "blank" };
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const [year, month, day] = dayFirst
    ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [Number.NaN, Number.NaN, Number.NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1900)
    return { kind: "notADate" };
  return { kind: "date", iso: date.toISOString().slice(0, 10) };
}

/** An ISO date as the pane's language writes it: `31.12.2025` / `31/12/2025`. */
export function typedDate(iso: string | undefined, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!match) return "";
  const separator = language === "de" ? "." : "/";
  return [match[3], match[2], match[1]].join(separator);
}

/** The budget year's range, as the workbook's „Haushaltsjahr“ takes it. */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const;

// --- form ↔ model ----------------------------------------------------------------------------------

const NUMBER_FORMATS = {
  de: {
    euro: new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    plain: new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2, useGrouping: false }),
  },
  en: {
    euro: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    plain: new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2, useGrouping: false }),
  },
} as const;

const typedNumber = (value: number | null | undefined, language: Language, euro = false): string =>
  typeof value === "number" && Number.isFinite(value)
    ? NUMBER_FORMATS[language][euro ? "euro" : "plain"].format(value)
    : "";

function weightInputs(weights: MixedWeights | undefined, language: Language): WeightInputs {
  const entries = MIXED_KEY_PARTS.map((part) => [part, typedNumber(weights?.[part], language)] as const);
  return Object.fromEntries(entries) as Record<MixedKeyPart, string>;
}

const isoOf = (date: Date | undefined): string | undefined =>
  date === undefined || Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);

/**
 * The form that shows a model (e.g. the demo) and its settings, numbers and dates written in the
 * pane's language. A town without a Stichtag of its own gets the settings' one (as the workbook does).
 */
export function costFormFromModel(model: CostModel, language: Language, settings: CostModelSettings = {}): CostForm {
  const settingsDate = isoOf(settings.populationDate);
  return {
    settings: {
      unitName: settings.unitName ?? "",
      year: settings.year === undefined ? "" : String(settings.year),
      calculationDate: typedDate(isoOf(settings.calculationDate), language),
      dueDates: DUE_DATES.map((_, index) => typedDate(isoOf(settings.dueDates?.[index]), language)),
    },
    towns: model.towns.map((town) => ({
      id: newRowId(),
      name: town.name,
      population: typedNumber(town.population, language),
      cases: typedNumber(town.cases, language),
      workplaces: typedNumber(town.workplaces, language),
      fteShare: typedNumber(town.fteShare, language),
      fixedPercent: typedNumber(town.fixedPercent, language),
      isHost: town.isHost === true,
      populationDate: typedDate(
        town.populationDate ?? (town.population === undefined || town.population === null ? undefined : settingsDate),
        language,
      ),
      actual: {
        population: typedNumber(town.actual?.population, language),
        cases: typedNumber(town.actual?.cases, language),
        workplaces: typedNumber(town.actual?.workplaces, language),
        fteShare: typedNumber(town.actual?.fteShare, language),
      },
    })),
    items: model.items.map((item) => ({
      id: newRowId(),
      name: item.name,
      key: item.key,
      amount: typedNumber(item.amount, language, true),
      flatFeePerCase: typedNumber(item.flatFeePerCase, language, true),
      weights: weightInputs(item.mixedWeights, language),
      actualAmount: typedNumber(item.actualAmount, language, true),
    })),
    overhead: model.overhead
      ? {
          enabled: true,
          name: model.overhead.name ?? "",
          percent: typedNumber(model.overhead.percent, language),
          key: model.overhead.key === "flatFeePerCase" ? "equal" : model.overhead.key,
          weights: weightInputs(model.overhead.mixedWeights, language),
        }
      : NO_OVERHEAD,
  };
}

/** A value typed into the form that cannot be read, as a finding at its input (`items[1].amount`). */
const typingIssue = (
  code:
    | "costModel.typed.notANumber"
    | "costModel.typed.ambiguous"
    | "costModel.typed.notADate"
    | "costModel.typed.notAYear",
  path: string,
  typed: string,
  language: Language,
): ValidationIssue =>
  createFinding(
    COST_MODEL_FINDINGS,
    "error",
    code,
    language,
    { file: "", path },
    { text: typed.trim(), years: YEAR_RANGE },
  );

/**
 * Reads the form into a model and the workbook's settings (joint unit, year); typing problems
 * become issues and leave the value blank.
 */
export function readCostForm(
  form: CostForm,
  language: Language = "de",
): {
  readonly model: CostModel;
  readonly settings: CostModelSettings;
  readonly issues: readonly ValidationIssue[];
} {
  const issues: ValidationIssue[] = [];
  const read = (typed: string, path: string, options: NumberInputOptions = {}): number | null => {
    const parsed = parseNumberInput(typed, options);
    if (parsed.kind === "number") return parsed.value;
    if (parsed.kind === "notANumber") issues.push(typingIssue("costModel.typed.notANumber", path, typed, language));
    if (parsed.kind === "ambiguous") issues.push(typingIssue("costModel.typed.ambiguous", path, typed, language));
    return null;
  };
  const readWeights = (weights: WeightInputs, path: string): MixedWeights => {
    const result: Partial<Record<MixedKeyPart, number>> = {};
    for (const part of MIXED_KEY_PARTS) {
      const value = read(weights[part], `${path}.${part}`, { percent: true });
      if (value !== null) result[part] = value;
    }
    return result;
  };

  const readDate = (typed: string, path: string): string | undefined => {
    const parsed = parseDateInput(typed);
    if (parsed.kind === "notADate") issues.push(typingIssue("costModel.typed.notADate", path, typed, language));
    return parsed.kind === "date" ? parsed.iso : undefined;
  };

  const towns: Town[] = form.towns.map((town, index) => {
    const field = (key: KeyValueField, options: NumberInputOptions): number | null =>
      read(town[key], `towns[${index}].${key}`, options);
    const actualField = (key: ActualField): number | null =>
      read(town.actual[key], `towns[${index}].actual.${key}`, key === "fteShare" ? {} : { wholeNumber: true });
    const actual = Object.fromEntries(ACTUAL_FIELDS.map((key) => [key, actualField(key)])) as Record<
      ActualField,
      number | null
    >;
    const populationDate = readDate(town.populationDate, `towns[${index}].populationDate`);
    return {
      name: town.name,
      population: field("population", { wholeNumber: true }),
      cases: field("cases", { wholeNumber: true }),
      workplaces: field("workplaces", { wholeNumber: true }),
      fteShare: field("fteShare", {}),
      fixedPercent: field("fixedPercent", { percent: true }),
      ...(town.isHost ? { isHost: true } : {}),
      ...(populationDate === undefined ? {} : { populationDate }),
      // as the workbook's extraction: actual values only when one is given (blank = as planned)
      ...(Object.values(actual).some((value) => value !== null) ? { actual } : {}),
    };
  });

  const items: CostItem[] = form.items.map((item, index) => {
    const path = `items[${index}]`;
    if (item.key === "flatFeePerCase") {
      return {
        name: item.name,
        key: item.key,
        flatFeePerCase: read(item.flatFeePerCase, `${path}.flatFeePerCase`, { euro: true }),
      };
    }
    const actualAmount = read(item.actualAmount, `${path}.actualAmount`, { euro: true });
    return {
      name: item.name,
      key: item.key,
      amount: read(item.amount, `${path}.amount`, { euro: true }),
      ...(item.key === "mixed" ? { mixedWeights: readWeights(item.weights, `${path}.mixedWeights`) } : {}),
      ...(actualAmount === null ? {} : { actualAmount }),
    };
  });

  let overhead: Overhead | undefined;
  if (form.overhead.enabled) {
    const percent = read(form.overhead.percent, "overhead.percent", { percent: true });
    if (percent === null && parseNumberInput(form.overhead.percent, { percent: true }).kind === "blank") {
      issues.push(
        createFinding(
          COST_MODEL_FINDINGS,
          "error",
          "costModel.typed.overheadPercentMissing",
          language,
          { file: "", path: "overhead.percent" },
          {},
        ),
      );
    }
    const name = form.overhead.name.trim();
    if (percent !== null) {
      overhead = {
        ...(name === "" ? {} : { name }),
        percent,
        key: form.overhead.key,
        ...(form.overhead.key === "mixed"
          ? { mixedWeights: readWeights(form.overhead.weights, "overhead.mixedWeights") }
          : {}),
      };
    }
  }
  const unitName = form.settings.unitName.trim();
  const yearText = form.settings.year.trim();
  let year: number | undefined;
  if (yearText !== "") {
    // a year is four digits, never „2.027“
    const parsed = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (Number.isInteger(parsed) && parsed >= YEAR_RANGE.min && parsed <= YEAR_RANGE.max) year = parsed;
    else issues.push(typingIssue("costModel.typed.notAYear", "settings.year", yearText, language));
  }
  const asDate = (iso: string | undefined): Date | undefined =>
    iso === undefined ? undefined : new Date(`${iso}T00:00:00Z`);
  const calculationDate = asDate(readDate(form.settings.calculationDate, "settings.calculationDate"));
  const dueDates = DUE_DATES.map((_, index) =>
    asDate(readDate(form.settings.dueDates[index] ?? "", `settings.dueDates.${index}`)),
  );
  const settings: CostModelSettings = {
    ...(unitName === "" ? {} : { unitName }),
    ...(year === undefined ? {} : { year }),
    ...(calculationDate === undefined ? {} : { calculationDate }),
    ...(dueDates.some((date) => date !== undefined) ? { dueDates } : {}),
  };
  return { model: { towns, items, ...(overhead ? { overhead } : {}) }, settings, issues };
}

export interface CostFormCheck {
  readonly model: CostModel;
  /** Joint unit and year for the workbook's „Grunddaten“. */
  readonly settings: CostModelSettings;
  /** Typing problems first, then the model's findings (none repeated for a field with a typing problem). */
  readonly issues: readonly ValidationIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
}

/**
 * Reads and validates the form: what the pane shows live, in the user's language (findings at
 * their input by `path`). A field that could not be read is
 * reported once, as typed („abc“ ist keine Zahl), not again as missing.
 */
export function checkCostForm(form: CostForm, language: Language = "de"): CostFormCheck {
  const { model, settings, issues: inputIssues } = readCostForm(form, language);
  const unreadable = new Set(inputIssues.map((issue) => issue.path));
  const modelIssues = validateCostModel(model, { language }).filter((issue) => !unreadable.has(issue.path));
  const issues = [...inputIssues, ...modelIssues];
  return {
    model,
    settings,
    issues,
    errorCount: issues.filter((i) => i.severity === "error").length,
    warningCount: issues.filter((i) => i.severity === "warning").length,
  };
}

// --- where an issue points -------------------------------------------------------------------------

/** A form field an issue can point at. */
export type FormField =
  | "name"
  | KeyValueField
  | "isHost"
  | "populationDate"
  | "amount"
  | "actualAmount"
  | "flatFeePerCase"
  | "key"
  | "percent"
  | "mixedWeights";

/** A field of the settings („Grunddaten“); `dueDates` with the advance's index. */
export type SettingsField = keyof SettingsForm;

export type FormLocation =
  | { readonly kind: "towns" }
  | { readonly kind: "items" }
  | { readonly kind: "settings"; readonly field: SettingsField; readonly index?: number }
  /** `actual`: the towns' actual value of the field (Ist-Wert), not the plan value. */
  | { readonly kind: "allTowns"; readonly field: FormField; readonly actual?: boolean }
  | { readonly kind: "town"; readonly index: number; readonly field: FormField | undefined; readonly actual?: boolean }
  | {
      readonly kind: "item";
      readonly index: number;
      readonly field: FormField | undefined;
      readonly part?: MixedKeyPart;
    }
  | { readonly kind: "overhead"; readonly field: FormField | undefined; readonly part?: MixedKeyPart };

const FORM_FIELDS: readonly string[] = [
  "name",
  "population",
  "cases",
  "workplaces",
  "fteShare",
  "fixedPercent",
  "isHost",
  "populationDate",
  "amount",
  "actualAmount",
  "flatFeePerCase",
  "key",
  "percent",
  "mixedWeights",
];
const asField = (text: string | undefined): FormField | undefined =>
  text !== undefined && FORM_FIELDS.includes(text) ? (text as FormField) : undefined;
const asActualField = (text: string | undefined): ActualField | undefined =>
  (ACTUAL_FIELDS as readonly (string | undefined)[]).includes(text) ? (text as ActualField) : undefined;
const asPart = (text: string | undefined): MixedKeyPart | undefined =>
  (MIXED_KEY_PARTS as readonly (string | undefined)[]).includes(text) ? (text as MixedKeyPart) : undefined;

/**
 * Where in the form an issue path points: `items[1].amount` → item 2, annual amount;
 * `towns[*].fixedPercent` → all towns; `overhead.mixedWeights.cases` → the overhead's weight of cases;
 * `towns[0].actual.cases` → town 1, its actual cases; `settings.year` → the budget year.
 */
export function locateIssue(path: string): FormLocation {
  const listed = /^(towns|items)\[(\d+|\*)\](?:\.(actual))?(?:\.(\w+))?(?:\.(\w+))?$/.exec(path);
  if (listed) {
    const [, list, at, actual, fieldText, partText] = listed;
    const actualField = actual ? asActualField(fieldText) : undefined;
    const field = actual ? actualField : asField(fieldText);
    const isActual = actualField !== undefined ? { actual: true } : {};
    if (at === "*")
      return list === "towns" ? { kind: "allTowns", field: field ?? "name", ...isActual } : { kind: "items" };
    const index = Number(at);
    if (list === "towns") return { kind: "town", index, field, ...isActual };
    const part = asPart(partText);
    return { kind: "item", index, field, ...(part ? { part } : {}) };
  }
  const settings = /^settings\.(unitName|year|calculationDate|dueDates)(?:\.(\d+))?$/.exec(path);
  if (settings) {
    const field = (["unitName", "year", "calculationDate", "dueDates"] as const).find((f) => f === settings[1]);
    if (field === "dueDates") return { kind: "settings", field, index: Number(settings[2] ?? 0) };
    return { kind: "settings", field: field ?? "unitName" };
  }
  const overhead = /^overhead(?:\.(\w+))?(?:\.(\w+))?$/.exec(path);
  if (overhead) {
    const part = asPart(overhead[2]);
    return { kind: "overhead", field: asField(overhead[1]), ...(part ? { part } : {}) };
  }
  if (path.startsWith("towns")) return { kind: "towns" };
  return { kind: "items" };
}

/**
 * The input to focus for an issue, as the path the page puts on that input (`data-cost-field`):
 * the field itself, the first weight of a mixed key, the first town's value for „all towns“.
 * Undefined for the lists as a whole (the page focuses their „add“ button).
 */
export function inputPathOf(location: FormLocation, form: CostForm): string | undefined {
  switch (location.kind) {
    case "towns":
    case "items":
      return undefined;
    case "settings":
      return location.field === "dueDates" ? `settings.dueDates.${location.index ?? 0}` : `settings.${location.field}`;
    case "allTowns":
      return form.towns.length > 0 ? `towns[0].${location.actual ? "actual." : ""}${location.field}` : undefined;
    case "town":
      return `towns[${location.index}].${location.actual ? "actual." : ""}${location.field ?? "name"}`;
    case "item": {
      const base = `items[${location.index}]`;
      if (location.field === "mixedWeights") return `${base}.mixedWeights.${location.part ?? "equal"}`;
      const item = form.items[location.index];
      if (location.field === "amount" && item?.key === "flatFeePerCase") return `${base}.flatFeePerCase`;
      // an actual amount beside a fee is ignored (a warning): the fee is the field to look at
      if (location.field === "actualAmount" && item?.key === "flatFeePerCase") return `${base}.flatFeePerCase`;
      return `${base}.${location.field ?? "name"}`;
    }
    case "overhead":
      if (location.field === "mixedWeights") return `overhead.mixedWeights.${location.part ?? "equal"}`;
      if (location.field === "name") return "overhead.name";
      return `overhead.${location.field === "key" ? "key" : "percent"}`;
  }
}

/**
 * The due date of each quarterly advance as the workbook's annex shows it: the date typed in
 * „Grunddaten“, else the template's default day (15.02., 15.05. …) of the budget year; undefined
 * without either.
 *
 * @example advanceDueDates({ year: 2027 })[0] // → 2027-02-15
 */
export function advanceDueDates(settings: CostModelSettings): readonly (Date | undefined)[] {
  return DUE_DATES.map(
    (due, index) =>
      settings.dueDates?.[index] ??
      (settings.year === undefined ? undefined : new Date(Date.UTC(settings.year, due.month - 1, due.day))),
  );
}
