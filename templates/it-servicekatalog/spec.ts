/**
 * Template 3 „IT-Servicekatalog“ (measure 4.2 of the guideline): every partner town lists its IT
 * services in one common structure, so the group can find gaps, redundancies and consolidation
 * candidates.
 *
 * - „IT-Kommune“ (town): name, the reference date (Stichtag) months to contract end count from, the
 *   window in months, contact; the largest annual cost (computed, the score's reference).
 * - „Services“: one row per IT service — inputs, then four computed columns: cost per user,
 *   months to contract end, window flag and priority score. The formulas below are the ones
 *   lib/services computes with, operation by operation (docs/decisions/0002 for the rounding).
 * - „IT-Produktrahmen“, „IT-Listen“, „Punkteschema“: reference lists and the score's rules.
 *
 * Formulas use only lib/formulas/compatibleFunctions.ts; the reference date is a value on the
 * town sheet (never TODAY(), which would make results depend on the day the file is opened).
 */
import { guideSheet } from "../../lib/plan/planGuideSheet.js";
import { serviceCatalogueGuide } from "./guide.js";
import { COST_PER_USER_DECIMALS } from "../../lib/services/costPerUser.js";
import { CRITICALITIES, DEFAULT_WINDOW_MONTHS, type ServiceStatus } from "../../lib/services/model.js";
import {
  ACTION_STATUSES,
  CRITICALITY_FACTOR,
  PRIORITY_DECIMALS,
  PRIORITY_POINTS,
} from "../../lib/services/priorityScore.js";
import type {
  ColumnSpec,
  FormulaContext,
  Language,
  ListEntry,
  LocalizedText,
  TemplateSpec,
} from "../../lib/spec/TemplateSpec.js";
import {
  computedInteger,
  computedMoney,
  computedText,
  contactField,
  dateInput,
  emailField,
  listInput,
  townNameField,
} from "../common/columns.js";
import { PRODUCT_FRAMEWORK } from "../reference/productFramework.js";
import { anyRowProblem, numberRowConditions } from "../common/cellChecks.js";
import { CHECK_MARK, formulaText } from "../common/selfChecks.js";
import { CRITICALITY_LABELS, LIFECYCLE_LABELS, LIST_ENTRIES, STATUS_LABELS, WINDOW_LABELS } from "./lists.js";

/** Sheet keys of the service catalogue. */
export const SHEET = {
  town: "town",
  services: "services",
  framework: "framework",
  lists: "lists",
  scoring: "scoring",
} as const;

/** Header row of the services table (data from the row below). */
export const SERVICES_HEADER_ROW = 4;

/** A formula string literal: `"` doubled. */
const literal = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** Every text a list cell may hold for these keys: the key and both labels (the reader accepts each). */
function spellings<K extends string>(keys: readonly K[], labels: Readonly<Record<K, LocalizedText>>): string[] {
  const seen = new Map<string, string>();
  for (const key of keys) {
    for (const text of [key, labels[key].de, labels[key].en]) {
      const folded = text.toLowerCase();
      if (!seen.has(folded)) seen.set(folded, text);
    }
  }
  return [...seen.values()];
}

/** `OR(TRIM(c)="a",TRIM(c)="b")`: the cell holds one of these list entries (case ignored, as the reader). */
function holdsOneOf(cell: string, texts: readonly string[]): string {
  const tests = texts.map((text) => `TRIM(${cell})=${literal(text)}`);
  return tests.length === 1 ? (tests[0] ?? "FALSE") : `OR(${tests.join(",")})`;
}

const townField = (ctx: FormulaContext, field: string): string => ctx.named(`${SHEET.town}.${field}`);

/** Cost per user: `ROUND(cost/users,2)`, empty when users are 0 or a value is missing. */
export function costPerUserFormula(ctx: FormulaContext): string {
  const users = ctx.cell("users");
  const cost = ctx.cell("annualCost");
  return `IF(${ctx.cell("serviceId")}="","",IF(AND(ISNUMBER(${users}),ISNUMBER(${cost})),IF(${users}=0,"",ROUND(${cost}/${users},${COST_PER_USER_DECIMALS})),""))`;
}

