/**
 * Template 2 „PESTEL-Matrix“: outside view × inside view (guideline, chapter 3). A town (or the
 * group) records themes in a long form — which outside factor hits which inner element, how hard,
 * and how much room it has to act — and the workbook computes each theme's score and hot-spot
 * flag and the 6 × 4 matrix by its own formulas (functions from lib/formulas/compatibleFunctions.ts;
 * lib/pestel computes the same, see test/parity-pestel.test.ts):
 *
 * - „PESTEL-Kommune“ (town): name, date, the hot-spot threshold (default 6) and the threshold in force.
 * - „Themen“ (themes): one row per theme; score = impact × room when both are ratings 0–3,
 *   hot spot when the score reaches the threshold; field of action and measure ids link the
 *   theme to the catalogue.
 * - „Matrix“: per factor × element the number of themes, the highest score (heat-map colours)
 *   and the hot spots (as text).
 * - „Textmatrix“: the guideline's matrix to print — per factor × element the themes themselves,
 *   hot spots marked in words and colour; blank, the matrix to fill in by hand. Its lines come from
 *   the hidden working sheet „PESTEL-Zeilen“ (templates/pestel/formulas/textMatrix.ts).
 * - „Maßnahmen“: the catalogue of measures 0 … 4.4 (the measure ids' drop-down and reference).
 * - „PESTEL-Listen“: factors, elements and fields of action for the drop-downs.
 */
import { guideSheet } from "../../lib/plan/planGuideSheet.js";
import { pestelGuide } from "./guide.js";
import { INNER_ELEMENTS, PESTEL_FACTORS, THRESHOLD_RANGE, DEFAULT_HOT_SPOT_THRESHOLD } from "../../lib/pestel/model.js";
import type { ColumnSpec, FormulaContext, TemplateSpec } from "../../lib/spec/TemplateSpec.js";
import {
  firstProblemText,
  formulaText,
  namedProblems,
  numberCellProblems,
  requiredCellProblem,
  type NamedProblem,
} from "../common/cellChecks.js";
import { computedInteger, computedText, dateInput, listInput, townNameField } from "../common/columns.js";
import { ACTION_FIELDS, MEASURES, MEASURES_SOURCE_SHORT } from "../reference/measures.js";
import { buildMatrixSheet } from "./formulas/matrix.js";
import { FIELD_LINES_SHEET_NAME, buildFieldLinesSheet, buildTextMatrixSheet } from "./formulas/textMatrix.js";
import {
  ELEMENT_LABELS,
  FACTOR_LABELS,
  HOT_SPOT_TEXT,
  SHEET,
  THRESHOLD_INVALID_TEXT,
  actionFieldLabel,
  thresholdUsableFormula,
} from "./terms.js";

export { SHEET, THRESHOLD_INVALID_TEXT, thresholdUsableFormula } from "./terms.js";

/** Header row of the long form (themes start one row below) and of the list sheets. */
export const HEADER_ROW = 4;
/** First field row of the town sheet. */
export const TOWN_FIRST_ROW = 4;

/** `AND(ISNUMBER(x),OR(x=0,x=1,x=2,x=3))`: the cell holds a rating (text, blanks, 1.5 and 4 do not). */
export function isRatingFormula(cell: string): string {
  return `AND(ISNUMBER(${cell}),OR(${[0, 1, 2, 3].map((r) => `${cell}=${r}`).join(",")}))`;
}

/** Score of a theme: impact × room when both are ratings, else empty (lib/pestel/scoreTheme). */
export function scoreFormula(ctx: FormulaContext): string {
  const impact = ctx.cell("impact");
  const room = ctx.cell("room");
  return `IF(AND(${isRatingFormula(impact)},${isRatingFormula(room)}),${impact}*${room},"")`;
}

/**
 * What makes a theme row untrustworthy, as formulas, in column order: factor or element empty or
 * not from the list, no theme, a rating other than 0–3 (text included), a field of action not from
 * the list — the reader's rules (lib/validation), so the sheet flags what the library refuses.
 */
