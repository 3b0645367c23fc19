/** A1-style addresses: pure helpers shared by planner, readers and messages. */

/** 1 → `A`, 27 → `AA`. */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`column ${column} is not 1-based`);
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `A` → 1, `AA` → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0) - 64;
    if (code < 1 || code > 26) throw new RangeError(`"${letters}" is not a column`);
    n = n * 26 + code;
  }
  return n;
}

/** `(7, 5)` → `E7`. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** `E7` → `{ row: 7, column: 5 }`. */
export function parseCellAddress(address: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!match?.[1] || !match[2]) throw new RangeError(`"${address}" is not a cell address`);
  return { row: Number(match[2]), column: columnNumber(match[1]) };
}

/** Sheet name as it must appear in a formula: quoted unless plain ASCII letters and digits. */
export function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Aufgaben`, `E7` → `Aufgaben!E7` (for messages and JSON, never quoted). */
export function qualifiedAddress(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}
