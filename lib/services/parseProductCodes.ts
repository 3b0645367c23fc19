/** A product code: 2 to 8 digits (area, group, subgroup or a town's own finer code). */
export const PRODUCT_CODE_PATTERN = /^\d{2,8}$/;

export interface ParsedProductCodes {
  /** Well-formed codes, each once, in the order typed. */
  readonly codes: readonly string[];
  /** Parts that are no product code, as typed. */
  readonly invalid: readonly string[];
}

/**
 * Splits a cell of product codes: codes separated by commas (also semicolons, spaces or line
 * breaks). A number typed into the cell counts as its digits.
 *
 * @example parseProductCodes("1113, 611;x1") → { codes: ["1113", "611"], invalid: ["x1"] }
 */
export function parseProductCodes(text: string | number | null): ParsedProductCodes {
  if (text === null) return { codes: [], invalid: [] };
  const parts = String(text)
    .split(/[\s,;]+/)
    .filter((part) => part !== "");
  const codes: string[] = [];
  const invalid: string[] = [];
  for (const part of parts) {
    if (!PRODUCT_CODE_PATTERN.test(part)) invalid.push(part);
    else if (!codes.includes(part)) codes.push(part);
  }
  return { codes, invalid };
}