export function themeRowProblems(ctx: FormulaContext): NamedProblem[] {
  return THEME_COLUMNS.flatMap((column) => {
    if (column.kind !== "input") return [];
    const cell = ctx.cell(column.key);
    const problems = [...(column.required ? [requiredCellProblem(cell)] : []), ...numberCellProblems(column, cell)];
    if (column.type === "list" && column.list) {
      const list = LIST_COLUMNS[column.list.key];
      if (list) {
        const range = ctx.columnRange(list, SHEET.lists);
        problems.push({
          condition: `AND(${cell}<>"",COUNTIF(${range},${cell})=0)`,
          reason: { de: "nicht aus der Liste", en: "not from the list" },
        });
      }
    }
    return namedProblems(column, problems);
  });
}

/** Which list sheet column holds a list's entries. */
const LIST_COLUMNS: Readonly<Record<string, string>> = {
  factors: "factors",
  elements: "elements",
  actionFields: "actionFields",
};

/**
 * Hot-spot marker of a theme: the text „Brennpunkt“ when the score reaches the threshold in force;
 * „✗“ and the reason while the row's entries ({@link themeRowProblems}) or the typed threshold
 * cannot be used (never a marker computed from an unusable threshold).
 */
export function hotSpotFormula(ctx: FormulaContext): string {
  const score = ctx.cell("score");
  const inputs = THEME_COLUMNS.filter((c) => c.kind === "input").map((c) => ctx.cell(c.key));
  const marker = `IF(${score}="","",IF(NOT(${thresholdUsableFormula(ctx.named(`${SHEET.town}.threshold`))}),${formulaText(THRESHOLD_INVALID_TEXT[ctx.language])},IF(${score}>=${ctx.named(`${SHEET.town}.thresholdUsed`)},"${HOT_SPOT_TEXT[ctx.language]}","")))`;
  return `IF(COUNTA(${inputs.join(",")})=0,"",${firstProblemText(themeRowProblems(ctx), ctx.language, marker)})`;
}

/** The threshold in force: the town's when a whole number 1–9, else 6 (lib/pestel effectiveThreshold). */
export function thresholdUsedFormula(ctx: FormulaContext): string {
  const typed = ctx.named(`${SHEET.town}.threshold`);
  return `IF(ISNUMBER(${typed}),IF(AND(${typed}>=${THRESHOLD_RANGE.min},${typed}<=${THRESHOLD_RANGE.max},${typed}=INT(${typed})),${typed},${DEFAULT_HOT_SPOT_THRESHOLD}),${DEFAULT_HOT_SPOT_THRESHOLD})`;
}

const rating = (key: string, label: ColumnSpec["label"], hint: ColumnSpec["label"], width: number): ColumnSpec => ({
  key,
  label,
  type: "rating",
  kind: "input",
  min: 0,
  max: 3,
  numberFormat: "0",
  width,
  align: "center",
  hint,
});

/** The columns of the long form, in sheet order. */
const THEME_COLUMNS: readonly ColumnSpec[] = [
  listInput("factor", { de: "Faktor (Außensicht)", en: "Factor (outside view)" }, "factors", 16, {
    required: true,
  }),
  listInput("element", { de: "Element (Innensicht)", en: "Element (inside view)" }, "elements", 34, {
    required: true,
  }),
  {
    key: "theme",
    label: { de: "Thema", en: "Theme" },
    type: "text",
    kind: "input",
    required: true,
    width: 62,
  },
  rating(
    "impact",
    { de: "Einfluss von außen (0–3)", en: "Outside impact (0–3)" },
    {
      de: "Wie stark wirkt der Faktor auf dieses Element? 0 = kaum, 3 = sehr stark",
      en: "How strongly does the factor act on this element? 0 = hardly, 3 = very strongly",
    },
    11,
  ),
  rating(
    "room",
    { de: "Eigener Handlungsspielraum (0–3)", en: "Own room to act (0–3)" },
    {
      de: "Wie viel kann die Kommune selbst oder im Verbund gestalten? 0 = nichts, 3 = viel",
      en: "How much can the town shape itself or with partners? 0 = nothing, 3 = a lot",
    },
    19,
  ),
  computedInteger("score", { de: "Punkte (0–9)", en: "Score (0–9)" }, 8, scoreFormula, { align: "center" }),
  computedText("hotSpot", { de: "Brennpunkt", en: "Hot spot" }, 36, hotSpotFormula, {
    // left-aligned: a row that cannot be trusted shows „✗“ and its reason here
    align: "left",
    highlights: [
      { equals: HOT_SPOT_TEXT.de, fill: "neutral", language: "de" },
      { equals: HOT_SPOT_TEXT.en, fill: "neutral", language: "en" },
    ],
  }),
  listInput("actionField", { de: "Handlungsfeld", en: "Field of action" }, "actionFields", 37, {
    hint: { de: "Handlungsfeld 1–4 (optional)", en: "Field of action 1–4 (optional)" },
  }),
  {
    key: "measures",
    label: { de: "Maßnahmen (Nr.)", en: "Measures (no.)" },
    type: "text",
    kind: "input",
    list: { key: "measures", allowOther: true },
    numberFormat: "@",
    width: 14,
    hint: {
      de: "Nummer aus dem Blatt „Maßnahmen“, z. B. 2.1; mehrere mit Komma trennen: 2.1, 4.2",
      en: "Number from the sheet “Measures”, e.g. 2.1; separate several with commas: 2.1, 4.2",
    },
  },
  {
    key: "owner",
    label: { de: "Verantwortlich", en: "Owner" },
    type: "text",
    kind: "input",
    width: 18,
  },
  dateInput("reviewDate", { de: "Wiedervorlage", en: "Review date" }, 14, {
    de: "Wann wird das Thema wieder angesehen?",
    en: "When is the theme looked at again?",
  }),
];

