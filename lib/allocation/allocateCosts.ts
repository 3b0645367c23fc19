/**
 * # Kostenverteilung — the arithmetic, defined once for the library and the sheet
 *
 * Everything is integer arithmetic on cents. Each step below is one pattern of Excel 2016
 * formulas (INT, MOD, ROUND, SUM, SUMPRODUCT, IF — no dynamic arrays), so the workbook's formulas
 * and this library agree to the cent within the limits at the end.
 *
 * ## 1. Inputs as integers (validation guarantees the decimals, so ROUND only removes binary noise)
 * - Amount of an item `A = ROUND(euros·100, 0)` cents (≥ 0, ≤ 2 decimals). Flat fee `f = ROUND(fee·100, 0)`.
 * - Weights `wₜ` of a key, per town `t`:
 *   `equal` → 1; `population`, `cases`, `workplaces` → the value itself (whole numbers);
 *   `fteShare` → `ROUND(fte·100, 0)` (hundredths of an FTE, ≤ 2 decimals);
 *   `fixedPercent` → `ROUND(p·100, 0)` (hundredths of a percent, ≤ 2 decimals; Σ = 10 000).
 * - Mixed weights `mₖ = ROUND(p·100, 0)` (Σ = 10 000); overhead percent `p = ROUND(percent·100, 0)`.
 * - A blank key value is an error wherever a key needs it (type 0 to exempt a town), so the
 *   sheet's "blank counts as 0" never decides a share silently.
 *
 * ## 2. Largest-remainder split of `A` cents over weights `w₁…wₙ`, `W = Σ wₜ > 0`
 * (`splitByLargestRemainder`)
 * - `bₜ = floor(A·wₜ / W)`, `rₜ = A·wₜ − bₜ·W` (integer, `0 ≤ rₜ < W`), `R = A − Σ bₜ`;
 * - `posₜ = #{s : rₛ > rₜ} + #{s < t : rₛ = rₜ}` (larger remainder first; a tie goes to the town
 *   listed first); share `bₜ + (posₜ < R ? 1 : 0)`.
 * - Sheet, one row per town: `b = INT(A*w/W)`, `r = A*w - W*b`, `R = A - SUM(b_all)`,
 *   `pos = SUMPRODUCT(--(r_all>r)) + SUMPRODUCT(--(r_above=r))` (the first town has no `r_above`;
 *   `COUNTIF(r_all,">"&r) + COUNTIF(r_above,r)` is equivalent), `share = b + IF(pos<R,1,0)`.
 * - Σ shares = A; a town with weight 0 gets 0 (its `r = 0` is never among the first `R`).
 *
 * ## 3. Keys
 * - Single keys (`equal`, `population`, `cases`, `workplaces`, `fteShare`, `fixedPercent`): §2 with the weights of §1.
 * - `mixed`: first split `A` into parts by `mₖ` with §2, parts in the fixed order of
 *   `MIXED_KEY_PARTS` (equal, population, cases, workplaces, fteShare; a tie goes to the earlier
 *   part); then split each part with `mₖ > 0` over the towns by its own key with §2; a town's
 *   share is the sum of its part shares. Chosen because every step is the same split (one
 *   formula pattern), the integers stay small (`A·10 000` and `Aₖ·Wₖ`), and "a town with key
 *   value 0 pays 0 of that part" holds. Discarded: one combined weight `Σₖ mₖ·vₜₖ/Vₖ` per town
 *   — fractions; exact only over the common denominator `Πₖ Vₖ`, far beyond 2⁵³.
 * - `flatFeePerCase`: share `f·casesₜ`; the item's amount is `Σ f·casesₜ`; no remainder.
 *
 * ## 4. Overhead (Verwaltungskostenpauschale)
 * `S = Σ` item amounts (flat-fee items included); overhead `O = ROUND(S·p/10 000, 0)`, half away
 * from zero (everything is ≥ 0, so exactly `floor((2·S·p + 10 000) / 20 000)`; sheet:
 * `INT((2*S*p+10000)/20000)`); `O` is split by the overhead's key like an item (§2, §3).
 *
 * ## 5. Totals
 * Town total `Tₜ = Σ` item shares `+` overhead share; `total = Σ Tₜ` (= `S + O`);
 * `shareOfTotal = Tₜ / total` (0 when the total is 0), a plain IEEE double, not rounded.
 *
 * ## 6. Advances (Abschläge) from the plan (`splitIntoQuarters`)
 * `q = floor(Tₜ/4)`, `e = Tₜ − 4q`; quarter `i` (1–4) `= q + (i ≤ e ? 1 : 0)`; sheet:
 * `INT(T/4)+IF(i<=MOD(T,4),1,0)`. The four sum to `Tₜ`, differ by at most 1 cent, earlier ≥ later.
 *
 * ## 7. True-up (Spitzabrechnung)
 * When the model holds any actual value, §1–§5 run again with each town's actual key value where
 * given (else the plan value; sheet: `IF(ISBLANK(actual),plan,actual)`) and each item's actual
 * amount where given (else the plan amount); flat fees use actual cases; the overhead applies
 * to the actual `S`. Per town `difference = actual Tₜ − plan Tₜ`: positive = back-payment
 * (Nachzahlung), negative = refund (Erstattung). Σ differences = actual total − plan total.
 *
 * ## Limits
 * - Library (errors): an item's amount and a flat-fee item's total ≤ 1 000 000 000,00 €
 *   (`MAX_ITEM_CENTS` = 10¹¹); all items together ≤ 10¹⁵ cents (`MAX_TOTAL_CENTS`; the overhead
 *   is at most 100 % of that, so the grand total stays below 2⁵³); key values
 *   ≤ 10¹² (`MAX_KEY_VALUE`). Within them every share and sum is a safe integer; products `A·wₜ`
 *   are formed in BigInt, so the library is exact for every valid model.
 * - Sheet (warning `limit.sheetPrecision`): every split needs `A·W ≤ 10¹⁴` and the overhead
 *   `S·p ≤ 10¹⁴` (`SHEET_EXACT_LIMIT`). Doubles hold integers exactly to 2⁵³ ≈ 9·10¹⁵, but
 *   LibreOffice's INT/MOD round the quotient to 15 significant digits first (`approxFloor`) and
 *   its subtraction returns 0 for operands equal to ~2⁻⁴⁸ relative; below 10¹⁴ the fraction of
 *   `A·w/W` is at least `1/W`, far above both effects, so `INT` and `r` are exact. Examples at the
 *   limit: population 120 000 → amounts up to 8,3 Mio. €; fixed % or mixed (W = 10 000) → 100 Mio. €.
 */
