/**
 * „Matrix“: the 6 × 4 PESTEL matrix as formulas over the long form. A grid sheet rather than a
 * table with fixed rows: the matrix is read, not typed into, so the reader and the validator skip
 * it, and its layout — element names merged over three columns, one row per factor — is placed
 * cell by cell. Each field has three cells: the number of themes, the highest score (coloured by
 * a fixed 0–9 heat-map scale) and the hot spots as text, so nothing depends on colour alone.
 *
 * The highest score needs no MAXIFS and no array formula: a score can only be 0, 1, 2, 3, 4, 6
 * or 9, so it is `MAX(9*(COUNTIFS(…,9)>0), 6*(COUNTIFS(…,6)>0), …)` — plain COUNTIFS, which
 * Excel 2016 and LibreOffice compute alike and which ignore the empty text of unrated rows.
 * lib/pestel/computeMatrix.ts computes the same.
 */
import { columnLetter } from "../../../lib/cells/address.js";
import { INNER_ELEMENTS, PESTEL_FACTORS, POSSIBLE_SCORES } from "../../../lib/pestel/model.js";
import type {
  ColorScaleSpec,
  GridCell,
  GridContent,
  GridContext,
  LocalizedText,
} from "../../../lib/spec/TemplateSpec.js";
import { CHECK_MARK, countMarked, formulaText } from "../../common/cellChecks.js";
import { entriesBelowFormula, selfCheckSummaryFormula } from "../../common/selfChecks.js";
import {
  ELEMENT_LABELS,
  FACTOR_HINTS,
  FACTOR_LABELS,
  SHEET,
  THRESHOLD_INVALID_TEXT,
  hotSpotMarker,
  matrixInputs,
  thresholdUsableFormula,
} from "../terms.js";

/** Row of the element names; the sub-headers are one row below, the factors below those. */
export const MATRIX_HEADER_ROW = 5;
export const MATRIX_FIRST_FACTOR_ROW = MATRIX_HEADER_ROW + 2;
/** Row of the totals over all factors. */
export const MATRIX_TOTAL_ROW = MATRIX_FIRST_FACTOR_ROW + PESTEL_FACTORS.length;

/** The three cells of a matrix field. */
export type MatrixPart = "count" | "max" | "marker";
const PARTS: readonly MatrixPart[] = ["count", "max", "marker"];

/** 1-based column of a part of an element's field (element index 0–3). */
export function matrixColumn(elementIndex: number, part: MatrixPart): number {
  return 2 + elementIndex * PARTS.length + PARTS.indexOf(part);
}

/** Address of a part of the field of a factor (0–5, or 6 for the totals row) and an element (0–3). */
export function matrixAddress(factorIndex: number, elementIndex: number, part: MatrixPart): string {
  return `${columnLetter(matrixColumn(elementIndex, part))}${MATRIX_FIRST_FACTOR_ROW + factorIndex}`;
}

/**
 * The heat map: 0 white, 4 yellow, 9 red — fixed numbers, so every element's column uses the same
 * scale and a score means the same colour in every town's workbook.
 */
export const HEAT_MAP_STOPS: Pick<ColorScaleSpec, "min" | "mid" | "max"> = {
  min: { type: "number", value: 0, color: "#FFFFFF" },
  mid: { type: "number", value: 4, color: "#FFEB84" },
  max: { type: "number", value: 9, color: "#F8696B" },
};

const TEXT = {
  title: { de: "PESTEL-Matrix: Außensicht × Innensicht", en: "PESTEL matrix: outside view × inside view" },
  town: { de: "Kommune: ", en: "Town: " },
  threshold: { de: " · Brennpunkt ab ", en: " · hot spot from score " },
  points: { de: " Punkten", en: "" },
  note: {
    de: "Je Feld: Anzahl der Themen, höchste Punktzahl (Einfluss × Handlungsspielraum, 0–9) und Brennpunkte, berechnet aus dem Blatt „Themen“. Die Themen selbst je Feld, auch leer zum Ausfüllen von Hand: Blatt „Textmatrix“.",
    en: "Per field: number of themes, highest score (impact × room to act, 0–9) and hot spots, computed from the sheet “Themes”. The themes themselves per field, blank too for filling in by hand: sheet “Text matrix”.",
  },
  corner: { de: "Außensicht (PESTEL) ↓ · Innensicht →", en: "Outside view (PESTEL) ↓ · inside view →" },
  count: { de: "Themen", en: "Themes" },
  max: { de: "Höchste Punkte", en: "Highest score" },
  marker: { de: "Brennpunkte", en: "Hot spots" },
  total: { de: "Alle Faktoren", en: "All factors" },
  legend: {
    de: "Farben der höchsten Punktzahl: 0 weiß, 4 gelb, 9 rot. Brennpunkt: ein Thema erreicht die Schwelle vom Blatt „PESTEL-Kommune“. Maßnahmen zu den Brennpunkten: Blatt „Themen“, Spalte „Maßnahmen“.",
    en: "Colours of the highest score: 0 white, 4 yellow, 9 red. Hot spot: a theme reaches the threshold on the sheet “PESTEL town”. Measures for the hot spots: sheet “Themes”, column “Measures”.",
  },
} satisfies Record<string, LocalizedText>;

