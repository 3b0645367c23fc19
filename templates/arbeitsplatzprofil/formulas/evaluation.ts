/**
 * „Auswertung“: fulfilment per dimension and town (weighted Muss 3 / Soll 2 / Kann 1, requirements
 * without a status left out), the overall fulfilment, Muss gaps per dimension, open Muss
 * requirements, requirements without a status, and the workplaces per role and town — all
 * formulas over „Anforderungen“ and „Arbeitsplätze“, as lib/workplace/computeFulfilment computes.
 */
import { cellAddress, columnLetter } from "../../../lib/cells/address.js";
import type { GridCell, GridContent, GridContext, LocalizedText } from "../../../lib/spec/TemplateSpec.js";
import { OBLIGATION_WEIGHTS, STATUS_VALUES } from "../../../lib/workplace/model.js";
import { countMarked } from "../../common/cellChecks.js";
import { CHECK_MARK, entriesBelowFormula, selfCheckSummaryFormula, type SelfCheck } from "../../common/selfChecks.js";
import { gapText, quoted } from "./common.js";
import { SHEET, SLOTS, gapColumn, townField, valueColumn, workplaceRow } from "../layout.js";
import { DIMENSIONS, ROLES } from "../reference.js";

export const EVALUATION_TEXT = {
  title: { de: "Auswertung: Erfüllungsgrad und Muss-Lücken", en: "Evaluation: fulfilment and must gaps" },
  method: {
    de: "Erfüllungsgrad = Σ Gewicht × Wert / Σ Gewicht der bewerteten Anforderungen (Muss 3, Soll 2, Kann 1; erfüllt 1, teilweise 0,5, nicht erfüllt 0). Anforderungen ohne Status zählen nicht mit.",
    en: "Fulfilment = Σ weight × value / Σ weight of the assessed requirements (must 3, should 2, may 1; fulfilled 1, partly 0.5, not fulfilled 0). Requirements without a status do not count.",
  },
  fulfilment: { de: "Erfüllungsgrad je Dimension", en: "Fulfilment by dimension" },
  gaps: {
    de: "Muss-Lücken (Muss-Anforderung nicht oder teilweise erfüllt)",
    en: "Must gaps (must requirement not or partly fulfilled)",
  },
  status: { de: "Stand der Bewertung", en: "State of the assessment" },
  workplaces: { de: "Arbeitsplätze je Rolle (aus „Arbeitsplätze“)", en: "Workplaces by role (from “Workplaces”)" },
  dimension: { de: "Dimension", en: "Dimension" },
  requirements: { de: "Anforderungen", en: "Requirements" },
  must: { de: "davon Muss", en: "of which must" },
  specification: { de: "im Leistungs­verzeichnis", en: "in the specification" },
  overall: { de: "Gesamt", en: "Overall" },
  total: { de: "Summe", en: "Total" },
  open: { de: "Muss offen (ohne Status)", en: "Must open (no status)" },
  notAssessed: { de: "Anforderungen ohne Status", en: "Requirements without a status" },
  role: { de: "Rolle", en: "Role" },
  allTowns: { de: "alle Kommunen", en: "all towns" },
  free: { de: "(frei)", en: "(free)" },
  check: { de: "Prüfung je Kommune", en: "Check by town" },
  checkOk: { de: "✓", en: "✓" },
  // short (the town columns are 14 characters wide); the summary line says where to look
  checkStatus: { de: "✗ Status", en: "✗ status" },
  checkLists: { de: "✗ Listen", en: "✗ lists" },
} satisfies Record<string, LocalizedText>;

/** Row of the summary line (issue 10: the sheet checks itself) and of the checks per town below it. */
export const EVALUATION_CHECK_ROWS = { summary: 3, towns: 4 } as const;

/** Row of the fulfilment table's header; dimension `d` (1-based) is on row header + d. */
export const EVALUATION_HEADER_ROW = 6;
/** Column of slot 1; slot `k` is in column FIRST + k − 1. */
export const EVALUATION_FIRST_TOWN_COLUMN = 5;

/** The rows of each part of „Auswertung“ (for tests and the pane). */
export const EVALUATION_ROWS = (() => {
  const dimension = (d: number) => EVALUATION_HEADER_ROW + d;
  const overall = dimension(DIMENSIONS.length) + 1;
  const gapsHeader = overall + 3;
  const gapRow = (d: number) => gapsHeader + d;
  const gapTotal = gapRow(DIMENSIONS.length) + 1;
  const statusHeader = gapTotal + 2;
  const open = statusHeader + 1;
  const notAssessed = open + 1;
  const workplacesHeader = notAssessed + 3;
  const role = (r: number) => workplacesHeader + r;
  const workplacesTotal = role(ROLES.length) + 1;
  return {
    dimension,
    overall,
    gapsHeader,
    gapRow,
    gapTotal,
    statusHeader,
    open,
    notAssessed,
    workplacesHeader,
    role,
    workplacesTotal,
  };
})();

