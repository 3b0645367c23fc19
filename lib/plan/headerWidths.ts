/**
 * Headers never break inside a word („Handlungsbed‐arf“): a header cell wraps, so its column must
 * be at least as wide as the longest word of its text at the header font (Calibri 11 bold). Excel
 * and LibreOffice break lines at spaces and after hyphens; a word wider than its column is cut
 * anywhere. Widths are in Excel's units (the width of the digit „0“); the estimate errs wide.
 */
import { columnLetter } from "../cells/address.js";
import type { PlannedRow } from "./WorkbookPlan.js";

/** Relative widths of bold Calibri 11 characters, in widths of „0“. */
const NARROW = /[iljtfrI.,:;'’!|()[\]]/;
const WIDE = /[mwMWÄÖÜ%@&—–]/;
const UPPER = /[A-ZÄÖÜ]/;
/** Room for the cell's padding and the header border. */
const PADDING = 1.5;

function characterWidth(char: string): number {
  if (NARROW.test(char)) return 0.6;
  if (WIDE.test(char)) return 1.55;
  if (UPPER.test(char)) return 1.2;
  return 1.05;
}

/** Estimated width of `text` on one line, bold Calibri 11, in Excel width units. */
export function boldTextWidth(text: string): number {
  let width = 0;
  for (const char of text) width += characterWidth(char);
  return width + PADDING;
}

/**
 * The pieces a header may wrap between: words, split after hyphens too („Muss-“ „Lücke“). A range
 * in brackets („(0–3)“) stays with the word before it: the spreadsheets would break after its
 * dash („Bedeutung (0–“ „3)“) rather than before the bracket.
 */
export function unbreakablePieces(text: string): string[] {
  const pieces = text
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=[-‐])/))
    .filter((piece) => piece !== "");
  const glued: string[] = [];
  for (const piece of pieces) {
    const previous = glued[glued.length - 1];
    if (previous !== undefined && /^\(.*[–—-].*\)$/.test(piece)) glued[glued.length - 1] = `${previous} ${piece}`;
    else glued.push(piece);
  }
  return glued;
}

/** The least column width at which `text` wraps only between words. */
export function minimumHeaderWidth(text: string): number {
  return Math.max(0, ...unbreakablePieces(text).map(boldTextWidth));
}

/**
 * Column widths widened where a header cell of `rows` (style `header`, not inside one of
 * `merges`) holds a word wider than its column; rounded up to whole units.
 */
export function widenForHeaders(
  widths: readonly number[],
  rows: Iterable<PlannedRow>,
  merges: readonly string[] = [],
): number[] {
  const merged = new Set<string>();
  for (const range of merges) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!match) continue;
    // a merged range spans columns: its text wraps across them, so it sets no single column's width
    merged.add(`${match[1]}${match[2]}`);
  }
  const result = [...widths];
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.style !== "header" || typeof cell.value !== "string") continue;
      if (merged.has(`${columnLetter(cell.column)}${row.row}`)) continue;
      const index = cell.column - 1;
      const needed = Math.ceil(minimumHeaderWidth(cell.value));
      if ((result[index] ?? 0) < needed) {
        while (result.length < index) result.push(8.43);
        result[index] = needed;
      }
    }
  }
  return result;
}
