/**
 * Formula parity for the IT service catalogue: randomised catalogues (ties, zeros, users 0,
 * blank cells and rows, list entries typed in either language, dates around the window's edge,
 * German and English workbooks) and two demo workbooks are written, recalculated by LibreOffice
 * in one batch, read back, and every figure the sheet computed — cost per user, months to
 * contract end, window flag, priority score, and the town's largest annual cost — must equal
 * what lib/services computes from the same inputs: money to the cent, scores to 1e-9, months and
 * flags exactly.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import { parseCellAddress } from "../lib/cells/address.js";
import { seededRandom } from "../lib/numbers/seededRandom.js";
import { planWorkbook, type PlannedWorkbook, type RowValues } from "../lib/plan/planWorkbook.js";
import { maxAnnualCost } from "../lib/services/assessServices.js";
import {
  CRITICALITIES,
  LIFECYCLE_STAGES,
  OPERATING_MODELS,
  SERVICE_CATEGORIES,
  SERVICE_STATUSES,
} from "../lib/services/model.js";
import { snapshotCell, type WorkbookSnapshot } from "../lib/snapshot/WorkbookSnapshot.js";
import type { Language, LocalizedText } from "../lib/spec/TemplateSpec.js";
import { parsedForm } from "../lib/validation/readWorkbook.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { GENERATOR_VERSION } from "../lib/version.js";
import { expectCompatibleFormulas } from "./support/expectCompatibleFormulas.js";
import {
  CATEGORY_LABELS,
  CRITICALITY_LABELS,
  LIFECYCLE_LABELS,
  OPERATING_MODEL_LABELS,
  STATUS_LABELS,
  WINDOW_LABELS,
} from "../templates/it-servicekatalog/lists.js";
import { runCli } from "../cli/ikz.js";
import { demoServiceRows } from "../templates/it-servicekatalog/demo.js";
import { planServiceCatalogue } from "../templates/it-servicekatalog/plan.js";
import { withServiceCatalogueChecks } from "../templates/it-servicekatalog/sheetChecks.js";
import {
  assessServiceCatalogue,
  checkServiceCatalogue,
  extractServiceCatalogue,
} from "../templates/it-servicekatalog/checks.js";
import {
  CHECK_LINE_ROW,
  ROW_INVALID_TEXT,
  SHEET,
  TOWN_INVALID_TEXT,
  serviceCatalogueSpec,
} from "../templates/it-servicekatalog/spec.js";
import {
  disposeLibreOfficeProfiles,
  libreOfficeSkipRequested,
  recalculateWithLibreOffice,
  requireLibreOffice,
} from "./support/libreoffice.js";
import { expectStoredResults } from "./support/storedResults.js";

interface Scenario {
  readonly seed: string;
  readonly language: Language;
  readonly rows: number;
  /** Draw money and users from a few levels only, so many rows tie. */
  readonly coarse?: boolean;
  /** Share of optional cells left empty, and of empty rows between services. */
  readonly blankShare?: number;
  readonly blankRows?: number;
  /** Users 0 and cost 0 often; every cost 0 when `allCostsZero`. */
  readonly zeros?: boolean;
  readonly allCostsZero?: boolean;
  /** Contract ends within a few days of the window's edge (and of the reference date). */
  readonly boundary?: boolean;
  /** List cells typed as the key, the other language's label, in capitals or with spaces. */
  readonly mixedSpellings?: boolean;
  readonly windowMonths?: number;
}

const SCENARIOS: readonly Scenario[] = [
  { seed: "wide-de", language: "de", rows: 150, blankShare: 0.15 },
  { seed: "ties-en", language: "en", rows: 120, coarse: true },
  { seed: "zeros-de", language: "de", rows: 100, zeros: true, blankShare: 0.2 },
  { seed: "all-costs-zero-en", language: "en", rows: 40, allCostsZero: true },
  { seed: "boundary-de", language: "de", rows: 160, boundary: true },
  { seed: "boundary-en-window-7", language: "en", rows: 120, boundary: true, windowMonths: 7 },
  { seed: "blank-rows-de", language: "de", rows: 80, blankShare: 0.4, blankRows: 25 },
  { seed: "spellings-en", language: "en", rows: 100, mixedSpellings: true, coarse: true },
];

const DAY_MS = 86_400_000;

