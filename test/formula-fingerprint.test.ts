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
  aufgabenkatalog: { version: "1.2.0", sha256: "83746080e8a26b6a431002f33e92b59c54ddc8c04e7ee54e385c3bb1a3dd4c78" },
  kostenverteilung: { version: "0.5.0", sha256: "99020f674c99ccaf347de626eaecbb0eae4cfcfa35b876149e2b048c4ba6c2a7" },
  "it-servicekatalog": { version: "1.3.0", sha256: "d214972199392ec7022f9e5d81cda46eec71bfd835ab1a79bd470f4679325803" },
  arbeitsplatzprofil: { version: "1.3.0", sha256: "c9efc0b14acb82d7a972f7c73398cc056a34dd4bef7f9e54678a62bf96a3806e" },
  pestel: { version: "1.3.0", sha256: "7c8e06612b626719b10323a40c52580401b072fcb1d1bf2b042adae9047ab32b" },
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
