import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { costPerUser } from "./costPerUser.js";

describe("costPerUser", () => {
  it("divides and rounds to the cent, half away from zero", () => {
    expect(costPerUser(1000, 3)).toBe(333.33);
    expect(costPerUser(10.05, 2)).toBe(5.03);
    expect(costPerUser(0, 7)).toBe(0);
  });

  it("is empty when users are 0 or a value is missing", () => {
    expect(costPerUser(500, 0)).toBeNull();
    expect(costPerUser(null, 4)).toBeNull();
    expect(costPerUser(500, null)).toBeNull();
  });

  it("never is more than half a cent per user off, never negative, at most 2 decimals (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.integer({ min: 1, max: 100_000 }), (cents, users) => {
        const cost = cents / 100;
        const perUser = costPerUser(cost, users);
        expect(perUser).not.toBeNull();
        expect(perUser!).toBeGreaterThanOrEqual(0);
        expect(Math.abs(perUser! - cost / users)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(perUser! * 100 - Math.round(perUser! * 100))).toBeLessThan(1e-6);
      }),
    );
  });
});
