import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyseConsolidation,
  compareText,
  normaliseSoftwareName,
  type ConsolidationAnalysis,
  type TownServices,
} from "./analyseConsolidation.js";
import { assessServices } from "./assessServices.js";
import { SERVICE_CATEGORIES, type CatalogueService, type ServiceCategory } from "./model.js";

const REFERENCE = new Date(Date.UTC(2025, 11, 31));

function service(
  id: string,
  software: string,
  category: ServiceCategory,
  codes: string[],
  extra: Partial<CatalogueService> = {},
): CatalogueService {
  return {
    id,
    name: `Service ${id}`,
    category,
    software,
    vendor: null,
    productCodes: codes,
    operatingModel: null,
    users: null,
    annualCost: null,
    contractEnd: null,
    criticality: null,
    status: null,
    lifecycle: null,
    interfaces: null,
    ...extra,
  };
}

const town = (name: string, services: CatalogueService[], windowMonths = 24): TownServices => ({
  town: name,
  services: assessServices(services, { referenceDate: REFERENCE, windowMonths }),
});

const end = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe("analyseConsolidation", () => {
  const towns = [
    town("Zschorlau", [
      service("Z1", "Finanz A", "lineOfBusiness", ["1113"], {
        annualCost: 9000,
        users: 6,
        contractEnd: end("2026-12-31"),
      }),
      service("Z2", "GIS X", "lineOfBusiness", ["5120"], { contractEnd: end("2030-01-01") }),
      service("Z3", "GIS Y", "lineOfBusiness", ["5120"], { annualCost: 100.1 }),
    ]),
    town("Bockau", [
      service("B1", "  finanz a ", "lineOfBusiness", ["1113"], {
        annualCost: 4000.25,
        users: 2,
        contractEnd: end("2027-06-30"),
      }),
      service("B2", "GIS X", "lineOfBusiness", ["5120"]),
    ]),
    town("Schönheide", [
      service("S1", "Finanz B", "lineOfBusiness", ["1113", "611"], { contractEnd: end("2026-03-31") }),
    ]),
  ];

  it("finds harmonisation, joint contract, window and redundancy candidates", () => {
    const result = analyseConsolidation(towns, {
      productName: (code) => (code === "1113" ? "Finanzverwaltung" : undefined),
    });
    expect(result.towns).toEqual(["Bockau", "Schönheide", "Zschorlau"]);
    expect(result.harmonisation.map((h) => [h.code, h.towns, h.variants.map((v) => [v.software, v.towns])])).toEqual([
      [
        "1113",
        ["Bockau", "Schönheide", "Zschorlau"],
        [
          ["Finanz A", ["Bockau", "Zschorlau"]],
          ["Finanz B", ["Schönheide"]],
        ],
      ],
      [
        "5120",
        ["Bockau", "Zschorlau"],
        [
          ["GIS X", ["Bockau", "Zschorlau"]],
          ["GIS Y", ["Zschorlau"]],
        ],
      ],
    ]);
    expect(result.harmonisation[0]?.productName).toBe("Finanzverwaltung");
    expect(
      result.jointContracts.map((j) => [j.key, j.towns, j.totalAnnualCost, j.earliestContractEnd, j.contractsInWindow]),
    ).toEqual([
      ["finanz a", ["Bockau", "Zschorlau"], 13000.25, "2026-12-31", 2],
      ["gis x", ["Bockau", "Zschorlau"], 0, "2030-01-01", 0],
    ]);
    expect(result.windows.map((w) => `${w.town}/${w.serviceId}/${w.monthsToEnd}`)).toEqual([
      "Bockau/B1/17",
      "Schönheide/S1/3",
      "Zschorlau/Z1/12",
    ]);
    expect(result.windowGroups.map((g) => [g.code, g.towns, g.earliestContractEnd, g.latestContractEnd])).toEqual([
      ["1113", ["Bockau", "Schönheide", "Zschorlau"], "2026-03-31", "2027-06-30"],
    ]);
    expect(
      result.redundancies.map((r) => [r.town, r.code, r.services.map((s) => s.serviceId), r.totalAnnualCost]),
    ).toEqual([["Zschorlau", "5120", ["Z2", "Z3"], 100.1]]);
  });

  it("needs two towns for cross-town candidates", () => {
    const single = analyseConsolidation([towns[0]!]);
    expect(single.harmonisation).toEqual([]);
    expect(single.jointContracts).toEqual([]);
    expect(single.windowGroups).toEqual([]);
    expect(single.windows).toHaveLength(1);
    expect(single.redundancies).toHaveLength(1);
  });

  // --- properties ---------------------------------------------------------------------------

  const SOFTWARE = ["Finanz A", "finanz a", "Finanz B", "DMS 1", "GIS X", " GIS  x"];
  const arbitraryService = (id: number) =>
    fc
      .record({
        software: fc.constantFrom(...SOFTWARE),
        category: fc.constantFrom(...SERVICE_CATEGORIES.slice(0, 3)),
        codes: fc.uniqueArray(fc.constantFrom("11", "1113", "5120", "611"), { maxLength: 3 }),
        cost: fc.option(fc.integer({ min: 0, max: 5_000_000 })),
        users: fc.option(fc.integer({ min: 0, max: 50 })),
        endOffset: fc.option(fc.integer({ min: -400, max: 1500 })),
      })
      .map((r) =>
        service(`S${id}`, r.software, r.category, r.codes, {
          annualCost: r.cost === null ? null : r.cost / 100,
          users: r.users,
          contractEnd: r.endOffset === null ? null : new Date(REFERENCE.getTime() + r.endOffset * 86_400_000),
        }),
      );
  const arbitraryTowns = fc
    .uniqueArray(fc.constantFrom("Zschorlau", "Schönheide", "Stützengrün", "Bockau", "Aue"), {
      minLength: 1,
      maxLength: 5,
    })
    .chain((names) =>
      fc.tuple(
        ...names.map((name) =>
          fc
            .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 6, max: 36 }))
            .chain(([count, window]) =>
              fc
                .tuple(...Array.from({ length: count }, (_, i) => arbitraryService(i)))
                .map((services) => town(name, services, window)),
            ),
        ),
      ),
    );

  const ordered = <T>(items: readonly T[], compare: (a: T, b: T) => number): boolean =>
    items.every((item, i) => i === 0 || compare(items[i - 1]!, item) <= 0);

  it("holds its rules and orderings for any catalogues (property)", () => {
    fc.assert(
      fc.property(arbitraryTowns, (input) => {
        const result: ConsolidationAnalysis = analyseConsolidation(input);
        const all = input.flatMap((t) => t.services.map((s) => ({ town: t.town, s })));
        for (const h of result.harmonisation) {
          expect(h.towns.length).toBeGreaterThanOrEqual(2);
          expect(h.variants.length).toBeGreaterThanOrEqual(2);
          const keys = new Set(h.variants.map((v) => normaliseSoftwareName(v.software)));
          expect(keys.size).toBe(h.variants.length);
          for (const v of h.variants)
            for (const ref of v.services) {
              const found = all.find((a) => a.town === ref.town && a.s.id === ref.serviceId);
              expect(found?.s.productCodes).toContain(h.code);
              expect(found?.s.category).toBe(h.category);
            }
        }
        for (const j of result.jointContracts) {
          expect(j.towns.length).toBeGreaterThanOrEqual(2);
          for (const s of j.services) expect(normaliseSoftwareName(s.software)).toBe(j.key);
          const expected = all.filter((a) => normaliseSoftwareName(a.s.software) === j.key);
          expect(j.services).toHaveLength(expected.length);
          expect(j.totalAnnualCost * 100).toBeCloseTo(
            expected.reduce((sum, a) => sum + Math.round((a.s.annualCost ?? 0) * 100), 0),
            6,
          );
        }
        for (const w of result.windows) {
          const windowMonths = input.find((t) => t.town === w.town)!;
          expect(w.monthsToEnd).toBeGreaterThanOrEqual(0);
          expect(windowMonths.services.find((s) => s.id === w.serviceId)?.window).toBe("open");
        }
        expect(result.windows).toHaveLength(all.filter((a) => a.s.window === "open").length);
        for (const g of result.windowGroups) {
          expect(g.towns.length).toBeGreaterThanOrEqual(2);
          expect(g.earliestContractEnd <= g.latestContractEnd).toBe(true);
        }
        for (const r of result.redundancies) {
          expect(r.services.length).toBeGreaterThanOrEqual(2);
          expect(new Set(r.services.map((s) => s.town))).toEqual(new Set([r.town]));
        }
        expect(ordered(result.harmonisation, (a, b) => b.towns.length - a.towns.length)).toBe(true);
        expect(
          ordered(
            result.jointContracts,
            (a, b) => b.towns.length - a.towns.length || b.totalAnnualCost - a.totalAnnualCost,
          ),
        ).toBe(true);
        expect(
          ordered(
            result.windows,
            (a, b) =>
              compareText(a.town, b.town) ||
              (a.contractEnd < b.contractEnd ? -1 : a.contractEnd > b.contractEnd ? 1 : 0),
          ),
        ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on the order of towns or services (property)", () => {
    fc.assert(
      fc.property(arbitraryTowns, fc.integer(), (input, seed) => {
        const shuffle = <T>(items: readonly T[], salt: number): T[] =>
          items
            .map((item, i) => ({ item, key: Math.sin(seed + salt * 31 + i) }))
            .sort((a, b) => a.key - b.key)
            .map((e) => e.item);
        const shuffled = shuffle(input, 1).map((t, i) => ({ ...t, services: shuffle(t.services, i + 2) }));
        expect(analyseConsolidation(shuffled)).toEqual(analyseConsolidation(input));
      }),
      { numRuns: 200 },
    );
  });
});
