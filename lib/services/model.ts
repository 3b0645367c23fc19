/**
 * The IT service catalogue's domain (measure 4.2 of the guideline): one row per IT service of a
 * town, in a structure every partner town shares, so the group can compare software landscapes.
 * Keys are stable English identifiers; the templates give them German and English labels.
 */

/** What kind of software or service a row is (the guideline's building blocks of a landscape). */
export const SERVICE_CATEGORIES = [
  "baseComponent",
  "documentManagement",
  "lineOfBusiness",
  "communication",
  "tool",
  "supportSoftware",
  "infrastructure",
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** Who runs it: the town itself, a municipal data centre or provider, or a cloud/SaaS vendor. */
export const OPERATING_MODELS = ["onPremises", "provider", "cloud"] as const;
export type OperatingModel = (typeof OPERATING_MODELS)[number];

export const CRITICALITIES = ["low", "medium", "high"] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** What the town intends to do with the service. */
export const SERVICE_STATUSES = ["keep", "replace", "consolidate", "retire"] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Where the service stands in its life: from planned to being switched off. */
export const LIFECYCLE_STAGES = ["planned", "introduction", "inOperation", "endOfSupport", "retiring"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * Where a contract end lies relative to the reference date: before it (`expired`), within the
 * window (`open`: fewer full months than the window), or after the window (`later`).
 */
export type ContractWindow = "open" | "expired" | "later";

/** Months a contract end may lie ahead of the reference date to count as a window (default). */
export const DEFAULT_WINDOW_MONTHS = 24;

/** One IT service of a town, typed (null = empty cell). */
export interface CatalogueService {
  readonly id: string;
  readonly name: string;
  readonly category: ServiceCategory | null;
  /** The software product as the town wrote it. */
  readonly software: string;
  readonly vendor: string | null;
  /** Product codes the service supports, well-formed and unique, in the order typed. */
  readonly productCodes: readonly string[];
  readonly operatingModel: OperatingModel | null;
  readonly users: number | null;
  /** Annual cost in €. */
  readonly annualCost: number | null;
  /** Contract end, a calendar day (read as UTC midnight). */
  readonly contractEnd: Date | null;
  readonly criticality: Criticality | null;
  readonly status: ServiceStatus | null;
  readonly lifecycle: LifecycleStage | null;
  readonly interfaces: string | null;
}

/** The town-wide values the per-service figures depend on. */
export interface CatalogueSettings {
  /** The day months to contract end count from (the „Stichtag“). */
  readonly referenceDate: Date | null;
  /** Months ahead that count as a window of opportunity. */
  readonly windowMonths: number;
}

/** A service with the figures the sheet computes for it. */
export interface AssessedService extends CatalogueService {
  /** Annual cost per user, rounded to the cent; null when users or cost are empty or users is 0. */
  readonly costPerUser: number | null;
  /** Full calendar months from the reference date to the contract end (negative when past). */
  readonly monthsToEnd: number | null;
  readonly window: ContractWindow | null;
  /** Priority 0–100 (see `priorityScore`). */
  readonly score: number;
}

/** Narrows a text to one of a list's keys. */
export function isOneOf<T extends string>(keys: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (keys as readonly string[]).includes(value);
}
