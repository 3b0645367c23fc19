import { describe, expect, it } from "vitest";
import { roundHalfAwayFromZero } from "./roundHalfAwayFromZero.js";

describe("roundHalfAwayFromZero", () => {
  it.each([
    [2.675, 2, 2.68],
    [-2.675, 2, -2.68],
    [1.005, 2, 1.01],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [66.6666666666666, 9, 66.666666667],
    [33.3333333333333, 9, 33.333333333],
    [65.99999999999999, 9, 66],
    [0, 9, 0],
  ])("rounds %d to %d decimals as a spreadsheet does", (value, digits, expected) => {
    expect(roundHalfAwayFromZero(value, digits)).toBe(expected);
  });
});
