/**
 * Formula parity for template „Arbeitsplatzprofil“: randomised profiles — every status, blanks,
 * blank rows in the middle, dimensions without Muss or without any requirement, all-Kann
 * profiles, list values typed in the other language or another case, unused town slots between
 * named ones, both languages — are written as workbooks, recalculated by LibreOffice, read back,
 * and every computed cell must equal lib/workplace: each row's weight, dimension number, value
 * and gap flag per town, its number and line in the specification; every fulfilment (to 1e-9),
 * gap count, open and unassessed count and workplace total on „Auswertung“; every cell of every
 * line of „Leistungsverzeichnis“.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSnapshotFromXlsx } from "../adapters/exceljs/readSnapshotFromXlsx.js";
import { writePlanToFile } from "../adapters/exceljs/writePlanToXlsx.js";
import { cellAddress } from "../lib/cells/address.js";
import { seededRandom } from "../lib/numbers/seededRandom.js";
import type { RowValues } from "../lib/plan/planWorkbook.js";
import type { WorkbookPlan } from "../lib/plan/WorkbookPlan.js";
import type { Language } from "../lib/spec/TemplateSpec.js";
import { validateWorkbook } from "../lib/validation/validateWorkbook.js";
import { buildSpecification, specificationLines } from "../lib/workplace/buildSpecification.js";
import { computeFulfilment, gapFlag } from "../lib/workplace/computeFulfilment.js";
import {
  DIMENSION_KEYS,
  OBLIGATION_WEIGHTS,
  STATUS_VALUES,
  dimensionNumber,
  type DimensionKey,
  trimLikeSpreadsheet,
  type Obligation,
} from "../lib/workplace/model.js";
import { checkWorkplaceProfile } from "../templates/arbeitsplatzprofil/checks.js";
import { runCli } from "../cli/ikz.js";
import {
  EVALUATION_CHECK_ROWS,
  EVALUATION_ROWS,
  evaluationCell,
} from "../templates/arbeitsplatzprofil/formulas/evaluation.js";
import { NOT_IN_LIST_TEXT } from "../templates/arbeitsplatzprofil/formulas/common.js";
import {
  SHEET_NAMES,
  SLOTS,
  SPARE_REQUIREMENTS,
  gapColumn,
  statusColumn,
  valueColumn,
} from "../templates/arbeitsplatzprofil/layout.js";
import {
  planWorkplaceProfile,
  planWorkplaceProfileContent,
  starterRequirementRows,
} from "../templates/arbeitsplatzprofil/plan.js";
import {
  DIMENSIONS,
  GAP_LABELS,
  OBLIGATION_LABELS,
  ROLES,
  STATUS_LABELS,
} from "../templates/arbeitsplatzprofil/reference.js";
import { WORKPLACES_INVALID_TEXT, workplaceProfileSpec } from "../templates/arbeitsplatzprofil/spec.js";
import {
  SPECIFICATION_CHECK_ROW,
  SPECIFICATION_HEADER_ROW,
  SPECIFICATION_TEXT,
} from "../templates/arbeitsplatzprofil/formulas/specification.js";
import { STARTER_REQUIREMENTS } from "../templates/arbeitsplatzprofil/starterRequirements.js";
import {
  extractWorkplaceProfile,
  toWorkplaceProfile,
  workplacesPerTown,
} from "../templates/arbeitsplatzprofil/workplaceProfile.js";
import { expectCompatibleFormulas } from "./support/expectCompatibleFormulas.js";
import {
  disposeLibreOfficeProfiles,
  libreOfficeSkipRequested,
  readRecalculatedValues,
  recalculateWithLibreOffice,
  requireLibreOffice,
} from "./support/libreoffice.js";
import { expectStoredResults } from "./support/storedResults.js";

interface Scenario {
  readonly id: string;
  readonly language: Language;
  readonly plan: WorkbookPlan;
  /** Planned requirement rows (pre-filled plus spare). */
  readonly requirementRows: number;
}

