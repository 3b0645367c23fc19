/**
 * The measure ids of one cell: several ids separated by commas, semicolons or spaces, e.g.
 * `2.1, 4.2` or `2.1; 4.2`. Each id is checked against the catalogue; typical slips are named:
 * a German decimal comma (`2,1`) and an id Excel turned into a date (`1.1` → 01.01.).
 */

export type MeasureIdProblem =
  /** An id the catalogue does not know. */
  | { readonly kind: "unknown"; readonly id: string }
  /** `2,1`: a decimal comma; the id meant is `suggestion`. */
  | { readonly kind: "decimalComma"; readonly text: string; readonly suggestion: string }
  /** The cell holds a date (`dd.mm.yyyy`): Excel converted the typed id. */
  | { readonly kind: "date"; readonly text: string; readonly suggestion: string };

export interface ParsedMeasureIds {
  /** Known ids, in the order typed, each once. */
  readonly ids: readonly string[];
  readonly problems: readonly MeasureIdProblem[];
}

const DATE = /^(\d{2})\.(\d{2})\.\d{4}$/;
const DECIMAL_COMMA = /^(\d),(\d)$/;

/** Splits a cell's text into ids (no checking): `"2.1,4.2; 0"` → `["2.1", "4.2", "0"]`. */
export function splitMeasureIds(text: string): string[] {
  return text.split(/[\s;,]+/).filter((part) => part !== "");
}

/**
 * Parses the measure ids of a cell. `known` says whether an id is in the catalogue.
 * @example parseMeasureIds("2.1, 9.9", (id) => id === "2.1") // { ids: ["2.1"], problems: [{ kind: "unknown", id: "9.9" }] }
 */
export function parseMeasureIds(text: string, known: (id: string) => boolean): ParsedMeasureIds {
  const trimmed = text.trim();
  const date = DATE.exec(trimmed);
  if (date) {
    const suggestion = `${Number(date[1])}.${Number(date[2])}`;
    return { ids: [], problems: [{ kind: "date", text: trimmed, suggestion }] };
  }
  const comma = DECIMAL_COMMA.exec(trimmed);
  if (comma && known(`${comma[1]}.${comma[2]}`)) {
    return { ids: [], problems: [{ kind: "decimalComma", text: trimmed, suggestion: `${comma[1]}.${comma[2]}` }] };
  }
  const ids: string[] = [];
  const problems: MeasureIdProblem[] = [];
  for (const id of splitMeasureIds(trimmed)) {
    if (!known(id)) problems.push({ kind: "unknown", id });
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, problems };
}
