/**
 * Splits `totalCents` in proportion to `weights` by the largest-remainder method (Hare–Niemeyer),
 * exactly, on integers. With `A = totalCents`, `W = Σ wₜ > 0`:
 *
 * - base `bₜ = floor(A·wₜ / W)`, remainder `rₜ = A·wₜ − bₜ·W` (so `0 ≤ rₜ < W`);
 * - residual `R = A − Σ bₜ` cents (`Σ rₜ = R·W`, hence `R < n`);
 * - position `posₜ = #{s : rₛ > rₜ} + #{s < t : rₛ = rₜ}` — larger remainder first, a tie goes
 *   to the town listed first;
 * - share `bₜ + 1` when `posₜ < R`, else `bₜ`.
 *
 * The shares sum to `A`; a weight of 0 gives 0 (its remainder 0 never ranks among the first `R`,
 * because `Σ rₜ = R·W` with every `rₜ < W` needs more than `R` non-zero remainders). Products are
 * computed with BigInt, so the result is exact for any safe-integer input. In a sheet (Excel 2016,
 * LibreOffice), exact while `A·W ≤ SHEET_EXACT_LIMIT`:
 * `b = INT(A*w/W)`, `r = A*w - W*b`, `R = A - SUM(b…)`,
 * `pos = SUMPRODUCT(--(r_all>r)) + SUMPRODUCT(--(r_before=r))`, `share = b + IF(pos<R,1,0)`.
 *
 * @param totalCents a non-negative safe integer.
 * @param weights non-negative safe integers, not all 0.
 * @returns one share per weight, in the same order.
 * @throws RangeError for a negative or non-integer total or weight, or weights that sum to 0
 *   (programmer errors: validation reports those inputs to users first).
 *
 * @example splitByLargestRemainder(10000, [1, 1, 1]) // → [3334, 3333, 3333]
 */
export function splitByLargestRemainder(totalCents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) {
    throw new RangeError(`the total must be a non-negative whole number of cents, got ${String(totalCents)}`);
  }
  let weightSum = 0n;
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new RangeError(`every weight must be a non-negative safe integer, got ${String(weight)}`);
    }
    weightSum += BigInt(weight);
  }
  if (weightSum === 0n) throw new RangeError("the weights sum to 0");

  const total = BigInt(totalCents);
  const shares: number[] = [];
  const remainders: bigint[] = [];
  let residual = totalCents;
  for (const weight of weights) {
    const product = total * BigInt(weight);
    const base = product / weightSum; // BigInt division truncates; both operands are ≥ 0, so this is floor
    shares.push(Number(base));
    remainders.push(product - base * weightSum);
    residual -= Number(base);
  }
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let position = 0; position < residual; position++) {
    const entry = order[position];
    if (entry === undefined) break; // unreachable: R < n
    shares[entry.index] = (shares[entry.index] ?? 0) + 1;
  }
  return shares;
}

/**
 * Splits an annual share into four quarterly advances (Abschläge): `floor(S/4)` each, and the
 * `S mod 4` remaining cents go to the first quarters (Q1 first). Sheet: quarter `i` (1–4) =
 * `INT(S/4) + IF(i<=MOD(S,4),1,0)`.
 *
 * @example splitIntoQuarters(1003) // → [251, 251, 251, 250]
 * @throws RangeError for a negative or non-integer amount.
 */
export function splitIntoQuarters(annualCents: number): [number, number, number, number] {
  if (!Number.isSafeInteger(annualCents) || annualCents < 0) {
    throw new RangeError(`the annual share must be a non-negative whole number of cents, got ${String(annualCents)}`);
  }
  const base = Math.floor(annualCents / 4);
  const extra = annualCents - 4 * base;
  return [base + (extra >= 1 ? 1 : 0), base + (extra >= 2 ? 1 : 0), base + (extra >= 3 ? 1 : 0), base];
}
