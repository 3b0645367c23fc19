import { roundHalfAwayFromZero } from "../numbers/roundHalfAwayFromZero.js";
import type { Criticality, LifecycleStage, ServiceStatus } from "./model.js";

/**
 * Points of the priority score (0–100): how urgently a service should be looked at for
 * consolidation. They add up to 100; the sheet and `priorityScore` use exactly these.
 * - `status`: the town already plans to replace or consolidate the service;
 * - `window`: its contract ends before the window closes (or has ended), so it can be changed
 *   without a penalty;
 * - `endOfSupport`: the vendor's support is ending (lifecycle stage);
 * - `criticality`: high counts fully, medium half, low not;
 * - `cost`: its annual cost relative to the town's most expensive service.
 */
export const PRIORITY_POINTS = { status: 30, window: 25, endOfSupport: 15, criticality: 15, cost: 15 } as const;

/** The share of the criticality points each level gets. */
export const CRITICALITY_FACTOR: Readonly<Record<Criticality, number>> = { low: 0, medium: 0.5, high: 1 };

/** Statuses that earn the status points. */
export const ACTION_STATUSES: readonly ServiceStatus[] = ["replace", "consolidate"];

/** Decimals the score is rounded to, in the sheet and here (docs/decisions/0002). */
export const PRIORITY_DECIMALS = 9;

export interface PriorityInputs {
  readonly status: ServiceStatus | null;
  readonly criticality: Criticality | null;
  readonly lifecycle: LifecycleStage | null;
  readonly monthsToEnd: number | null;
  readonly windowMonths: number;
  readonly annualCost: number | null;
  /** The largest annual cost of the town's services (0 when none has one). */
  readonly maxAnnualCost: number;
}

/**
 * The priority score of a service:
 * `ROUND(30·S + 25·W + 15·L + 15·K + 15·C, 9)` with S = 1 for status replace/consolidate,
 * W = 1 when fewer full months than the window remain to the contract end (also when it has
 * passed), L = 1 for lifecycle „end of support“, K = 0 / 0.5 / 1 for criticality low / medium /
 * high, C = annual cost ÷ the town's largest annual cost (0 when that is 0). Empty cells count 0.
 * Added left to right, as the sheet does, then rounded half away from zero.
 *
 * @example priorityScore({ status: "replace", criticality: "high", lifecycle: "inOperation",
 *   monthsToEnd: 10, windowMonths: 24, annualCost: 5000, maxAnnualCost: 10000 }) === 77.5
 */
export function priorityScore(inputs: PriorityInputs): number {
  const status = inputs.status !== null && ACTION_STATUSES.includes(inputs.status) ? 1 : 0;
  const window = inputs.monthsToEnd !== null && inputs.monthsToEnd < inputs.windowMonths ? 1 : 0;
  const endOfSupport = inputs.lifecycle === "endOfSupport" ? 1 : 0;
  const criticality = inputs.criticality === null ? 0 : CRITICALITY_FACTOR[inputs.criticality];
  const cost = inputs.maxAnnualCost === 0 ? 0 : (inputs.annualCost ?? 0) / inputs.maxAnnualCost;
  const points =
    PRIORITY_POINTS.status * status +
    PRIORITY_POINTS.window * window +
    PRIORITY_POINTS.endOfSupport * endOfSupport +
    PRIORITY_POINTS.criticality * criticality +
    PRIORITY_POINTS.cost * cost;
  return roundHalfAwayFromZero(points, PRIORITY_DECIMALS);
}