const COUNT_FORMAT = '0;-0;"–"';

/** The matrix marker as a formula over the number of hot spots `n` (same text as {@link hotSpotMarker}). */
function markerFormula(n: string, language: "de" | "en"): string {
  const one = hotSpotMarker(1, language);
  const many = hotSpotMarker(2, language).replace(/^2/, "");
  return `IF(${n}=0,"",IF(${n}=1,"${one}",${n}&"${many}"))`;
}

/** Shown in place of the matrix's hot-spot markers while the typed threshold cannot be used. */
export const MATRIX_THRESHOLD_INVALID: LocalizedText = { de: `${CHECK_MARK} Schwelle`, en: `${CHECK_MARK} threshold` };

/** Row of the matrix's summary line (between the note and the header). */
export const MATRIX_SUMMARY_ROW = 4;

/**
 * The matrix's summary line (templates/common/selfChecks.ts): „✓ Alle Prüfungen bestanden“, or
 * „✗ 2 Prüfungen nicht bestanden – siehe Themen, Spalte G · PESTEL-Kommune, Schwelle“ — themes whose
 * hot-spot cell shows their own „✗“, the typed threshold, entries below the rows the formulas cover.
 */
export function matrixSummaryFormula(context: GridContext): string {
  const { language } = context;
  const markers = context.columnRange("hotSpot", SHEET.themes);
  const last = Number(/(\d+)$/.exec(markers)?.[1] ?? "0");
  const sheet = markers.slice(0, markers.indexOf("!"));
  const unquoted = (name: string): string => name.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  const letter = /!\$?([A-Z]+)/.exec(markers)?.[1] ?? "G";
  const threshold = context.named(`${SHEET.town}.threshold`);
  const townSheet = threshold.slice(0, threshold.indexOf("!"));
  const column = language === "de" ? `Spalte ${letter}` : `column ${letter}`;
  return selfCheckSummaryFormula(
    [
      {
        failedWhen: `${countMarked(markers)}-COUNTIF(${markers},${formulaText(THRESHOLD_INVALID_TEXT[language])})>0`,
        where: { de: `${unquoted(sheet)}, ${column}`, en: `${unquoted(sheet)}, ${column}` },
      },
      {
        failedWhen: `NOT(${thresholdUsableFormula(threshold)})`,
        where: { de: `${unquoted(townSheet)}, Schwelle`, en: `${unquoted(townSheet)}, threshold` },
      },
      {
        failedWhen: entriesBelowFormula(`${sheet}!$A$${last + 1}:$L$${last + 1}`),
        where: {
          de: `Einträge unterhalb Zeile ${last} werden nicht berechnet`,
          en: `entries below row ${last} are not computed`,
        },
      },
    ],
    language,
  );
}

