/**
 * A list of town names as typed (`ikz template … --towns`), for every template that takes towns.
 */
import { normalizeTownName } from "../../lib/allocation/validateCostModel.js";

/** The names of a town list, or why the list cannot be used. */
export type TownListResult =
  | { readonly ok: true; readonly names: readonly string[] }
  | { readonly ok: false; readonly problem: "empty" }
  /** `name` repeats `first` (compared as `validateCostModel` compares towns: NFC, trimmed, inner spaces collapsed, case-insensitive). */
  | { readonly ok: false; readonly problem: "duplicate"; readonly name: string; readonly first: string };

/**
 * Reads a list of town names as typed on the command line: separated by `,` or `;`, each trimmed,
 * empty entries ignored. A name that starts with `=`, `+`, `-` or `@` is a name like any other (the
 * writer writes it as text).
 *
 * @example parseTownList("Zschorlau; Bockau,") // → { ok: true, names: ["Zschorlau", "Bockau"] }
 * @example parseTownList("Bockau, BOCKAU") // → { ok: false, problem: "duplicate", name: "BOCKAU", first: "Bockau" }
 */
export function parseTownList(text: string): TownListResult {
  const names = text
    .split(/[,;]/)
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0) return { ok: false, problem: "empty" };
  const seen = new Map<string, string>();
  for (const name of names) {
    const normalized = normalizeTownName(name);
    const first = seen.get(normalized);
    if (first !== undefined) return { ok: false, problem: "duplicate", name, first };
    seen.set(normalized, name);
  }
  return { ok: true, names };
}
