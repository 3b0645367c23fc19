import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TEMPLATES } from "../templates/registry.js";

/**
 * A template's formulas change only with its version. Validation compares a workbook's formulas
 * with the ones planned for the version it records (lib/validation/checkFormulas.ts); a formula
 * changed without a new version would turn every workbook of that version into a list of
 * "formula changed" errors. When this test fails: bump the template's version (and its upgrade
 * history where inputs moved), then write the new fingerprint here.
 */
const FINGERPRINTS: Readonly<Record<string, { readonly version: string; readonly sha256: string }>> = {
  aufgabenkatalog: { version: "1.1.0", sha256: "f848c4ab42fbafcfb584c758208df65b8b7591ede8af9fc4cf8a30f7ef277e99" },
  kostenverteilung: { version: "0.3.0", sha256: "31aae9d71dcede4deadfc6ac29e6fdd50c17a93ce816cb1fd59994e0d5f9e9be" },
  "it-servicekatalog": { version: "1.1.0", sha256: "0fcd8d47d6e504c2b6dc9c7904bc64449961d09f645707a3a0fecbe8036b9050" },
  arbeitsplatzprofil: { version: "1.1.0", sha256: "c9efc0b14acb82d7a972f7c73398cc056a34dd4bef7f9e54678a62bf96a3806e" },
  pestel: { version: "1.1.0", sha256: "0c4424876a6f05075d2266fd01582240c32cb1c2ab0682fec6051631de7c6564" },
};

/** Every formula of the blank template in both languages, with its sheet and cell. */
function fingerprint(module: (typeof TEMPLATES)[number]): string {
  const hash = createHash("sha256");
  for (const language of ["de", "en"] as const) {
    const { plan } = module.plan({ language });
    for (const sheet of plan.sheets) {
      for (const row of sheet.rows()) {
        for (const cell of row.cells) {
          if (cell.formula !== undefined) hash.update(`${sheet.key}!${row.row}:${cell.column}=${cell.formula}\n`);
        }
      }
    }
  }
  return hash.digest("hex");
}

describe("a template's formulas change only with its version", () => {
  it.each(TEMPLATES.map((module) => [module.spec.id, module] as const))("%s", (id, module) => {
    const actual = { version: module.spec.version, sha256: fingerprint(module) };
    expect(actual, `new fingerprint of ${id}: ${JSON.stringify(actual)}`).toEqual(FINGERPRINTS[id]);
  });
});
