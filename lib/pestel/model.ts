/**
 * The PESTEL matrix as data: the six outside factors (PESTEL), the four inner elements of the
 * holistic model, the fields of action 1–4, and one theme row of a town's long form. Keys are
 * stable English identifiers; labels live with the template (templates/pestel).
 */
import type { LocalizedText } from "../spec/TemplateSpec.js";

/** The outside view: political, economic, socio-cultural, technological, environmental, legal. */
export const PESTEL_FACTORS = ["political", "economic", "social", "technological", "environmental", "legal"] as const;
export type PestelFactor = (typeof PESTEL_FACTORS)[number];

/** The inside view: products and services, processes, staff and organisation, technical resources. */
export const INNER_ELEMENTS = ["products", "processes", "staff", "resources"] as const;
export type InnerElement = (typeof INNER_ELEMENTS)[number];

/** Field of action (Handlungsfeld) 1–4. */
export type ActionField = 1 | 2 | 3 | 4;
export const ACTION_FIELDS: readonly ActionField[] = [1, 2, 3, 4];

/** A theme is a hot spot when impact × room reaches this score, unless the town sets its own. */
export const DEFAULT_HOT_SPOT_THRESHOLD = 6;
/** Lowest and highest threshold a town may set (a score is 0–9). */
export const THRESHOLD_RANGE = { min: 1, max: 9 } as const;
/** The ratings of impact and room to act (the guideline's four-step scale). */
export const RATINGS = [0, 1, 2, 3] as const;
/** Every score impact × room can take, highest first. */
export const POSSIBLE_SCORES = [9, 6, 4, 3, 2, 1, 0] as const;

/** One theme row of a town's long form, typed (null = empty or unusable cell). */
export interface PestelTheme {
  readonly factor: PestelFactor | null;
  readonly element: InnerElement | null;
  readonly theme: string;
  /** Impact of the outside factor, 0–3 (null unless a whole number 0–3). */
  readonly impact: number | null;
  /** The town's own room to act, 0–3 (null unless a whole number 0–3). */
  readonly room: number | null;
  readonly actionField: ActionField | null;
  /** Ids of catalogue measures, in the order typed, each once (the template's check reports others). */
  readonly measures: readonly string[];
  readonly owner: string | null;
  /** Review date as `YYYY-MM-DD`. */
  readonly reviewDate: string | null;
  /** Sheet row of the theme. */
  readonly row: number;
}

/** A theme with its score and whether it is a hot spot under its town's threshold. */
export type ScoredTheme<T extends PestelTheme = PestelTheme> = T & {
  readonly score: number | null;
  readonly hot: boolean;
};

/** A measure of the catalogue, as the computations need it. */
export interface MeasureRef {
  readonly id: string;
  /** Null for measure 0, which belongs to every field. */
  readonly field: ActionField | null;
  readonly title: LocalizedText;
}

/** Position of a factor in PESTEL order (unknown last). */
export function factorOrder(factor: PestelFactor | null): number {
  return factor === null ? PESTEL_FACTORS.length : PESTEL_FACTORS.indexOf(factor);
}

/** Position of an element in the holistic model's order (unknown last). */
export function elementOrder(element: InnerElement | null): number {
  return element === null ? INNER_ELEMENTS.length : INNER_ELEMENTS.indexOf(element);
}
