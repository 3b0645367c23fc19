/**
 * The cost model of a joint service (Kostenmodell, template 5 „Kostenverteilung“) and the
 * allocation computed from it. Plain data in, plain data out: amounts are typed as users type
 * them (euros with cents, percentages as percent numbers such as `30` for 30 %); results are
 * integer cents. The arithmetic is specified in `allocateCosts.ts`.
 */

/** Verteilungsschlüssel: how one cost item is split between the towns. */
export type AllocationKey =
  "equal" | "population" | "cases" | "workplaces" | "fteShare" | "fixedPercent" | "mixed" | "flatFeePerCase";

/** Every key, in the order lists show them. */
export const ALLOCATION_KEYS: readonly AllocationKey[] = [
  "equal",
  "population",
  "cases",
  "workplaces",
  "fteShare",
  "fixedPercent",
  "mixed",
  "flatFeePerCase",
];

/** The keys a mixed key (Mischschlüssel) combines. */
export type MixedKeyPart = "equal" | "population" | "cases" | "workplaces" | "fteShare";

/**
 * The parts of a mixed key in their fixed order. The order matters: it is the tie order when
 * the item's amount is split into parts (a tie goes to the part listed first).
 */
export const MIXED_KEY_PARTS: readonly MixedKeyPart[] = ["equal", "population", "cases", "workplaces", "fteShare"];

/** Weights of a mixed key in percent (e.g. `{ equal: 30, population: 70 }`); they sum to 100. */
export type MixedWeights = Readonly<Partial<Record<MixedKeyPart, number | null | undefined>>>;

/** A key value a town carries: the columns of the towns sheet. */
export type KeyValueField = "population" | "cases" | "workplaces" | "fteShare" | "fixedPercent";

export const KEY_VALUE_FIELDS: readonly KeyValueField[] = [
  "population",
  "cases",
  "workplaces",
  "fteShare",
  "fixedPercent",
];

/**
 * A town's key values. A blank cell is `null` or absent. Whole numbers: population, cases,
 * workplaces. Up to two decimals: FTE share (VZÄ) and fixed percentage (percent number, `30` = 30 %).
 */
export interface TownKeyValues {
  /** Einwohner. */
  readonly population?: number | null | undefined;
  /** Fallzahlen per year. */
  readonly cases?: number | null | undefined;
  /** Arbeitsplätze. */
  readonly workplaces?: number | null | undefined;
  /** Stellenanteile in full-time equivalents (VZÄ), e.g. `1.25`. */
  readonly fteShare?: number | null | undefined;
  /** Festanteil in percent (`30` = 30 %); the towns' values sum to 100. */
  readonly fixedPercent?: number | null | undefined;
}

/** A partner town (Kommune) with its plan key values and, for the year-end true-up, its actual ones. */
export interface Town extends TownKeyValues {
  readonly name: string;
  /** Sitzgemeinde: the town that hosts the joint unit. Informational; it does not change the split. */
  readonly isHost?: boolean | undefined;
  /**
   * Stichtag of the population, an ISO calendar date (`2025-12-31`). Informational: the workbook
   * shows it beside the population; it does not change the split.
   */
  readonly populationDate?: string | undefined;
  /**
   * Actual key values of the year (Ist-Werte) for the true-up (Spitzabrechnung). A value left blank
   * here falls back to the plan value above.
   */
  readonly actual?: TownKeyValues | undefined;
}

/** One cost item (Kostenposition): one row of the cost sheet. */
export interface CostItem {
  /** Description, e.g. „Personalkosten Vergabestelle“. */
  readonly name: string;
  readonly key: AllocationKey;
  /** Planned annual amount in € (≥ 0, at most 2 decimals). Required unless the key is `flatFeePerCase`. */
  readonly amount?: number | null | undefined;
  /** Actual annual amount in € for the true-up; blank falls back to `amount`. */
  readonly actualAmount?: number | null | undefined;
  /** Weights in percent for the key `mixed`. */
  readonly mixedWeights?: MixedWeights | undefined;
  /** Fee per case in € (at most 2 decimals) for the key `flatFeePerCase`. */
  readonly flatFeePerCase?: number | null | undefined;
}

/** Verwaltungskostenpauschale: a lump sum, a percentage of all items, split by its own key. */
export interface Overhead {
  /** Label in the result; defaults to „Verwaltungskostenpauschale“. */
  readonly name?: string | undefined;
  /** Percent of the sum of all items (`5` = 5 %), at most 2 decimals. */
  readonly percent: number;
  /** Any key except `flatFeePerCase`. */
  readonly key: AllocationKey;
  readonly mixedWeights?: MixedWeights | undefined;
}

