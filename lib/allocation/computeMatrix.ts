/**
 * The allocation matrix of one scenario (plan or actual), by the rules in `allocateCosts.ts`.
 * Internal: expects a model `validateCostModel` accepted.
 */
import { splitByLargestRemainder } from "./largestRemainder.js";
import {
  MIXED_KEY_PARTS,
  PERCENT_SCALE,
  type AllocationKey,
  type AllocationMatrix,
  type CostModel,
  type ItemAllocation,
  type KeyPartAllocation,
  type MixedWeights,
  type OverheadAllocation,
  type TownCents,
} from "./model.js";
import {
  flatFeeShares,
  itemAmountCents,
  mixedPartWeights,
  overheadCents,
  singleKeyWeights,
  type Scenario,
} from "./keyWeights.js";
import { toScaledInteger } from "./toScaledInteger.js";

/** Default label of the overhead row. */
export const DEFAULT_OVERHEAD_NAME = "Verwaltungskostenpauschale";

/**
 * One integer product the sheet must compute exactly: `A·W` of a split, or `S·p` of the overhead.
 * `source` is the item's index or `"overhead"`.
 */
export interface ProductObservation {
  readonly source: number | "overhead";
  readonly product: bigint;
}

/** A town's name as results show it: trimmed. */
export function displayName(name: string): string {
  return typeof name === "string" ? name.trim() : "";
}

export function computeMatrix(
  model: CostModel,
  scenario: Scenario,
  observe: (observation: ProductObservation) => void = () => undefined,
): AllocationMatrix {
  const { towns } = model;
  const names = towns.map((town) => displayName(town.name));
  const asShares = (cents: readonly number[]): TownCents[] =>
    names.map((town, index) => ({ town, cents: cents[index] ?? 0 }));
  const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

  /** Splits `amount` by `weights`, reporting the product A·W. */
  const split = (amount: number, weights: readonly number[], source: number | "overhead"): number[] => {
    observe({ source, product: BigInt(amount) * BigInt(sum(weights)) });
    return splitByLargestRemainder(amount, weights);
  };

  const splitByKey = (
    amount: number,
    key: Exclude<AllocationKey, "flatFeePerCase">,
    mixedWeights: MixedWeights | undefined,
    source: number | "overhead",
  ): { cents: number[]; parts?: KeyPartAllocation[] } => {
    if (key !== "mixed") return { cents: split(amount, singleKeyWeights(towns, key, scenario), source) };
    const partAmounts = split(amount, mixedPartWeights(mixedWeights), source);
    const cents = towns.map(() => 0);
    const parts: KeyPartAllocation[] = [];
    MIXED_KEY_PARTS.forEach((part, index) => {
      const weightPercent = mixedWeights?.[part] ?? 0;
      if (toScaledInteger(weightPercent, PERCENT_SCALE) === 0) return;
      const partAmount = partAmounts[index] ?? 0;
      const partCents = split(partAmount, singleKeyWeights(towns, part, scenario), source);
      partCents.forEach((value, town) => (cents[town] = (cents[town] ?? 0) + value));
      parts.push({ key: part, weightPercent, amountCents: partAmount, shares: asShares(partCents) });
    });
    return { cents, parts };
  };

  const items: ItemAllocation[] = model.items.map((item, index) => {
    if (item.key === "flatFeePerCase") {
      const cents = flatFeeShares(item, towns, scenario);
      return { name: item.name, key: item.key, amountCents: sum(cents), shares: asShares(cents) };
    }
    const amountCents = itemAmountCents(item, scenario);
    const { cents, parts } = splitByKey(amountCents, item.key, item.mixedWeights, index);
    return { name: item.name, key: item.key, amountCents, shares: asShares(cents), ...(parts ? { parts } : {}) };
  });

  const baseCents = sum(items.map((item) => item.amountCents));
  let overhead: OverheadAllocation | undefined;
  const { overhead: overheadSpec } = model;
  if (overheadSpec && overheadSpec.key !== "flatFeePerCase") {
    observe({
      source: "overhead",
      product: BigInt(baseCents) * BigInt(toScaledInteger(overheadSpec.percent, PERCENT_SCALE)),
    });
    const amountCents = overheadCents(baseCents, overheadSpec.percent);
    const { cents, parts } = splitByKey(amountCents, overheadSpec.key, overheadSpec.mixedWeights, "overhead");
    overhead = {
      name: overheadSpec.name ?? DEFAULT_OVERHEAD_NAME,
      key: overheadSpec.key,
      percent: overheadSpec.percent,
      baseCents,
      amountCents,
      shares: asShares(cents),
      ...(parts ? { parts } : {}),
    };
  }

  const townCents = names.map(
    (_, town) => sum(items.map((item) => item.shares[town]?.cents ?? 0)) + (overhead?.shares[town]?.cents ?? 0),
  );
  const totalCents = sum(townCents);
  const totals = names.map((town, index) => {
    const cents = townCents[index] ?? 0;
    return { town, cents, shareOfTotal: totalCents === 0 ? 0 : cents / totalCents };
  });
  return { items, ...(overhead ? { overhead } : {}), totals, totalCents };
}
