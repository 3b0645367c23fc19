import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countDecimals, toScaledInteger } from "./toScaledInteger.js";

describe("countDecimals and toScaledInteger", () => {
  it.each([
    [12345.67, 2],
    [0.1 + 0.2, 1],
    [30, 0],
    [1.5e-7, 8],
    [1e21, 0],
    [1_000_000_000.005, 3],
  ])("counts the decimals of %d as a spreadsheet shows it: %i", (value, decimals) => {
    expect(countDecimals(value)).toBe(decimals);
  });

  it("scales like ROUND(value·scale, 0), removing binary noise", () => {
    expect(toScaledInteger(0.29, 100)).toBe(29);
    expect(toScaledInteger(1.005, 100)).toBe(101);
    expect(toScaledInteger(33.33, 100)).toBe(3333);
    expect(toScaledInteger(999_999_999.99, 100)).toBe(99_999_999_999);
  });

  it("turns every amount in euros with cents up to 10⁹ € back into its cents (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000 }), (cents) => {
        const euros = cents / 100;
        expect(countDecimals(euros)).toBeLessThanOrEqual(2);
        expect(toScaledInteger(euros, 100)).toBe(cents);
      }),
      { numRuns: 2000 },
    );
  });
});
