/**
 * The visible proof under every allocation the pane shows: each item's (and the overhead's)
 * shares add up to exactly its amount. Computed from the result itself, not assumed.
 */
import type { Allocation, AllocationMatrix, ItemAllocation } from "../../lib/allocation/model.js";

export interface ItemCompleteness {
  readonly name: string;
  readonly amountCents: number;
  /** Σ of the towns' shares. */
  readonly sharesCents: number;
  readonly complete: boolean;
  readonly overhead: boolean;
  /** `actual`: a row of the recomputation with actual values (true-up). */
  readonly scenario: "plan" | "actual";
}

export interface CompletenessCheck {
  /** Every item and the overhead: Σ shares === amount. */
  readonly complete: boolean;
  readonly items: readonly ItemCompleteness[];
  /** Σ town totals === the grand total. */
  readonly totalsComplete: boolean;
}

const sumShares = (item: ItemAllocation): number => item.shares.reduce((sum, share) => sum + share.cents, 0);

const completeness = (item: ItemAllocation, overhead: boolean, scenario: "plan" | "actual"): ItemCompleteness => {
  const sharesCents = sumShares(item);
  return {
    name: item.name,
    amountCents: item.amountCents,
    sharesCents,
    complete: sharesCents === item.amountCents,
    overhead,
    scenario,
  };
};

/**
 * Checks that every item of an allocation is split completely: the sum of its shares equals its
 * amount to the cent, for every item and the overhead, and the town totals sum to the total — for
 * the plan and, when the allocation holds one, for the recomputation with actual values.
 *
 * @example checkCompleteness(allocateCosts(model)).complete // → true
 */
export function checkCompleteness(allocation: AllocationMatrix | Allocation): CompletenessCheck {
  const scenarios: [AllocationMatrix, "plan" | "actual"][] = [[allocation, "plan"]];
  if ("actual" in allocation && allocation.actual) scenarios.push([allocation.actual, "actual"]);
  const items = scenarios.flatMap(([matrix, scenario]) => [
    ...matrix.items.map((item) => completeness(item, false, scenario)),
    ...(matrix.overhead ? [completeness(matrix.overhead, true, scenario)] : []),
  ]);
  const totalsComplete = scenarios.every(
    ([matrix]) => matrix.totals.reduce((sum, total) => sum + total.cents, 0) === matrix.totalCents,
  );
  return { complete: totalsComplete && items.every((item) => item.complete), items, totalsComplete };
}
