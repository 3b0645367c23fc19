/**
 * „Textmatrix“: the guideline's matrix (chapter 3, outside view × inside view) as a printable sheet —
 * one row per PESTEL factor, one column per inner element, and in each field the themes of the long
 * form as lines („– Brennpunkt: Thema (9 Punkte)“). Above each field a marker cell says
 * „Brennpunkt“ (and is filled yellow) when a theme of the field reaches the threshold. Without
 * themes the sheet prints as the blank matrix, with room to write by hand.
 *
 * Excel 2016 has no TEXTJOIN, so the lines come from a hidden working sheet („PESTEL-Zeilen“), one
 * row per theme row: the theme's field with its running number in the field
 * (`Politisch × Technische Ressourcen · 2`, by COUNTIFS over the rows above) and its line. Each
 * field of the matrix then looks up its 1st … {@link TEXT_MATRIX_SLOTS}th line by MATCH on that
 * key and joins them with CHAR(10); more themes are counted. templates/pestel/textMatrix.ts
 * computes the same text (test/parity-pestel.test.ts).
 */
import { columnLetter, sheetReference } from "../../../lib/cells/address.js";
import { INNER_ELEMENTS, PESTEL_FACTORS } from "../../../lib/pestel/model.js";
import type { GridCell, GridContent, GridContext, Language, LocalizedText } from "../../../lib/spec/TemplateSpec.js";
import { formulaText } from "../../common/cellChecks.js";
import { ELEMENT_LABELS, FACTOR_HINTS, FACTOR_LABELS, matrixInputs, SHEET, thresholdUsableFormula } from "../terms.js";
import { FIELD_HOT_TEXT, FIELD_THRESHOLD_INVALID, LINE_TEXT, TEXT_MATRIX_SLOTS } from "../textMatrix.js";

/** Name of the hidden working sheet that holds one key and one line per theme row. */
export const FIELD_LINES_SHEET_NAME: LocalizedText = { de: "PESTEL-Zeilen", en: "PESTEL lines" };

/** Row of the element names; each factor has a marker row and a row of themes below. */
export const TEXT_MATRIX_HEADER_ROW = 4;
const FIRST_FACTOR_ROW = TEXT_MATRIX_HEADER_ROW + 1;
const ROWS_PER_FACTOR = 2;
/** Row of the legend, below the last factor. */
const LEGEND_ROW = FIRST_FACTOR_ROW + PESTEL_FACTORS.length * ROWS_PER_FACTOR + 1;
const LAST_COLUMN = 1 + INNER_ELEMENTS.length;

/**
 * Height of a field's row of themes (points): six lines on screen; printed, the whole matrix fits
 * one A4 landscape page with about 2 cm per field to write in.
 */
const THEMES_ROW_HEIGHT = 98;

/** Address of a field's marker or themes cell (factor 0–5, element 0–3). */
export function textMatrixAddress(factorIndex: number, elementIndex: number, part: "marker" | "themes"): string {
  const row = FIRST_FACTOR_ROW + factorIndex * ROWS_PER_FACTOR + (part === "marker" ? 0 : 1);
  return `${columnLetter(2 + elementIndex)}${row}`;
}

const TEXT = {
  title: { de: "PESTEL-Matrix: Themen je Feld", en: "PESTEL matrix: themes per field" },
  town: { de: "Kommune: ", en: "Town: " },
  threshold: { de: " · Brennpunkt ab ", en: " · hot spot from score " },
  points: { de: " Punkten", en: "" },
  note: {
    de: "Je Feld die Themen vom Blatt „Themen“ mit ihrer Punktzahl (Einfluss × Handlungsspielraum, 0–9). „Brennpunkt“ (gelb hinterlegt): ein Thema des Feldes erreicht die Schwelle. Ohne Themen ist dies die leere Matrix zum Ausfüllen von Hand.",
    en: "Per field the themes from the sheet “Themes” with their score (impact × room to act, 0–9). “Hot spot” (yellow): a theme of the field reaches the threshold. Without themes this is the blank matrix to fill in by hand.",
  },
  corner: { de: "Außensicht ↓\nInnensicht →", en: "Outside view ↓\nInside view →" },
  legend: {
    de: `Je Feld höchstens ${TEXT_MATRIX_SLOTS} Themen in der Reihenfolge des Blattes „Themen“; weitere werden gezählt. Anzahl und höchste Punktzahl je Feld mit Farbskala: Blatt „Matrix“. Maßnahmen zu den Brennpunkten: Blatt „Themen“, Spalte „Maßnahmen“.`,
    en: `At most ${TEXT_MATRIX_SLOTS} themes per field, in the order of the sheet “Themes”; more are counted. Number and highest score per field with colours: sheet “Matrix”. Measures for the hot spots: sheet “Themes”, column “Measures”.`,
  },
  pages: { de: "Seite {page} von {pages}", en: "Page {page} of {pages}" },
  printed: { de: "Gedruckt am {date}", en: "Printed on {date}" },
  linesTitle: {
    de: "Arbeitsblatt der Textmatrix: je Zeile des Blattes „Themen“ ihr Feld mit laufender Nummer und ihre Zeile (berechnet)",
    en: "Working sheet of the text matrix: per row of the sheet “Themes” its field with a running number and its line (computed)",
  },
  key: { de: "Feld · Nr.", en: "Field · no." },
  line: { de: "Zeile der Textmatrix", en: "Line of the text matrix" },
} satisfies Record<string, LocalizedText>;