/** What a scenario stresses. */
interface Shape {
  readonly rows: number;
  /** Share of rows left completely blank (blank rows in the middle). */
  readonly blankRows: number;
  /** Share of statuses left blank. */
  readonly blankStatus: number;
  readonly obligations: readonly Obligation[];
  /** Dimensions the rows are drawn from (others stay empty). */
  readonly dimensions: readonly DimensionKey[];
  /** Dimensions that get no Muss requirement. */
  readonly withoutMust: readonly DimensionKey[];
  /** Type list values in the other language, another case, with extra spaces. */
  readonly variants: boolean;
  readonly spare: number;
}

const TOWN_NAMES = [
  "Zschorlau",
  "Schönheide",
  "=Stützengrün",
  "Bockau",
  "Aue-Bad Schlema",
  "Eibenstock",
  "Lauter",
  "Sosa",
];

const SHAPES: readonly Shape[] = [
  {
    rows: 60,
    blankRows: 0.1,
    blankStatus: 0.15,
    obligations: ["must", "should", "may"],
    dimensions: DIMENSION_KEYS,
    withoutMust: [],
    variants: false,
    spare: 5,
  },
  {
    rows: 45,
    blankRows: 0,
    blankStatus: 0.3,
    obligations: ["must", "should", "may"],
    dimensions: DIMENSION_KEYS,
    withoutMust: ["networked", "serviceOriented"],
    variants: true,
    spare: 0,
  },
  {
    rows: 30,
    blankRows: 0.2,
    blankStatus: 0.1,
    obligations: ["may"],
    dimensions: DIMENSION_KEYS,
    withoutMust: [],
    variants: false,
    spare: 3,
  },
  {
    rows: 40,
    blankRows: 0.05,
    blankStatus: 0,
    obligations: ["must", "should"],
    dimensions: ["hybrid", "digital", "standardised"],
    withoutMust: [],
    variants: true,
    spare: 10,
  },
  {
    rows: 25,
    blankRows: 0.1,
    blankStatus: 0.5,
    obligations: ["must", "may"],
    dimensions: ["userFriendly", "networked"],
    withoutMust: [],
    variants: false,
    spare: 1,
  },
  {
    rows: 8,
    blankRows: 0.3,
    blankStatus: 0.2,
    obligations: ["must", "should", "may"],
    dimensions: DIMENSION_KEYS,
    withoutMust: ["hybrid"],
    variants: true,
    spare: 2,
  },
  {
    rows: 0,
    blankRows: 0,
    blankStatus: 0,
    obligations: ["must"],
    dimensions: DIMENSION_KEYS,
    withoutMust: [],
    variants: false,
    spare: 4,
  },
];

const label = <K extends string>(
  list: readonly { readonly key: K; readonly label: { de: string; en: string } }[],
  key: K,
  language: Language,
) => list.find((entry) => entry.key === key)?.label[language] ?? key;

/** A list cell as a user might type it: the label, or (variants) the other language, another case, spaces. */
function typed(
  random: () => number,
  key: string,
  labels: { de: string; en: string },
  language: Language,
  variants: boolean,
): string {
  if (!variants) return labels[language];
  const pick = random();
  if (pick < 0.25) return labels[language === "de" ? "en" : "de"];
  if (pick < 0.45) return labels[language].toUpperCase();
  if (pick < 0.6) return `  ${labels[language]} `;
  if (pick < 0.7) return key;
  return labels[language];
}