/** Full calendar months from the reference date to the contract end (negative when past). */
export function monthsToEndFormula(ctx: FormulaContext): string {
  const end = ctx.cell("contractEnd");
  const reference = townField(ctx, "referenceDate");
  return (
    `IF(OR(${ctx.cell("serviceId")}="",NOT(ISNUMBER(${end})),NOT(ISNUMBER(${reference}))),"",` +
    `(YEAR(${end})-YEAR(${reference}))*12+MONTH(${end})-MONTH(${reference})-IF(DAY(${end})<DAY(${reference}),1,0))`
  );
}

/** The window flag: expired / yes (fewer full months than the window) / no; empty without a date. */
export function windowFormula(ctx: FormulaContext): string {
  const months = ctx.cell("monthsToEnd");
  const text = (key: keyof typeof WINDOW_LABELS) => literal(WINDOW_LABELS[key][ctx.language]);
  return `IF(${months}="","",IF(${months}<0,${text("expired")},IF(${months}<${townField(ctx, "windowMonths")},${text("open")},${text("later")})))`;
}

/** The services' number inputs (the score's row check takes their rules from here). */
const USERS_COLUMN = {
  key: "users",
  label: { de: "Nutzer", en: "Users" },
  type: "integer",
  kind: "input",
  min: 0,
  numberFormat: "#,##0",
  width: 7,
  hint: { de: "Anzahl Nutzerinnen und Nutzer (ganze Zahl)", en: "Number of users (whole number)" },
} as const satisfies ColumnSpec;
const ANNUAL_COST_COLUMN = {
  key: "annualCost",
  label: { de: "Jahreskosten (€)", en: "Annual cost (€)" },
  type: "currency",
  kind: "input",
  min: 0,
  maxDecimals: 2,
  numberFormat: '#,##0.00 "€"',
  width: 13,
  hint: { de: "Lizenz, Wartung, Betrieb je Jahr in €", en: "Licence, maintenance, operation per year in €" },
} as const satisfies ColumnSpec;

/** Row of the town sheet's check line (between description and the first field) and of the services' summary line. */
export const CHECK_LINE_ROW = 3;

/** The score cell of a service while the town's reference date or window cannot be used. */
export const TOWN_INVALID_TEXT = {
  de: `${CHECK_MARK.failed} Stichtag/Zeitfenster: siehe Blatt IT-Kommune`,
  en: `${CHECK_MARK.failed} reference date/window: see sheet IT town`,
} as const satisfies LocalizedText;
/** The score cell of a service whose users, annual cost or contract end the reader refuses. */
export const ROW_INVALID_TEXT = {
  de: `${CHECK_MARK.failed} Nutzer, Jahreskosten, Vertragsende prüfen`,
  en: `${CHECK_MARK.failed} check users, annual cost, contract end`,
} as const satisfies LocalizedText;

/**
 * Conditions, any of them TRUE when a service row cannot be trusted: users or annual cost hold
 * what the reader refuses (text, below 0, a fraction of a user, more than 2 decimals of a euro,
 * a number too large — lib/validation/parseCell.ts, from the column specs, checked over ranges
 * by {@link numberRowConditions}), or the contract end is not a date (text).
 */
export function serviceRowConditions(ctx: FormulaContext): string[] {
  const numbers = [USERS_COLUMN, ANNUAL_COST_COLUMN].map((column) => ({ column, cell: ctx.cell(column.key) }));
  const end = ctx.cell("contractEnd");
  return [...numberRowConditions(numbers), `COUNTA(${end})>COUNT(${end})`];
}

/**
 * The priority score, `ROUND(30·S + 25·W + 15·L + 15·K + 15·C, 9)` (see lib/services/priorityScore):
 * S status replace/consolidate, W window open or passed, L end of support, K criticality
 * 0 / 0.5 / 1, C annual cost ÷ the town's largest annual cost.
 *
 * Where the score cannot be trusted it is no number but „✗“ and the reason: the town sheet's
 * check line (row {@link CHECK_LINE_ROW}, placed by sheetChecks.ts) says the reference date or
 * the window cannot be used, or the row's users, cost or contract end break the reader's rules
 * ({@link serviceRowConditions}). The library computes nothing from such a workbook: its
 * validation reports the same cells as errors.
 */
