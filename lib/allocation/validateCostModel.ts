/**
 * Checks a cost model against every rule the allocation relies on and returns the findings as
 * data. Never throws for user input. `allocateCosts` computes exactly when this returns no issue
 * with severity `error`.
 */
import { COST_MODEL_FINDINGS, type CostModelCode, type CostModelParams } from "../messages/costModelFindings.js";
import type { Language } from "../spec/TemplateSpec.js";
import { createFinding, type ValidationIssue } from "../validation/ValidationIssue.js";
import { computeMatrix } from "./computeMatrix.js";
import {
  hasActuals,
  itemAmountCents,
  keyValueOf,
  mixedPartWeights,
  singleKeyWeights,
  toCents,
  type Scenario,
  type SingleKey,
} from "./keyWeights.js";
import { FIELD_LABELS, KEY_LABELS, quote, type FieldName, type LocalizedText } from "./messages.js";
import {
  ALLOCATION_KEYS,
  KEY_VALUE_FIELDS,
  MAX_DECIMALS,
  MAX_ITEM_CENTS,
  MAX_KEY_VALUE,
  MAX_TOTAL_CENTS,
  MIXED_KEY_PARTS,
  PERCENT_SCALE,
  SHEET_EXACT_LIMIT,
  type AllocationKey,
  type CostItem,
  type CostModel,
  type KeyValueField,
  type MixedKeyPart,
  type MixedWeights,
  type Town,
} from "./model.js";
import { countDecimals, toScaledInteger, toSpreadsheetPrecision } from "./toScaledInteger.js";
import { normaliseTownName } from "../towns/townNames.js";

/** What a number must satisfy. */
interface NumberRule {
  readonly integer?: boolean;
  readonly maxDecimals?: number;
  readonly max?: number;
  /** The value is a percentage: above `max` (100) reads „höchstens 100 %“. */
  readonly percent?: boolean;
}

const COUNT_RULE: NumberRule = { integer: true, max: MAX_KEY_VALUE };
const FTE_RULE: NumberRule = { maxDecimals: MAX_DECIMALS, max: MAX_KEY_VALUE };
const PERCENT_RULE: NumberRule = { maxDecimals: MAX_DECIMALS, max: 100, percent: true };
const EURO_RULE: NumberRule = { maxDecimals: MAX_DECIMALS, max: MAX_ITEM_CENTS / 100 };

const FIELD_RULES: Readonly<Record<KeyValueField, NumberRule>> = {
  population: COUNT_RULE,
  cases: COUNT_RULE,
  workplaces: COUNT_RULE,
  fteShare: FTE_RULE,
  fixedPercent: PERCENT_RULE,
};

/** 100 % in the integer scale. */
const HUNDRED_PERCENT = 100 * PERCENT_SCALE;

type ValueState = "ok" | "blank" | "invalid";

/** Where a value sits, for the issue. */
interface Place {
  readonly path: string;
  readonly subject: LocalizedText;
  readonly actual?: boolean;
}

/** One use of a key: an item (or a part of its mixed key, or the overhead) that splits by it. */
interface KeyUse {
  readonly key: SingleKey | "flatFeePerCase";
  readonly path: string;
  readonly subject: LocalizedText;
  /** The item's name, for „… wird für „Posten“ gebraucht“. */
  readonly label: string;
  /** Item index, or -1 for the overhead: counts the items needing a field. */
  readonly source: number;
}

/**
 * A town name for duplicate detection: the key of lib/towns/townNames (Unicode NFKC, invisible
 * characters dropped, white space incl. no-break spaces collapsed and trimmed, case-insensitive).
 */
export function normalizeTownName(name: string): string {
  return normaliseTownName(name);
}

const isBlank = (value: unknown): value is null | undefined => value === null || value === undefined;