function scenarioPlan(scenario: Scenario): PlannedWorkbook {
  const random = seededRandom(`it-parity:${scenario.seed}`);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const blank = (): boolean => random() < (scenario.blankShare ?? 0);
  const language = scenario.language;
  const other: Language = language === "de" ? "en" : "de";
  const listText = <K extends string>(key: K, labels: Readonly<Record<K, LocalizedText>>): string => {
    if (!scenario.mixedSpellings) return labels[key][language];
    return pick([
      labels[key][language],
      labels[key][other],
      key,
      labels[key][language].toUpperCase(),
      `  ${labels[key][language]} `,
    ]);
  };
  // reference days include month ends (29th–31st) and the last day of February
  const reference = new Date(Date.UTC(int(2024, 2027), int(0, 11), pick([1, 15, 28, 29, 30, 31])));
  const windowMonths = scenario.windowMonths ?? 24;
  const contractEnd = (): Date | undefined => {
    if (blank()) return undefined;
    if (scenario.boundary) {
      const months = pick([windowMonths - 1, windowMonths, windowMonths + 1, 0, -1]);
      const days = int(-2, 2);
      return new Date(
        Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth() + months, reference.getUTCDate() + days),
      );
    }
    return new Date(reference.getTime() + int(-200, 2500) * DAY_MS);
  };
  const money = (): number | undefined => {
    if (scenario.allCostsZero) return 0;
    if (blank()) return undefined;
    if (scenario.zeros && random() < 0.3) return 0;
    if (scenario.coarse) return pick([0, 500, 1200, 1200.5, 9999.99]);
    return int(0, 2_000_000) / 100;
  };
  const users = (): number | undefined => {
    if (blank()) return undefined;
    if (scenario.zeros && random() < 0.3) return 0;
    return scenario.coarse ? pick([1, 3, 7, 40]) : int(0, 500);
  };
  const rows: RowValues[] = [];
  let blankRowsLeft = scenario.blankRows ?? 0;
  for (let index = 0; index < scenario.rows; index++) {
    if (blankRowsLeft > 0 && index > 0 && random() < 0.25) {
      rows.push({});
      blankRowsLeft--;
    }
    const cost = money();
    const countOfUsers = users();
    rows.push({
      serviceId: `S-${index + 1}`,
      name: pick(["Finanzen", "=Meldewesen", "+Telefonie", "-Archiv-", "@Mail", "Kita"]) + ` ${index + 1}`,
      category: listText(pick(SERVICE_CATEGORIES), CATEGORY_LABELS),
      software: pick(["Finanzsoftware A", "DMS B", "Groupware C"]),
      vendor: blank() ? undefined : "Anbieter A GmbH",
      productCodes: blank() ? undefined : pick(["1113", "1113, 611", "1222", "11"]),
      operatingModel: listText(pick(OPERATING_MODELS), OPERATING_MODEL_LABELS),
      users: countOfUsers,
      // users 0 with a cost is only a warning: keep it, it is a case the sheet must leave empty
      annualCost: cost,
      contractEnd: contractEnd(),
      criticality: listText(pick(CRITICALITIES), CRITICALITY_LABELS),
      status: listText(pick(SERVICE_STATUSES), STATUS_LABELS),
      lifecycle: blank() ? undefined : listText(pick(LIFECYCLE_STAGES), LIFECYCLE_LABELS),
    });
  }
  return planWorkbook(serviceCatalogueSpec, {
    language,
    generatorVersion: GENERATOR_VERSION,
    tableRows: { [SHEET.services]: rows },
    formValues: { [SHEET.town]: { name: `Parität ${scenario.seed}`, referenceDate: reference, windowMonths } },
  });
}

const DEMOS = [
  { seed: "demo-bockau-de", town: "Bockau", language: "de" as const },
  { seed: "demo-zschorlau-en", town: "Zschorlau", language: "en" as const },
];
const DEMO_REFERENCE = new Date(Date.UTC(2026, 0, 31));

/**
 * Demo catalogues with inputs the reader refuses, typed as a user would: the sheet must show
 * „✗“ instead of a plausible score, its summary line must say so, and validation must refuse the
 * same cells (so `ikz analyse` computes nothing).
 */
const BROKEN = [
  {
    seed: "broken-rows-de",
    language: "de" as const,
    // text in the annual cost (it counted 0 in the score) and in the users
    rows: { 0: { annualCost: "1.200 €" }, 2: { users: "zwölf" }, 4: { contractEnd: "Ende 2027" } } as Record<
      number,
      RowValues
    >,
    town: {},
  },
  {
    seed: "broken-window-en",
    language: "en" as const,
    rows: {} as Record<number, RowValues>,
    town: { windowMonths: "24 months" },
  },
];