export function priorityScoreFormula(ctx: FormulaContext): string {
  const months = ctx.cell("monthsToEnd");
  const cost = ctx.cell("annualCost");
  const max = townField(ctx, "maxAnnualCost");
  const criticality = ctx.cell("criticality");
  const levels = CRITICALITIES.filter((c) => CRITICALITY_FACTOR[c] > 0).sort(
    (a, b) => CRITICALITY_FACTOR[b] - CRITICALITY_FACTOR[a],
  );
  const criticalityFactor = levels.reduceRight(
    (otherwise, level) =>
      `IF(${holdsOneOf(criticality, spellings([level], CRITICALITY_LABELS))},${CRITICALITY_FACTOR[level]},${otherwise})`,
    "0",
  );
  const terms = [
    `${PRIORITY_POINTS.status}*IF(${holdsOneOf(ctx.cell("status"), spellings(ACTION_STATUSES, STATUS_LABELS))},1,0)`,
    `${PRIORITY_POINTS.window}*IF(ISNUMBER(${months}),IF(${months}<${townField(ctx, "windowMonths")},1,0),0)`,
    `${PRIORITY_POINTS.endOfSupport}*IF(${holdsOneOf(ctx.cell("lifecycle"), spellings(["endOfSupport"], LIFECYCLE_LABELS))},1,0)`,
    `${PRIORITY_POINTS.criticality}*${criticalityFactor}`,
    `${PRIORITY_POINTS.cost}*IF(${max}=0,0,IF(ISNUMBER(${cost}),${cost},0)/${max})`,
  ];
  // the town sheet's check line (A3): its sheet prefix taken from a named field of that sheet
  const townCheck = `${ctx.named(`${SHEET.town}.name`).replace(/\$[A-Z]+\$\d+$/, "")}$A$${CHECK_LINE_ROW}`;
  return (
    `IF(${ctx.cell("serviceId")}="","",IF(MID(${townCheck},1,1)="${CHECK_MARK.failed}",${formulaText(TOWN_INVALID_TEXT[ctx.language])},` +
    `IF(${anyRowProblem(serviceRowConditions(ctx))},${formulaText(ROW_INVALID_TEXT[ctx.language])},` +
    `ROUND(${terms.join("+")},${PRIORITY_DECIMALS}))))`
  );
}

/** The largest annual cost of the town's services: the cost part's reference. */
export function maxAnnualCostFormula(ctx: FormulaContext): string {
  return `MAX(${ctx.columnRange("annualCost", SHEET.services)})`;
}

const decimal = (value: number, language: Language): string =>
  language === "de" ? String(value).replace(".", ",") : String(value);

/** The score's rules as the „Punkteschema“ sheet lists them. */
export function scoreRuleEntries(language: Language): ListEntry[] {
  const p = PRIORITY_POINTS;
  const half = decimal(p.criticality * CRITICALITY_FACTOR.medium, language);
  const label = (de: string, en: string): LocalizedText => ({ de, en });
  const status = (key: ServiceStatus) => STATUS_LABELS[key][language];
  return [
    {
      value: String(p.status),
      label: label(
        `Status „${status("replace")}“ oder „${status("consolidate")}“: die Kommune will den Service ohnehin verändern.`,
        `Status “${status("replace")}” or “${status("consolidate")}”: the town means to change the service anyway.`,
      ),
    },
    {
      value: String(p.window),
      label: label(
        "Das Vertragsende liegt im Zeitfenster – bis dahin bleiben weniger volle Monate, als im Blatt „IT-Kommune“ eingetragen sind – oder ist schon vorbei: ein Wechsel ist ohne Vertragsstrafe möglich.",
        "The contract ends within the window – fewer full months remain than entered on the “IT town” sheet – or has already ended: a change costs no penalty.",
      ),
    },
    {
      value: String(p.endOfSupport),
      label: label(
        `Lebenszyklus „${LIFECYCLE_LABELS.endOfSupport.de}“: der Hersteller beendet die Unterstützung.`,
        `Lifecycle “${LIFECYCLE_LABELS.endOfSupport.en}”: the vendor ends its support.`,
      ),
    },
    {
      value: `0 / ${half} / ${p.criticality}`,
      label: label("Kritikalität niedrig / mittel / hoch.", "Criticality low / medium / high."),
    },
    {
      value: `0–${p.cost}`,
      label: label(
        `Jahreskosten im Verhältnis zu den höchsten Jahreskosten der Kommune (${p.cost} × Kosten ÷ höchste Kosten).`,
        `Annual cost relative to the town's highest annual cost (${p.cost} × cost ÷ highest cost).`,
      ),
    },
    {
      value: "0–100",
      label: label(
        `Summe, auf ${PRIORITY_DECIMALS} Nachkommastellen gerundet. Leere Zellen zählen 0.`,
        `Sum, rounded to ${PRIORITY_DECIMALS} decimals. Empty cells count 0.`,
      ),
    },
  ];
}