const townSubject = (town: Town, index: number, field: FieldName | undefined, actual = false): LocalizedText => {
  const name = typeof town.name === "string" ? town.name.trim() : "";
  const de = name ? `Kommune ${quote(name, "de")}` : `Kommune Nr. ${index + 1}`;
  const en = name ? `Town ${quote(name, "en")}` : `Town no. ${index + 1}`;
  if (field === undefined) return { de, en };
  return {
    de: `${de}, ${FIELD_LABELS[field].de}${actual ? " (Ist)" : ""}`,
    en: `${en}, ${FIELD_LABELS[field].en}${actual ? " (actual)" : ""}`,
  };
};

const itemLabel = (name: unknown, index: number): string =>
  typeof name === "string" && name.trim() !== "" ? name.trim() : `#${index + 1}`;

const itemSubject = (name: unknown, index: number, field?: FieldName): LocalizedText => {
  const label = typeof name === "string" && name.trim() !== "" ? name.trim() : undefined;
  const de = label ? `Posten ${quote(label, "de")}` : `Posten Nr. ${index + 1}`;
  const en = label ? `Item ${quote(label, "en")}` : `Item no. ${index + 1}`;
  return field === undefined
    ? { de, en }
    : { de: `${de}, ${FIELD_LABELS[field].de}`, en: `${en}, ${FIELD_LABELS[field].en}` };
};

const OVERHEAD_SUBJECT: LocalizedText = { de: "Verwaltungskostenpauschale", en: "Administrative overhead" };

const withField = (subject: LocalizedText, field: FieldName): LocalizedText => ({
  de: `${subject.de}, ${FIELD_LABELS[field].de}`,
  en: `${subject.en}, ${FIELD_LABELS[field].en}`,
});

const weightSubject = (subject: LocalizedText, part: string): LocalizedText => {
  const label = (MIXED_KEY_PARTS as readonly string[]).includes(part)
    ? KEY_LABELS[part as MixedKeyPart]
    : { de: part, en: part };
  return { de: `${subject.de}, Gewicht ${label.de}`, en: `${subject.en}, weight of ${label.en}` };
};

/** How the model's numbers came about. */
export interface ValidateCostModelOptions {
  /**
   * The model was typed into a workbook (ikz-kit reads it from the sheet). Then an overhead
   * percentage between 0 and 1 is refused as ambiguous (`overhead.percentFraction`): „5 %“ typed
   * into a percent-formatted cell stores 0.05, which as a percent number would be 0.05 %. The
   * workbook's own check („Probe der Pauschale“) refuses the same values.
   */
  readonly typedInSheet?: boolean;
  /** The language of the findings' texts (German unless said). */
  readonly language?: Language;
}

/** A value between 0 and 1 (exclusive): in a group of percent numbers, likely „35 %“ stored as 0.35. */
const isFraction = (value: unknown): value is number => typeof value === "number" && value > 0 && value < 1;

/**
 * Validates a cost model: amounts ≥ 0 with at most 2 decimals and at most 1 000 000 000,00 €;
 * key values ≥ 0 (population, cases, workplaces whole numbers; FTE shares and percentages with
 * at most 2 decimals); a key value the model needs but a town lacks (an error — a blank would
 * silently exempt the town; type 0 to exempt it); a key whose values are all 0 for an item;
 * fixed percentages and mixed-key weights that do not sum to exactly 100 % (1e-9 on the
 * percentage number, which with 2 decimals means the integer hundredths sum to 10 000);
 * duplicate town names (NFC, trimmed, case-insensitive); and the limits of exact arithmetic —
 * an error where the library's own integers would overflow, a warning where only the sheet's
 * formulas could deviate (`SHEET_EXACT_LIMIT`).
 *
 * @returns every issue found, errors and warnings — towns, items, overhead, then the keys' use,
 *   then the limits (checked only when there is no error) — or an empty array for a clean model.
 */
