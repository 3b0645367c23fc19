import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_HOT_SPOT_THRESHOLD, POSSIBLE_SCORES } from "./model.js";
import { effectiveThreshold, isHotSpot, isRating, scoreTheme, scoreThemes } from "./scoreTheme.js";
import { ratingArbitrary, themesArbitrary, thresholdArbitrary } from "../testing/pestelArbitraries.js";

describe("scoreTheme", () => {
  it("multiplies impact and room, and is empty unless both are ratings 0–3", () => {
    expect(scoreTheme(3, 2)).toBe(6);
    expect(scoreTheme(0, 3)).toBe(0);
    expect(scoreTheme(null, 3)).toBeNull();
    expect(scoreTheme(4, 1)).toBeNull();
    expect(scoreTheme(1.5, 2)).toBeNull();
    expect(scoreTheme("3", 3)).toBeNull();
  });

  it("takes only the values 0, 1, 2, 3, 4, 6 and 9, and never falls when a rating rises", () => {
    fc.assert(
      fc.property(ratingArbitrary, ratingArbitrary, (impact, room) => {
        const score = scoreTheme(impact, room);
        expect(score === null || (POSSIBLE_SCORES as readonly number[]).includes(score)).toBe(true);
        expect(score === null).toBe(!isRating(impact) || !isRating(room));
        expect(scoreTheme(room, impact)).toBe(score);
        if (score !== null && impact !== null && impact < 3) expect(scoreTheme(impact + 1, room)! >= score).toBe(true);
      }),
    );
  });
});

describe("effectiveThreshold and isHotSpot", () => {
  it("keeps a whole number 1–9 and falls back to 6 for anything else", () => {
    expect(effectiveThreshold(4)).toBe(4);
    for (const bad of [null, undefined, 0, 10, 5.5, "6", -3])
      expect(effectiveThreshold(bad)).toBe(DEFAULT_HOT_SPOT_THRESHOLD);
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.string()), (value) => {
        const threshold = effectiveThreshold(value);
        expect(Number.isInteger(threshold) && threshold >= 1 && threshold <= 9).toBe(true);
      }),
    );
  });

  it("is a hot spot exactly when the score reaches the threshold; a higher threshold never adds hot spots", () => {
    expect(isHotSpot(6, 6)).toBe(true);
    expect(isHotSpot(4, 6)).toBe(false);
    expect(isHotSpot(null, 1)).toBe(false);
    fc.assert(
      fc.property(themesArbitrary, thresholdArbitrary, thresholdArbitrary, (themes, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowHot = scoreThemes(themes, low).map((t) => t.hot);
        const highHot = scoreThemes(themes, high).map((t) => t.hot);
        highHot.forEach((hot, index) => {
          if (hot) expect(lowHot[index]).toBe(true);
        });
      }),
    );
  });
});