export const pestelSpec = {
  id: "pestel",
  // 1.1.0: the sheet checks itself (hot-spot column „✗ …“, threshold check, matrix summary line); same layout
  // 1.2.0: own names for the sheets other templates have too, so templates share a workbook
  // (docs/decisions/0010): „Kommune“ → „PESTEL-Kommune“, „Listen“ → „PESTEL-Listen“
  // 1.3.0: a „So geht’s“ sheet first; the printable „Textmatrix“ (themes per field) next to the
  // heat map, fed by the hidden working sheet „PESTEL-Zeilen“
  version: "1.3.0",
  history: [
    {
      version: "1.1.0",
      sheets: [
        { key: SHEET.town, name: { de: "Kommune", en: "Town" } },
        { key: SHEET.lists, name: { de: "Listen", en: "Lists" } },
      ],
    },
    { version: "1.0.0", sheets: [] },
  ],
  title: { de: "PESTEL-Matrix: Außensicht × Innensicht", en: "PESTEL matrix: outside view × inside view" },
  sheets: [
    guideSheet(pestelGuide),
    {
      kind: "form",
      key: SHEET.town,
      name: { de: "PESTEL-Kommune", en: "PESTEL town" },
      title: { de: "PESTEL-Matrix der Kommune", en: "The town's PESTEL matrix" },
      description: {
        de: "Themen auf dem Blatt „Themen“ erfassen; das Blatt „Matrix“ rechnet mit. Gelb = Eingabe, blau = berechnet.",
        en: "Record themes on the sheet “Themes”; the sheet “Matrix” follows. Yellow = input, blue = computed.",
      },
      firstRow: TOWN_FIRST_ROW,
      fields: [
        townNameField(),
        dateInput("referenceDate", { de: "Stand", en: "As of" }, 30, {
          de: "Datum der Einschätzung, z. B. 31.03.2026",
          en: "Date of the assessment",
        }),
        {
          key: "threshold",
          label: { de: "Brennpunkt ab Punktzahl", en: "Hot spot from score" },
          type: "integer",
          kind: "input",
          min: THRESHOLD_RANGE.min,
          max: THRESHOLD_RANGE.max,
          required: true,
          initial: DEFAULT_HOT_SPOT_THRESHOLD,
          numberFormat: "0",
          width: 30,
          hint: {
            de: "Brennpunkt, wenn Einfluss × Spielraum diesen Wert erreicht",
            en: "Hot spot when impact × room reaches this value",
          },
        },
        computedInteger(
          "thresholdUsed",
          { de: "Angewandte Schwelle", en: "Threshold in force" },
          30,
          thresholdUsedFormula,
          {
            hint: {
              de: "6, solange oben keine ganze Zahl von 1 bis 9 steht",
              en: "6 unless a whole number from 1 to 9 is given above",
            },
          },
        ),
      ],
    },
    {
      kind: "table",
      key: SHEET.themes,
      name: { de: "Themen", en: "Themes" },
      title: { de: "Themen: Außensicht × Innensicht", en: "Themes: outside view × inside view" },
      description: {
        de: "Eine Zeile je Thema. Einfluss und Handlungsspielraum 0–3; Punkte = Einfluss × Handlungsspielraum. Maßnahmen mit Nummer aus dem Blatt „Maßnahmen“, mehrere mit Komma: 2.1, 4.2. Gelb = Eingabe, blau = berechnet.",
        en: "One row per theme. Impact and room to act 0–3; score = impact × room. Measures by number from the sheet “Measures”, several with commas: 2.1, 4.2. Yellow = input, blue = computed.",
      },
      headerRow: HEADER_ROW,
      rowKey: "theme",
      minRows: 100,
      spareRows: 100,
      landscape: true,
      columns: THEME_COLUMNS,
    },
    {
      kind: "grid",
      key: SHEET.matrix,
      name: { de: "Matrix", en: "Matrix" },
      title: { de: "PESTEL-Matrix", en: "PESTEL matrix" },
      landscape: true,
      build: (context) => buildMatrixSheet(context),
    },
    {
      kind: "grid",
      key: SHEET.textMatrix,
      name: { de: "Textmatrix", en: "Text matrix" },
      title: { de: "PESTEL-Matrix: Themen je Feld", en: "PESTEL matrix: themes per field" },
      landscape: true,
      build: (context) => buildTextMatrixSheet(context),
    },
    {
      kind: "reference",
      key: SHEET.measures,
      name: { de: "Maßnahmen", en: "Measures" },
      title: { de: "Maßnahmenkatalog", en: "Catalogue of measures" },
      description: {
        de: `Maßnahmen 0 bis 4.4 mit Handlungsfeld. ${MEASURES_SOURCE_SHORT.de}`,
        en: `Measures 0 to 4.4 with their field of action. ${MEASURES_SOURCE_SHORT.en}`,
      },
      headerRow: HEADER_ROW,
      columns: [
        { key: "measures", list: "measures", show: "value", label: { de: "Nr.", en: "No." }, width: 7 },
        { key: "measureTitles", list: "measures", show: "label", label: { de: "Maßnahme", en: "Measure" }, width: 72 },
        {
          key: "measureFields",
          list: "measureFields",
          show: "label",
          label: { de: "Handlungsfeld", en: "Field of action" },
          width: 40,
        },
      ],
    },
    {
      kind: "reference",
      key: SHEET.lists,
      name: { de: "PESTEL-Listen", en: "PESTEL lists" },
      title: { de: "Auswahllisten", en: "Lists" },
      headerRow: HEADER_ROW,
      columns: [
        { key: "factors", list: "factors", show: "label", label: { de: "Faktor", en: "Factor" }, width: 18 },
        { key: "elements", list: "elements", show: "label", label: { de: "Element", en: "Element" }, width: 38 },
        {
          key: "actionFields",
          list: "actionFields",
          show: "label",
          label: { de: "Handlungsfeld", en: "Field of action" },
          width: 42,
        },
      ],
    },
    {
      kind: "grid",
      key: SHEET.fieldLines,
      name: FIELD_LINES_SHEET_NAME,
      title: { de: "Zeilen der Textmatrix", en: "Lines of the text matrix" },
      hidden: true,
      build: (context) => buildFieldLinesSheet(context),
    },
  ],
  lists: {
    factors: {
      sheet: SHEET.lists,
      column: "factors",
      entries: () => PESTEL_FACTORS.map((key) => ({ value: key, label: FACTOR_LABELS[key] })),
    },
    elements: {
      sheet: SHEET.lists,
      column: "elements",
      entries: () => INNER_ELEMENTS.map((key) => ({ value: key, label: ELEMENT_LABELS[key] })),
    },
    actionFields: {
      sheet: SHEET.lists,
      column: "actionFields",
      entries: () => ACTION_FIELDS.map((field) => ({ value: String(field), label: actionFieldLabel(field) })),
    },
    measures: {
      sheet: SHEET.measures,
      column: "measures",
      entries: () => MEASURES.map((m) => ({ value: m.id, label: m.title })),
    },
    measureFields: {
      sheet: SHEET.measures,
      column: "measureFields",
      entries: () =>
        MEASURES.map((m) => ({
          value: m.field === null ? "0" : String(m.field),
          label:
            m.field === null
              ? { de: "Grundlage für alle Handlungsfelder", en: "Groundwork for every field" }
              : actionFieldLabel(m.field),
        })),
    },
  },
} as const satisfies TemplateSpec;
