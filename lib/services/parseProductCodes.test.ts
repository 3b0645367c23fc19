import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProductCodes } from "./parseProductCodes.js";

describe("parseProductCodes", () => {
  it("splits on commas, semicolons and white space, keeps each code once", () => {
    expect(parseProductCodes("1113, 611;1222\n1113")).toEqual({ codes: ["1113", "611", "1222"], invalid: [] });
    expect(parseProductCodes(1113)).toEqual({ codes: ["1113"], invalid: [] });
    expect(parseProductCodes(null)).toEqual({ codes: [], invalid: [] });
    expect(parseProductCodes("  ")).toEqual({ codes: [], invalid: [] });
  });

  it("returns what is no code: letters, one digit, more than 8 digits, decimals", () => {
    expect(parseProductCodes("11a, 1, 123456789, 11.13, 1113")).toEqual({
      codes: ["1113"],
      invalid: ["11a", "1", "123456789", "11.13"],
    });
  });

  it('reads back any list of codes joined with ", " (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^\d{2,8}$/), { maxLength: 8 }), (codes) => {
        expect(parseProductCodes(codes.join(", "))).toEqual({ codes, invalid: [] });
      }),
    );
  });
});
