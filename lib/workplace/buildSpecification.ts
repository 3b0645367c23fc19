import {
  DIMENSION_KEYS,
  SPECIFICATION_OBLIGATIONS,
  dimensionNumber,
  trimLikeSpreadsheet,
  type DimensionKey,
  type Obligation,
  type WorkplaceRequirement,
} from "./model.js";

/** One position of the specification list (Leistungsverzeichnis). */
export interface SpecificationItem {
  /** `d.k`: the dimension's number and the position's number within it, e.g. `2.3`. */
  readonly number: string;
  readonly dimension: DimensionKey;
  /** 1-based position within the dimension. */
  readonly index: number;
  /** The requirement's id, trimmed as TRIM trims. */
  readonly id: string;
  /** The requirement's text, trimmed as the sheet's TRIM trims it. */
  readonly text: string;
  readonly obligation: Obligation;
  /** The roles as typed, trimmed as TRIM trims; empty = every role. */
  readonly rolesText: string;
}

/** The positions of one dimension; every dimension has a section, possibly empty. */
export interface SpecificationSection {
  readonly dimension: DimensionKey;
  /** 1-based section number (the dimension's place in {@link DIMENSION_KEYS}). */
  readonly number: number;
  readonly items: readonly SpecificationItem[];
}

/** A line of the printed list: a section heading or a position. */
export type SpecificationLine =
  | { readonly kind: "heading"; readonly section: SpecificationSection }
  | { readonly kind: "item"; readonly item: SpecificationItem };

/**
 * The specification list of a profile: its Muss and Soll requirements grouped by dimension (in the
 * order of {@link DIMENSION_KEYS}) and numbered `d.k` in the order they stand in the profile; Kann
 * requirements stay out. The sheet „Leistungsverzeichnis“ lists the same lines with formulas.
 *
 * @example
 * buildSpecification([{ id: "DIG-01", dimension: "digital", obligation: "must", … }])[1].items[0].number // → "2.1"
 */
export function buildSpecification(
  requirements: readonly Omit<WorkplaceRequirement, "statuses">[],
): SpecificationSection[] {
  return DIMENSION_KEYS.map((dimension) => {
    const number = dimensionNumber(dimension);
    const items = requirements
      .filter((r) => r.dimension === dimension && SPECIFICATION_OBLIGATIONS.includes(r.obligation))
      .map((r, position): SpecificationItem => ({
        number: `${number}.${position + 1}`,
        dimension,
        index: position + 1,
        id: trimLikeSpreadsheet(r.id),
        text: trimLikeSpreadsheet(r.text),
        obligation: r.obligation,
        rolesText: trimLikeSpreadsheet(r.rolesText),
      }));
    return { dimension, number, items };
  });
}

/** The lines of the list as printed: each section's heading, then its positions. */
export function specificationLines(sections: readonly SpecificationSection[]): SpecificationLine[] {
  return sections.flatMap((section): SpecificationLine[] => [
    { kind: "heading", section },
    ...section.items.map((item): SpecificationLine => ({ kind: "item", item })),
  ]);
}
