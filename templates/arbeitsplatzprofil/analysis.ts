/**
 * `ikz analyse` for „Arbeitsplatzprofil“: several towns' profiles (each town's own copy, or the
 * columns of a group workbook) compared — fulfilment per dimension and town, the requirements
 * merged by id, and the Muss requirements that are gaps in at least two towns, as candidates for
 * a joint procurement. The result workbook holds values only: every text from a town is written
 * as a value, never as a formula.
 */
import { columnLetter } from "../../lib/cells/address.js";
import type { GridCell, GridContent, LocalizedText, TemplateSpec } from "../../lib/spec/TemplateSpec.js";
import { planSheetHead } from "../../lib/plan/planSheetHead.js";
import { planWorkbook, type PlannedWorkbook } from "../../lib/plan/planWorkbook.js";
import { countNoun, pluralNoun } from "../../lib/messages/plural.js";
import { formatNumberFor } from "../../lib/messages/terms.js";
import type { Language } from "../../lib/spec/TemplateSpec.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import {
  COMMON_GAP_MIN_TOWNS,
  compareProfiles,
  type MergedStatus,
  type ProfileComparison,
  type TownAssessment,
} from "../../lib/workplace/compareProfiles.js";
import { DIMENSION_KEYS, type DimensionKey, type Obligation } from "../../lib/workplace/model.js";
import type { ParsedWorkbook } from "../../lib/validation/readWorkbook.js";
import type { AnalysisSource, TemplateAnalysis } from "../analysis.js";
import { DIMENSIONS, OBLIGATION_LABELS, STATUS_LABELS } from "./reference.js";
import { extractWorkplaceProfile, profileTowns, townAssessments, workplacesPerTown } from "./workplaceProfile.js";

const TEXT = {
  comparisonSheet: { de: "Vergleich", en: "Comparison" },
  comparisonTitle: { de: "Arbeitsplatzprofil: Vergleich der Kommunen", en: "Workplace profile: towns compared" },
  comparisonNote: {
    de: "Erfüllungsgrad je Kommune aus ihrem eigenen Profil (Muss 3, Soll 2, Kann 1; ohne Status = nicht bewertet).",
    en: "Fulfilment of each town from its own profile (must 3, should 2, may 1; no status = not assessed).",
  },
  gapsSheet: { de: "Gemeinsame Lücken", en: "Common gaps" },
  gapsTitle: {
    de: "Gemeinsame Muss-Lücken: Kandidaten für eine gemeinsame Beschaffung",
    en: "Common must gaps: candidates for a joint procurement",
  },
  gapsNote: {
    de: `Muss-Anforderungen, die in mindestens ${COMMON_GAP_MIN_TOWNS} Kommunen nicht oder nur teilweise erfüllt sind.`,
    en: `Must requirements not or only partly fulfilled in at least ${COMMON_GAP_MIN_TOWNS} towns.`,
  },
  noGaps: {
    de: `Keine Muss-Anforderung ist in ${COMMON_GAP_MIN_TOWNS} oder mehr Kommunen eine Lücke.`,
    en: `No must requirement is a gap in ${COMMON_GAP_MIN_TOWNS} or more towns.`,
  },
  matrixSheet: { de: "Anforderungen je Kommune", en: "Requirements by town" },
  matrixTitle: { de: "Alle Anforderungen, zusammengeführt nach Nummer", en: "All requirements, merged by id" },
  matrixNote: {
    de: "Die Beschreibung stammt aus dem Profil der ersten Kommune, die die Nummer führt. „fehlt“ = nicht in ihrem Profil, „–“ = ohne Status.",
    en: "The description comes from the profile of the first town that has the id. “missing” = not in its profile, “–” = no status.",
  },
  differencesSheet: { de: "Abweichungen", en: "Differences" },
  differencesTitle: {
    de: "Abweichende Festlegungen zwischen den Profilen",
    en: "Definitions that differ between the profiles",
  },
  noDifferences: {
    de: "Alle Kommunen verwenden für jede Nummer dieselbe Dimension, Verbindlichkeit und Beschreibung.",
    en: "Every town uses the same dimension, obligation and description for each id.",
  },
  town: { de: "Kommune", en: "Town" },
  file: { de: "Datei", en: "File" },
  requirements: { de: "Anforderungen", en: "Requirements" },
  overall: { de: "Gesamt", en: "Overall" },
  gaps: { de: "Muss-Lücken", en: "Must gaps" },
  open: { de: "Muss offen", en: "Must open" },
  notAssessed: { de: "ohne Status", en: "no status" },
  workplaces: { de: "Arbeitsplätze", en: "Workplaces" },
  no: { de: "Nr.", en: "No." },
  id: { de: "Anf.-Nr.", en: "Req. id" },
  dimension: { de: "Dimension", en: "Dimension" },
  requirement: { de: "Anforderung", en: "Requirement" },
  roles: { de: "Rollen", en: "Roles" },
  allRoles: { de: "alle Rollen", en: "all roles" },
  townCount: { de: "Anzahl Kommunen", en: "Number of towns" },
  towns: { de: "Kommunen mit Lücke", en: "Towns with the gap" },
  affected: { de: "Arbeitsplätze betroffen", en: "Workplaces concerned" },
  obligation: { de: "Verbindlichkeit", en: "Obligation" },
  field: { de: "Festlegung", en: "Field" },
  values: { de: "Werte je Kommune", en: "Values by town" },
  missing: { de: "fehlt", en: "missing" },
  unknown: { de: "unbekannt", en: "unknown" },
  repeated: { de: "doppelt, nicht gezählt", en: "repeated, not counted" },
} satisfies Record<string, LocalizedText>;