/** Address of slot `k`'s cell in a row of „Auswertung“. */
export function evaluationCell(row: number, slot: number): string {
  return cellAddress(row, EVALUATION_FIRST_TOWN_COLUMN + slot - 1);
}

const PERCENT = "0.0 %";

/** A sheet's name from a range such as `'Arbeitsplätze'!$H$5:$H$12`, without quotes. */
const sheetOf = (range: string): string =>
  range
    .replace(/!.*$/, "")
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");

/**
 * The checks of „Anforderungen“ that every result over it shares (the summary lines of
 * „Auswertung“ and „Leistungsverzeichnis“): a dimension or obligation that is no list entry (its
 * weight or dimension number shows „✗“; the requirement would count nowhere), entries below the
 * rows the formulas cover. `listsBroken` is the first one's condition.
 */
export function requirementSelfChecks(context: GridContext): {
  readonly listsBroken: string;
  readonly checks: readonly SelfCheck[];
} {
  const requirements = (key: string): string => context.columnRange(key, SHEET.requirements);
  const weight = requirements("weight");
  const listsBroken = `${countMarked(weight)}+${countMarked(requirements("dimensionNo"))}>0`;
  const sheet = sheetOf(weight);
  const sheetPrefix = weight.replace(/!.*$/, "");
  const weightLetter = /!\$?([A-Z]+)/.exec(weight)?.[1] ?? "";
  const lastRow = Number(/(\d+)$/.exec(requirements("id"))?.[1] ?? "0");
  const lastColumn = /!\$?([A-Z]+)/.exec(requirements("specPosition"))?.[1] ?? "A";
  return {
    listsBroken,
    checks: [
      {
        failedWhen: listsBroken,
        where: {
          de: `${sheet}, Dimension/Verbindlichkeit (Spalte ${weightLetter})`,
          en: `${sheet}, dimension/obligation (column ${weightLetter})`,
        },
      },
      {
        failedWhen: entriesBelowFormula(`${sheetPrefix}!$A$${lastRow + 1}:$${lastColumn}$${lastRow + 1}`),
        where: {
          de: `${sheet}: Einträge unterhalb Zeile ${lastRow} werden nicht berechnet`,
          en: `${sheet}: entries below row ${lastRow} are not computed`,
        },
      },
    ],
  };
}

