import type { ContractWindow } from "./model.js";

/**
 * Full calendar months from `reference` to `end`, rounded down — the sheet's
 * `(YEAR(e)-YEAR(r))*12+MONTH(e)-MONTH(r)-IF(DAY(e)<DAY(r),1,0)`. Negative when `end` lies before
 * `reference` (and only then). Dates are calendar days, read in UTC; a time of day is ignored.
 *
 * @example monthsBetween(new Date("2025-12-31"), new Date("2027-12-30")) === 23
 */
export function monthsBetween(reference: Date, end: Date): number {
  return (
    (end.getUTCFullYear() - reference.getUTCFullYear()) * 12 +
    end.getUTCMonth() -
    reference.getUTCMonth() -
    (end.getUTCDate() < reference.getUTCDate() ? 1 : 0)
  );
}

/**
 * The window flag of a contract: `expired` before the reference date, `open` when fewer full
 * months than `windowMonths` remain, `later` otherwise; null without a contract end.
 */
export function contractWindow(monthsToEnd: number | null, windowMonths: number): ContractWindow | null {
  if (monthsToEnd === null) return null;
  if (monthsToEnd < 0) return "expired";
  return monthsToEnd < windowMonths ? "open" : "later";
}