function randomScenario(index: number, shape: Shape): Scenario {
  const random = seededRandom(`ikz-parity-arbeitsplatz-${index}`);
  const language: Language = index % 2 === 0 ? "de" : "en";
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // named slots: some scenarios leave gaps between named towns
  // (a name of spaces only leaves its slot unused, in the sheet as in the reader)
  const towns = SLOTS.map((slot) =>
    random() < (slot === 1 ? 0.9 : 0.6) ? TOWN_NAMES[slot - 1] : random() < 0.3 ? "   " : undefined,
  );
  const requirements: RowValues[] = [];
  for (let row = 0; row < shape.rows; row++) {
    if (random() < shape.blankRows) {
      requirements.push({});
      continue;
    }
    const dimension = pick(shape.dimensions);
    const allowed = shape.withoutMust.includes(dimension)
      ? shape.obligations.filter((o) => o !== "must")
      : shape.obligations;
    const obligation = pick(allowed.length > 0 ? allowed : (["may"] as const));
    const values: Record<string, string | number | undefined> = {
      id: random() < 0.1 ? `  R-${index}-${row} ` : `R-${index}-${row}`,
      dimension: typed(
        random,
        dimension,
        DIMENSIONS.find((d) => d.key === dimension)?.label ?? { de: "", en: "" },
        language,
        shape.variants,
      ),
      requirement: random() < 0.2 ? `  Anforderung   ${row} mit  Leerzeichen ` : `Anforderung ${row} (${dimension})`,
      obligation: typed(
        random,
        obligation,
        OBLIGATION_LABELS.find((o) => o.key === obligation)?.label ?? { de: "", en: "" },
        language,
        shape.variants,
      ),
      roles:
        random() < 0.4
          ? ""
          : ROLES.filter(() => random() < 0.4)
              .map((role) => role.label[random() < 0.8 ? language : language === "de" ? "en" : "de"])
              .join(random() < 0.3 ? ";  " : "; "),
    };
    for (const slot of SLOTS) {
      if (towns[slot - 1]?.trim() === undefined || towns[slot - 1]?.trim() === "" || random() < shape.blankStatus)
        continue;
      const status = pick(STATUS_LABELS);
      values[statusColumn(slot)] = typed(random, status.key, status.label, language, shape.variants);
    }
    requirements.push(values);
  }
  const workplaces = SLOTS.map((slot) =>
    (towns[slot - 1]?.trim() ?? "") === "" || random() < 0.15
      ? {}
      : Object.fromEntries(ROLES.map((role) => [role.key, random() < 0.1 ? undefined : Math.floor(random() * 40)])),
  );
  const plan = planWorkplaceProfileContent({
    language,
    towns,
    requirements,
    workplaces,
    partnershipName: `Parität ${index}`,
    spare: shape.spare,
  }).plan;
  return {
    id: `p${index}`,
    language,
    plan,
    requirementRows: Math.max(STARTER_REQUIREMENTS.length, shape.rows + shape.spare),
  };
}

/** Requirement rows of a workbook planned from the starter set. */
const STARTER_ROWS = STARTER_REQUIREMENTS.length + SPARE_REQUIREMENTS;

const SCENARIOS: readonly Scenario[] = [
  ...SHAPES.flatMap((shape, index) => [randomScenario(index * 2, shape), randomScenario(index * 2 + 1, shape)]),
  ...(["de", "en"] as const).map((language) => ({
    id: `demo-${language}`,
    language,
    plan: planWorkplaceProfile({ language, demo: true }).plan,
    requirementRows: STARTER_ROWS,
  })),
  {
    id: "own-copy",
    language: "de" as const,
    plan: planWorkplaceProfile({ language: "de", town: "Bockau", demo: true }).plan,
    requirementRows: STARTER_ROWS,
  },
  {
    id: "blank",
    language: "en" as const,
    plan: planWorkplaceProfile({ language: "en" }).plan,
    requirementRows: STARTER_ROWS,
  },
];

const blank = (value: unknown): boolean => value === null || value === "";

/**
 * Profiles with inputs the reader refuses, typed as a user would: a status that is no list entry
 * (it used to read as „not assessed“), a workplace count typed as text, an obligation that is no
 * list entry. The sheet must show „✗“ where its results cannot be trusted, the summary line on
 * „Auswertung“ must say so, and validation must refuse the same cells.
 */
