/**
 * The cost model as the pane's form holds it — every number as the user typed it — and the way
 * from the form to a `CostModel`: German and English number notation read, typing problems
 * returned as findings at the field, then `validateCostModel` for the rules of the allocation.
 */
import type { AllocationIssue } from "../../lib/allocation/AllocationIssue.js";
import type { LocalizedText } from "../../lib/allocation/messages.js";
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
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { uiText, type UiTextKey } from "../messages.js";

/** A key the overhead can take (a flat fee per case has no amount to spread). */
export type OverheadKey = Exclude<AllocationKey, "flatFeePerCase">;

export type WeightInputs = Readonly<Record<MixedKeyPart, string>>;

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
}

export interface OverheadForm {
  readonly enabled: boolean;
  readonly percent: string;
  readonly key: OverheadKey;
  readonly weights: WeightInputs;
}

export interface CostForm {
  readonly towns: readonly TownForm[];
  readonly items: readonly ItemForm[];
  readonly overhead: OverheadForm;
}

/** A finding about the form, pointing at an input by its model path (e.g. `items[1].amount`). */
export interface FormIssue {
  readonly severity: "error" | "warning";
  readonly path: string;
  readonly message: LocalizedText;
}

let lastId = 0;
/** A fresh row identity. */
export function newRowId(): string {
  lastId += 1;
  return `row-${lastId}`;
}

export const NO_WEIGHTS: WeightInputs = { equal: "", population: "", cases: "", workplaces: "", fteShare: "" };

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
  };
}

export function emptyItemForm(): ItemForm {
  return { id: newRowId(), name: "", key: "equal", amount: "", flatFeePerCase: "", weights: NO_WEIGHTS };
}

export const NO_OVERHEAD: OverheadForm = { enabled: false, percent: "", key: "equal", weights: NO_WEIGHTS };

export const EMPTY_COST_FORM: CostForm = { towns: [], items: [], overhead: NO_OVERHEAD };

