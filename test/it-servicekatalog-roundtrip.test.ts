/**
 * The IT service catalogue through the exceljs writer and reader, as a matched pair: what the
 * planner writes (demo catalogues in both languages, through the streaming and the in-memory
 * writer, and random catalogues with awkward text) is read back, accepted by the validator and
 * extracted to exactly the typed values that were written.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { planWorkbook, type RowValues } from "../lib/plan/planWorkbook.js";
import {
  CRITICALITIES,
  LIFECYCLE_STAGES,
  OPERATING_MODELS,
  SERVICE_CATEGORIES,
  SERVICE_STATUSES,
  type CatalogueService,
} from "../lib/services/model.js";
import { parseProductCodes } from "../lib/services/parseProductCodes.js";
import { lookupListValue } from "../lib/spec/lists.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { GENERATOR_VERSION } from "../lib/version.js";
import { DEMO_TOWNS, demoServiceRows } from "../templates/it-servicekatalog/demo.js";
import {
  CATEGORY_LABELS,
  CRITICALITY_LABELS,
  LIFECYCLE_LABELS,
  OPERATING_MODEL_LABELS,
  STATUS_LABELS,
} from "../templates/it-servicekatalog/lists.js";
import { planServiceCatalogue } from "../templates/it-servicekatalog/plan.js";
import { checkServiceCatalogue, extractServiceCatalogue } from "../templates/it-servicekatalog/checks.js";
import { SHEET, serviceCatalogueSpec } from "../templates/it-servicekatalog/spec.js";

const REFERENCE = new Date(Date.UTC(2026, 5, 30));

/** The typed service a planned row should read back as. */
function expectedService(row: RowValues): Omit<CatalogueService, never> {
  const text = (key: string): string | null => {
    const value = row[key];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
  };
  const list = (key: string, listKey: string) => {
    const value = text(key);
    return value === null ? null : (lookupListValue(serviceCatalogueSpec, listKey, value) ?? null);
  };
  const number = (key: string): number | null => (typeof row[key] === "number" ? row[key] : null);
  return {
    id: text("serviceId") ?? "",
    name: text("name") ?? "",
    category: list("category", "categories") as CatalogueService["category"],
    software: text("software") ?? "",
    vendor: text("vendor"),
    productCodes: parseProductCodes(text("productCodes")).codes,
    operatingModel: list("operatingModel", "operatingModels") as CatalogueService["operatingModel"],
    users: number("users"),
    annualCost: number("annualCost"),
    contractEnd: row["contractEnd"] instanceof Date ? row["contractEnd"] : null,
    criticality: list("criticality", "criticalities") as CatalogueService["criticality"],
    status: list("status", "statuses") as CatalogueService["status"],
    lifecycle: list("lifecycle", "lifecycleStages") as CatalogueService["lifecycle"],
    interfaces: text("interfaces"),
  };
}

async function roundTrip(bytes: Uint8Array, language: Language) {
  const snapshot = await readSnapshotFromXlsx(bytes, "rundreise.xlsx");
  const report = validateWorkbook(serviceCatalogueSpec, snapshot, { language, check: checkServiceCatalogue });
  return { report, catalogue: extractServiceCatalogue(report.workbook!) };
}

const withoutRow = <T extends { row: number }>({ row: _row, ...rest }: T): Omit<T, "row"> => rest;

describe("it-servicekatalog: writer and reader round trip", () => {
  it.each([
    ["de", "stream"],
    ["en", "memory"],
  ] as const)("reads every demo town back as written (%s, %s writer)", async (language, engine) => {
    for (const town of DEMO_TOWNS) {
      const planned = planServiceCatalogue({ language, town: town.name, demo: true, referenceDate: REFERENCE });
      const { report, catalogue } = await roundTrip(await writePlanToBuffer(planned.plan, { engine }), language);
      expect(report.issues.filter((i) => i.severity !== "info")).toEqual([]);
      expect(catalogue.town).toBe(town.name);
      expect(catalogue.referenceDate).toEqual(REFERENCE);
      expect(catalogue.windowMonths).toBe(24);
      const rows = demoServiceRows(town.name, REFERENCE, language);
      expect(catalogue.services.map(withoutRow)).toEqual(rows.map(expectedService));
    }
  });

  const awkwardText = fc.constantFrom(
    "=SUMME(A1:A3)",
    "+49 3771 1234",
    "-Entwurf-",
    "@Hauptamt",
    "Ä Ö Ü ß €",
    "  spaced  ",
    "1113",
  );
  const serviceRow = (index: number, language: Language) =>
    fc
      .record({
        name: awkwardText,
        software: awkwardText,
        vendor: fc.option(awkwardText, { nil: undefined }),
        interfaces: fc.option(awkwardText, { nil: undefined }),
        category: fc.constantFrom(...SERVICE_CATEGORIES),
        model: fc.constantFrom(...OPERATING_MODELS),
        criticality: fc.constantFrom(...CRITICALITIES),
        status: fc.constantFrom(...SERVICE_STATUSES),
        lifecycle: fc.option(fc.constantFrom(...LIFECYCLE_STAGES), { nil: undefined }),
        codes: fc.option(fc.constantFrom("1113", "1113, 611", "11, 1222, 5120"), { nil: undefined }),
        users: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
        cents: fc.option(fc.integer({ min: 0, max: 99_999_999_99 }), { nil: undefined }),
        days: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
      })
      .map((r): RowValues => ({
        serviceId: `ID-${index}`,
        name: r.name,
        category: CATEGORY_LABELS[r.category][language],
        software: r.software,
        vendor: r.vendor,
        productCodes: r.codes,
        operatingModel: OPERATING_MODEL_LABELS[r.model][language],
        users: r.users,
        annualCost: r.cents === undefined ? undefined : r.cents / 100,
        contractEnd: r.days === undefined ? undefined : new Date(REFERENCE.getTime() + r.days * 86_400_000),
        criticality: CRITICALITY_LABELS[r.criticality][language],
        status: STATUS_LABELS[r.status][language],
        lifecycle: r.lifecycle === undefined ? undefined : LIFECYCLE_LABELS[r.lifecycle][language],
        interfaces: r.interfaces,
      }));
  const catalogue = fc
    .tuple(fc.constantFrom<Language>("de", "en"), fc.integer({ min: 1, max: 8 }))
    .chain(([language, count]) =>
      fc.tuple(fc.constant(language), fc.tuple(...Array.from({ length: count }, (_, i) => serviceRow(i, language)))),
    );

  it("reads back any catalogue the writer makes, text that looks like a formula included (property)", async () => {
    await fc.assert(
      fc.asyncProperty(catalogue, async ([language, rows]) => {
        const { plan } = planWorkbook(serviceCatalogueSpec, {
          language,
          generatorVersion: GENERATOR_VERSION,
          tableRows: { [SHEET.services]: rows },
          formValues: { [SHEET.town]: { name: "=Gemeinde", referenceDate: REFERENCE } },
        });
        const { report, catalogue: read } = await roundTrip(await writePlanToBuffer(plan), language);
        expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
        expect(read.town).toBe("=Gemeinde");
        expect(read.services.map(withoutRow)).toEqual(rows.map(expectedService));
      }),
      { numRuns: 25 },
    );
  });
});
