/**
 * Formula pieces for the largest-remainder split in the sheet (§2 of the arithmetic in
 * `lib/allocation/allocateCosts.ts`). The rows of one split stand together in a block, so every
 * sum and every comparison covers just that block, with plain addresses a reader can follow.
 */
import type { FormulaContext } from "../../../lib/spec/TemplateSpec.js";

/** The rows of the block the context's row belongs to: blocks of `size` rows from `firstRow`. */
export interface Block {
  /** 0-based number of the block. */
  readonly index: number;
  /** 0-based position of the row inside its block. */
  readonly offset: number;
  readonly start: number;
  readonly end: number;
}

export function blockOf(row: number, firstRow: number, size: number): Block {
  const index = Math.floor((row - firstRow) / size);
  const start = firstRow + index * size;
  return { index, offset: row - start, start, end: start + size - 1 };
}

/** Column letters of a column key on the context's sheet. */
export function letterOf(ctx: FormulaContext, key: string): string {
  return ctx.cell(key).replace(/\d+$/, "");
}

/** `$E$10:$E$17`: a column over rows `start`…`end`, absolute. */
export function columnBlock(letter: string, start: number, end: number): string {
  return `$${letter}$${start}:$${letter}$${end}`;
}

/**
 * Position of the row's remainder among its block (0 = gets the first extra cent): the number
 * of larger remainders in the block plus the number of equal remainders above it (a tie goes to
 * the row listed first).
 */
export function positionFormula(ctx: FormulaContext, remainderKey: string, block: Block): string {
  const letter = letterOf(ctx, remainderKey);
  const own = ctx.cell(remainderKey);
  const larger = `SUMPRODUCT(--(${columnBlock(letter, block.start, block.end)}>${own}))`;
  if (block.offset === 0) return larger;
  return `${larger}+SUMPRODUCT(--(${columnBlock(letter, block.start, ctx.row - 1)}=${own}))`;
}

/**
 * The cell of a column range's `index`-th row (0-based), absolute, with the range's sheet:
 * `rowCell("Kommunen!$B$5:$B$12", 2)` → `Kommunen!$B$7`.
 */
export function rowCell(range: string, index: number): string {
  const match = /^(.*!)?\$?([A-Z]+)\$(\d+):/.exec(range);
  if (!match) throw new Error(`not a column range: ${range}`);
  return `${match[1] ?? ""}$${match[2] ?? ""}$${Number(match[3]) + index}`;
}

/** The rows `start`…`end` (0-based, inclusive) of a column range, absolute, with its sheet. */
export function rowsOfRange(range: string, start: number, end: number): string {
  const first = rowCell(range, start);
  const last = rowCell(range, end).replace(/^.*!/, "");
  return `${first}:${last}`;
}
