import {
  DIMENSION_KEYS,
  OBLIGATION_WEIGHTS,
  type DimensionKey,
  type GapFlag,
  type RequirementStatus,
  type WorkplaceProfile,
  type WorkplaceRequirement,
} from "./model.js";

/**
 * How far a town fulfils a set of requirements, weighted by obligation (Muss 3, Soll 2, Kann 1):
 * `value = points / assessedWeight`, where `points = Σ weight of fulfilled + 0.5 · Σ weight of
 * partly fulfilled` and `assessedWeight = Σ weight of every assessed requirement`. A requirement
 * without a status is not assessed and left out of both sums; `value` is `null` when nothing is
 * assessed. The sheet computes exactly this with
 * `(SUMIFS(w,…,1) + 0.5*SUMIFS(w,…,0.5)) / SUMIFS(w,…,">=0")` — sums of small whole numbers and
 * halves, so both engines are exact up to the one division.
 */
export interface Fulfilment {
  /** Σ weight of fulfilled requirements. */
  readonly fulfilledWeight: number;
  /** Σ weight of partly fulfilled requirements. */
  readonly partlyWeight: number;
  /** Σ weight of every assessed requirement (fulfilled, partly or not fulfilled). */
  readonly assessedWeight: number;
  /** `fulfilledWeight + 0.5 · partlyWeight`. */
  readonly points: number;
  /** `points / assessedWeight`, 0 … 1; `null` when no requirement is assessed. */
  readonly value: number | null;
}

/** One town's results: fulfilment per dimension and overall, gaps and open Muss requirements. */
export interface TownFulfilment {
  readonly town: string;
  readonly byDimension: Readonly<Record<DimensionKey, Fulfilment>>;
  /** Over every requirement of every dimension (the same weighting, not a mean of dimensions). */
  readonly overall: Fulfilment;
  /** Muss requirements assessed as not or only partly fulfilled, per dimension. */
  readonly gaps: Readonly<Record<DimensionKey, number>>;
  /** Muss requirements not assessed yet, per dimension. */
  readonly open: Readonly<Record<DimensionKey, number>>;
  readonly gapTotal: number;
  readonly openTotal: number;
  /** Requirements (any obligation) without a status. */
  readonly notAssessed: number;
}

/** The gap flag of a requirement for a status (see {@link GapFlag}); `null` = no flag. */
export function gapFlag(
  requirement: Pick<WorkplaceRequirement, "obligation">,
  status: RequirementStatus | null,
): GapFlag | null {
  if (requirement.obligation !== "must") return null;
  if (status === null) return "open";
  return status === "fulfilled" ? null : "gap";
}

/** The fulfilment of requirements with these statuses (see {@link Fulfilment}). */
export function fulfilmentOf(
  items: readonly {
    readonly requirement: Pick<WorkplaceRequirement, "obligation">;
    readonly status: RequirementStatus | null;
  }[],
): Fulfilment {
  let fulfilledWeight = 0;
  let partlyWeight = 0;
  let assessedWeight = 0;
  for (const { requirement, status } of items) {
    if (status === null) continue;
    const weight = OBLIGATION_WEIGHTS[requirement.obligation];
    assessedWeight += weight;
    if (status === "fulfilled") fulfilledWeight += weight;
    else if (status === "partly") partlyWeight += weight;
  }
  const points = fulfilledWeight + 0.5 * partlyWeight;
  return {
    fulfilledWeight,
    partlyWeight,
    assessedWeight,
    points,
    value: assessedWeight === 0 ? null : points / assessedWeight,
  };
}

function perDimension<T>(make: (dimension: DimensionKey) => T): Record<DimensionKey, T> {
  return Object.fromEntries(DIMENSION_KEYS.map((dimension) => [dimension, make(dimension)])) as Record<DimensionKey, T>;
}

/**
 * Fulfilment, gaps and open Muss requirements of every town of a profile, in the order of
 * `profile.towns`.
 *
 * @example
 * // one Muss fulfilled, one Kann not: (3·1 + 1·0) / (3 + 1) = 0.75
 * computeFulfilment({ towns: ["Bockau"], requirements: [muss("fulfilled"), kann("notFulfilled")] })[0].overall.value // → 0.75
 */
export function computeFulfilment(profile: WorkplaceProfile): TownFulfilment[] {
  return profile.towns.map((town, index) => {
    const items = profile.requirements.map((requirement) => ({
      requirement,
      status: requirement.statuses[index] ?? null,
    }));
    const inDimension = (dimension: DimensionKey) => items.filter((item) => item.requirement.dimension === dimension);
    const flagCount = (dimension: DimensionKey, flag: GapFlag) =>
      inDimension(dimension).filter((item) => gapFlag(item.requirement, item.status) === flag).length;
    const gaps = perDimension((dimension) => flagCount(dimension, "gap"));
    const open = perDimension((dimension) => flagCount(dimension, "open"));
    return {
      town,
      byDimension: perDimension((dimension) => fulfilmentOf(inDimension(dimension))),
      overall: fulfilmentOf(items),
      gaps,
      open,
      gapTotal: DIMENSION_KEYS.reduce((sum, dimension) => sum + gaps[dimension], 0),
      openTotal: DIMENSION_KEYS.reduce((sum, dimension) => sum + open[dimension], 0),
      notAssessed: items.filter((item) => item.status === null).length,
    };
  });
}
