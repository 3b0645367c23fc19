/**
 * The group's consolidation candidates as a formatted workbook: an overview with the sources,
 * then one sheet per kind of candidate. Values only — every text from a town's workbook (names,
 * software, ids) is written as a value, never as a formula, whatever it starts with.
 */
import { dateToSerial } from "../../lib/cells/serialDates.js";
import { planSheetHead } from "../../lib/plan/planSheetHead.js";
import { planWorkbook, type PlannedWorkbook } from "../../lib/plan/planWorkbook.js";
import type { ServiceCategory } from "../../lib/services/model.js";
import type {
  GridCell,
  GridContent,
  GridSheetSpec,
  Language,
  LocalizedText,
  TemplateSpec,
} from "../../lib/spec/TemplateSpec.js";
import { GENERATOR_VERSION } from "../../lib/version.js";
import type { ServiceAnalysisResult } from "./analysis.js";
import { CATEGORY_LABELS } from "./lists.js";

/** Id and version written to the analysis workbook's metadata sheet. */
export const CONSOLIDATION_WORKBOOK_ID = "it-konsolidierung";
export const CONSOLIDATION_WORKBOOK_VERSION = "1.0.0";

const HEADER_ROW = 4;
/** Room for three lines of a bold header. */
const HEADER_HEIGHT = 44;
const MONEY = '#,##0.00 "€"';
const DATE = "dd.mm.yyyy";

type Value = string | number | null;

interface Column {
  readonly label: LocalizedText;
  readonly width: number;
  readonly numberFormat?: string;
  readonly align?: "left" | "center" | "right";
}

const col = (de: string, en: string, width: number, extra: Omit<Column, "label" | "width"> = {}): Column => ({
  label: { de, en },
  width,
  ...extra,
});

const NO = col("Nr.", "No.", 5, { numberFormat: "0", align: "center" });
const CODE = col("Produktcode", "Product code", 12, { numberFormat: "@", align: "center" });
const PRODUCT = col("Produkt", "Product", 36);
const CATEGORY = col("Kategorie", "Category", 22);
const TOWN_COUNT = col("Anzahl Kommunen", "Number of towns", 11, { numberFormat: "0", align: "center" });

/** A serial date for a `YYYY-MM-DD` text, or null. */
const serial = (iso: string | null): number | null =>
  iso === null || iso === "" ? null : dateToSerial(new Date(`${iso}T00:00:00Z`));

/** `31.12.2026` (both languages, as the sheets' dates). */
const dayText = (iso: string | null): string => {
  if (iso === null || iso === "") return "–";
  const [y, m, d] = iso.split("-");
  return `${d ?? ""}.${m ?? ""}.${y ?? ""}`;
};

const categoryText = (category: ServiceCategory | null, language: Language): string =>
  category === null ? "" : CATEGORY_LABELS[category][language];

/** One table sheet: title, description, header row, one row per entry (or a note when empty). */
function tableSheet(
  key: string,
  name: LocalizedText,
  title: LocalizedText,
  description: LocalizedText,
  columns: readonly Column[],
  rows: (language: Language) => readonly (readonly Value[])[],
  empty: LocalizedText,
): GridSheetSpec {
  return {
    kind: "grid",
    key,
    name,
    title,
    landscape: true,
    build: ({ language }): GridContent => {
      const body = rows(language);
      const dataRows = body.map((values, index) => ({
        row: HEADER_ROW + 1 + index,
        cells: columns.map((column, i): GridCell => {
          const value = values[i] ?? null;
          return {
            column: i + 1,
            // an empty value keeps the cell's fill, so the table has no holes
            ...(value === null || value === "" ? {} : { value }),
            style: "computed",
            ...(column.numberFormat === undefined ? {} : { numberFormat: column.numberFormat }),
            ...(column.align === undefined ? {} : { align: column.align }),
          };
        }),
      }));
      return {
        columnWidths: columns.map((c) => c.width),
        rows: [
          ...planSheetHead({
            title: title[language],
            description: description[language],
            headers: columns.map((c) => c.label[language]),
            headerRow: HEADER_ROW,
            headerHeight: HEADER_HEIGHT,
          }),
          ...(dataRows.length > 0
            ? dataRows
            : [{ row: HEADER_ROW + 1, cells: [{ column: 1, value: empty[language], style: "description" as const }] }]),
        ],
        printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
        frozen: { rows: HEADER_ROW, columns: 0 },
      };
    },
  };
}

