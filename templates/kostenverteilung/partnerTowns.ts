/**
 * A cost model for the partner towns a user names (`ikz template kostenverteilung --towns …`):
 * the names only, or the illustrative demo items with illustrative key values for those towns.
 */
import { splitByLargestRemainder } from "../../lib/allocation/largestRemainder.js";
import type { CostModel, Town } from "../../lib/allocation/model.js";
import { DEMO_COST_MODEL } from "./plan.js";

export interface TownModelOptions {
  /** Pre-fill the demo items and illustrative key values; otherwise the names only. */
  readonly demo: boolean;
}

/** 100 % in hundredths of a percent. */
const HUNDRED_PERCENT_HUNDREDTHS = 10_000;

/** The key values a town gets by position (the fixed percentage is computed for the whole list). */
type CountField = "population" | "cases" | "workplaces" | "fteShare";

type IllustrativeValues = Pick<Town, CountField | "actual" | "isHost">;

/** `value` scaled by `factor`: whole numbers (population in tens), FTE shares in quarters; at least the smallest step. */
function scaled(field: CountField, value: number, factor: number): number {
  switch (field) {
    case "population":
      return Math.max(10, Math.round((value * factor) / 10) * 10);
    case "fteShare":
      return Math.max(1, Math.round(value * factor * 4)) / 4;
    default:
      return Math.max(1, Math.round(value * factor));
  }
}

/**
 * Illustrative key values of the town at `index` (0-based), plan and actual: the demo towns' values
 * for the first ones, then those of the demo town at `index mod n` scaled by a factor between 0.6
 * and 1.4 that depends on the index only (each derived plan value above 0, so no key is all zero).
 */
function illustrativeValues(index: number): IllustrativeValues {
  const demoTowns = DEMO_COST_MODEL.towns;
  const base = demoTowns[index % demoTowns.length];
  if (base === undefined) throw new Error("the demo cost model has no towns");
  if (index < demoTowns.length) {
    const { population, cases, workplaces, fteShare, actual, isHost } = base;
    return { population, cases, workplaces, fteShare, ...(actual ? { actual } : {}), ...(isHost ? { isHost } : {}) };
  }
  const factor = 0.6 + ((index * 7) % 9) / 10;
  const derive = (field: CountField, value: number | null | undefined): number | undefined =>
    value === null || value === undefined ? undefined : scaled(field, value, factor);
  const actual: Record<CountField, number | undefined> = {
    population: derive("population", base.actual?.population),
    cases: derive("cases", base.actual?.cases),
    workplaces: derive("workplaces", base.actual?.workplaces),
    fteShare: derive("fteShare", base.actual?.fteShare),
  };
  const hasActual = Object.values(actual).some((value) => value !== undefined);
  return {
    population: scaled("population", base.population ?? 1, factor),
    cases: scaled("cases", base.cases ?? 1, factor),
    workplaces: scaled("workplaces", base.workplaces ?? 1, factor),
    fteShare: scaled("fteShare", base.fteShare ?? 1, factor),
    ...(hasActual ? { actual } : {}),
  };
}

/**
 * The cost model for these towns, in their order.
 *
 * - `demo: false`: the towns with their names only (key values blank) and no items.
 * - `demo: true`: the demo items and overhead (`DEMO_COST_MODEL`) and illustrative key values, plan
 *   and actual: the demo towns' values by position for the first four, derived values for further
 *   towns (see `illustrativeValues`); the host town by position, as in the demo. Fixed percentages
 *   are 100 % split by population with the largest-remainder method on hundredths of a percent,
 *   so they have two decimals and sum to exactly 100.
 *
 * Names are taken as given (`parseTownList` trims them and refuses duplicates).
 *
 * @throws RangeError for an empty list (a programmer error: `parseTownList` refuses it).
 * @example costModelForTowns(["Aue", "Eibenstock"], { demo: false }) // → { towns: [{ name: "Aue" }, { name: "Eibenstock" }], items: [] }
 */
export function costModelForTowns(names: readonly string[], options: TownModelOptions): CostModel {
  if (names.length === 0) throw new RangeError("at least one town is needed");
  if (!options.demo) return { towns: names.map((name) => ({ name })), items: [] };
  const values = names.map((_, index) => illustrativeValues(index));
  const percents = splitByLargestRemainder(
    HUNDRED_PERCENT_HUNDREDTHS,
    values.map((v) => Math.round(v.population ?? 0)),
  );
  const towns: Town[] = names.map((name, index) => ({
    name,
    ...values[index],
    fixedPercent: (percents[index] ?? 0) / 100,
  }));
  const { items, overhead } = DEMO_COST_MODEL;
  return { towns, items, ...(overhead === undefined ? {} : { overhead }) };
}