export function buildEvaluationSheet(context: GridContext): GridContent {
  const { language } = context;
  const t = (text: LocalizedText): string => text[language];
  const requirements = (key: string): string => context.columnRange(key, SHEET.requirements);
  const dimensionNo = requirements("dimensionNo");
  const weight = requirements("weight");
  const townName = (slot: number): string => context.named(`${SHEET.settings}.${townField(slot)}`);
  const rows: { row: number; cells: GridCell[]; height?: number }[] = [];
  const add = (row: number, cells: GridCell[], height?: number): void => {
    rows.push({ row, cells, ...(height === undefined ? {} : { height }) });
  };
  const label = (column: number, text: string): GridCell => ({ column, value: text, style: "label" });
  /** A result per town; `checked`: „✗“ instead of it while the town's check (row 4) fails. */
  const perTown = (formula: (slot: number) => string, numberFormat: string, checked = true): GridCell[] =>
    SLOTS.map((slot) => {
      const check = `${columnLetter(EVALUATION_FIRST_TOWN_COLUMN + slot - 1)}$${EVALUATION_CHECK_ROWS.towns}`;
      const result = checked
        ? `IF(MID(${check},1,1)="${CHECK_MARK.failed}","${CHECK_MARK.failed}",${formula(slot)})`
        : formula(slot);
      return {
        column: EVALUATION_FIRST_TOWN_COLUMN + slot - 1,
        formula: `IF(TRIM(${townName(slot)})="","",${result})`,
        style: "computed" as const,
        numberFormat,
        align: "right" as const,
      };
    });
  const header = (row: number, first: string, second: string, third: string, fourth: string): void => {
    add(
      row,
      [
        { column: 1, value: first, style: "header" },
        { column: 2, value: second, style: "header" },
        { column: 3, value: third, style: "header" },
        { column: 4, value: fourth, style: "header" },
        ...SLOTS.map((slot): GridCell => ({
          column: EVALUATION_FIRST_TOWN_COLUMN + slot - 1,
          formula: `IF(TRIM(${townName(slot)})="",${quoted(t(EVALUATION_TEXT.free))},${townName(slot)})`,
          style: "header",
        })),
      ],
      32,
    );
  };
  /** Σ weight of slot k's requirements matching `criteria` (pairs of range and criterion). */
  const weightWhere = (slot: number, dimension: string, status: string): string =>
    `SUMIFS(${weight},${dimensionNo},${dimension},${requirements(valueColumn(slot))},${status})`;
  const fulfilment = (slot: number, dimension: string): string => {
    const assessed = weightWhere(slot, dimension, '">=0"');
    const points = `${weightWhere(slot, dimension, String(STATUS_VALUES.fulfilled))}+${STATUS_VALUES.partly}*${weightWhere(slot, dimension, String(STATUS_VALUES.partly))}`;
    return `IF(${assessed}=0,"",(${points})/${assessed})`;
  };

  add(1, [{ column: 1, value: t(EVALUATION_TEXT.title), style: "title" }], 24);
  add(2, [{ column: 1, value: t(EVALUATION_TEXT.method), style: "description" }]);

  // the sheet checks itself: per town, whether its statuses (and everyone's dimensions and
  // obligations) are all list entries — a ✗ in a computed cell of „Anforderungen“ says which
  const shared = requirementSelfChecks(context);
  const listsBroken = shared.listsBroken;
  add(EVALUATION_CHECK_ROWS.towns, [
    label(1, t(EVALUATION_TEXT.check)),
    ...perTown(
      (slot) =>
        `IF(${listsBroken},${quoted(t(EVALUATION_TEXT.checkLists))},` +
        `IF(${countMarked(requirements(valueColumn(slot)))}>0,${quoted(t(EVALUATION_TEXT.checkStatus))},${quoted(t(EVALUATION_TEXT.checkOk))}))`,
      "General",
      false,
    ).map((cell) => ({ ...cell, align: "left" as const })),
  ]);
  const townChecks = `$${columnLetter(EVALUATION_FIRST_TOWN_COLUMN)}$${EVALUATION_CHECK_ROWS.towns}:$${columnLetter(EVALUATION_FIRST_TOWN_COLUMN + SLOTS.length - 1)}$${EVALUATION_CHECK_ROWS.towns}`;
  const totals = context.columnRange("total", SHEET.workplaces);
  const totalsSheet = sheetOf(totals);
  const totalsLetter = /!\$?([A-Z]+)/.exec(totals)?.[1] ?? "";
  const column = (letter: string): string => (language === "de" ? `Spalte ${letter}` : `column ${letter}`);
  add(EVALUATION_CHECK_ROWS.summary, [
    {
      column: 1,
      formula: selfCheckSummaryFormula(
        [
          {
            // the statuses' own problems (a town that shows the lists' ✗ is counted there)
            failedWhen: `${countMarked(townChecks)}-COUNTIF(${townChecks},${quoted(t(EVALUATION_TEXT.checkLists))})>0`,
            where: {
              de: `${t(EVALUATION_TEXT.check)}, Zeile ${EVALUATION_CHECK_ROWS.towns}`,
              en: `${t(EVALUATION_TEXT.check)}, row ${EVALUATION_CHECK_ROWS.towns}`,
            },
          },
          ...shared.checks.slice(0, 1),
          {
            cells: totals,
            where: { de: `${totalsSheet}, ${column(totalsLetter)}`, en: `${totalsSheet}, ${column(totalsLetter)}` },
          },
          ...shared.checks.slice(1),
        ],
        language,
      ),
      style: "label",
    },
  ]);

  add(EVALUATION_HEADER_ROW - 1, [label(1, t(EVALUATION_TEXT.fulfilment))]);
  header(
    EVALUATION_HEADER_ROW,
    t(EVALUATION_TEXT.dimension),
    t(EVALUATION_TEXT.requirements),
    t(EVALUATION_TEXT.must),
    t(EVALUATION_TEXT.specification),
  );
  DIMENSIONS.forEach((dimension, index) => {
    const d = String(index + 1);
    add(EVALUATION_ROWS.dimension(index + 1), [
      { column: 1, value: `${d} ${dimension.title[language]}`, style: "label" },
      { column: 2, formula: `COUNTIF(${dimensionNo},${d})`, style: "computed", numberFormat: "0" },
      {
        column: 3,
        formula: `COUNTIFS(${dimensionNo},${d},${weight},${OBLIGATION_WEIGHTS.must})`,
        style: "computed",
        numberFormat: "0",
      },
      {
        column: 4,
        formula: `COUNTIFS(${dimensionNo},${d},${weight},">=${OBLIGATION_WEIGHTS.should}")`,
        style: "computed",
        numberFormat: "0",
      },
      ...perTown((slot) => fulfilment(slot, d), PERCENT),
    ]);
  });
  add(EVALUATION_ROWS.overall, [
    label(1, t(EVALUATION_TEXT.overall)),
    { column: 2, formula: `COUNTIF(${dimensionNo},">=1")`, style: "computed", numberFormat: "0" },
    {
      column: 3,
      formula: `COUNTIFS(${dimensionNo},">=1",${weight},${OBLIGATION_WEIGHTS.must})`,
      style: "computed",
      numberFormat: "0",
    },
    {
      column: 4,
      formula: `COUNTIFS(${dimensionNo},">=1",${weight},">=${OBLIGATION_WEIGHTS.should}")`,
      style: "computed",
      numberFormat: "0",
    },
    ...perTown((slot) => fulfilment(slot, '">=1"'), PERCENT),
  ]);

  add(EVALUATION_ROWS.gapsHeader - 1, [label(1, t(EVALUATION_TEXT.gaps))]);
  header(EVALUATION_ROWS.gapsHeader, t(EVALUATION_TEXT.dimension), "", "", "");
  const gapLabel = quoted(gapText("gap", language));
  const countWhere = (slot: number, dimension: string, flag: string): string =>
    `COUNTIFS(${dimensionNo},${dimension},${requirements(gapColumn(slot))},${flag})`;
  DIMENSIONS.forEach((dimension, index) => {
    add(EVALUATION_ROWS.gapRow(index + 1), [
      { column: 1, value: `${index + 1} ${dimension.title[language]}`, style: "label" },
      ...perTown((slot) => countWhere(slot, String(index + 1), gapLabel), "0"),
    ]);
  });
  add(EVALUATION_ROWS.gapTotal, [
    label(1, t(EVALUATION_TEXT.total)),
    ...perTown((slot) => countWhere(slot, '">=1"', gapLabel), "0"),
  ]);

  header(EVALUATION_ROWS.statusHeader, t(EVALUATION_TEXT.status), "", "", "");
  add(EVALUATION_ROWS.open, [
    label(1, t(EVALUATION_TEXT.open)),
    ...perTown((slot) => countWhere(slot, '">=1"', quoted(gapText("open", language))), "0"),
  ]);
  add(EVALUATION_ROWS.notAssessed, [
    label(1, t(EVALUATION_TEXT.notAssessed)),
    ...perTown(
      (slot) => `COUNTIF(${dimensionNo},">=1")-COUNTIFS(${dimensionNo},">=1",${requirements(valueColumn(slot))},">=0")`,
      "0",
    ),
  ]);

  add(EVALUATION_ROWS.workplacesHeader - 1, [label(1, t(EVALUATION_TEXT.workplaces))]);
  header(EVALUATION_ROWS.workplacesHeader, t(EVALUATION_TEXT.role), "", "", t(EVALUATION_TEXT.allTowns));
  ROLES.forEach((role, index) => {
    add(EVALUATION_ROWS.role(index + 1), [
      { column: 1, value: role.label[language], style: "label" },
      {
        column: 4,
        formula: `SUM(${context.columnRange(role.key, SHEET.workplaces)})`,
        style: "computed",
        numberFormat: "#,##0",
      },
      ...perTown((slot) => context.named(`${SHEET.workplaces}.${workplaceRow(slot)}.${role.key}`), "#,##0", false),
    ]);
  });
  add(EVALUATION_ROWS.workplacesTotal, [
    label(1, t(EVALUATION_TEXT.total)),
    {
      column: 4,
      formula: `SUM(${context.columnRange("total", SHEET.workplaces)})`,
      style: "computed",
      numberFormat: "#,##0",
    },
    ...perTown((slot) => context.named(`${SHEET.workplaces}.${workplaceRow(slot)}.total`), "#,##0", false),
  ]);

  const lastTownLetter = columnLetter(EVALUATION_FIRST_TOWN_COLUMN + SLOTS.length - 1);
  const firstTownLetter = columnLetter(EVALUATION_FIRST_TOWN_COLUMN);
  return {
    columnWidths: [36, 15, 11, 14, ...SLOTS.map(() => 14)],
    // the check rows (3, 4) are added after the summary line's parts are known
    rows: rows.sort((a, b) => a.row - b.row),
    frozen: { rows: EVALUATION_HEADER_ROW, columns: 1 },
    colorScales: [
      {
        range: `${firstTownLetter}${EVALUATION_ROWS.dimension(1)}:${lastTownLetter}${EVALUATION_ROWS.overall}`,
        min: { type: "number", value: 0, color: "#F8696B" },
        mid: { type: "number", value: 0.5, color: "#FFEB84" },
        max: { type: "number", value: 1, color: "#63BE7B" },
      },
    ],
    merges: [],
  };
}