const BROKEN = [
  { id: "broken-status-de", language: "de" as const },
  { id: "broken-obligation-en", language: "en" as const },
];

function brokenPlan(id: string, language: Language): WorkbookPlan {
  const requirements = starterRequirementRows(language).map((row, index) => ({
    ...row,
    [statusColumn(1)]: index % 3 === 0 ? STATUS_LABELS[1]?.label[language] : STATUS_LABELS[0]?.label[language],
    [statusColumn(2)]: STATUS_LABELS[2]?.label[language],
    ...(index === 0 && id === "broken-status-de" ? { [statusColumn(1)]: "ok" } : {}),
    ...(index === 3 && id === "broken-obligation-en" ? { obligation: "mandatory" } : {}),
  }));
  const counts = Object.fromEntries(ROLES.map((role) => [role.key, 4]));
  const workplaces = [
    id === "broken-status-de" ? { ...counts, [ROLES[1]?.key ?? ""]: "zwölf" as unknown as number } : counts,
    counts,
  ];
  return planWorkplaceProfileContent({ language, towns: ["Bockau", "Zschorlau"], requirements, workplaces }).plan;
}

describe("arbeitsplatzprofil: formulas", () => {
  it.each(["de", "en"] as const)("only compatible functions, English names, no prefixes (%s)", (language) => {
    expectCompatibleFormulas(planWorkplaceProfile({ language, demo: true }).plan);
    expectCompatibleFormulas(planWorkplaceProfile({ language, town: "Bockau" }).plan);
  });
});