function brokenPlan(broken: (typeof BROKEN)[number]): PlannedWorkbook {
  const rows = demoServiceRows("Bockau", DEMO_REFERENCE, broken.language).map((row, index) => ({
    ...row,
    ...broken.rows[index],
  }));
  return withServiceCatalogueChecks(
    planWorkbook(serviceCatalogueSpec, {
      language: broken.language,
      generatorVersion: GENERATOR_VERSION,
      tableRows: { [SHEET.services]: rows },
      formValues: { [SHEET.town]: { name: "Bockau", referenceDate: DEMO_REFERENCE, ...broken.town } },
    }),
  );
}

function valueAt(snapshot: WorkbookSnapshot, qualified: string): unknown {
  const [sheetName, address] = qualified.split("!");
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet || !address) throw new Error(`no cell ${qualified}`);
  const { row, column } = parseCellAddress(address);
  return snapshotCell(sheet, row, column)?.value;
}

const blankInSheet = (value: unknown): boolean => value === null || value === undefined || value === "";

describe.skipIf(libreOfficeSkipRequested())("formula parity with LibreOffice: IT service catalogue", () => {
  let dir = "";
  const recalculated = new Map<string, string>();
  const plans = new Map<string, PlannedWorkbook>();

  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(join(tmpdir(), "ikz-it-parity-"));
    for (const scenario of SCENARIOS) plans.set(scenario.seed, scenarioPlan(scenario));
    for (const broken of BROKEN) plans.set(broken.seed, brokenPlan(broken));
    for (const demo of DEMOS) {
      plans.set(
        demo.seed,
        planServiceCatalogue({ language: demo.language, town: demo.town, demo: true, referenceDate: DEMO_REFERENCE }),
      );
    }
    const files: string[] = [];
    for (const [seed, planned] of plans) {
      const file = join(dir, `${seed}.xlsx`);
      await writePlanToFile(planned.plan, file, { force: false });
      files.push(file);
    }
    const outputs = await recalculateWithLibreOffice(files, { outDir: join(dir, "recalculated") });
    [...plans.keys()].forEach((seed, index) => recalculated.set(seed, outputs[index] ?? ""));
  });

  it("every written file stores LibreOffice's result in every formula cell (docs/decisions/0013)", () => {
    expectStoredResults(
      [...recalculated].map(([id, file]) => ({
        id,
        written: join(dir, `${id}.xlsx`),
        recalculated: file,
        germanNumbersInText: true,
      })),
    );
  });

  afterAll(async () => {
    await disposeLibreOfficeProfiles();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("uses only functions every supported spreadsheet shares", () => {
    for (const planned of plans.values()) expectCompatibleFormulas(planned.plan);
  });

  it.each(DEMOS.map((d) => [d.seed, d.language] as const))(
    "%s: the sheet's own checks pass (town check line and summary line say ✓)",
    async (seed, language: Language) => {
      const snapshot = await readSnapshotFromXlsx(recalculated.get(seed)!, `${seed}.xlsx`);
      const town = serviceCatalogueSpec.sheets.find((s) => s.key === SHEET.town)!.name[language];
      const services = serviceCatalogueSpec.sheets.find((s) => s.key === SHEET.services)!.name[language];
      expect(valueAt(snapshot, `${town}!A${CHECK_LINE_ROW}`)).toMatch(/^✓ /);
      expect(valueAt(snapshot, `${services}!A${CHECK_LINE_ROW}`)).toBe(
        language === "de" ? "✓ Alle Prüfungen bestanden" : "✓ All checks passed",
      );
    },
  );

  it("shows ✗ instead of a score where users, cost or contract end are text, and validation refuses the same cells", async () => {
    const seed = "broken-rows-de";
    const file = recalculated.get(seed)!;
    const snapshot = await readSnapshotFromXlsx(file, `${seed}.xlsx`);
    const report = validateWorkbook(serviceCatalogueSpec, snapshot, { language: "de", check: checkServiceCatalogue });
    const errors = report.issues.filter((i) => i.severity === "error").map((i) => `${i.sheet}!${i.cell ?? ""}`);
    // demo rows start on row 5: annual cost (I) of row 5, users (H) of row 7, contract end (J) of row 9
    expect(errors).toEqual(expect.arrayContaining(["Services!I5", "Services!H7", "Services!J9"]));
    for (const row of [5, 7, 9]) expect(valueAt(snapshot, `Services!R${row}`)).toBe(ROW_INVALID_TEXT.de);
    for (const row of [6, 8, 10]) expect(typeof valueAt(snapshot, `Services!R${row}`)).toBe("number");
    expect(valueAt(snapshot, `Services!A${CHECK_LINE_ROW}`)).toBe(
      "✗ 1 Prüfung nicht bestanden – siehe Services, Spalte R",
    );
    expect(valueAt(snapshot, `IT-Kommune!A${CHECK_LINE_ROW}`)).toBe("✓ Stichtag und Zeitfenster in Ordnung");
    // and the tool computes nothing from it
    const out: string[] = [];
    const code = await runCli(["analyse", file], { stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
    expect(code).toBe(1);
    expect(out.join("\n")).toContain("I5");
  });

  it("shows ✗ in every score while the window is text, and validation refuses the window", async () => {
    const seed = "broken-window-en";
    const snapshot = await readSnapshotFromXlsx(recalculated.get(seed)!, `${seed}.xlsx`);
    const report = validateWorkbook(serviceCatalogueSpec, snapshot, { language: "en", check: checkServiceCatalogue });
    const town = parsedForm(report.workbook!, SHEET.town);
    const errors = report.issues.filter((i) => i.severity === "error").map((i) => `${i.sheet}!${i.cell ?? ""}`);
    expect(errors).toContain(`IT town!${town?.cells["windowMonths"] ?? "B6"}`);
    const scores = demoServiceRows("Bockau", DEMO_REFERENCE, "en").map((_, index) =>
      valueAt(snapshot, `Services!R${5 + index}`),
    );
    expect(scores.length).toBeGreaterThan(5);
    expect(new Set(scores)).toEqual(new Set([TOWN_INVALID_TEXT.en]));
    expect(valueAt(snapshot, `IT town!A${CHECK_LINE_ROW}`)).toBe("✗ Window: enter a whole number from 1 to 120");
    expect(valueAt(snapshot, `Services!A${CHECK_LINE_ROW}`)).toBe(
      "✗ 1 check failed – see IT town, reference date/window",
    );
  });

  it.each([...SCENARIOS.map((s) => [s.seed, s.language] as const), ...DEMOS.map((d) => [d.seed, d.language] as const)])(
    "%s: every cost per user, month count, window flag and score agrees",
    async (seed, language: Language) => {
      const file = recalculated.get(seed);
      expect(file).toBeDefined();
      const snapshot = await readSnapshotFromXlsx(file!, `${seed}.xlsx`);
      const report = validateWorkbook(serviceCatalogueSpec, snapshot, { language: "de", check: checkServiceCatalogue });
      expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
      const catalogue = extractServiceCatalogue(report.workbook!);
      const assessed = assessServiceCatalogue(catalogue);
      expect(assessed.length).toBeGreaterThan(10);

      const town = parsedForm(report.workbook!, SHEET.town)!;
      const maxInSheet = valueAt(snapshot, `${town.sheetName}!${town.cells["maxAnnualCost"] ?? "?"}`);
      expect(maxInSheet).toBe(maxAnnualCost(catalogue.services));

      const mismatches: unknown[] = [];
      const seen = { costPerUser: 0, emptyCost: 0, months: 0, expired: 0, open: 0, later: 0 };
      for (const service of assessed) {
        const sheet = {
          costPerUser: valueAt(snapshot, service.cells.costPerUser),
          monthsToEnd: valueAt(snapshot, service.cells.monthsToEnd),
          window: valueAt(snapshot, service.cells.window),
          score: valueAt(snapshot, service.cells.score),
        };
        const costOk =
          service.costPerUser === null
            ? blankInSheet(sheet.costPerUser)
            : typeof sheet.costPerUser === "number" && Math.abs(sheet.costPerUser - service.costPerUser) < 1e-9;
        const monthsOk =
          service.monthsToEnd === null ? blankInSheet(sheet.monthsToEnd) : sheet.monthsToEnd === service.monthsToEnd;
        const windowOk =
          service.window === null
            ? blankInSheet(sheet.window)
            : sheet.window === WINDOW_LABELS[service.window][language];
        const scoreOk = typeof sheet.score === "number" && Math.abs(sheet.score - service.score) <= 1e-9;
        if (!(costOk && monthsOk && windowOk && scoreOk)) mismatches.push({ row: service.row, sheet, lib: service });
        if (service.costPerUser === null) seen.emptyCost++;
        else seen.costPerUser++;
        if (service.monthsToEnd !== null) seen.months++;
        if (service.window !== null) seen[service.window]++;
      }
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect(mismatches).toHaveLength(0);
      // the scenario really exercises what it is about
      expect(seen.costPerUser).toBeGreaterThan(0);
      expect(seen.months).toBeGreaterThan(0);
      if (seed.startsWith("boundary")) {
        expect(seen.open).toBeGreaterThan(5);
        expect(seen.later).toBeGreaterThan(5);
        expect(seen.expired).toBeGreaterThan(5);
      }
      if (seed.startsWith("zeros")) expect(seen.emptyCost).toBeGreaterThan(5);
      expect(new Set(assessed.map((s) => s.score)).size).toBeGreaterThan(3);
    },
  );
});