const FIELD_TEXT: Readonly<Record<"dimension" | "obligation" | "text", LocalizedText>> = {
  dimension: { de: "Dimension", en: "Dimension" },
  obligation: { de: "Verbindlichkeit", en: "Obligation" },
  text: { de: "Beschreibung", en: "Description" },
};

const dimensionLabel = (key: DimensionKey, language: Language): string =>
  DIMENSIONS.find((d) => d.key === key)?.label[language] ?? key;
const obligationLabel = (key: Obligation, language: Language): string =>
  OBLIGATION_LABELS.find((o) => o.key === key)?.label[language] ?? key;

function statusText(status: MergedStatus, language: Language): string {
  if (status === "absent") return TEXT.missing[language];
  if (status === "notAssessed") return "–";
  return STATUS_LABELS.find((s) => s.key === status)?.label[language] ?? status;
}

/** The towns a workbook names, joined; `undefined` when it names none. */
function townOf(workbook: ParsedWorkbook): string | undefined {
  const towns = profileTowns(workbook);
  return towns.length === 0 ? undefined : towns.map((town) => town.name).join(", ");
}

/**
 * Every named town of every workbook (a town's own copy names one; a group workbook several). A
 * workbook that names no town counts as the source's town in slot 1.
 */
function analyse(sources: readonly AnalysisSource[]): ProfileComparison {
  const assessments: TownAssessment[] = sources.flatMap((source) => {
    const profile = extractWorkplaceProfile(source.workbook);
    const named = profile.towns.length > 0 ? profile : { ...profile, towns: [{ slot: 1, name: source.town }] };
    return townAssessments(named);
  });
  return compareProfiles(assessments);
}

const percent = (value: number | null, language: Language): string =>
  value === null ? "–" : `${formatNumberFor(Math.round(value * 1000) / 10, language)} %`;

function summary(result: ProfileComparison, language: Language): string[] {
  const lines: string[] = [];
  const towns = result.towns
    .map((town) => `${town.town} ${percent(town.fulfilment.overall.value, language)}`)
    .join(", ");
  lines.push(
    language === "de"
      ? `${countNoun(result.towns.length, "Kommune", "Kommunen", "de")} verglichen, Erfüllungsgrad gesamt: ${towns}`
      : `${countNoun(result.towns.length, "town", "towns", "en")} compared, overall fulfilment: ${towns}`,
  );
  lines.push(
    language === "de"
      ? `${countNoun(result.commonGaps.length, "gemeinsame Muss-Lücke", "gemeinsame Muss-Lücken", "de")} (in mindestens ${COMMON_GAP_MIN_TOWNS} Kommunen) als ${pluralNoun(result.commonGaps.length, "Kandidat", "Kandidaten")} für eine gemeinsame Beschaffung`
      : `${countNoun(result.commonGaps.length, "common must gap", "common must gaps", "en")} (in at least ${COMMON_GAP_MIN_TOWNS} towns) as ${pluralNoun(result.commonGaps.length, "a candidate", "candidates")} for a joint procurement`,
  );
  const top = result.commonGaps.slice(0, 3);
  for (const gap of top) {
    lines.push(`  ${gap.id} ${gap.text} — ${gap.towns.join(", ")}`);
  }
  if (result.differences.length > 0) {
    lines.push(
      language === "de"
        ? `${countNoun(result.differences.length, "abweichende Festlegung", "abweichende Festlegungen", "de")} zwischen den Profilen (Blatt „${TEXT.differencesSheet.de}“)`
        : `${countNoun(result.differences.length, "definition differs", "definitions differ", "en")} between the profiles (sheet “${TEXT.differencesSheet.en}”)`,
    );
  }
  for (const repeated of result.repeatedTowns) {
    lines.push(
      language === "de"
        ? `„${repeated.town}“ aus ${repeated.source} nicht gezählt: schon in ${repeated.firstSource}`
        : `“${repeated.town}” from ${repeated.source} not counted: already in ${repeated.firstSource}`,
    );
  }
  return lines;
}

