/**
 * Random valid cost models for the parity tests: every key, mixed weights with ties, flat fees,
 * overheads, actual values, percentages typed as fractions, zeros and tied key values — within the
 * sheet's exact range (A·W ≤ 10¹⁴), so LibreOffice must agree to the cent.
 */
import type {
  AllocationKey,
  CostItem,
  CostModel,
  MixedKeyPart,
  MixedWeights,
  Overhead,
  Town,
} from "../../lib/allocation/model.js";
import { splitByLargestRemainder } from "../../lib/allocation/largestRemainder.js";
import { seededRandom } from "../../lib/numbers/seededRandom.js";

const COUNT_FIELDS = ["population", "cases", "workplaces", "fteShare"] as const;
const ALL_KEYS: readonly AllocationKey[] = [
  "equal",
  "population",
  "cases",
  "workplaces",
  "fteShare",
  "fixedPercent",
  "mixed",
  "flatFeePerCase",
];
const MIX_PARTS: readonly MixedKeyPart[] = ["equal", "population", "cases", "workplaces", "fteShare"];

/** Mixed weights in percent, many of them with tied parts. */
const MIXES: readonly MixedWeights[] = [
  { equal: 30, population: 70 },
  { equal: 50, cases: 50 },
  { equal: 33.33, population: 33.33, cases: 33.34 },
  { equal: 20, population: 20, cases: 20, workplaces: 20, fteShare: 20 },
  { population: 60, workplaces: 25, fteShare: 15 },
  { equal: 12.5, population: 87.5 },
  { cases: 100 },
  { equal: 0.01, population: 99.99 },
];

export interface RandomCostModel {
  /** The model as the library reads it (percent points). */
  readonly model: CostModel;
  /** The same model as written into the workbook: fixed percentages maybe typed as fractions. */
  readonly typed: CostModel;
  readonly spare: { readonly towns: number; readonly items: number };
}

export function randomCostModel(seed: string, index: number): RandomCostModel {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const int = (max: number): number => Math.floor(random() * (max + 1));
  const chance = (p: number): boolean => random() < p;

  const large = index % 60 === 7;
  const townCount = large ? 50 : 1 + int(index % 4 === 0 ? 11 : 5);
  const itemCount = large ? 4 : 1 + int(6);
  const coarse = chance(0.5);
  const maxPopulation = large ? 20_000 : 60_000;
  const maxEuros = large ? 100_000 : 1_000_000;

  const value = (field: (typeof COUNT_FIELDS)[number]): number => {
    if (chance(0.12)) return 0;
    switch (field) {
      case "population":
        return coarse ? pick([1000, 2500, 2500, maxPopulation]) : int(maxPopulation);
      case "cases":
        return coarse ? pick([1, 10, 10, 333]) : int(5000);
      case "workplaces":
        return coarse ? pick([3, 3, 7]) : int(300);
      case "fteShare":
        return coarse ? pick([0.5, 0.5, 1.25]) : int(500) / 100;
    }
  };
  const anchor = int(townCount - 1);
  const keyValues = (index: number): Record<(typeof COUNT_FIELDS)[number], number> => {
    const values = {
      population: value("population"),
      cases: value("cases"),
      workplaces: value("workplaces"),
      fteShare: value("fteShare"),
    };
    // One town has every value ≥ 1, so no key is all zero.
    if (index === anchor) for (const field of COUNT_FIELDS) values[field] = Math.max(1, values[field]);
    return values;
  };

  // Fixed percentages: hundredths summing to 10 000 (ties through coarse weights), sometimes typed as fractions.
  const fixedWeights: number[] = Array.from({ length: townCount }, () => (coarse ? pick([0, 1, 1, 2]) : int(100)));
  if (!fixedWeights.some((w) => w > 0)) fixedWeights[anchor] = 1;
  const fixed = splitByLargestRemainder(10_000, fixedWeights);
  const asFractions = chance(0.25);

  const withActuals = chance(0.45);
  const towns: Town[] = Array.from({ length: townCount }, (_, t) => {
    const name =
      t === 1 && chance(0.2)
        ? "=1+1 Gemeinde"
        : t === 2 && chance(0.3)
          ? `Gemeinde Ölsnitz ${t + 1}`
          : `Kommune ${seed} ${t + 1}`;
    const town: Town = {
      name,
      ...keyValues(t),
      fixedPercent: (fixed[t] ?? 0) / 100,
      ...(t === 0 ? { isHost: true } : {}),
    };
    if (!withActuals || chance(0.3)) return town;
    const actual: Record<string, number> = {};
    for (const field of COUNT_FIELDS) if (chance(0.5)) actual[field] = value(field);
    if (t === anchor) for (const field of COUNT_FIELDS) if (actual[field] === 0) actual[field] = 1;
    return Object.keys(actual).length > 0 ? { ...town, actual } : town;
  });

  const amount = (): number => {
    if (chance(0.08)) return 0;
    if (chance(0.1)) return pick([0.01, 0.02, 0.03, 99.99]);
    return coarse
      ? pick([0.05, 1, 3, 10, 100, 1234.56])
      : Math.min(maxEuros, Math.floor(random() * 10 ** (1 + int(8))) / 100);
  };
  const mixed = (): MixedWeights => {
    const weights = pick(MIXES);
    // No part may weigh more than 0 on a key whose values are all 0 — the anchor town prevents that.
    return MIX_PARTS.reduce<Record<string, number>>((out, part) => {
      const weight = weights[part];
      if (weight !== undefined && weight !== null) out[part] = weight;
      return out;
    }, {});
  };
  const items: CostItem[] = Array.from({ length: itemCount }, (_, i) => {
    const key = ALL_KEYS[(index + i) % ALL_KEYS.length] ?? "equal";
    const name = `Position ${i + 1}`;
    const actualAmount = withActuals && chance(0.4) ? { actualAmount: amount() } : {};
    if (key === "flatFeePerCase")
      return { name, key, flatFeePerCase: coarse ? pick([0.01, 12.5, 45.5]) : int(10_000) / 100 };
    if (key === "mixed") return { name, key, amount: amount(), mixedWeights: mixed(), ...actualAmount };
    return { name, key, amount: amount(), ...actualAmount };
  });

  let overhead: Overhead | undefined;
  if (chance(0.5)) {
    const key = pick<AllocationKey>(["equal", "population", "cases", "fixedPercent", "mixed", "mixed"]);
    overhead = {
      name: chance(0.5) ? "Verwaltungskostenpauschale" : `Gemeinkosten ${index}`,
      percent: pick([0, 2.5, 5, 7.77, 12.34, 100]),
      key,
      ...(key === "mixed" ? { mixedWeights: mixed() } : {}),
    };
  }
  const spare = { towns: int(2), items: int(2) };
  const model: CostModel = { towns, items, ...(overhead ? { overhead } : {}) };
  const typedTowns = asFractions
    ? towns.map((town, t) => ({ ...town, fixedPercent: (fixed[t] ?? 0) / 10_000 }))
    : towns;
  return { model, typed: { ...model, towns: typedTowns }, spare };
}