export function validateCostModel(model: CostModel, options: ValidateCostModelOptions = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const language = options.language ?? "de";
  const push = (
    severity: "error" | "warning",
    code: CostModelCode,
    path: string,
    params: CostModelParams = {},
  ): void => {
    issues.push(createFinding(COST_MODEL_FINDINGS, severity, code, language, { file: "", path }, params));
  };

  /** Checks one number; pushes at most one issue. */
  const checkNumber = (value: unknown, rule: NumberRule, place: Place): ValueState => {
    if (isBlank(value)) return "blank";
    const base = { subject: place.subject, ...(place.actual ? { actual: true } : {}) };
    if (typeof value !== "number" || !Number.isFinite(value)) {
      push("error", "costModel.value.notANumber", place.path, { ...base, text: String(value), found: value });
      return "invalid";
    }
    if (value < 0) {
      push("error", "costModel.value.negative", place.path, { ...base, value, found: value });
      return "invalid";
    }
    if (rule.integer && !Number.isInteger(toSpreadsheetPrecision(value))) {
      push("error", "costModel.value.notInteger", place.path, { ...base, value, found: value });
      return "invalid";
    }
    if (rule.maxDecimals !== undefined && countDecimals(value) > rule.maxDecimals) {
      push("error", "costModel.value.tooManyDecimals", place.path, {
        ...base,
        value,
        limit: rule.maxDecimals,
        found: value,
      });
      return "invalid";
    }
    if (rule.max !== undefined && value > rule.max) {
      if (rule.percent) push("error", "costModel.value.aboveHundred", place.path, { ...base, value });
      else push("error", "costModel.value.tooLarge", place.path, { ...base, value, limit: rule.max, found: value });
      return "invalid";
    }
    return "ok";
  };

  /** Checks mixed-key weights; returns true when they are usable (valid and summing to 100 %). */
  const checkMixedWeights = (weights: MixedWeights | undefined, path: string, subject: LocalizedText): boolean => {
    const entries = Object.entries(weights ?? {}).filter(([, value]) => !isBlank(value));
    if (entries.length === 0) {
      push("error", "costModel.mixed.weightsMissing", path, { subject });
      return false;
    }
    let usable = true;
    for (const [part, value] of entries) {
      if (!(MIXED_KEY_PARTS as readonly string[]).includes(part)) {
        push("error", "costModel.mixed.unknownPart", `${path}.${part}`, { subject, text: part, found: part });
        usable = false;
        continue;
      }
      if (checkNumber(value, PERCENT_RULE, { path: `${path}.${part}`, subject: weightSubject(subject, part) }) !== "ok")
        usable = false;
    }
    if (!usable) return false;
    const sum = mixedPartWeights(weights).reduce((total, weight) => total + weight, 0);
    if (sum !== HUNDRED_PERCENT) {
      push("error", "costModel.mixed.sumNot100", path, {
        subject,
        value: sum / PERCENT_SCALE,
      });
      // a weight typed as „35 %“ among percent numbers: name its cell too
      for (const [part, value] of entries) {
        if (!isFraction(value)) continue;
        push("error", "costModel.percent.fractionAmongPoints", `${path}.${part}`, {
          subject: weightSubject(subject, part),
          value,
        });
      }
      return false;
    }
    return true;
  };

  const towns: readonly Town[] = Array.isArray(model.towns) ? model.towns : [];
  const items: readonly CostItem[] = Array.isArray(model.items) ? model.items : [];

  // --- towns: names, hosts, key values ----------------------------------------------------------
  if (towns.length === 0) push("error", "costModel.towns.empty", "towns");
  const firstByName = new Map<string, number>();
  towns.forEach((town, index) => {
    const name = typeof town.name === "string" ? town.name : "";
    if (name.trim() === "") {
      push("error", "costModel.town.nameMissing", `towns[${index}].name`, { position: index + 1, found: town.name });
      return;
    }
    const normalized = normalizeTownName(name);
    const first = firstByName.get(normalized);
    if (first === undefined) firstByName.set(normalized, index);
    else {
      push("error", "costModel.town.duplicateName", `towns[${index}].name`, {
        text: name.trim(),
        position: index + 1,
        otherPosition: first + 1,
      });
    }
  });
  const hostCount = towns.filter((town) => town.isHost === true).length;
  if (hostCount > 1)
    push("warning", "costModel.town.multipleHosts", "towns[*].isHost", {
      count: hostCount,
    });

  const planState = towns.map((town, index) =>
    KEY_VALUE_FIELDS.map((field) =>
      checkNumber(town[field], FIELD_RULES[field], {
        path: `towns[${index}].${field}`,
        subject: townSubject(town, index, field),
      }),
    ),
  );
  const actualState = towns.map((town, index) =>
    KEY_VALUE_FIELDS.map((field) =>
      checkNumber(town.actual?.[field], FIELD_RULES[field], {
        path: `towns[${index}].actual.${field}`,
        subject: townSubject(town, index, field, true),
        actual: true,
      }),
    ),
  );
  const stateOf = (town: number, field: KeyValueField, scenario: Scenario): ValueState => {
    const fieldIndex = KEY_VALUE_FIELDS.indexOf(field);
    const plan = planState[town]?.[fieldIndex] ?? "blank";
    const actual = actualState[town]?.[fieldIndex] ?? "blank";
    return scenario === "plan" || actual === "blank" ? plan : actual;
  };

  // --- items --------------------------------------------------------------------------------------
  const uses: KeyUse[] = [];
  const addUses = (
    key: AllocationKey,
    mixedWeightsUsable: boolean,
    weights: MixedWeights | undefined,
    path: string,
    subject: LocalizedText,
    label: string,
    source: number,
  ): void => {
    if (key === "mixed") {
      if (!mixedWeightsUsable) return;
      const scaled = mixedPartWeights(weights);
      MIXED_KEY_PARTS.forEach((part, index) => {
        if ((scaled[index] ?? 0) > 0)
          uses.push({
            key: part,
            path: `${path}.mixedWeights.${part}`,
            subject: weightSubject(subject, part),
            label,
            source,
          });
      });
    } else
      uses.push({
        key,
        path: key === "flatFeePerCase" ? `${path}.flatFeePerCase` : `${path}.key`,
        subject,
        label,
        source,
      });
  };

  items.forEach((item, index) => {
    const path = `items[${index}]`;
    const subject = itemSubject(item.name, index);
    if (typeof item.name !== "string" || item.name.trim() === "") {
      push("warning", "costModel.item.nameMissing", `${path}.name`, { position: index + 1, found: item.name });
    }
    const keyKnown = (ALLOCATION_KEYS as readonly unknown[]).includes(item.key);
    if (!keyKnown)
      push("error", "costModel.key.unknown", `${path}.key`, { subject, text: String(item.key), found: item.key });

    if (item.key === "flatFeePerCase") {
      if (isBlank(item.flatFeePerCase))
        push("error", "costModel.item.feeMissing", `${path}.flatFeePerCase`, { subject });
      else
        checkNumber(item.flatFeePerCase, EURO_RULE, {
          path: `${path}.flatFeePerCase`,
          subject: itemSubject(item.name, index, "flatFeePerCase"),
        });
      for (const field of ["amount", "actualAmount"] as const) {
        const value = item[field];
        if (typeof value === "number" && Number.isFinite(value)) {
          push("warning", "costModel.item.amountIgnored", `${path}.${field}`, {
            subject,
            cents: toCents(value),
          });
        }
      }
    } else {
      if (isBlank(item.amount)) push("error", "costModel.item.amountMissing", `${path}.amount`, { subject });
      else
        checkNumber(item.amount, EURO_RULE, {
          path: `${path}.amount`,
          subject: itemSubject(item.name, index, "amount"),
        });
      checkNumber(item.actualAmount, EURO_RULE, {
        path: `${path}.actualAmount`,
        subject: itemSubject(item.name, index, "actualAmount"),
        actual: true,
      });
    }

    let mixedUsable = false;
    if (item.key === "mixed") mixedUsable = checkMixedWeights(item.mixedWeights, `${path}.mixedWeights`, subject);
    else if (keyKnown && Object.values(item.mixedWeights ?? {}).some((value) => !isBlank(value))) {
      push("warning", "costModel.mixed.weightsIgnored", `${path}.mixedWeights`, { subject, key: item.key });
    }
    if (keyKnown) addUses(item.key, mixedUsable, item.mixedWeights, path, subject, itemLabel(item.name, index), index);
  });

  // --- overhead -------------------------------------------------------------------------------------
  const { overhead } = model;
  if (overhead) {
    const percentPlace = { path: "overhead.percent", subject: withField(OVERHEAD_SUBJECT, "percent") };
    if (isBlank(overhead.percent))
      push("error", "costModel.value.missing", percentPlace.path, { subject: percentPlace.subject });
    else if (
      checkNumber(overhead.percent, PERCENT_RULE, percentPlace) === "ok" &&
      options.typedInSheet === true &&
      isFraction(overhead.percent)
    ) {
      push("error", "costModel.overhead.percentFraction", percentPlace.path, {
        subject: percentPlace.subject,
        value: overhead.percent,
      });
    }
    const keyKnown = (ALLOCATION_KEYS as readonly unknown[]).includes(overhead.key);
    if (!keyKnown) {
      push("error", "costModel.key.unknown", "overhead.key", {
        subject: OVERHEAD_SUBJECT,
        text: String(overhead.key),
        found: overhead.key,
      });
    } else if (overhead.key === "flatFeePerCase") {
      push("error", "costModel.overhead.keyNotAllowed", "overhead.key");
    } else {
      const usable =
        overhead.key === "mixed" && checkMixedWeights(overhead.mixedWeights, "overhead.mixedWeights", OVERHEAD_SUBJECT);
      addUses(overhead.key, usable, overhead.mixedWeights, "overhead", OVERHEAD_SUBJECT, OVERHEAD_SUBJECT.de, -1);
    }
  }

  // --- key values the uses need -------------------------------------------------------------------
  const fieldOfUse = (use: KeyUse): KeyValueField | undefined =>
    use.key === "equal" ? undefined : use.key === "flatFeePerCase" ? "cases" : use.key;
  const usedFields = KEY_VALUE_FIELDS.filter((field) => uses.some((use) => fieldOfUse(use) === field));
  for (const field of usedFields) {
    const fieldUses = uses.filter((use) => fieldOfUse(use) === field);
    const firstUse = fieldUses[0];
    const itemCount = new Set(fieldUses.map((use) => use.source)).size;
    towns.forEach((town, index) => {
      if (stateOf(index, field, "plan") !== "blank") return;
      push("error", "costModel.key.valueMissing", `towns[${index}].${field}`, {
        subject: townSubject(town, index, field),
        text: firstUse?.label ?? "",
        count: itemCount,
      });
    });
  }

  const withActuals = hasActuals(model);
  const scenarios: Scenario[] = withActuals ? ["plan", "actual"] : ["plan"];
  const actualGiven = (town: Town, field: KeyValueField): boolean => !isBlank(town.actual?.[field]);

  if (withActuals) {
    for (const field of usedFields) {
      const missing = towns.flatMap((town, index) =>
        actualGiven(town, field) ? [] : [displayTownName(town) || `#${index + 1}`],
      );
      if (missing.length === 0 || missing.length === towns.length) continue;
      const names = missing.join(", ");
      push("warning", "costModel.actual.incomplete", `towns[*].actual.${field}`, {
        subject: { de: FIELD_LABELS[field].de, en: FIELD_LABELS[field].en },
        text: names,
      });
    }
  }

  // --- all-zero keys and sums to 100 %, per scenario --------------------------------------------------
  for (const scenario of scenarios) {
    const actual = scenario === "actual";
    const fieldUsable = (field: KeyValueField): boolean =>
      towns.length > 0 &&
      towns.every((_, index) => stateOf(index, field, scenario) === "ok") &&
      // the actual computation repeats the plan's check unless some actual value differs
      (!actual || towns.some((town) => actualGiven(town, field)));
    for (const use of uses) {
      const field = fieldOfUse(use);
      if (field === undefined || field === "fixedPercent" || !fieldUsable(field)) continue;
      const weights =
        use.key === "flatFeePerCase"
          ? towns.map((town) => toScaledInteger(keyValueOf(town, "cases", scenario) ?? 0, 1))
          : singleKeyWeights(towns, use.key, scenario);
      if (weights.some((weight) => weight > 0)) continue;
      const params = { subject: use.subject, ...(actual ? { actual: true } : {}) };
      if (use.key === "flatFeePerCase") push("warning", "costModel.item.noCases", use.path, params);
      else push("error", "costModel.key.allZero", use.path, { ...params, key: use.key });
    }
    if (usedFields.includes("fixedPercent") && fieldUsable("fixedPercent")) {
      const scaled = singleKeyWeights(towns, "fixedPercent", scenario).reduce((total, weight) => total + weight, 0);
      if (scaled !== HUNDRED_PERCENT) {
        const value = scaled / PERCENT_SCALE;
        push(
          "error",
          "costModel.fixedPercent.sumNot100",
          actual ? "towns[*].actual.fixedPercent" : "towns[*].fixedPercent",
          {
            value,
            ...(actual ? { actual: true } : {}),
          },
        );
        // a share typed as „35 %“ among percent numbers (stored as 0.35): name its cell too
        if (!actual)
          towns.forEach((town, index) => {
            if (!isFraction(town.fixedPercent)) return;
            push("error", "costModel.percent.fractionAmongPoints", `towns[${index}].fixedPercent`, {
              subject: townSubject(town, index, "fixedPercent"),
              value: town.fixedPercent,
            });
          });
      }
    }
  }

  if (issues.some((issue) => issue.severity === "error")) return issues;

  // --- limits: the library's integers, then the sheet's exact range -------------------------------------
  const warnedSources = new Set<number | "overhead">();
  for (const scenario of scenarios) {
    const actual = scenario === "actual";
    const scenarioParams = actual ? { actual: true } : {};
    let sum = 0n;
    let overflow = false;
    for (const [index, item] of items.entries()) {
      if (item.key !== "flatFeePerCase") {
        sum += BigInt(itemAmountCents(item, scenario));
        continue;
      }
      const fee = BigInt(toCents(item.flatFeePerCase));
      const total = towns.reduce(
        (acc, town) => acc + fee * BigInt(toScaledInteger(keyValueOf(town, "cases", scenario) ?? 0, 1)),
        0n,
      );
      sum += total;
      if (total > BigInt(MAX_ITEM_CENTS)) {
        overflow = true;
        push("error", "costModel.limit.itemTooLarge", `items[${index}].flatFeePerCase`, {
          subject: itemSubject(item.name, index),
          cents: Number(total),
          limitCents: MAX_ITEM_CENTS,
          ...scenarioParams,
        });
      }
    }
    if (sum > BigInt(MAX_TOTAL_CENTS)) {
      overflow = true;
      push("error", "costModel.limit.totalTooLarge", "items", {
        cents: Number(sum),
        limitCents: MAX_TOTAL_CENTS,
        ...scenarioParams,
      });
    }
    // below the limits every share and sum is a safe integer, so the dry run below is exact
    if (overflow) return issues;

    const largest = new Map<number | "overhead", bigint>();
    computeMatrix(model, scenario, ({ source, product }) => {
      if (product > (largest.get(source) ?? 0n)) largest.set(source, product);
    });
    for (const [source, product] of largest) {
      if (product <= BigInt(SHEET_EXACT_LIMIT) || warnedSources.has(source)) continue;
      warnedSources.add(source);
      const path =
        source === "overhead"
          ? "overhead.percent"
          : `items[${source}].${actual && !isBlank(items[source]?.actualAmount) ? "actualAmount" : "amount"}`;
      const subject = source === "overhead" ? OVERHEAD_SUBJECT : itemSubject(items[source]?.name, source);
      push("warning", "costModel.limit.sheetPrecision", path, {
        subject,
        value: Number(product),
        ...scenarioParams,
      });
    }
  }
  return issues;
}

function displayTownName(town: Town): string {
  return typeof town.name === "string" ? town.name.trim() : "";
}