/** Kostenmodell: partner towns, cost items, and an optional overhead. */
export interface CostModel {
  readonly towns: readonly Town[];
  readonly items: readonly CostItem[];
  readonly overhead?: Overhead | undefined;
}

// --- Results ------------------------------------------------------------------------------------

/** What one town pays of something, in cents. */
export interface TownCents {
  readonly town: string;
  readonly cents: number;
}

/** One part of a mixed key: the part's amount and its split by that part's key. */
export interface KeyPartAllocation {
  readonly key: MixedKeyPart;
  /** The part's weight in percent, as given. */
  readonly weightPercent: number;
  readonly amountCents: number;
  readonly shares: readonly TownCents[];
}

/** One row of the allocation matrix: an item and each town's share. */
export interface ItemAllocation {
  readonly name: string;
  readonly key: AllocationKey;
  /** The item's amount; the shares sum to exactly this. For a flat fee, the sum of the fees. */
  readonly amountCents: number;
  /** One entry per town, in the towns' order. */
  readonly shares: readonly TownCents[];
  /** For the key `mixed`: the parts with a weight above 0, in the order of `MIXED_KEY_PARTS`. */
  readonly parts?: readonly KeyPartAllocation[];
}

/** The overhead row: the overhead amount, what it was computed from, and its split. */
export interface OverheadAllocation extends ItemAllocation {
  readonly percent: number;
  /** Sum of all items the percentage applies to. */
  readonly baseCents: number;
}

/** A town's annual share of everything. */
export interface TownTotal {
  readonly town: string;
  readonly cents: number;
  /** `cents / totalCents` as a plain fraction (0.25 = 25 %), 0 when the total is 0; not rounded. */
  readonly shareOfTotal: number;
}

/** Items × towns, with the overhead and the totals per town. */
export interface AllocationMatrix {
  readonly items: readonly ItemAllocation[];
  readonly overhead?: OverheadAllocation;
  /** One entry per town, in the towns' order. */
  readonly totals: readonly TownTotal[];
  readonly totalCents: number;
}

/** Quarterly advance payments (Abschläge) of one town: Q1 … Q4 in cents. */
export interface TownAdvances {
  readonly town: string;
  readonly quarters: readonly [number, number, number, number];
}

/** Year-end true-up (Spitzabrechnung) of one town. */
export interface TownTrueUp {
  readonly town: string;
  /** The planned annual share, paid as advances. */
  readonly planCents: number;
  /** The annual share recomputed with actual key values and amounts. */
  readonly actualCents: number;
  /** `actualCents − planCents`: positive = back-payment (Nachzahlung), negative = refund (Erstattung). */
  readonly differenceCents: number;
}

/** Verteilungsrechnung: the plan matrix, the advances from it, and the true-up when actuals are given. */
export interface Allocation extends AllocationMatrix {
  readonly advances: readonly TownAdvances[];
  /** The matrix recomputed with actual values; present when the model holds any actual value. */
  readonly actual?: AllocationMatrix;
  /** Present together with `actual`. */
  readonly trueUp?: readonly TownTrueUp[];
}

// --- Scales and limits --------------------------------------------------------------------------

/** Cents per euro: amounts and fees become integers by `ROUND(euros·100, 0)`. */
export const CENTS_PER_EURO = 100;

/** Percentages (fixed %, mixed weights, overhead %) become integer hundredths of a percent: `ROUND(p·100, 0)`; 100 % = 10 000. */
export const PERCENT_SCALE = 100;

/** FTE shares become integer hundredths of an FTE: `ROUND(fte·100, 0)`. */
export const FTE_SCALE = 100;

/** Decimals allowed in amounts, fees, percentages and FTE shares. */
export const MAX_DECIMALS = 2;

/** Largest amount of one item (and of a flat-fee item's total, and of the overhead): 1 000 000 000,00 €. */
export const MAX_ITEM_CENTS = 100_000_000_000;

/** Largest sum of all items plus overhead, in cents; keeps every sum a safe integer. */
export const MAX_TOTAL_CENTS = 1_000_000_000_000_000;

/** Largest key value (population, cases, workplaces, FTE share). */
export const MAX_KEY_VALUE = 1_000_000_000_000;

/**
 * Largest integer product the sheet's formulas handle exactly: `A·W` of every split (amount in
 * cents × sum of the integer weights) and `S·p` of the overhead. LibreOffice rounds the quotient
 * inside INT and MOD to 15 significant digits and treats nearly equal operands of a subtraction as
 * equal; below 10¹⁴ neither can change an integer result. The library itself is exact beyond it.
 */
export const SHEET_EXACT_LIMIT = 100_000_000_000_000;
