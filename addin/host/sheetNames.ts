/** Excel compares sheet names without regard to case: `Aufgaben` and `AUFGABEN` are one sheet. */
export function sameSheetName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
}

/** The names of `wanted` that exist among `existing` (spelled as in `existing`). */
export function existingSheetNames(existing: readonly string[], wanted: readonly string[]): string[] {
  return existing.filter((name) => wanted.some((w) => sameSheetName(w, name)));
}
