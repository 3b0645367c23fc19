/** Every formula of every template uses only functions Excel 2016+, Excel on the web and LibreOffice 7.4+ share. */
import { describe, expect, it } from "vitest";
import { COMPATIBLE_FUNCTIONS, FORBIDDEN_FUNCTIONS, functionsIn } from "../lib/formulas/compatibleFunctions.js";
import { expectCompatibleFormulas } from "./support/expectCompatibleFormulas.js";
import { TEMPLATES } from "../templates/registry.js";

describe("formula compatibility", () => {
  it("finds function names but not text in quotes", () => {
    expect(functionsIn('IF(A1="MAX(",RANK(B1,B$1:B$9,0),"")')).toEqual(["IF", "RANK"]);
  });

  it("keeps the allowed and forbidden lists apart", () => {
    for (const name of FORBIDDEN_FUNCTIONS) expect(COMPATIBLE_FUNCTIONS.has(name)).toBe(false);
  });

  for (const template of TEMPLATES) {
    it.each(["de", "en"] as const)(
      `${template.spec.id} (%s): only compatible functions, English names, no prefixes`,
      (language) => {
        expectCompatibleFormulas(template.plan({ language, town: "Bockau", demo: true }).plan);
      },
    );
  }
});
