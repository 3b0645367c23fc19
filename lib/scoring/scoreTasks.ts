import { roundHalfAwayFromZero } from "../numbers/roundHalfAwayFromZero.js";

/** A criterion as the score uses it: its key, weight, and how its values are normalised. */
export interface WeightedCriterion {
  readonly key: string;
  readonly kind: "measured" | "rated";
  readonly weight: number;
}

export interface ClassThresholds {
  /** Score from which a task is class A. */
  readonly classA: number;
  /** Score from which a task is class B (below: C). */
  readonly classB: number;
}

export type PriorityClass = "A" | "B" | "C";

/** Lowest and highest class threshold (scores are 0–100 points). */
export const CLASS_THRESHOLD_RANGE = { min: 0, max: 100 } as const;

/** Why a class threshold cannot be used; see {@link thresholdProblem}. */
export type ThresholdProblem = "notANumber" | "outOfRange" | "percent";

/**
 * Checks one class threshold. A threshold is a number of points from 0 to 100. A value strictly
 * between 0 and 1 is refused as `percent`: it is how a spreadsheet stores „66 %“ (0.66), and a
 * threshold of 0.66 points is never meant — the user types 66. Sheet and library apply the same
 * rule (the task catalogue's class formula shows „✗“ instead of a class), so neither reads
 * „66 %“ as 0.66 points. A threshold typed as „100 %“ is stored as 1 and reads as 1 point.
 *
 * @returns null for a usable threshold.
 * @example thresholdProblem(0.66) // "percent"
 */
export function thresholdProblem(value: unknown): ThresholdProblem | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "notANumber";
  if (value < CLASS_THRESHOLD_RANGE.min || value > CLASS_THRESHOLD_RANGE.max) return "outOfRange";
  if (value > 0 && value < 1) return "percent";
  return null;
}

/** A task's criterion values by criterion key; missing or null counts as 0. */
export interface CriterionValues {
  readonly values: Readonly<Record<string, number | null | undefined>>;
}

export interface TaskPriority {
  /** 0–100, rounded to 9 decimals exactly as the sheet's formula does. */
  readonly score: number;
  /** 1 = highest; equal scores share a rank (1, 2, 2, 4). */
  readonly rank: number;
  readonly class: PriorityClass;
}

/** Decimals the score is rounded to, in the sheet and here. */
export const SCORE_DECIMALS = 9;

/**
 * Scores one town's tasks (measure 1.1): each criterion value divided by its reference — the
 * town's largest value for measured criteria (0 when that is 0), `ratingMax` for ratings —
 * weighted, summed in criteria order, scaled to 0–100: `100 · Σ wᵢ·sᵢ / Σ wᵢ`. The operations
 * run in the same order as the sheet formula so both give the same floating-point result.
 *
 * @returns the tasks in input order with score, rank and class; an empty array for no tasks.
 * @throws RangeError when every weight is 0 (validation reports that to users first).
 */
export function scoreTasks<T extends CriterionValues>(
  tasks: readonly T[],
  criteria: readonly WeightedCriterion[],
  thresholds: ClassThresholds,
  ratingMax = 3,
): (T & TaskPriority)[] {
  let weightSum = 0;
  criteria.forEach((c, index) => {
    weightSum = index === 0 ? c.weight : weightSum + c.weight;
  });
  if (!(weightSum > 0)) throw new RangeError("the weights sum to 0");
  const references = criteria.map((c) =>
    c.kind === "rated" ? ratingMax : tasks.reduce((max, t) => Math.max(max, t.values[c.key] ?? 0), 0),
  );
  const scores = tasks.map((task) => {
    let sum = 0;
    criteria.forEach((c, index) => {
      const reference = references[index] ?? 0;
      const share = reference === 0 ? 0 : (task.values[c.key] ?? 0) / reference;
      const term = c.weight * share;
      sum = index === 0 ? term : sum + term;
    });
    return roundHalfAwayFromZero((100 * sum) / weightSum, SCORE_DECIMALS);
  });
  const firstPlace = new Map<number, number>();
  [...scores]
    .sort((a, b) => b - a)
    .forEach((score, index) => {
      if (!firstPlace.has(score)) firstPlace.set(score, index + 1);
    });
  return tasks.map((task, index) => {
    const score = scores[index] ?? 0;
    const rank = firstPlace.get(score) ?? 1;
    return { ...task, score, rank, class: classify(score, thresholds) };
  });
}

/** Class A/B/C of a score. */
export function classify(score: number, thresholds: ClassThresholds): PriorityClass {
  return score >= thresholds.classA ? "A" : score >= thresholds.classB ? "B" : "C";
}