interface Row {
  row: number;
  cells: GridCell[];
  height?: number;
}

const HEADER_ROW = 4;
const PERCENT = "0.0 %";

function sheetHead(title: string, note: string | undefined, headers: readonly string[]): Row[] {
  return planSheetHead({ title, description: note, headers, headerRow: HEADER_ROW, headerHeight: 32 });
}

const cell = (column: number, value: string | number, numberFormat?: string): GridCell => ({
  column,
  value,
  style: "computed",
  ...(numberFormat === undefined ? {} : { numberFormat }),
});

function comparisonSheet(result: ProfileComparison, language: Language): GridContent {
  const t = (text: LocalizedText) => text[language];
  const headers = [
    t(TEXT.town),
    t(TEXT.file),
    t(TEXT.requirements),
    ...DIMENSIONS.map((d) => d.label[language]),
    t(TEXT.overall),
    t(TEXT.gaps),
    t(TEXT.open),
    t(TEXT.notAssessed),
    t(TEXT.workplaces),
  ];
  const rows = sheetHead(t(TEXT.comparisonTitle), t(TEXT.comparisonNote), headers);
  const fulfilment = (column: number, value: number | null): GridCell =>
    value === null ? { ...cell(column, "–"), align: "right" } : cell(column, value, PERCENT);
  result.towns.forEach((town, index) => {
    const f = town.fulfilment;
    rows.push({
      row: HEADER_ROW + 1 + index,
      cells: [
        cell(1, town.town),
        cell(2, town.source),
        cell(3, town.requirementCount, "0"),
        ...DIMENSION_KEYS.map((key, d) => fulfilment(4 + d, f.byDimension[key].value)),
        fulfilment(4 + DIMENSION_KEYS.length, f.overall.value),
        cell(5 + DIMENSION_KEYS.length, f.gapTotal, "0"),
        cell(6 + DIMENSION_KEYS.length, f.openTotal, "0"),
        cell(7 + DIMENSION_KEYS.length, f.notAssessed, "0"),
        town.workplaces === null
          ? cell(8 + DIMENSION_KEYS.length, t(TEXT.unknown))
          : cell(8 + DIMENSION_KEYS.length, town.workplaces, "#,##0"),
      ],
    });
  });
  const lastRow = HEADER_ROW + Math.max(1, result.towns.length);
  return {
    columnWidths: [24, 30, 13, ...DIMENSIONS.map(() => 14), 11, 11, 11, 11, 13],
    rows,
    frozen: { rows: HEADER_ROW, columns: 1 },
    printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    colorScales: [
      {
        range: `D${HEADER_ROW + 1}:J${lastRow}`,
        min: { type: "number", value: 0, color: "#F8696B" },
        mid: { type: "number", value: 0.5, color: "#FFEB84" },
        max: { type: "number", value: 1, color: "#63BE7B" },
      },
    ],
    merges: [],
  };
}

function gapsSheet(result: ProfileComparison, language: Language): GridContent {
  const t = (text: LocalizedText) => text[language];
  const headers = [
    t(TEXT.no),
    t(TEXT.id),
    t(TEXT.dimension),
    t(TEXT.requirement),
    t(TEXT.roles),
    t(TEXT.townCount),
    t(TEXT.towns),
    t(TEXT.affected),
  ];
  const rows = sheetHead(t(TEXT.gapsTitle), t(TEXT.gapsNote), headers);
  if (result.commonGaps.length === 0) {
    rows.push({ row: HEADER_ROW + 1, cells: [{ column: 1, value: t(TEXT.noGaps), style: "description" }] });
  }
  result.commonGaps.forEach((gap, index) => {
    rows.push({
      row: HEADER_ROW + 1 + index,
      cells: [
        cell(1, index + 1, "0"),
        cell(2, gap.id),
        cell(3, dimensionLabel(gap.dimension, language)),
        cell(4, gap.text),
        cell(5, gap.rolesText === "" ? t(TEXT.allRoles) : gap.rolesText),
        cell(6, gap.towns.length, "0"),
        cell(7, gap.towns.join(", ")),
        gap.workplaces === null ? cell(8, t(TEXT.unknown)) : cell(8, gap.workplaces, "#,##0"),
      ],
    });
  });
  return {
    columnWidths: [6, 10, 18, 70, 28, 10, 40, 13],
    rows,
    frozen: { rows: HEADER_ROW, columns: 0 },
    printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    merges: [],
  };
}