export function buildMatrixSheet(context: GridContext): GridContent {
  const { language } = context;
  const { t, factors, elements, scores, threshold, typedThreshold, townName } = matrixInputs(context);

  /** `COUNTIFS(factor,"Politisch",element,"Technische Ressourcen"[,score,criterion])`. */
  const countIfs = (factor: string, element: string, scoreCriterion?: string): string =>
    `COUNTIFS(${factors},"${factor}",${elements},"${element}"${scoreCriterion === undefined ? "" : `,${scores},${scoreCriterion}`})`;
  const hotCount = (factor: string, element: string): string => countIfs(factor, element, `">="&${threshold}`);
  /** A marker, or „✗ Schwelle“ while the typed threshold cannot be used. */
  const guarded = (marker: string): string =>
    `IF(${thresholdUsableFormula(typedThreshold)},${marker},${formulaText(t(MATRIX_THRESHOLD_INVALID))})`;

  const rows: { row: number; cells: GridCell[]; height?: number }[] = [];
  rows.push({ row: 1, cells: [{ column: 1, value: t(TEXT.title), style: "title" }], height: 24 });
  rows.push({
    row: 2,
    cells: [
      {
        column: 1,
        formula: `"${t(TEXT.town)}"&IF(${townName}="","–",${townName})&"${t(TEXT.threshold)}"&${threshold}&"${t(TEXT.points)}"`,
        style: "description",
      },
    ],
  });
  rows.push({ row: 3, cells: [{ column: 1, value: t(TEXT.note), style: "description" }] });
  rows.push({
    row: MATRIX_SUMMARY_ROW,
    cells: [{ column: 1, formula: matrixSummaryFormula(context), style: "label" }],
  });

  const merges: string[] = [`A${MATRIX_HEADER_ROW}:A${MATRIX_HEADER_ROW + 1}`];
  const header: GridCell[] = [{ column: 1, value: t(TEXT.corner), style: "header" }];
  const subHeader: GridCell[] = [{ column: 1, style: "header" }];
  INNER_ELEMENTS.forEach((element, index) => {
    const first = matrixColumn(index, "count");
    const last = matrixColumn(index, "marker");
    header.push({ column: first, value: ELEMENT_LABELS[element][language], style: "header", align: "center" });
    for (let column = first + 1; column <= last; column++) header.push({ column, style: "header" });
    merges.push(`${columnLetter(first)}${MATRIX_HEADER_ROW}:${columnLetter(last)}${MATRIX_HEADER_ROW}`);
    subHeader.push(
      { column: first, value: t(TEXT.count), style: "header", align: "center" },
      { column: first + 1, value: t(TEXT.max), style: "header", align: "center" },
      { column: last, value: t(TEXT.marker), style: "header", align: "center" },
    );
  });
  rows.push({ row: MATRIX_HEADER_ROW, cells: header, height: 32 });
  rows.push({ row: MATRIX_HEADER_ROW + 1, cells: subHeader, height: 30 });

  PESTEL_FACTORS.forEach((factor, factorIndex) => {
    const factorLabel = FACTOR_LABELS[factor][language];
    const cells: GridCell[] = [
      { column: 1, value: `${factorLabel}\n${FACTOR_HINTS[factor][language]}`, style: "header" },
    ];
    INNER_ELEMENTS.forEach((element, elementIndex) => {
      const elementLabel = ELEMENT_LABELS[element][language];
      const scored = countIfs(factorLabel, elementLabel, '">=0"');
      const highest = POSSIBLE_SCORES.filter((score) => score > 0)
        .map((score) => `${score}*(${countIfs(factorLabel, elementLabel, String(score))}>0)`)
        .join(",");
      cells.push(
        {
          column: matrixColumn(elementIndex, "count"),
          formula: countIfs(factorLabel, elementLabel),
          style: "computed",
          numberFormat: COUNT_FORMAT,
          align: "center",
        },
        {
          column: matrixColumn(elementIndex, "max"),
          formula: `IF(${scored}=0,"",MAX(${highest}))`,
          style: "computed",
          numberFormat: "0",
          align: "center",
        },
        {
          column: matrixColumn(elementIndex, "marker"),
          formula: guarded(markerFormula(hotCount(factorLabel, elementLabel), language)),
          style: "computed",
          align: "center",
        },
      );
    });
    rows.push({ row: MATRIX_FIRST_FACTOR_ROW + factorIndex, cells, height: 34 });
  });

  const lastFactorRow = MATRIX_TOTAL_ROW - 1;
  const totals: GridCell[] = [{ column: 1, value: t(TEXT.total), style: "header" }];
  INNER_ELEMENTS.forEach((element, elementIndex) => {
    const column = (part: MatrixPart): string => columnLetter(matrixColumn(elementIndex, part));
    const maxRange = `${column("max")}${MATRIX_FIRST_FACTOR_ROW}:${column("max")}${lastFactorRow}`;
    const elementLabel = ELEMENT_LABELS[element][language];
    const hot = PESTEL_FACTORS.map((factor) => hotCount(FACTOR_LABELS[factor][language], elementLabel)).join("+");
    totals.push(
      {
        column: matrixColumn(elementIndex, "count"),
        formula: `SUM(${column("count")}${MATRIX_FIRST_FACTOR_ROW}:${column("count")}${lastFactorRow})`,
        style: "computed",
        numberFormat: COUNT_FORMAT,
        align: "center",
      },
      {
        column: matrixColumn(elementIndex, "max"),
        formula: `IF(COUNT(${maxRange})=0,"",MAX(${maxRange}))`,
        style: "computed",
        numberFormat: "0",
        align: "center",
      },
      {
        column: matrixColumn(elementIndex, "marker"),
        formula: guarded(markerFormula(`(${hot})`, language)),
        style: "computed",
        align: "center",
      },
    );
  });
  rows.push({ row: MATRIX_TOTAL_ROW, cells: totals, height: 22 });
  rows.push({ row: MATRIX_TOTAL_ROW + 2, cells: [{ column: 1, value: t(TEXT.legend), style: "description" }] });

  const colorScales: ColorScaleSpec[] = INNER_ELEMENTS.map((_, elementIndex) => {
    const letter = columnLetter(matrixColumn(elementIndex, "max"));
    return { range: `${letter}${MATRIX_FIRST_FACTOR_ROW}:${letter}${MATRIX_TOTAL_ROW}`, ...HEAT_MAP_STOPS };
  });

  return {
    columnWidths: [44, ...INNER_ELEMENTS.flatMap(() => [8, 10, 14])],
    rows,
    merges,
    printTitleRows: `${MATRIX_HEADER_ROW}:${MATRIX_HEADER_ROW + 1}`,
    frozen: { rows: MATRIX_HEADER_ROW + 1, columns: 1 },
    colorScales,
  };
}