describe.skipIf(libreOfficeSkipRequested())("formula parity with LibreOffice: Arbeitsplatzprofil", () => {
  let dir = "";
  const recalculated = new Map<string, string>();
  const counted = { rows: 0, fulfilments: 0, lines: 0, gapFlags: 0, typedVariants: 0 };

  beforeAll(async () => {
    requireLibreOffice();
    dir = await mkdtemp(join(tmpdir(), "ikz-parity-ap-"));
    const files: string[] = [];
    const plans = [
      ...SCENARIOS.map((s) => [s.id, s.plan] as const),
      ...BROKEN.map((b) => [b.id, brokenPlan(b.id, b.language)] as const),
    ];
    for (const [id, plan] of plans) {
      const file = join(dir, `${id}.xlsx`);
      await writePlanToFile(plan, file, { force: false });
      files.push(file);
    }
    const outputs = await recalculateWithLibreOffice(files, { outDir: join(dir, "recalculated") });
    outputs.forEach((file, index) => recalculated.set(plans[index]?.[0] ?? "", file));
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
    console.info(`arbeitsplatzprofil parity: ${JSON.stringify(counted)}`);
  });

  it.each(SCENARIOS.filter((s) => s.id.startsWith("demo") || s.id === "blank").map((s) => [s.id, s] as const))(
    "%s: the sheet's own checks pass (summary line says ✓)",
    async (id, scenario) => {
      const sheet = await readRecalculatedValues(recalculated.get(id)!);
      const passed = scenario.language === "de" ? "✓ Alle Prüfungen bestanden" : "✓ All checks passed";
      expect(sheet.valueAt(SHEET_NAMES.evaluation[scenario.language], `A${EVALUATION_CHECK_ROWS.summary}`)).toBe(
        passed,
      );
      expect(sheet.valueAt(SHEET_NAMES.specification[scenario.language], `A${SPECIFICATION_CHECK_ROW}`)).toBe(passed);
    },
  );

  it("shows ✗ for a status that is no list entry and a count typed as text, and validation refuses both", async () => {
    const file = recalculated.get("broken-status-de")!;
    const snapshot = await readSnapshotFromXlsx(file, "broken-status-de.xlsx");
    const report = validateWorkbook(workplaceProfileSpec, snapshot, { language: "de", check: checkWorkplaceProfile });
    const errors = report.issues.filter((i) => i.severity === "error").map((i) => `${i.sheet}!${i.cell ?? ""}`);
    const sheet = await readRecalculatedValues(file);
    const columns = report.workbook!.sheets.get("requirements");
    const at = (key: string, row: number): string =>
      cellAddress(row, columns?.kind === "table" ? (columns.columns.get(key) ?? 0) : 0);
    // first requirement (row 5), slot 1; „Arbeitsplätze“ slot 1 (row 5), second role (column D)
    expect(errors).toEqual(expect.arrayContaining([`Anforderungen!${at(statusColumn(1), 5)}`, "Arbeitsplätze!D5"]));
    expect(sheet.valueAt("Anforderungen", at(valueColumn(1), 5))).toBe(NOT_IN_LIST_TEXT.status.de);
    expect(sheet.valueAt("Arbeitsplätze", "H5")).toBe(WORKPLACES_INVALID_TEXT.de);
    expect(sheet.valueAt("Auswertung", evaluationCell(EVALUATION_CHECK_ROWS.towns, 1))).toBe("✗ Status");
    expect(sheet.valueAt("Auswertung", evaluationCell(EVALUATION_CHECK_ROWS.towns, 2))).toBe("✓");
    // town 1's results are no numbers, town 2's are
    for (const row of [
      EVALUATION_ROWS.dimension(1),
      EVALUATION_ROWS.overall,
      EVALUATION_ROWS.gapTotal,
      EVALUATION_ROWS.notAssessed,
    ]) {
      expect(sheet.valueAt("Auswertung", evaluationCell(row, 1))).toBe("✗");
      expect(typeof sheet.valueAt("Auswertung", evaluationCell(row, 2))).toBe("number");
    }
    expect(sheet.valueAt("Auswertung", `A${EVALUATION_CHECK_ROWS.summary}`)).toBe(
      "✗ 2 Prüfungen nicht bestanden – siehe Prüfung je Kommune, Zeile 4 · Arbeitsplätze, Spalte H",
    );
    // a status does not change the specification
    expect(sheet.valueAt("Leistungsverzeichnis", `A${SPECIFICATION_CHECK_ROW}`)).toBe("✓ Alle Prüfungen bestanden");
    const out: string[] = [];
    const code = await runCli(["analyse", file], { stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
    expect(code).toBe(1);
  });

  it("shows ✗ for an obligation that is no list entry, for every town, and validation refuses it", async () => {
    const file = recalculated.get("broken-obligation-en")!;
    const snapshot = await readSnapshotFromXlsx(file, "broken-obligation-en.xlsx");
    const report = validateWorkbook(workplaceProfileSpec, snapshot, { language: "en", check: checkWorkplaceProfile });
    const errors = report.issues.filter((i) => i.severity === "error").map((i) => `${i.sheet}!${i.cell ?? ""}`);
    const sheet = await readRecalculatedValues(file);
    // fourth requirement: row 8, obligation in column D, weight in F
    expect(errors).toContain("Requirements!D8");
    expect(sheet.valueAt("Requirements", "F8")).toBe(NOT_IN_LIST_TEXT.other.en);
    expect(blank(sheet.valueAt("Requirements", "G8"))).toBe(true);
    for (const slot of [1, 2]) {
      expect(sheet.valueAt("Evaluation", evaluationCell(EVALUATION_CHECK_ROWS.towns, slot))).toBe("✗ lists");
      expect(sheet.valueAt("Evaluation", evaluationCell(EVALUATION_ROWS.overall, slot))).toBe("✗");
    }
    expect(sheet.valueAt("Evaluation", `A${EVALUATION_CHECK_ROWS.summary}`)).toBe(
      "✗ 1 check failed – see Requirements, dimension/obligation (column F)",
    );
    // the printed specification says it too (the requirement is missing from it)
    expect(sheet.valueAt("Specification", `A${SPECIFICATION_CHECK_ROW}`)).toBe(
      "✗ 1 check failed – see Requirements, dimension/obligation (column F)",
    );
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    "%s: every computed cell agrees with lib/workplace",
    async (id, scenario) => {
      const file = recalculated.get(id);
      expect(file).toBeDefined();
      const snapshot = await readSnapshotFromXlsx(file!, `${id}.xlsx`);
      const report = validateWorkbook(workplaceProfileSpec, snapshot, {
        language: scenario.language,
        check: checkWorkplaceProfile,
      });
      expect(report.issues.filter((i) => i.severity === "error")).toEqual([]);
      const extracted = extractWorkplaceProfile(report.workbook!);
      const profile = toWorkplaceProfile(extracted);
      const fulfilment = computeFulfilment(profile);
      const sections = buildSpecification(profile.requirements);
      const lines = specificationLines(sections);
      const sheet = await readRecalculatedValues(file!);
      const { language } = scenario;
      const names = {
        requirements: SHEET_NAMES.requirements[language],
        evaluation: SHEET_NAMES.evaluation[language],
        specification: SHEET_NAMES.specification[language],
      };
      const mismatches: string[] = [];
      const expectCell = (
        sheetName: string,
        address: string,
        expected: string | number | null,
        tolerance = 0,
      ): void => {
        const actual = sheet.valueAt(sheetName, address);
        const ok =
          expected === null
            ? blank(actual)
            : typeof expected === "number"
              ? typeof actual === "number" && Math.abs(actual - expected) <= tolerance
              : actual === expected;
        if (!ok)
          mismatches.push(`${sheetName}!${address}: sheet ${JSON.stringify(actual)}, lib ${JSON.stringify(expected)}`);
      };

      // „Anforderungen“: every row in use, and the planned rows not in use stay empty
      const columns = report.workbook!.sheets.get("requirements");
      const columnOf = (key: string): number => (columns?.kind === "table" ? (columns.columns.get(key) ?? 0) : 0);
      const position = new Map<string, { number: string; line: number }>();
      lines.forEach((line, index) => {
        if (line.kind === "item") position.set(line.item.id, { number: line.item.number, line: index + 1 });
      });
      const specOf = (id: string) => position.get(trimLikeSpreadsheet(id));
      const namedSlots = new Map(extracted.towns.map((town, index) => [town.slot, index]));
      const rowsInUse = new Set(extracted.rows.map((row) => row.row));
      for (const row of extracted.rows) {
        counted.rows++;
        const at = (key: string) => cellAddress(row.row, columnOf(key));
        const requirement = profile.requirements.find((r) => r.id === row.id);
        expect(requirement).toBeDefined();
        expectCell(names.requirements, at("weight"), OBLIGATION_WEIGHTS[requirement!.obligation]);
        expectCell(names.requirements, at("dimensionNo"), dimensionNumber(requirement!.dimension));
        expectCell(names.requirements, at("specNo"), specOf(row.id)?.number ?? null);
        expectCell(names.requirements, at("specPosition"), specOf(row.id)?.line ?? null);
        for (const slot of SLOTS) {
          const status = row.statuses[slot - 1] ?? null;
          expectCell(names.requirements, at(valueColumn(slot)), status === null ? null : STATUS_VALUES[status]);
          const town = namedSlots.get(slot);
          const flag = town === undefined ? null : gapFlag(requirement!, status);
          expectCell(names.requirements, at(gapColumn(slot)), flag === null ? null : GAP_LABELS[flag][language]);
          if (flag !== null) counted.gapFlags++;
          const typedText = snapshot.sheets.find((s) => s.name === names.requirements)?.rows[row.row]?.[
            columnOf(statusColumn(slot))
          ]?.value;
          if (typeof typedText === "string" && status !== null && typedText !== label(STATUS_LABELS, status, language))
            counted.typedVariants++;
        }
      }
      const firstDataRow = 5;
      for (let row = firstDataRow; row < firstDataRow + scenario.requirementRows; row++) {
        if (rowsInUse.has(row)) continue;
        for (const key of ["weight", "dimensionNo", "specNo", "specPosition", valueColumn(1), gapColumn(1)])
          expectCell(names.requirements, cellAddress(row, columnOf(key)), null);
      }

      // „Auswertung“
      const libTown = (slot: number) => {
        const index = namedSlots.get(slot);
        return index === undefined ? undefined : fulfilment[index];
      };
      for (const slot of SLOTS) {
        const town = libTown(slot);
        DIMENSION_KEYS.forEach((dimension, d) => {
          counted.fulfilments++;
          expectCell(
            names.evaluation,
            evaluationCell(EVALUATION_ROWS.dimension(d + 1), slot),
            town?.byDimension[dimension].value ?? null,
            1e-9,
          );
          expectCell(
            names.evaluation,
            evaluationCell(EVALUATION_ROWS.gapRow(d + 1), slot),
            town ? town.gaps[dimension] : null,
          );
        });
        expectCell(names.evaluation, evaluationCell(EVALUATION_ROWS.overall, slot), town?.overall.value ?? null, 1e-9);
        expectCell(names.evaluation, evaluationCell(EVALUATION_ROWS.gapTotal, slot), town ? town.gapTotal : null);
        expectCell(names.evaluation, evaluationCell(EVALUATION_ROWS.open, slot), town ? town.openTotal : null);
        expectCell(names.evaluation, evaluationCell(EVALUATION_ROWS.notAssessed, slot), town ? town.notAssessed : null);
        const counts = extracted.workplaces[slot - 1] ?? {};
        ROLES.forEach((role, r) =>
          expectCell(
            names.evaluation,
            evaluationCell(EVALUATION_ROWS.role(r + 1), slot),
            town ? (counts[role.key] ?? 0) : null,
          ),
        );
        const name = extracted.towns.find((t) => t.slot === slot)?.name;
        const total =
          name === undefined ? null : Object.values(counts).reduce<number>((sum, count) => sum + (count ?? 0), 0);
        expectCell(names.evaluation, evaluationCell(EVALUATION_ROWS.workplacesTotal, slot), total);
        if (name !== undefined && Object.values(counts).some((count) => count !== null))
          expect(workplacesPerTown(report.workbook!)[name]).toBe(total);
      }
      DIMENSION_KEYS.forEach((dimension, d) => {
        const row = EVALUATION_ROWS.dimension(d + 1);
        const inDimension = profile.requirements.filter((r) => r.dimension === dimension);
        expectCell(names.evaluation, `B${row}`, inDimension.length);
        expectCell(names.evaluation, `C${row}`, inDimension.filter((r) => r.obligation === "must").length);
        expectCell(names.evaluation, `D${row}`, sections[d]?.items.length ?? -1);
      });

      // „Leistungsverzeichnis“: every line, and the reserved lines below stay empty
      const lineCount = DIMENSIONS.length + scenario.requirementRows;
      const allRoles = SPECIFICATION_TEXT.allRoles[language];
      for (let index = 0; index < lineCount; index++) {
        const row = SPECIFICATION_HEADER_ROW + 1 + index;
        const line = lines[index];
        const expected: (string | null)[] =
          line === undefined
            ? [null, null, null, null, null]
            : line.kind === "heading"
              ? [
                  String(line.section.number),
                  DIMENSIONS[line.section.number - 1]?.title[language] ?? "",
                  null,
                  null,
                  null,
                ]
              : [
                  line.item.number,
                  line.item.text,
                  label(OBLIGATION_LABELS, line.item.obligation, language),
                  line.item.rolesText === "" ? allRoles : line.item.rolesText,
                  line.item.id,
                ];
        expected.forEach((value, column) => expectCell(names.specification, cellAddress(row, column + 1), value));
        counted.lines++;
      }

      expect(mismatches.slice(0, 20)).toEqual([]);
    },
  );
});
