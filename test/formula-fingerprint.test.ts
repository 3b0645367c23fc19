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
  kostenverteilung: { version: "0.4.0", sha256: "fd075a0e35a06808139e74bd751ad5f8b95938111a939fc8efbad7e2bf46e59c" },
  "it-servicekatalog": { version: "1.2.0", sha256: "d214972199392ec7022f9e5d81cda46eec71bfd835ab1a79bd470f4679325803" },
  arbeitsplatzprofil: { version: "1.2.0", sha256: "c9efc0b14acb82d7a972f7c73398cc056a34dd4bef7f9e54678a62bf96a3806e" },
  pestel: { version: "1.2.0", sha256: "03b753711bfb6415ce4f0f0e15b9644427a74b2f5624f94e180d2c9bc3e2c947" },
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