/** `'Themen'!$A$5:$A$204` → its parts. */
function rangeParts(range: string): { sheet: string; letter: string; first: number; last: number } {
  const match = /^(.*)!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(range);
  if (!match) throw new Error(`not a column range: ${range}`);
  return { sheet: match[1] ?? "", letter: match[2] ?? "", first: Number(match[3]), last: Number(match[4]) };
}

/** The key a field's `slot`th theme has on the working sheet: `Politisch × Technische Ressourcen · 2`. */
function fieldKey(factorLabel: string, elementLabel: string, slot: number | string): string {
  return `${factorLabel} × ${elementLabel} · ${slot}`;
}

/**
 * The hidden working sheet: row r holds, for row r of the long form, the key of its field with its
 * running number (empty without factor or element) and its line for the text matrix.
 */
export function buildFieldLinesSheet(context: GridContext): GridContent {
  const { language } = context;
  const factor = rangeParts(context.columnRange("factor", SHEET.themes));
  const element = rangeParts(context.columnRange("element", SHEET.themes));
  const theme = rangeParts(context.columnRange("theme", SHEET.themes));
  const score = rangeParts(context.columnRange("score", SHEET.themes));
  const usable = thresholdUsableFormula(context.named(`${SHEET.town}.threshold`));
  const used = context.named(`${SHEET.town}.thresholdUsed`);
  const at = (parts: { sheet: string; letter: string }, row: number): string => `${parts.sheet}!$${parts.letter}${row}`;

  const rows: { row: number; cells: GridCell[]; height?: number }[] = [
    { row: 1, cells: [{ column: 1, value: TEXT.linesTitle[language], style: "description" }] },
    {
      row: factor.first - 1,
      cells: [
        { column: 1, value: TEXT.key[language], style: "header" },
        { column: 2, value: TEXT.line[language], style: "header" },
      ],
    },
  ];
  for (let row = factor.first; row <= factor.last; row++) {
    const f = at(factor, row);
    const e = at(element, row);
    const s = at(score, row);
    const title = `TRIM(${at(theme, row)})`;
    const running = `COUNTIFS(${factor.sheet}!$${factor.letter}$${factor.first}:$${factor.letter}${row},${f},${element.sheet}!$${element.letter}$${element.first}:$${element.letter}${row},${e})`;
    const key = `IF(OR(${f}="",${e}=""),"",${f}&" × "&${e}&" · "&${running})`;
    const t = (text: LocalizedText): string => formulaText(text[language]);
    const line =
      `IF(A${row}="","",${t(LINE_TEXT.bullet)}` +
      `&IF(${s}="","",IF(AND(${usable},${s}>=${used}),${t(LINE_TEXT.hot)},""))` +
      `&IF(${title}="",${t(LINE_TEXT.untitled)},${title})` +
      `&IF(${s}="",""," ("&${s}&IF(${s}=1,${t(LINE_TEXT.point)},${t(LINE_TEXT.points)})))`;
    rows.push({
      row,
      cells: [
        { column: 1, formula: key, style: "computed" },
        { column: 2, formula: line, style: "computed" },
      ],
    });
  }
  return { columnWidths: [48, 90], rows, frozen: { rows: factor.first - 1, columns: 0 } };
}

