import { roundHalfAwayFromZero } from "../numbers/roundHalfAwayFromZero.js";

/** Cents: cost per user is money and is rounded like the sheet's `ROUND(cost/users,2)`. */
export const COST_PER_USER_DECIMALS = 2;

/**
 * Annual cost per user, rounded to the cent as the sheet's ROUND does; null when either value is
 * empty or there are no users (the sheet shows an empty cell).
 *
 * @example costPerUser(1000, 3) === 333.33
 */
export function costPerUser(annualCost: number | null, users: number | null): number | null {
  if (annualCost === null || users === null || users === 0) return null;
  return roundHalfAwayFromZero(annualCost / users, COST_PER_USER_DECIMALS);
}