function matrixSheet(result: ProfileComparison, language: Language): GridContent {
  const t = (text: LocalizedText) => text[language];
  const headers = [
    t(TEXT.id),
    t(TEXT.dimension),
    t(TEXT.requirement),
    t(TEXT.obligation),
    ...result.towns.map((town) => town.town),
  ];
  const rows = sheetHead(t(TEXT.matrixTitle), t(TEXT.matrixNote), headers);
  result.requirements.forEach((requirement, index) => {
    rows.push({
      row: HEADER_ROW + 1 + index,
      cells: [
        cell(1, requirement.id),
        cell(2, dimensionLabel(requirement.dimension, language)),
        cell(3, requirement.text),
        cell(4, obligationLabel(requirement.obligation, language)),
        ...requirement.statuses.map((status, town) => ({
          ...cell(5 + town, statusText(status, language)),
          align: "center" as const,
        })),
      ],
    });
  });
  const last = HEADER_ROW + Math.max(1, result.requirements.length);
  const range = `E${HEADER_ROW + 1}:${columnLetter(4 + Math.max(1, result.towns.length))}${last}`;
  const label = (key: "fulfilled" | "partly" | "notFulfilled") =>
    STATUS_LABELS.find((s) => s.key === key)?.label[language] ?? key;
  return {
    columnWidths: [10, 18, 70, 13, ...result.towns.map(() => 14)],
    rows,
    frozen: { rows: HEADER_ROW, columns: 1 },
    printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    highlights: [
      { range, equals: label("fulfilled"), fill: "good" },
      { range, equals: label("partly"), fill: "neutral" },
      { range, equals: label("notFulfilled"), fill: "weak" },
    ],
    merges: [],
  };
}

function differencesSheet(result: ProfileComparison, language: Language): GridContent {
  const t = (text: LocalizedText) => text[language];
  const rows = sheetHead(t(TEXT.differencesTitle), undefined, [t(TEXT.id), t(TEXT.field), t(TEXT.values)]);
  const lines: GridCell[][] = result.differences.map((difference) => [
    cell(1, difference.id),
    cell(2, FIELD_TEXT[difference.field][language]),
    cell(
      3,
      difference.values
        .map(({ town, value }) => {
          const shown =
            difference.field === "dimension"
              ? dimensionLabel(value as DimensionKey, language)
              : difference.field === "obligation"
                ? obligationLabel(value as Obligation, language)
                : value;
          return `${town}: ${shown}`;
        })
        .join(" | "),
    ),
  ]);
  for (const repeated of result.repeatedTowns) {
    lines.push([
      cell(1, repeated.town),
      cell(2, t(TEXT.repeated)),
      cell(3, `${repeated.source} → ${repeated.firstSource}`),
    ]);
  }
  if (lines.length === 0)
    rows.push({ row: HEADER_ROW + 1, cells: [{ column: 1, value: t(TEXT.noDifferences), style: "description" }] });
  lines.forEach((cells, index) => rows.push({ row: HEADER_ROW + 1 + index, cells }));
  return { columnWidths: [12, 18, 120], rows, frozen: { rows: HEADER_ROW, columns: 0 }, merges: [] };
}

/** The spec of the result workbook: grid sheets holding the values of one comparison. */
function comparisonSpec(result: ProfileComparison): TemplateSpec {
  const grid = (key: string, name: LocalizedText, build: (language: Language) => GridContent, landscape = true) => ({
    kind: "grid" as const,
    key,
    name,
    title: name,
    landscape,
    build: (context: { readonly language: Language }) => build(context.language),
  });
  return {
    id: "arbeitsplatzprofil-vergleich",
    version: "1.0.0",
    title: { de: "Arbeitsplatzprofil: Vergleich", en: "Workplace profile: comparison" },
    sheets: [
      grid("comparison", TEXT.comparisonSheet, (language) => comparisonSheet(result, language)),
      grid("commonGaps", TEXT.gapsSheet, (language) => gapsSheet(result, language)),
      grid("matrix", TEXT.matrixSheet, (language) => matrixSheet(result, language)),
      grid("differences", TEXT.differencesSheet, (language) => differencesSheet(result, language)),
    ],
    lists: {},
  };
}

function plan(result: ProfileComparison, language: Language): PlannedWorkbook {
  return planWorkbook(comparisonSpec(result), { language, generatorVersion: GENERATOR_VERSION });
}

/** The analysis of „Arbeitsplatzprofil“ workbooks (see the module comment). */
export const workplaceProfileAnalysis: TemplateAnalysis<ProfileComparison> = {
  analyse: (sources) => analyse(sources),
  plan,
  summary,
  townOf,
  /** A town's own copy gives its workplaces (all roles) to the partnership's cost model. */
  keyValues(workbook) {
    const totals = Object.values(workplacesPerTown(workbook));
    return totals.length === 1 && totals[0] !== undefined ? { workplaces: totals[0] } : {};
  },
};