/** The printable text matrix. */
export function buildTextMatrixSheet(context: GridContext): GridContent {
  const { language } = context;
  const { t, factors, elements, scores, threshold, typedThreshold, townName } = matrixInputs(context);
  const { first, last } = rangeParts(factors);
  const linesSheet = sheetReference(FIELD_LINES_SHEET_NAME[language]);
  const keys = `${linesSheet}!$A$${first}:$A$${last}`;
  const lines = `${linesSheet}!$B$${first}:$B$${last}`;

  const rows: { row: number; cells: GridCell[]; height?: number }[] = [];
  const merges: string[] = [];
  const lastLetter = columnLetter(LAST_COLUMN);
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
  rows.push({ row: 3, cells: [{ column: 1, value: t(TEXT.note), style: "text" }], height: 32 });
  merges.push(`A3:${lastLetter}3`);

  const header: GridCell[] = [{ column: 1, value: t(TEXT.corner), style: "header" }];
  INNER_ELEMENTS.forEach((element, index) =>
    header.push({ column: 2 + index, value: ELEMENT_LABELS[element][language], style: "header", align: "center" }),
  );
  rows.push({ row: TEXT_MATRIX_HEADER_ROW, cells: header, height: 32 });

  const highlights: NonNullable<GridContent["highlights"]>[number][] = [];
  PESTEL_FACTORS.forEach((factor, factorIndex) => {
    const factorLabel = FACTOR_LABELS[factor][language];
    const markerRow = FIRST_FACTOR_ROW + factorIndex * ROWS_PER_FACTOR;
    const markers: GridCell[] = [
      { column: 1, value: `${factorLabel}\n${FACTOR_HINTS[factor][language]}`, style: "header" },
    ];
    const themes: GridCell[] = [{ column: 1, style: "header" }];
    merges.push(`A${markerRow}:A${markerRow + 1}`);
    INNER_ELEMENTS.forEach((element, elementIndex) => {
      const elementLabel = ELEMENT_LABELS[element][language];
      const count = `COUNTIFS(${factors},"${factorLabel}",${elements},"${elementLabel}")`;
      const hot = `COUNTIFS(${factors},"${factorLabel}",${elements},"${elementLabel}",${scores},">="&${threshold})`;
      markers.push({
        column: 2 + elementIndex,
        formula: `IF(${thresholdUsableFormula(typedThreshold)},IF(${hot}>0,${formulaText(FIELD_HOT_TEXT[language])},""),${formulaText(FIELD_THRESHOLD_INVALID[language])})`,
        style: "computed",
        align: "center",
      });
      const slots = Array.from({ length: TEXT_MATRIX_SLOTS }, (_, index) => {
        const lookup = `INDEX(${lines},MATCH(${formulaText(fieldKey(factorLabel, elementLabel, index + 1))},${keys},0))`;
        return `IFERROR(${index === 0 ? "" : "CHAR(10)&"}${lookup},"")`;
      });
      const rest = `${count}-${TEXT_MATRIX_SLOTS}`;
      const more =
        `IF(${rest}>0,CHAR(10)&${formulaText(LINE_TEXT.morePrefix[language])}&(${rest})` +
        `&IF(${rest}=1,${formulaText(LINE_TEXT.moreOne[language])},${formulaText(LINE_TEXT.moreMany[language])}),"")`;
      themes.push({
        column: 2 + elementIndex,
        formula: [...slots, more].join("&"),
        style: "computed",
        align: "left",
        wrap: true,
      });
    });
    highlights.push({
      range: `B${markerRow}:${lastLetter}${markerRow}`,
      equals: FIELD_HOT_TEXT[language],
      fill: "neutral",
    });
    rows.push({ row: markerRow, cells: markers, height: 16 });
    rows.push({ row: markerRow + 1, cells: themes, height: THEMES_ROW_HEIGHT });
  });
  rows.push({ row: LEGEND_ROW, cells: [{ column: 1, value: t(TEXT.legend), style: "text" }], height: 32 });
  merges.push(`A${LEGEND_ROW}:${lastLetter}${LEGEND_ROW}`);

  return {
    columnWidths: [20, ...INNER_ELEMENTS.map(() => 40)],
    rows,
    merges,
    highlights,
    printTitleRows: `${TEXT_MATRIX_HEADER_ROW}:${TEXT_MATRIX_HEADER_ROW}`,
    printArea: `A1:${lastLetter}${LEGEND_ROW}`,
    footer: { left: "{sheet}", center: t(TEXT.printed), right: t(TEXT.pages) },
    frozen: { rows: TEXT_MATRIX_HEADER_ROW, columns: 1 },
  };
}

/** For tests: the language's name of the working sheet. */
export function fieldLinesSheetName(language: Language): string {
  return FIELD_LINES_SHEET_NAME[language];
}