import { AllocationInputError } from "./AllocationInputError.js";
import { computeMatrix } from "./computeMatrix.js";
import { hasActuals } from "./keyWeights.js";
import { splitIntoQuarters } from "./largestRemainder.js";
import type { Allocation, CostModel, TownTrueUp } from "./model.js";
import { validateCostModel } from "./validateCostModel.js";

/**
 * Allocates a cost model's items (and its overhead) to the partner towns, cent-exact, by the
 * arithmetic above: the item × town matrix, totals per town with their share of the total,
 * quarterly advances from the plan, and — when the model holds actual values — the actual matrix
 * and each town's true-up.
 *
 * @throws AllocationInputError when `validateCostModel(model)` reports any error (and only then);
 *   the error carries those issues. Warnings (e.g. beyond the sheet's exact range) do not stop it.
 *
 * @example
 * allocateCosts({
 *   towns: [{ name: "Zschorlau", population: 5300 }, { name: "Bockau", population: 2000 }],
 *   items: [{ name: "Vergabestelle", key: "equal", amount: 100 }],
 * }).items[0].shares // → [{ town: "Zschorlau", cents: 5000 }, { town: "Bockau", cents: 5000 }]
 */
export function allocateCosts(model: CostModel): Allocation {
  const errors = validateCostModel(model, { language: "en" }).filter((issue) => issue.severity === "error");
  if (errors.length > 0) throw new AllocationInputError(errors);

  const plan = computeMatrix(model, "plan");
  const advances = plan.totals.map((total) => ({ town: total.town, quarters: splitIntoQuarters(total.cents) }));
  if (!hasActuals(model)) return { ...plan, advances };

  const actual = computeMatrix(model, "actual");
  const trueUp: TownTrueUp[] = plan.totals.map((total, index) => {
    const actualCents = actual.totals[index]?.cents ?? 0;
    return { town: total.town, planCents: total.cents, actualCents, differenceCents: actualCents - total.cents };
  });
  return { ...plan, advances, actual, trueUp };
}
