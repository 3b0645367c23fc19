import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitByLargestRemainder, splitIntoQuarters } from "./largestRemainder.js";

/** Exact base and remainder of A·w/W, for checking the rule from outside. */
function quota(total: number, weights: readonly number[], index: number): { base: bigint; remainder: bigint } {
  const sum = weights.reduce((acc, w) => acc + BigInt(w), 0n);
  const product = BigInt(total) * BigInt(weights[index] ?? 0);
  return { base: product / sum, remainder: product % sum };
}

const weightsArbitrary = (maxWeight: number, maxLength = 50) =>
  fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: maxWeight })), { minLength: 1, maxLength })
    .filter((weights) => weights.some((w) => w > 0));

/** 0.01 € … 10⁹ €, with zeros and small amounts weighted in. */
const centsArbitrary = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 1000 }),
  fc.integer({ min: 1, max: 100_000_000_000 }),
);

describe("splitByLargestRemainder", () => {
  it("splits 100.00 € over three equal towns as 33.34, 33.33, 33.33 (tie to the town listed first)", () => {
    expect(splitByLargestRemainder(10000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });

  it("splits 12,345.67 € by population 5300/4600/3300/2000 as computed by hand", () => {
    // W = 15 200; A·w = 6 543 205 100 / 5 679 008 200 / 4 074 071 100 / 2 469 134 000
    // bases 430 474 / 373 618 / 268 030 / 162 443 (Σ 1 234 565), remainders 300 / 14 600 / 15 100 / 400
    // R = 2 → the two largest remainders (15 100: Stützengrün, 14 600: Schönheide) get a cent each
    expect(splitByLargestRemainder(1234567, [5300, 4600, 3300, 2000])).toEqual([430474, 373619, 268031, 162443]);
  });

  it("gives ties to the towns listed first and never a cent to a zero weight", () => {
    expect(splitByLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(splitByLargestRemainder(3, [0, 1, 1])).toEqual([0, 2, 1]);
    expect(splitByLargestRemainder(1, [0, 0, 5])).toEqual([0, 0, 1]);
  });

  it("gives everything to a single town and splits 0 into zeros", () => {
    expect(splitByLargestRemainder(123, [7])).toEqual([123]);
    expect(splitByLargestRemainder(0, [1, 2, 3])).toEqual([0, 0, 0]);
  });

  it("stays exact where A·w exceeds 2^53 (BigInt inside)", () => {
    // 10^11 cents × weights around 10^8: products near 10^19. W = 222 222 222;
    // bases 55 555 555 105 / 44 444 444 444 / 450, remainders 123 456 690 / 98 765 432 / 100, R = 1
    const shares = splitByLargestRemainder(100_000_000_000, [123_456_789, 98_765_432, 1]);
    expect(shares).toEqual([55_555_555_106, 44_444_444_444, 450]);
  });

  it("refuses totals and weights it cannot split", () => {
    expect(() => splitByLargestRemainder(-1, [1])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(1.5, [1])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(1, [1, -1])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(1, [0.5])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(1, [0, 0])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(1, [])).toThrow(RangeError);
  });

  it("sums to the total, never goes negative, and gives 0 to a zero weight (property)", () => {
    fc.assert(
      fc.property(
        centsArbitrary,
        fc.oneof(weightsArbitrary(3), weightsArbitrary(20_000), weightsArbitrary(100_000_000)),
        (total, weights) => {
          const shares = splitByLargestRemainder(total, weights);
          expect(shares).toHaveLength(weights.length);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((share, index) => {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(Number.isSafeInteger(share)).toBe(true);
            if (weights[index] === 0) expect(share).toBe(0);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("rounds each quota up or down, up exactly for the largest remainders with ties to the first (property)", () => {
    fc.assert(
      fc.property(centsArbitrary, fc.oneof(weightsArbitrary(3, 12), weightsArbitrary(20_000, 12)), (total, weights) => {
        const shares = splitByLargestRemainder(total, weights);
        const quotas = weights.map((_, index) => quota(total, weights, index));
        const roundedUp = shares.map((share, index) => BigInt(share) === (quotas[index]?.base ?? 0n) + 1n);
        shares.forEach((share, index) => expect(roundedUp[index] || BigInt(share) === quotas[index]?.base).toBe(true));
        // every town rounded up ranks before every town rounded down: larger remainder, or equal and listed first
        roundedUp.forEach((up, i) => {
          if (!up) return;
          roundedUp.forEach((otherUp, j) => {
            if (otherUp) return;
            const ri = quotas[i]!.remainder;
            const rj = quotas[j]!.remainder;
            expect(ri > rj || (ri === rj && i < j)).toBe(true);
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it("is permutation-invariant when no two non-zero remainders tie, and otherwise moves at most one cent (property)", () => {
    fc.assert(
      fc.property(
        centsArbitrary,
        weightsArbitrary(1_000_000).chain((weights) =>
          fc.tuple(
            fc.constant(weights),
            fc.shuffledSubarray(
              weights.map((_, i) => i),
              { minLength: weights.length, maxLength: weights.length },
            ),
          ),
        ),
        (total, [weights, permutation]) => {
          const shares = splitByLargestRemainder(total, weights);
          const permutedShares = splitByLargestRemainder(
            total,
            permutation.map((i) => weights[i]!),
          );
          const remainders = weights.map((_, index) => quota(total, weights, index).remainder);
          permutation.forEach((original, position) => {
            const before = shares[original]!;
            const after = permutedShares[position]!;
            const r = remainders[original]!;
            const tied = r > 0n && remainders.some((other, index) => index !== original && other === r);
            if (tied) expect(Math.abs(after - before)).toBeLessThanOrEqual(1);
            else expect(after).toBe(before);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("splitIntoQuarters", () => {
  it.each([
    [1003, [251, 251, 251, 250]],
    [1002, [251, 251, 250, 250]],
    [1001, [251, 250, 250, 250]],
    [1000, [250, 250, 250, 250]],
    [3, [1, 1, 1, 0]],
    [0, [0, 0, 0, 0]],
  ])("splits %i cents into %j (the first quarters take the remainder)", (annual, quarters) => {
    expect(splitIntoQuarters(annual)).toEqual(quarters);
  });

  it("sums to the annual share, differs by at most 1 cent, earlier quarters ≥ later (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000_000 }), (annual) => {
        const quarters = splitIntoQuarters(annual);
        expect(quarters.reduce((a, b) => a + b, 0)).toBe(annual);
        expect(Math.max(...quarters) - Math.min(...quarters)).toBeLessThanOrEqual(1);
        for (let i = 1; i < 4; i++) expect(quarters[i - 1]!).toBeGreaterThanOrEqual(quarters[i]!);
      }),
    );
  });

  it("refuses negative and fractional cents", () => {
    expect(() => splitIntoQuarters(-4)).toThrow(RangeError);
    expect(() => splitIntoQuarters(4.5)).toThrow(RangeError);
  });
});
