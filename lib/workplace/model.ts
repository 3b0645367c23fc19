/**
 * The workplace requirement profile (Anforderungsprofil moderner IT-Arbeitsplatz, measure 4.3) as
 * plain data: requirements with their dimension and obligation, and each town's status. The
 * template „Arbeitsplatzprofil“ reads a workbook into this shape; the computations here are the
 * ones the sheet's formulas perform, operation for operation.
 */

/**
 * The six dimensions of a modern workplace, in the order the specification list numbers them
 * (1 hybrid … 6 standardised).
 */
export type DimensionKey = "hybrid" | "digital" | "networked" | "userFriendly" | "serviceOriented" | "standardised";

export const DIMENSION_KEYS: readonly DimensionKey[] = [
  "hybrid",
  "digital",
  "networked",
  "userFriendly",
  "serviceOriented",
  "standardised",
];

/** 1-based number of a dimension (its section number in the specification list). */
export function dimensionNumber(dimension: DimensionKey): number {
  return DIMENSION_KEYS.indexOf(dimension) + 1;
}

/** Muss / Soll / Kann. */
export type Obligation = "must" | "should" | "may";

export const OBLIGATIONS: readonly Obligation[] = ["must", "should", "may"];

/** Weight of a requirement in the fulfilment: Muss 3, Soll 2, Kann 1. */
export const OBLIGATION_WEIGHTS: Readonly<Record<Obligation, number>> = { must: 3, should: 2, may: 1 };

/** Obligations that go into the specification list (Leistungsverzeichnis). */
export const SPECIFICATION_OBLIGATIONS: readonly Obligation[] = ["must", "should"];

/** A town's assessment of one requirement; a blank cell (`null`) means „not assessed“. */
export type RequirementStatus = "fulfilled" | "partly" | "notFulfilled";

export const REQUIREMENT_STATUSES: readonly RequirementStatus[] = ["fulfilled", "partly", "notFulfilled"];

/** The number a status counts as: fulfilled 1, partly 0.5, not fulfilled 0. */
export const STATUS_VALUES: Readonly<Record<RequirementStatus, number>> = {
  fulfilled: 1,
  partly: 0.5,
  notFulfilled: 0,
};

/**
 * What a Muss requirement is for a town: a gap (assessed, not or only partly fulfilled) or open
 * (not assessed yet). Soll and Kann requirements, and fulfilled Muss requirements, have no flag.
 */
export type GapFlag = "gap" | "open";

export interface WorkplaceRequirement {
  /** The requirement's id as typed, e.g. `HYB-01`. */
  readonly id: string;
  readonly dimension: DimensionKey;
  readonly text: string;
  readonly obligation: Obligation;
  /** The roles it applies to, as role keys; `null` = every role. */
  readonly roles: readonly string[] | null;
  /** The roles as typed (empty = every role), for display. */
  readonly rolesText: string;
  /** Status per town, in the order of {@link WorkplaceProfile.towns}; `null` = not assessed. */
  readonly statuses: readonly (RequirementStatus | null)[];
}

/** The requirements of a profile and the towns assessed against them. */
export interface WorkplaceProfile {
  readonly towns: readonly string[];
  readonly requirements: readonly WorkplaceRequirement[];
}

/**
 * A text as a spreadsheet's TRIM leaves it: spaces (U+0020) at either end removed, runs of
 * spaces inside collapsed to one. Other white space is kept, as TRIM keeps it.
 *
 * @example trimLikeSpreadsheet("  Notebook   mit  Dock ") // → "Notebook mit Dock"
 */
export function trimLikeSpreadsheet(text: string): string {
  return text.replace(/^ +| +$/g, "").replace(/ {2,}/g, " ");
}
