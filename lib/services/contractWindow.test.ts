import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contractWindow, monthsBetween } from "./contractWindow.js";

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe("monthsBetween", () => {
  it("counts full calendar months, rounded down", () => {
    expect(monthsBetween(day("2025-12-31"), day("2025-12-31"))).toBe(0);
    expect(monthsBetween(day("2025-12-31"), day("2027-12-30"))).toBe(23);
    expect(monthsBetween(day("2025-12-31"), day("2027-12-31"))).toBe(24);
    expect(monthsBetween(day("2026-01-15"), day("2026-02-14"))).toBe(0);
    expect(monthsBetween(day("2026-01-15"), day("2026-02-15"))).toBe(1);
    // a month-end reference: 31 Jan → 28 Feb is not a full month (as DATEDIF "m")
    expect(monthsBetween(day("2026-01-31"), day("2026-02-28"))).toBe(0);
  });

  it("is negative exactly when the end lies before the reference", () => {
    expect(monthsBetween(day("2025-12-31"), day("2025-12-30"))).toBe(-1);
    expect(monthsBetween(day("2025-12-31"), day("2025-11-30"))).toBe(-2);
  });

  const days = fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2060, 11, 31) / 86_400_000 });

  it("never falls when the end moves later, and is negative iff the end is earlier (property)", () => {
    fc.assert(
      fc.property(days, days, fc.integer({ min: 0, max: 400 }), (ref, end, later) => {
        const reference = new Date(ref * 86_400_000);
        const a = monthsBetween(reference, new Date(end * 86_400_000));
        const b = monthsBetween(reference, new Date((end + later) * 86_400_000));
        expect(b).toBeGreaterThanOrEqual(a);
        expect(a < 0).toBe(end < ref);
      }),
    );
  });

  it("gives k for the same day k months later (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2060 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: -60, max: 60 }),
        (year, month, date, k) => {
          expect(monthsBetween(new Date(Date.UTC(year, month, date)), new Date(Date.UTC(year, month + k, date)))).toBe(
            k,
          );
        },
      ),
    );
  });
});

describe("contractWindow", () => {
  it("flags expired, open (fewer full months than the window) and later", () => {
    expect(contractWindow(null, 24)).toBeNull();
    expect(contractWindow(-1, 24)).toBe("expired");
    expect(contractWindow(0, 24)).toBe("open");
    expect(contractWindow(23, 24)).toBe("open");
    expect(contractWindow(24, 24)).toBe("later");
  });
});