const NONE: LocalizedText = { de: "Keine Kandidaten gefunden.", en: "No candidates found." };

const TITLE: LocalizedText = { de: "IT-Konsolidierung im Verbund", en: "IT consolidation across the partnership" };

/** The analysis workbook's spec: grid sheets filled from the result. */
export function consolidationWorkbookSpec(
  result: ServiceAnalysisResult,
  summary: (language: Language) => readonly string[],
): TemplateSpec {
  const overview: GridSheetSpec = {
    kind: "grid",
    key: "overview",
    name: { de: "Übersicht", en: "Overview" },
    title: TITLE,
    build: ({ language }): GridContent => {
      const lines = summary(language);
      const sourcesHeader = HEADER_ROW + lines.length + 1;
      const columns = [
        col("Kommune", "Town", 24),
        col("Datei", "File", 40),
        col("Stichtag", "Reference date", 12, { numberFormat: DATE, align: "center" }),
        col("Zeitfenster (Monate)", "Window (months)", 11, { numberFormat: "0", align: "center" }),
        col("Services", "Services", 9, { numberFormat: "0", align: "center" }),
        col("Jahreskosten gesamt (€)", "Total annual cost (€)", 16, { numberFormat: MONEY }),
      ];
      return {
        columnWidths: columns.map((c) => c.width),
        rows: [
          {
            row: 1,
            height: 24,
            cells: [{ column: 1, value: TITLE[language], style: "title" }],
          },
          {
            row: 2,
            cells: [
              {
                column: 1,
                value:
                  language === "de"
                    ? "Ausgewertet aus den IT-Servicekatalogen der Kommunen (Maßnahme 4.2). Nur Werte, keine Formeln."
                    : "Analysed from the towns' IT service catalogues (measure 4.2). Values only, no formulas.",
                style: "description",
              },
            ],
          },
          ...lines.map((line, index) => ({
            row: HEADER_ROW + index,
            cells: [{ column: 1, value: line, style: "label" as const }],
          })),
          {
            row: sourcesHeader,
            height: HEADER_HEIGHT,
            cells: columns.map((c, i) => ({ column: i + 1, value: c.label[language], style: "header" as const })),
          },
          ...result.sources.map((source, index) => ({
            row: sourcesHeader + 1 + index,
            cells: [
              { column: 1, value: source.town, style: "computed" as const },
              { column: 2, value: source.file, style: "computed" as const },
              ...(source.referenceDate === null
                ? []
                : [
                    {
                      column: 3,
                      value: serial(source.referenceDate) ?? 0,
                      style: "computed" as const,
                      numberFormat: DATE,
                      align: "center" as const,
                    },
                  ]),
              {
                column: 4,
                value: source.windowMonths,
                style: "computed" as const,
                numberFormat: "0",
                align: "center" as const,
              },
              {
                column: 5,
                value: source.serviceCount,
                style: "computed" as const,
                numberFormat: "0",
                align: "center" as const,
              },
              { column: 6, value: source.totalAnnualCost, style: "computed" as const, numberFormat: MONEY },
            ],
          })),
        ],
      };
    },
  };

  const harmonisation = tableSheet(
    "harmonisation",
    { de: "Harmonisierung", en: "Harmonisation" },
    {
      de: "Harmonisierung: gleicher Produktcode, unterschiedliche Software",
      en: "Harmonisation: same product code, different software",
    },
    {
      de: "Ein Produktcode (in derselben Kategorie) wird in mehreren Kommunen von unterschiedlicher Software unterstützt. Reihenfolge: Anzahl Kommunen, Anzahl Softwareprodukte, Code.",
      en: "A product code (in the same category) is supported by different software in several towns. Order: number of towns, number of software products, code.",
    },
    [
      NO,
      CODE,
      PRODUCT,
      CATEGORY,
      TOWN_COUNT,
      col("Anzahl Software", "Number of software products", 11, { numberFormat: "0", align: "center" }),
      col("Softwareprodukte (Kommunen)", "Software products (towns)", 90),
    ],
    (language) =>
      result.harmonisation.map((h, index) => [
        index + 1,
        h.code,
        h.productName,
        categoryText(h.category, language),
        h.towns.length,
        h.variants.length,
        h.variants.map((v) => `${v.software} (${v.towns.join(", ")})`).join("; "),
      ]),
    NONE,
  );

  const jointContracts = tableSheet(
    "jointContracts",
    { de: "Gemeinsame Verträge", en: "Joint contracts" },
    {
      de: "Gemeinsame Verträge und Beschaffung: gleiche Software in mehreren Kommunen",
      en: "Joint contracts and procurement: the same software in several towns",
    },
    {
      de: "Softwarenamen werden ohne Leerzeichen am Rand und ohne Groß-/Kleinschreibung verglichen. Reihenfolge: Anzahl Kommunen, Jahreskosten, Name.",
      en: "Software names are compared without surrounding spaces and ignoring case. Order: number of towns, annual cost, name.",
    },
    [
      NO,
      col("Softwareprodukt", "Software product", 24),
      col("Hersteller / Anbieter", "Vendor", 22),
      TOWN_COUNT,
      col("Kommunen", "Towns", 42),
      col("Nutzer gesamt", "Total users", 9, { numberFormat: "#,##0", align: "center" }),
      col("Jahreskosten gesamt (€)", "Total annual cost (€)", 15, { numberFormat: MONEY }),
      col("Frühestes Vertragsende", "Earliest contract end", 13, { numberFormat: DATE, align: "center" }),
      col("Verträge im Zeitfenster", "Contracts in the window", 12, { numberFormat: "0", align: "center" }),
      col("Services (Kommune: ID, Vertragsende)", "Services (town: id, contract end)", 90),
    ],
    () =>
      result.jointContracts.map((j, index) => [
        index + 1,
        j.software,
        j.vendors.join(", "),
        j.towns.length,
        j.towns.join(", "),
        j.totalUsers,
        j.totalAnnualCost,
        serial(j.earliestContractEnd),
        j.contractsInWindow,
        j.services.map((s) => `${s.town}: ${s.serviceId}, ${dayText(s.contractEnd)}`).join("; "),
      ]),
    NONE,
  );

  const windows = tableSheet(
    "windows",
    { de: "Zeitfenster", en: "Windows" },
    { de: "Zeitfenster: Verträge, die bald enden", en: "Windows: contracts ending soon" },
    {
      de: "Verträge, die im Zeitfenster ihrer Kommune enden: ab dem Stichtag der Kommune bleiben bis zum Vertragsende weniger volle Monate, als ihr Zeitfenster lang ist. Je Kommune nach Vertragsende geordnet.",
      en: "Contracts ending within their town's window: from the town's reference date, fewer full months remain until the contract ends than the window is long. By town, then by contract end.",
    },
    [
      col("Kommune", "Town", 18),
      col("Service-ID", "Service ID", 10, { numberFormat: "@" }),
      col("Service", "Service", 28),
      col("Softwareprodukt", "Software product", 22),
      CATEGORY,
      col("Produktcodes", "Product codes", 14, { numberFormat: "@" }),
      col("Vertragsende", "Contract end", 13, { numberFormat: DATE, align: "center" }),
      col("Monate bis Vertragsende", "Months to contract end", 13, { numberFormat: "0", align: "center" }),
      col("Jahreskosten (€)", "Annual cost (€)", 13, { numberFormat: MONEY }),
      col("Priorität (0–100)", "Priority (0–100)", 10, { numberFormat: "0.0" }),
    ],
    (language) =>
      result.windows.map((w) => [
        w.town,
        w.serviceId,
        w.name,
        w.software,
        categoryText(w.category, language),
        w.productCodes.join(", "),
        serial(w.contractEnd),
        w.monthsToEnd,
        w.annualCost,
        w.score,
      ]),
    { de: "Kein Vertrag endet im Zeitfenster.", en: "No contract ends within the window." },
  );

  const windowGroups = tableSheet(
    "windowGroups",
    { de: "Gemeinsame Zeitfenster", en: "Joint windows" },
    {
      de: "Gemeinsame Zeitfenster: mehrere Kommunen zugleich im Zeitfenster",
      en: "Joint windows: several towns in the window at once",
    },
    {
      de: "Für denselben Produktcode (in derselben Kategorie) enden Verträge in mindestens zwei Kommunen im Zeitfenster: Gelegenheit für eine gemeinsame Ausschreibung.",
      en: "For the same product code (in the same category) contracts of at least two towns end within the window: a chance for a joint tender.",
    },
    [
      NO,
      CODE,
      PRODUCT,
      CATEGORY,
      TOWN_COUNT,
      col("Frühestes Vertragsende", "Earliest contract end", 13, { numberFormat: DATE, align: "center" }),
      col("Spätestes Vertragsende", "Latest contract end", 13, { numberFormat: DATE, align: "center" }),
      col("Kommunen (Software, Vertragsende)", "Towns (software, contract end)", 90),
    ],
    (language) =>
      result.windowGroups.map((g, index) => [
        index + 1,
        g.code,
        g.productName,
        categoryText(g.category, language),
        g.towns.length,
        serial(g.earliestContractEnd),
        serial(g.latestContractEnd),
        g.entries.map((e) => `${e.town} (${e.software}, ${dayText(e.contractEnd)})`).join("; "),
      ]),
    NONE,
  );

  const redundancies = tableSheet(
    "redundancies",
    { de: "Redundanzen", en: "Redundancies" },
    { de: "Redundanzen innerhalb einer Kommune", en: "Redundancies within a town" },
    {
      de: "Eine Kommune betreibt mehrere Services derselben Kategorie für denselben Produktcode.",
      en: "A town runs several services of the same category for the same product code.",
    },
    [
      col("Kommune", "Town", 18),
      CATEGORY,
      CODE,
      PRODUCT,
      col("Anzahl Services", "Number of services", 9, { numberFormat: "0", align: "center" }),
      col("Services (ID Service – Software)", "Services (id service – software)", 80),
      col("Jahreskosten gesamt (€)", "Total annual cost (€)", 15, { numberFormat: MONEY }),
    ],
    (language) =>
      result.redundancies.map((r) => [
        r.town,
        categoryText(r.category, language),
        r.code,
        r.productName,
        r.services.length,
        r.services.map((s) => `${s.serviceId} ${s.name} – ${s.software}`).join("; "),
        r.totalAnnualCost,
      ]),
    NONE,
  );

  return {
    id: CONSOLIDATION_WORKBOOK_ID,
    version: CONSOLIDATION_WORKBOOK_VERSION,
    title: TITLE,
    sheets: [overview, harmonisation, jointContracts, windows, windowGroups, redundancies],
    lists: {},
  };
}

/** Plans the analysis workbook (with the hidden metadata sheet every ikz-kit workbook has). */
export function planConsolidationWorkbook(
  result: ServiceAnalysisResult,
  language: Language,
  summary: (language: Language) => readonly string[],
): PlannedWorkbook {
  return planWorkbook(consolidationWorkbookSpec(result, summary), { language, generatorVersion: GENERATOR_VERSION });
}