/** Whether nothing is entered yet (no town, no item, no overhead). */
export function isEmptyCostForm(form: CostForm): boolean {
  return form.towns.length === 0 && form.items.length === 0 && !form.overhead.enabled;
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

/** The form that shows a model (e.g. the demo), numbers written in the pane's language. */
export function costFormFromModel(model: CostModel, language: Language): CostForm {
  return {
    towns: model.towns.map((town) => ({
      id: newRowId(),
      name: town.name,
      population: typedNumber(town.population, language),
      cases: typedNumber(town.cases, language),
      workplaces: typedNumber(town.workplaces, language),
      fteShare: typedNumber(town.fteShare, language),
      fixedPercent: typedNumber(town.fixedPercent, language),
      isHost: town.isHost === true,
    })),
    items: model.items.map((item) => ({
      id: newRowId(),
      name: item.name,
      key: item.key,
      amount: typedNumber(item.amount, language, true),
      flatFeePerCase: typedNumber(item.flatFeePerCase, language, true),
      weights: weightInputs(item.mixedWeights, language),
    })),
    overhead: model.overhead
      ? {
          enabled: true,
          percent: typedNumber(model.overhead.percent, language),
          key: model.overhead.key === "flatFeePerCase" ? "equal" : model.overhead.key,
          weights: weightInputs(model.overhead.mixedWeights, language),
        }
      : NO_OVERHEAD,
  };
}

const inputIssue = (path: string, key: UiTextKey, typed: string): FormIssue => ({
  severity: "error",
  path,
  message: { de: uiText(key, "de", { detail: typed.trim() }), en: uiText(key, "en", { detail: typed.trim() }) },
});

/** Reads the form into a model; typing problems become issues and leave the value blank. */
export function readCostForm(form: CostForm): { readonly model: CostModel; readonly issues: readonly FormIssue[] } {
  const issues: FormIssue[] = [];
  const read = (typed: string, path: string, options: NumberInputOptions = {}): number | null => {
    const parsed = parseNumberInput(typed, options);
    if (parsed.kind === "number") return parsed.value;
    if (parsed.kind === "notANumber") issues.push(inputIssue(path, "costInputNotANumber", typed));
    if (parsed.kind === "ambiguous") issues.push(inputIssue(path, "costInputAmbiguous", typed));
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

  const towns: Town[] = form.towns.map((town, index) => {
    const field = (key: KeyValueField, options: NumberInputOptions): number | null =>
      read(town[key], `towns[${index}].${key}`, options);
    return {
      name: town.name,
      population: field("population", { wholeNumber: true }),
      cases: field("cases", { wholeNumber: true }),
      workplaces: field("workplaces", { wholeNumber: true }),
      fteShare: field("fteShare", {}),
      fixedPercent: field("fixedPercent", { percent: true }),
      ...(town.isHost ? { isHost: true } : {}),
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
    return {
      name: item.name,
      key: item.key,
      amount: read(item.amount, `${path}.amount`, { euro: true }),
      ...(item.key === "mixed" ? { mixedWeights: readWeights(item.weights, `${path}.mixedWeights`) } : {}),
    };
  });

  let overhead: Overhead | undefined;
  if (form.overhead.enabled) {
    const percent = read(form.overhead.percent, "overhead.percent", { percent: true });
    if (percent === null && parseNumberInput(form.overhead.percent, { percent: true }).kind === "blank") {
      issues.push({
        severity: "error",
        path: "overhead.percent",
        message: { de: uiText("costOverheadPercentMissing", "de"), en: uiText("costOverheadPercentMissing", "en") },
      });
    }
    if (percent !== null) {
      overhead = {
        percent,
        key: form.overhead.key,
        ...(form.overhead.key === "mixed"
          ? { mixedWeights: readWeights(form.overhead.weights, "overhead.mixedWeights") }
          : {}),
      };
    }
  }
  return { model: { towns, items, ...(overhead ? { overhead } : {}) }, issues };
}

export interface CostFormCheck {
  readonly model: CostModel;
  /** Typing problems first, then the model's findings (none repeated for a field with a typing problem). */
  readonly issues: readonly FormIssue[];
  readonly errorCount: number;
  readonly warningCount: number;
}

/**
 * Reads and validates the form: what the pane shows live. A field that could not be read is
 * reported once, as typed („abc“ ist keine Zahl), not again as missing.
 */
export function checkCostForm(form: CostForm): CostFormCheck {
  const { model, issues: inputIssues } = readCostForm(form);
  const unreadable = new Set(inputIssues.map((issue) => issue.path));
  const modelIssues = validateCostModel(model)
    .filter((issue: AllocationIssue) => !unreadable.has(issue.path))
    .map((issue): FormIssue => ({ severity: issue.severity, path: issue.path, message: issue.message }));
  const issues = [...inputIssues, ...modelIssues];
  return {
    model,
    issues,
    errorCount: issues.filter((i) => i.severity === "error").length,
    warningCount: issues.filter((i) => i.severity === "warning").length,
  };
}

// --- where an issue points -------------------------------------------------------------------------

/** A form field an issue can point at. */
export type FormField =
  "name" | KeyValueField | "isHost" | "amount" | "flatFeePerCase" | "key" | "percent" | "mixedWeights";

export type FormLocation =
  | { readonly kind: "towns" }
  | { readonly kind: "items" }
  | { readonly kind: "allTowns"; readonly field: FormField }
  | { readonly kind: "town"; readonly index: number; readonly field: FormField | undefined }
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
  "amount",
  "flatFeePerCase",
  "key",
  "percent",
  "mixedWeights",
];
const asField = (text: string | undefined): FormField | undefined =>
  text !== undefined && FORM_FIELDS.includes(text) ? (text as FormField) : undefined;
const asPart = (text: string | undefined): MixedKeyPart | undefined =>
  (MIXED_KEY_PARTS as readonly (string | undefined)[]).includes(text) ? (text as MixedKeyPart) : undefined;

/**
 * Where in the form an issue path points: `items[1].amount` → item 2, annual amount;
 * `towns[*].fixedPercent` → all towns; `overhead.mixedWeights.cases` → the overhead's weight of cases.
 * Actual values (`towns[0].actual.cases`) are not in the form and point at the town.
 */
export function locateIssue(path: string): FormLocation {
  const listed = /^(towns|items)\[(\d+|\*)\](?:\.(actual))?(?:\.(\w+))?(?:\.(\w+))?$/.exec(path);
  if (listed) {
    const [, list, at, actual, fieldText, partText] = listed;
    const field = actual ? undefined : asField(fieldText);
    if (at === "*") return list === "towns" ? { kind: "allTowns", field: field ?? "name" } : { kind: "items" };
    const index = Number(at);
    if (list === "towns") return { kind: "town", index, field };
    const part = asPart(partText);
    return { kind: "item", index, field, ...(part ? { part } : {}) };
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
    case "allTowns":
      return form.towns.length > 0 ? `towns[0].${location.field}` : undefined;
    case "town":
      return `towns[${location.index}].${location.field ?? "name"}`;
    case "item": {
      const base = `items[${location.index}]`;
      if (location.field === "mixedWeights") return `${base}.mixedWeights.${location.part ?? "equal"}`;
      const item = form.items[location.index];
      if (location.field === "amount" && item?.key === "flatFeePerCase") return `${base}.flatFeePerCase`;
      return `${base}.${location.field ?? "name"}`;
    }
    case "overhead":
      if (location.field === "mixedWeights") return `overhead.mixedWeights.${location.part ?? "equal"}`;
      return `overhead.${location.field === "key" ? "key" : "percent"}`;
  }
}
