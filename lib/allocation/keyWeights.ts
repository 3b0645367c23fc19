/**
 * From typed values to the integers the allocation splits by (§1 of the arithmetic in
 * `allocateCosts.ts`). Shared by `allocateCosts` and `validateCostModel`; these functions expect
 * values validation accepted and read a blank as 0.
 */
import {
  CENTS_PER_EURO,
  FTE_SCALE,
  KEY_VALUE_FIELDS,
  MIXED_KEY_PARTS,
  PERCENT_SCALE,
  type AllocationKey,
  type CostItem,
  type CostModel,
  type KeyValueField,
  type MixedKeyPart,
  type MixedWeights,
  type Town,
} from "./model.js";
import { toScaledInteger } from "./toScaledInteger.js";

/** The plan, or the year's actual values (each blank actual value falls back to the plan value). */
export type Scenario = "plan" | "actual";

/** A key that splits by one weight per town. */
export type SingleKey = Exclude<AllocationKey, "mixed" | "flatFeePerCase">;

/** The town field a key reads, or undefined for `equal`. */
export function fieldOfKey(key: SingleKey): KeyValueField | undefined {
  return key === "equal" ? undefined : key;
}

/** A town's key value in a scenario, as typed (blank = null or undefined). */
export function keyValueOf(town: Town, field: KeyValueField, scenario: Scenario): number | null | undefined {
  const plan = town[field];
  if (scenario === "plan") return plan;
  const actual = town.actual?.[field];
  return actual ?? plan;
}

/** True when the model holds any actual value, so that the allocation includes a true-up. */
export function hasActuals(model: CostModel): boolean {
  return (
    model.towns.some((town) =>
      KEY_VALUE_FIELDS.some((field) => town.actual?.[field] !== undefined && town.actual[field] !== null),
    ) || model.items.some((item) => item.actualAmount !== undefined && item.actualAmount !== null)
  );
}

/** The integer scale of a field: 1 for counts, 100 for FTE shares and percentages. */
export function scaleOfField(field: KeyValueField): number {
  return field === "fteShare" ? FTE_SCALE : field === "fixedPercent" ? PERCENT_SCALE : 1;
}

/** Integer weights of a single key: 1 each for `equal`, else `ROUND(value·scale, 0)` (blank → 0). */
export function singleKeyWeights(towns: readonly Town[], key: SingleKey, scenario: Scenario): number[] {
  const field = fieldOfKey(key);
  if (field === undefined) return towns.map(() => 1);
  const scale = scaleOfField(field);
  return towns.map((town) => toScaledInteger(keyValueOf(town, field, scenario) ?? 0, scale));
}

/** Mixed-key weights in hundredths of a percent, in the order of `MIXED_KEY_PARTS` (blank → 0). */
export function mixedPartWeights(weights: MixedWeights | undefined): number[] {
  return MIXED_KEY_PARTS.map((part: MixedKeyPart) => toScaledInteger(weights?.[part] ?? 0, PERCENT_SCALE));
}

/** Euros → cents, `ROUND(euros·100, 0)`; blank → 0. */
export function toCents(euros: number | null | undefined): number {
  return toScaledInteger(euros ?? 0, CENTS_PER_EURO);
}

/** The amount of a non-flat-fee item in a scenario, in cents (the actual amount falls back to the plan amount). */
export function itemAmountCents(item: CostItem, scenario: Scenario): number {
  return toCents(scenario === "actual" ? (item.actualAmount ?? item.amount) : item.amount);
}

/** A flat-fee item's share per town: fee in cents × cases (blank → 0). */
export function flatFeeShares(item: CostItem, towns: readonly Town[], scenario: Scenario): number[] {
  const fee = toCents(item.flatFeePerCase);
  return towns.map((town) => fee * toScaledInteger(keyValueOf(town, "cases", scenario) ?? 0, 1));
}

/**
 * The overhead in cents: `ROUND(S·p / 10 000, 0)` half away from zero with `p = ROUND(percent·100, 0)`,
 * computed exactly as `floor((2·S·p + 10 000) / 20 000)`.
 */
export function overheadCents(baseCents: number, percent: number): number {
  const p = BigInt(toScaledInteger(percent, PERCENT_SCALE));
  const scale = BigInt(100 * PERCENT_SCALE);
  return Number((2n * BigInt(baseCents) * p + scale) / (2n * scale));
}
