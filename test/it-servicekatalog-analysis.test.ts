/**
 * The group analysis of three hand-made town catalogues, written as real .xlsx files and read
 * back. Every expected candidate below was worked out by hand from the rows (see the comments);
 * the analysis workbook is then written and read back: values only, town texts never formulas.
 */
import { describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToBuffer } from "../adapters/exceljs/writePlanToXlsx.js";
import { planWorkbook, type RowValues } from "../lib/plan/planWorkbook.js";
import { snapshotCell, type WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { readMetadata } from "../lib/validation/readWorkbook.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { GENERATOR_VERSION } from "../lib/version.js";
import type { AnalysisSource } from "../templates/analysis.js";
import { serviceCatalogueAnalysis, type ServiceAnalysisResult } from "../templates/it-servicekatalog/analysis.js";
import {
  CATEGORY_LABELS,
  CRITICALITY_LABELS,
  LIFECYCLE_LABELS,
  OPERATING_MODEL_LABELS,
  STATUS_LABELS,
} from "../templates/it-servicekatalog/lists.js";
import { DEMO_TOWNS } from "../templates/it-servicekatalog/demo.js";
import { serviceCatalogueModule } from "../templates/it-servicekatalog/module.js";
import { planServiceCatalogue } from "../templates/it-servicekatalog/plan.js";
import { checkServiceCatalogue } from "../templates/it-servicekatalog/checks.js";
import { SHEET, serviceCatalogueSpec } from "../templates/it-servicekatalog/spec.js";

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

interface Row {
  id: string;
  name: string;
  category: keyof typeof CATEGORY_LABELS;
  software: string;
  vendor?: string;
  codes?: string;
  users: number;
  cost: number;
  end?: string;
  criticality: keyof typeof CRITICALITY_LABELS;
  status: keyof typeof STATUS_LABELS;
  lifecycle?: keyof typeof LIFECYCLE_LABELS;
}

const toRowValues = (row: Row, language: Language): RowValues => ({
  serviceId: row.id,
  name: row.name,
  category: CATEGORY_LABELS[row.category][language],
  software: row.software,
  vendor: row.vendor,
  productCodes: row.codes,
  operatingModel: OPERATING_MODEL_LABELS.onPremises[language],
  users: row.users,
  annualCost: row.cost,
  contractEnd: row.end === undefined ? undefined : day(row.end),
  criticality: CRITICALITY_LABELS[row.criticality][language],
  status: STATUS_LABELS[row.status][language],
  lifecycle: LIFECYCLE_LABELS[row.lifecycle ?? "inOperation"][language],
});

// Months are full calendar months from the town's reference date; "open" = fewer than the window.
const TOWNS: { town: string; reference: string; window: number; language: Language; rows: Row[] }[] = [
  {
    town: "Ahornberg",
    reference: "2026-01-31",
    window: 24,
    language: "de",
    rows: [
      // 11 months → open
      {
        id: "A1",
        name: "Finanzen",
        category: "lineOfBusiness",
        software: "Finanzsoftware A",
        vendor: "Anbieter A",
        codes: "1113, 611",
        users: 5,
        cost: 10000,
        end: "2026-12-31",
        criticality: "high",
        status: "keep",
      },
      // 40 months → later
      {
        id: "A2",
        name: "Meldewesen",
        category: "lineOfBusiness",
        software: "Meldewesen A",
        codes: "1222",
        users: 2,
        cost: 3000,
        end: "2029-06-30",
        criticality: "high",
        status: "keep",
      },
      // 14 months → open
      {
        id: "A3",
        name: "GIS",
        category: "lineOfBusiness",
        software: "GIS X",
        codes: "5120",
        users: 3,
        cost: 1500,
        end: "2027-03-31",
        criticality: "medium",
        status: "consolidate",
      },
      {
        id: "A4",
        name: "Geoauskunft",
        category: "lineOfBusiness",
        software: "Geo Viewer",
        codes: "5120",
        users: 4,
        cost: 400,
        criticality: "low",
        status: "retire",
      },
      // exactly 24 months → later
      {
        id: "A5",
        name: "E-Mail",
        category: "communication",
        software: "=Mail Suite",
        users: 40,
        cost: 2000,
        end: "2028-01-31",
        criticality: "high",
        status: "keep",
      },
    ],
  },
  {
    town: "Birkenhain",
    reference: "2026-01-31",
    window: 24,
    language: "en",
    rows: [
      // 12 months (28 Feb < 31st) → open
      {
        id: "B1",
        name: "Finance",
        category: "lineOfBusiness",
        software: "  finanzsoftware a ",
        vendor: "anbieter a",
        codes: "1113",
        users: 3,
        cost: 6000.5,
        end: "2027-02-28",
        criticality: "high",
        status: "replace",
        lifecycle: "endOfSupport",
      },
      // 6 months → open
      {
        id: "B2",
        name: "Registration",
        category: "lineOfBusiness",
        software: "Meldewesen B",
        codes: "1222",
        users: 1,
        cost: 2500,
        end: "2026-07-31",
        criticality: "high",
        status: "keep",
      },
      // 59 months → later
      {
        id: "B3",
        name: "GIS",
        category: "lineOfBusiness",
        software: "GIS Y",
        codes: "5120",
        users: 2,
        cost: 800,
        end: "2030-12-31",
        criticality: "medium",
        status: "keep",
      },
      // on the reference date: 0 months → open
      {
        id: "B4",
        name: "E-mail",
        category: "communication",
        software: "=Mail Suite",
        users: 20,
        cost: 900,
        end: "2026-01-31",
        criticality: "high",
        status: "keep",
      },
    ],
  },
  {
    town: "Ulmenau",
    reference: "2026-03-15",
    window: 12,
    language: "de",
    rows: [
      // 11 months (14th < 15th) → open
      {
        id: "U1",
        name: "Finanzen",
        category: "lineOfBusiness",
        software: "Finanzsoftware B",
        codes: "1113, 611",
        users: 4,
        cost: 8000,
        end: "2027-03-14",
        criticality: "high",
        status: "keep",
      },
      // 12 months = the window → later
      {
        id: "U2",
        name: "Meldewesen",
        category: "lineOfBusiness",
        software: "Meldewesen A",
        codes: "1222",
        users: 2,
        cost: 2800,
        end: "2027-03-15",
        criticality: "high",
        status: "keep",
      },
      // 9 months → open
      {
        id: "U3",
        name: "DMS",
        category: "documentManagement",
        software: "DMS 1",
        codes: "1112, 1113",
        users: 25,
        cost: 5000,
        end: "2026-12-31",
        criticality: "medium",
        status: "keep",
      },
      {
        id: "U4",
        name: "Archiv",
        category: "documentManagement",
        software: "Archiv 2",
        codes: "1112",
        users: 3,
        cost: 700,
        criticality: "low",
        status: "consolidate",
      },
    ],
  },
];

async function townSources(): Promise<AnalysisSource[]> {
  const sources: AnalysisSource[] = [];
  for (const town of TOWNS) {
    const { plan } = planWorkbook(serviceCatalogueSpec, {
      language: town.language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: { [SHEET.services]: town.rows.map((r) => toRowValues(r, town.language)) },
      formValues: { [SHEET.town]: { name: town.town, referenceDate: day(town.reference), windowMonths: town.window } },
    });
    const file = `${town.town.toLowerCase()}.xlsx`;
    const snapshot = await readSnapshotFromXlsx(await writePlanToBuffer(plan), file);
    const report = validateWorkbook(serviceCatalogueSpec, snapshot, { language: "de", check: checkServiceCatalogue });
    expect(
      report.issues.filter((i) => i.severity !== "info"),
      file,
    ).toEqual([]);
    const workbook = report.workbook!;
    sources.push({ workbook, town: serviceCatalogueAnalysis.townOf(workbook) ?? file });
  }
  return sources;
}

describe("it-servicekatalog analysis of three towns", () => {
  let result: ServiceAnalysisResult;

  it("reads the towns and lists them with their sources", async () => {
    const sources = await townSources();
    // the towns' order must not matter: analyse them backwards
    result = serviceCatalogueAnalysis.analyse([...sources].reverse(), "de");
    expect(result.towns).toEqual(["Ahornberg", "Birkenhain", "Ulmenau"]);
    expect(result.sources).toEqual([
      {
        town: "Ahornberg",
        file: "ahornberg.xlsx",
        referenceDate: "2026-01-31",
        windowMonths: 24,
        serviceCount: 5,
        totalAnnualCost: 16900,
      },
      {
        town: "Birkenhain",
        file: "birkenhain.xlsx",
        referenceDate: "2026-01-31",
        windowMonths: 24,
        serviceCount: 4,
        totalAnnualCost: 10200.5,
      },
      {
        town: "Ulmenau",
        file: "ulmenau.xlsx",
        referenceDate: "2026-03-15",
        windowMonths: 12,
        serviceCount: 4,
        totalAnnualCost: 16500,
      },
    ]);
  });

  it("finds the harmonisation candidates: same code and category, different software in different towns", () => {
    // 1113: Finanzsoftware A (A1, B1 — spelling differs only in case and spaces) vs B (U1): 3 towns
    // 1222: Meldewesen A (A2, U2) vs B (B2): 3 towns; 5120: GIS X, Geo Viewer (A3, A4), GIS Y (B3): 2 towns, 3 products
    // 611: Finanzsoftware A (A1) vs B (U1): 2 towns. Not: DMS 1/Archiv 2 (one town only).
    expect(
      result.harmonisation.map((h) => [
        h.code,
        h.productName,
        h.category,
        h.towns,
        h.variants.map((v) => [v.software, v.towns]),
      ]),
    ).toEqual([
      [
        "1113",
        "Finanzverwaltung",
        "lineOfBusiness",
        ["Ahornberg", "Birkenhain", "Ulmenau"],
        [
          ["Finanzsoftware A", ["Ahornberg", "Birkenhain"]],
          ["Finanzsoftware B", ["Ulmenau"]],
        ],
      ],
      [
        "1222",
        "Melde- und Personenstandswesen",
        "lineOfBusiness",
        ["Ahornberg", "Birkenhain", "Ulmenau"],
        [
          ["Meldewesen A", ["Ahornberg", "Ulmenau"]],
          ["Meldewesen B", ["Birkenhain"]],
        ],
      ],
      [
        "5120",
        "Flächen- und grundstücksbezogene Daten und Grundlagen",
        "lineOfBusiness",
        ["Ahornberg", "Birkenhain"],
        [
          ["Geo Viewer", ["Ahornberg"]],
          ["GIS X", ["Ahornberg"]],
          ["GIS Y", ["Birkenhain"]],
        ],
      ],
      [
        "611",
        "Steuern, allgemeine Zuweisungen, allgemeine Umlagen",
        "lineOfBusiness",
        ["Ahornberg", "Ulmenau"],
        [
          ["Finanzsoftware A", ["Ahornberg"]],
          ["Finanzsoftware B", ["Ulmenau"]],
        ],
      ],
    ]);
  });

  it("finds the joint contract candidates: the same software in several towns", () => {
    // finanzsoftware a: A1 + B1 = 16,000.50 €, both open; meldewesen a: A2 + U2 = 5,800 €, none open;
    // =mail suite: A5 (24 months: later) + B4 (0 months: open) = 2,900 €
    expect(
      result.jointContracts.map((j) => [
        j.software,
        j.vendors,
        j.towns,
        j.totalUsers,
        j.totalAnnualCost,
        j.earliestContractEnd,
        j.contractsInWindow,
      ]),
    ).toEqual([
      ["Finanzsoftware A", ["Anbieter A"], ["Ahornberg", "Birkenhain"], 8, 16000.5, "2026-12-31", 2],
      ["Meldewesen A", [], ["Ahornberg", "Ulmenau"], 4, 5800, "2027-03-15", 0],
      ["=Mail Suite", [], ["Ahornberg", "Birkenhain"], 60, 2900, "2026-01-31", 1],
    ]);
  });

  it("lists every open window per town by contract end, with its months and priority", () => {
    // scores: A1 25+15+15·10000/10000 = 55; A3 30+25+7.5+15·1500/10000 = 64.75;
    // B4 25+15+15·900/6000.5; B2 25+15+15·2500/6000.5; B1 30+25+15+15+15 = 100;
    // U3 25+7.5+15·5000/8000 = 41.875; U1 25+15+15 = 55
    expect(result.windows.map((w) => [w.town, w.serviceId, w.contractEnd, w.monthsToEnd])).toEqual([
      ["Ahornberg", "A1", "2026-12-31", 11],
      ["Ahornberg", "A3", "2027-03-31", 14],
      ["Birkenhain", "B4", "2026-01-31", 0],
      ["Birkenhain", "B2", "2026-07-31", 6],
      ["Birkenhain", "B1", "2027-02-28", 12],
      ["Ulmenau", "U3", "2026-12-31", 9],
      ["Ulmenau", "U1", "2027-03-14", 11],
    ]);
    const scores = result.windows.map((w) => w.score);
    [55, 64.75, 42.249812516, 46.24947921, 100, 41.875, 55].forEach((expected, i) =>
      expect(scores[i]).toBeCloseTo(expected, 9),
    );
  });

  it("groups windows of several towns for the same code: a joint tender in reach", () => {
    // 1113: A1, B1, U1 all open; 611: A1, U1. Not 1222 (only B2 open) nor 5120 (only A3 open).
    expect(
      result.windowGroups.map((g) => [
        g.code,
        g.towns,
        g.earliestContractEnd,
        g.latestContractEnd,
        g.entries.map((e) => e.serviceId),
      ]),
    ).toEqual([
      ["1113", ["Ahornberg", "Birkenhain", "Ulmenau"], "2026-12-31", "2027-03-14", ["A1", "B1", "U1"]],
      ["611", ["Ahornberg", "Ulmenau"], "2026-12-31", "2027-03-14", ["A1", "U1"]],
    ]);
  });

  it("finds redundancies within a town: two services of one category for one code", () => {
    expect(
      result.redundancies.map((r) => [
        r.town,
        r.category,
        r.code,
        r.services.map((s) => s.serviceId),
        r.totalAnnualCost,
      ]),
    ).toEqual([
      ["Ahornberg", "lineOfBusiness", "5120", ["A3", "A4"], 1900],
      ["Ulmenau", "documentManagement", "1112", ["U3", "U4"], 5700],
    ]);
  });

  it("sums it up in German and English", () => {
    expect(serviceCatalogueAnalysis.summary(result, "de")).toEqual([
      "3 Kommunen, 13 Services, Jahreskosten zusammen 43.600,50 €.",
      "Harmonisierung: 4 Produktcodes werden in mehreren Kommunen von unterschiedlicher Software unterstützt.",
      "Gemeinsame Verträge: 3 Softwareprodukte sind in mehreren Kommunen im Einsatz.",
      "Zeitfenster: 7 Verträge enden im Zeitfenster, bei 2 Produktcodes in mehreren Kommunen zugleich.",
      "Redundanzen: 2-mal betreibt eine Kommune mehrere Services einer Kategorie für denselben Produktcode.",
    ]);
    expect(serviceCatalogueAnalysis.summary(result, "en")[0]).toBe(
      "3 towns, 13 services, annual cost together €43,600.50.",
    );
  });

  it("sums up one of each in the singular", () => {
    const one = {
      ...result,
      sources: result.sources.slice(0, 1).map((source) => ({ ...source, serviceCount: 1 })),
      towns: result.towns.slice(0, 1),
      harmonisation: result.harmonisation.slice(0, 1),
      jointContracts: result.jointContracts.slice(0, 1),
      windows: result.windows.slice(0, 1),
      windowGroups: result.windowGroups.slice(0, 1),
      redundancies: result.redundancies.slice(0, 1),
    };
    const de = serviceCatalogueAnalysis.summary(one, "de");
    expect(de[0]).toMatch(/^1 Kommune, 1 Service, /);
    expect(de.slice(1)).toEqual([
      "Harmonisierung: 1 Produktcode wird in mehreren Kommunen von unterschiedlicher Software unterstützt.",
      "Gemeinsame Verträge: 1 Softwareprodukt ist in mehreren Kommunen im Einsatz.",
      "Zeitfenster: 1 Vertrag endet im Zeitfenster, bei 1 Produktcode in mehreren Kommunen zugleich.",
      "Redundanzen: 1-mal betreibt eine Kommune mehrere Services einer Kategorie für denselben Produktcode.",
    ]);
    const en = serviceCatalogueAnalysis.summary(one, "en");
    expect(en[0]).toMatch(/^1 town, 1 service, /);
    expect(en[3]).toBe("Windows: 1 contract ends within the window, for 1 product code in several towns at once.");
    expect(en[4]).toBe("Redundancies: once a town runs several services of one category for the same product code.");
  });

  it("is plain data (survives JSON)", () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it.each(["de", "en"] as const)(
    "plans a workbook of values only, town texts never formulas (%s)",
    async (language) => {
      const { plan } = serviceCatalogueAnalysis.plan(result, language);
      const snapshot = await readSnapshotFromXlsx(await writePlanToBuffer(plan), "konsolidierung.xlsx");
      expect(readMetadata(snapshot)?.templateId).toBe("it-konsolidierung");
      const visible = snapshot.sheets.filter((s) => s.state === "visible").map((s) => s.name);
      expect(visible).toEqual(
        language === "de"
          ? [
              "Übersicht",
              "Harmonisierung",
              "Gemeinsame Verträge",
              "Zeitfenster",
              "Gemeinsame Zeitfenster",
              "Redundanzen",
            ]
          : ["Overview", "Harmonisation", "Joint contracts", "Windows", "Joint windows", "Redundancies"],
      );
      for (const sheet of snapshot.sheets)
        for (const row of sheet.rows) for (const cell of row ?? []) expect(cell?.formula).toBeUndefined();
      const joint = snapshot.sheets[2]!;
      const texts = column(joint, 2);
      expect(texts).toEqual(["Finanzsoftware A", "Meldewesen A", "=Mail Suite"]);
      expect(column(joint, 7)).toEqual([16000.5, 5800, 2900]);
      const overview = snapshot.sheets[0]!;
      expect(snapshotCell(overview, 4, 1)?.value).toBe(serviceCatalogueAnalysis.summary(result, language)[0]);
    },
  );
});

/** The values of a column below the header row (row 4) of an analysis sheet. */
function column(sheet: WorkbookSnapshot["sheets"][number], columnNumber: number): unknown[] {
  const values: unknown[] = [];
  for (let row = 5; row < sheet.rows.length; row++) {
    const value = snapshotCell(sheet, row, columnNumber)?.value;
    if (value !== undefined && value !== null) values.push(value);
  }
  return values;
}

describe("it-servicekatalog demo partnership", () => {
  it("overlaps so that the analysis finds candidates of every kind", async () => {
    const sources: AnalysisSource[] = [];
    for (const town of DEMO_TOWNS) {
      const { plan } = planServiceCatalogue({
        language: "de",
        town: town.name,
        demo: true,
        referenceDate: day("2026-01-31"),
      });
      const snapshot = await readSnapshotFromXlsx(await writePlanToBuffer(plan), `${town.name}.xlsx`);
      const report = validateWorkbook(serviceCatalogueSpec, snapshot, { language: "de", check: checkServiceCatalogue });
      sources.push({ workbook: report.workbook!, town: town.name });
    }
    const result = serviceCatalogueAnalysis.analyse(sources, "de");
    expect(result.towns).toHaveLength(DEMO_TOWNS.length);
    expect(result.harmonisation.length).toBeGreaterThan(0);
    expect(result.jointContracts.length).toBeGreaterThan(0);
    expect(result.windows.length).toBeGreaterThan(0);
    expect(result.windowGroups.length).toBeGreaterThan(0);
    expect(result.redundancies.length).toBeGreaterThan(0);
  });
});

describe("it-servicekatalog module", () => {
  it("lists the town's own products on the product sheet when given", () => {
    const products = [
      { code: "1113", name: "Finanzen" },
      { code: "99001", name: "Eigenes Produkt" },
    ];
    const { plan } = planServiceCatalogue({ language: "de", products, referenceDate: day("2026-01-01") });
    const sheet = plan.sheets.find((s) => s.key === SHEET.framework)!;
    const rows = [...sheet.rows()].filter((r) => r.row > 4).map((r) => r.cells.map((c) => c.value));
    expect(rows).toEqual([
      ["1113", "Finanzen"],
      ["99001", "Eigenes Produkt"],
    ]);
  });

  it("plans with today's date as the reference date, and names the town it was made for", async () => {
    const { plan } = serviceCatalogueModule.plan({ language: "de", town: "Bockau" });
    const snapshot = await readSnapshotFromXlsx(await writePlanToBuffer(plan), "bockau.xlsx");
    const report = validateWorkbook(serviceCatalogueModule.spec, snapshot, {
      language: "de",
      check: serviceCatalogueModule.check,
    });
    expect(report.valid).toBe(true);
    expect(serviceCatalogueModule.analysis.townOf(report.workbook!)).toBe("Bockau");
    const town = report.workbook!.sheets.get(SHEET.town);
    const reference = town?.kind === "form" ? town.values["referenceDate"] : null;
    const now = new Date();
    expect(reference).toEqual(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
  });

  it("knows no town in a workbook that names none", async () => {
    const blank = planServiceCatalogue({ language: "en", referenceDate: day("2026-01-01") });
    const report = validateWorkbook(
      serviceCatalogueSpec,
      await readSnapshotFromXlsx(await writePlanToBuffer(blank.plan), "x.xlsx"),
      { language: "en" },
    );
    expect(serviceCatalogueAnalysis.townOf(report.workbook!)).toBeUndefined();
  });
});
