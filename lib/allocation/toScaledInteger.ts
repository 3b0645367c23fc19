import { roundHalfAwayFromZero } from "../numbers/roundHalfAwayFromZero.js";

/**
 * Fixed-point helpers: the allocation turns every decimal input (euros, percentages, FTE shares)
 * into an integer by one fixed scale, as the sheet does with `ROUND(value·scale, 0)`.
 */

/** The value as a spreadsheet keeps it: rounded to 15 significant digits (removes binary noise). */
export function toSpreadsheetPrecision(value: number): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(15));
}

/**
 * Decimal places of a number as a spreadsheet shows it (15 significant digits).
 *
 * @example countDecimals(12345.67) === 2; countDecimals(0.1 + 0.2) === 1; countDecimals(1.5e-7) === 8
 */
export function countDecimals(value: number): number {
  if (!Number.isFinite(value)) return Number.POSITIVE_INFINITY;
  const [mantissa = "", exponent = "0"] = String(Math.abs(toSpreadsheetPrecision(value))).split("e");
  const fraction = mantissa.split(".")[1] ?? "";
  return Math.max(0, fraction.length - Number(exponent));
}

/**
 * `ROUND(value·scale, 0)` as a spreadsheet computes it (15 significant digits, half away from
 * zero), e.g. euros → cents with scale 100. For values with at most `log10(scale)` decimals (which
 * validation ensures) the rounding only removes binary noise, so the sheet and this function give
 * the same integer.
 *
 * @example toScaledInteger(0.29, 100) === 29 // 0.29 * 100 is 28.999999999999996 in binary
 */
export function toScaledInteger(value: number, scale: number): number {
  return roundHalfAwayFromZero(toSpreadsheetPrecision(value) * scale, 0);
}
