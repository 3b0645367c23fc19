/** Pure helpers of the exceljs adapter: text escapes (formula shifting and date formats: lib/formulas, lib/cells). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeOoxmlText, encodeOoxmlText } from "../adapters/exceljs/cellValues.js";

describe("OOXML text escapes", () => {
  it("decodes what Excel writes", () => {
    expect(decodeOoxmlText("a_x000D_\nb")).toBe("a\r\nb");
    expect(decodeOoxmlText("_x005F_x0041_")).toBe("_x0041_");
    expect(decodeOoxmlText("plain_x_text")).toBe("plain_x_text");
  });

  it("round-trips every string", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom("_x0041_", "a\r\nb", "_x005F_", "\u0000\uFFFF")),
        (text) => {
          expect(decodeOoxmlText(encodeOoxmlText(text))).toBe(text);
        },
      ),
    );
  });
});