const listColumn = (key: string, label: LocalizedText, width: number) =>
  ({ key, list: key, show: "label", label, width }) as const;

export const serviceCatalogueSpec = {
  id: "it-servicekatalog",
  // 1.1.0: the sheet checks itself (score „✗ …“ where it cannot be trusted, town check line,
  // summary line on „Services“); same layout
  // 1.2.0: own names for the sheets other templates have too, so templates share a workbook
  // (docs/decisions/0010): „Kommune“ → „IT-Kommune“, „Produktrahmen“ → „IT-Produktrahmen“,
  // „Listen“ → „IT-Listen“
  // 1.3.0: a „So geht’s“ sheet first
  version: "1.3.0",
  history: [
    {
      version: "1.1.0",
      sheets: [
        { key: SHEET.town, name: { de: "Kommune", en: "Town" } },
        { key: SHEET.framework, name: { de: "Produktrahmen", en: "Product framework" } },
        { key: SHEET.lists, name: { de: "Listen", en: "Lists" } },
      ],
    },
    { version: "1.0.0", sheets: [] },
  ],
  title: { de: "IT-Servicekatalog und Konsolidierung", en: "IT service catalogue and consolidation" },
  sheets: [
    guideSheet(serviceCatalogueGuide),
    {
      kind: "form",
      key: SHEET.town,
      name: { de: "IT-Kommune", en: "IT town" },
      title: { de: "Kommune", en: "Town" },
      description: {
        de: "Angaben zur Kommune, Stichtag und Zeitfenster für Vertragsenden. Gelbe Felder ausfüllen.",
        en: "About the town, the reference date and the window for contract ends. Fill in the yellow fields.",
      },
      firstRow: 4,
      fields: [
        townNameField(),
        dateInput(
          "referenceDate",
          { de: "Stichtag", en: "Reference date" },
          30,
          {
            de: "Monate bis Vertragsende zählen ab diesem Tag (beim Erzeugen: das Tagesdatum)",
            en: "Months to contract end count from this day (when generated: that day)",
          },
          { required: true },
        ),
        {
          key: "windowMonths",
          label: { de: "Zeitfenster (Monate)", en: "Window (months)" },
          type: "integer",
          kind: "input",
          required: true,
          min: 1,
          max: 120,
          initial: DEFAULT_WINDOW_MONTHS,
          numberFormat: "0",
          width: 30,
          hint: {
            de: "Ein Vertrag ist im Zeitfenster („ja“), wenn bis zu seinem Ende weniger volle Monate bleiben als hier eingetragen (gezählt ab dem Stichtag)",
            en: "A contract is in the window (“yes”) when fewer full months than entered here remain until it ends (counted from the reference date)",
          },
        },
        contactField(),
        emailField(),
        computedMoney(
          "maxAnnualCost",
          { de: "Höchste Jahreskosten (€)", en: "Highest annual cost (€)" },
          30,
          maxAnnualCostFormula,
          {
            hint: {
              de: "berechnet; Bezugswert des Kostenanteils der Priorität",
              en: "computed; reference of the priority's cost part",
            },
          },
        ),
      ],
    },
    {
      kind: "table",
      key: SHEET.services,
      name: { de: "Services", en: "Services" },
      title: { de: "IT-Servicekatalog", en: "IT service catalogue" },
      description: {
        de: "Eine Zeile je IT-Service. Gelb = Eingabe, blau = berechnet. Produktcodes aus dem Blatt „Produktrahmen“, mehrere mit Komma (z. B. 1113, 611). Priorität: siehe „Punkteschema“.",
        en: "One row per IT service. Yellow = input, blue = computed. Product codes from the “Product framework” sheet, several separated by commas (e.g. 1113, 611). Priority: see “Score rules”.",
      },
      headerRow: SERVICES_HEADER_ROW,
      rowKey: "serviceId",
      minRows: 60,
      spareRows: 40,
      landscape: true,
      columns: [
        {
          key: "serviceId",
          label: { de: "Service-ID", en: "Service ID" },
          type: "text",
          kind: "input",
          required: true,
          numberFormat: "@",
          width: 9,
          hint: { de: "Kurzzeichen, je Service einmal, z. B. S-01", en: "Short id, once per service, e.g. S-01" },
        },
        {
          key: "name",
          label: { de: "Service", en: "Service" },
          type: "text",
          kind: "input",
          required: true,
          width: 28,
        },
        listInput("category", { de: "Kategorie", en: "Category" }, "categories", 22, { required: true }),
        {
          key: "software",
          label: { de: "Softwareprodukt", en: "Software product" },
          type: "text",
          kind: "input",
          required: true,
          width: 22,
        },
        { key: "vendor", label: { de: "Hersteller / Anbieter", en: "Vendor" }, type: "text", kind: "input", width: 20 },
        {
          key: "productCodes",
          label: { de: "Produktcodes", en: "Product codes" },
          type: "text",
          kind: "input",
          numberFormat: "@",
          width: 15,
        },
        listInput("operatingModel", { de: "Betriebsmodell", en: "Operating model" }, "operatingModels", 26, {
          required: true,
        }),
        USERS_COLUMN,
        ANNUAL_COST_COLUMN,
        dateInput(
          "contractEnd",
          { de: "Vertragsende", en: "Contract end" },
          13,
          {
            de: "Frühestes Ende ohne Verlängerung, z. B. 31.12.2026",
            en: "Earliest end without renewal, e.g. 31/12/2026",
          },
          { align: "center" },
        ),
        listInput("criticality", { de: "Kritikalität", en: "Criticality" }, "criticalities", 11, {
          required: true,
          align: "center",
        }),
        listInput("status", { de: "Status", en: "Status" }, "statuses", 13, { required: true }),
        listInput("lifecycle", { de: "Lebenszyklus", en: "Lifecycle" }, "lifecycleStages", 14),
        {
          key: "interfaces",
          label: { de: "Schnittstellen", en: "Interfaces" },
          type: "text",
          kind: "input",
          width: 26,
        },
        computedMoney("costPerUser", { de: "Kosten je Nutzer (€)", en: "Cost per user (€)" }, 11, costPerUserFormula),
        computedInteger(
          "monthsToEnd",
          { de: "Monate bis Vertragsende", en: "Months to contract end" },
          13,
          monthsToEndFormula,
          { align: "center" },
        ),
        computedText("window", { de: "Im Zeitfenster", en: "In the window" }, 11, windowFormula, {
          align: "center",
          highlights: [
            { equals: WINDOW_LABELS.open.de, fill: "good", language: "de" },
            { equals: WINDOW_LABELS.open.en, fill: "good", language: "en" },
            { equals: WINDOW_LABELS.expired.de, fill: "weak", language: "de" },
            { equals: WINDOW_LABELS.expired.en, fill: "weak", language: "en" },
          ],
        }),
        {
          key: "score",
          label: { de: "Priorität (0–100)", en: "Priority (0–100)" },
          type: "decimal",
          kind: "computed",
          numberFormat: "0.0",
          width: 10,
          formula: priorityScoreFormula,
        },
      ],
    },
    {
      kind: "reference",
      key: SHEET.framework,
      name: { de: "IT-Produktrahmen", en: "IT product framework" },
      title: { de: "Produktcodes zum Nachschlagen", en: "Product codes to look up" },
      description: {
        de: "Kommunaler Produktrahmen Sachsen (Auszug) oder die eigene Produktliste der Kommune. Eigene Codes sind erlaubt und werden markiert.",
        en: "Saxon municipal product framework (extract) or the town's own product list. Custom codes are allowed and get flagged.",
      },
      headerRow: 4,
      columns: [
        // the values' column is keyed like its list: lib/plan/resolveLayout sizes reference sheets by column key
        { key: "productCodes", list: "productCodes", show: "value", label: { de: "Code", en: "Code" }, width: 10 },
        {
          key: "productNames",
          list: "productCodes",
          show: "label",
          label: { de: "Bezeichnung", en: "Name" },
          width: 60,
        },
      ],
    },
    {
      kind: "reference",
      key: SHEET.lists,
      name: { de: "IT-Listen", en: "IT lists" },
      title: { de: "Auswahllisten", en: "Lists" },
      headerRow: 4,
      columns: [
        listColumn("categories", { de: "Kategorie", en: "Category" }, 26),
        listColumn("operatingModels", { de: "Betriebsmodell", en: "Operating model" }, 32),
        listColumn("criticalities", { de: "Kritikalität", en: "Criticality" }, 14),
        listColumn("statuses", { de: "Status", en: "Status" }, 16),
        listColumn("lifecycleStages", { de: "Lebenszyklus", en: "Lifecycle" }, 18),
      ],
    },
    {
      kind: "reference",
      key: SHEET.scoring,
      name: { de: "Punkteschema", en: "Score rules" },
      title: { de: "So entsteht die Priorität (0–100)", en: "How the priority (0–100) is made" },
      description: {
        de: "Je höher, desto eher lohnt es, den Service jetzt gemeinsam mit den Partnern anzugehen.",
        en: "The higher, the more it pays to tackle the service with the partner towns now.",
      },
      headerRow: 4,
      columns: [
        { key: "scoreRules", list: "scoreRules", show: "value", label: { de: "Punkte", en: "Points" }, width: 14 },
        {
          key: "scoreRuleTexts",
          list: "scoreRules",
          show: "label",
          label: { de: "Bestandteil", en: "Part" },
          width: 110,
        },
      ],
    },
  ],
  lists: {
    productCodes: {
      sheet: SHEET.framework,
      column: "productCodes",
      entries: () => PRODUCT_FRAMEWORK.map((p) => ({ value: p.code, label: { de: p.name, en: p.name } })),
    },
    categories: { sheet: SHEET.lists, column: "categories", entries: () => LIST_ENTRIES.categories },
    operatingModels: { sheet: SHEET.lists, column: "operatingModels", entries: () => LIST_ENTRIES.operatingModels },
    criticalities: { sheet: SHEET.lists, column: "criticalities", entries: () => LIST_ENTRIES.criticalities },
    statuses: { sheet: SHEET.lists, column: "statuses", entries: () => LIST_ENTRIES.statuses },
    lifecycleStages: { sheet: SHEET.lists, column: "lifecycleStages", entries: () => LIST_ENTRIES.lifecycleStages },
    scoreRules: { sheet: SHEET.scoring, column: "scoreRules", entries: scoreRuleEntries },
  },
} as const satisfies TemplateSpec;

/** The spec with the town's own product list on the „Produktrahmen“ sheet instead of the framework. */
export function serviceCatalogueSpecWithProducts(
  products: readonly { readonly code: string; readonly name: string }[],
): TemplateSpec {
  return {
    ...serviceCatalogueSpec,
    lists: {
      ...serviceCatalogueSpec.lists,
      productCodes: {
        ...serviceCatalogueSpec.lists.productCodes,
        entries: () => products.map((p) => ({ value: p.code, label: { de: p.name, en: p.name } })),
      },
    },
  };
}
