/**
 * „Ergebnis“: the annex to the Zweckvereinbarung, laid out to be printed and signed (landscape,
 * one page wide, one column per town slot). On every page: the title, the joint unit and budget
 * year, the date of the calculation, the workbook's own check and the towns' names (print title
 * rows 1–5); in the page header and footer „Anlage zur Zweckvereinbarung“, the print date and
 * „Seite x von y“. Then what the partners pay (the items' sum, the overhead, the total and each
 * town's share), the quarterly advances with their due dates, the true-up, the partners' key
 * values, a note on the method and — last, since its spare rows stay blank — the cost items, each
 * with its key in words („zu gleichen Teilen“, „45,50 € je Fall“). All formulas over the other
 * sheets, with a check per row that the shares add up to the amount. The print area ends with the
 * last prepared item; the cells have no fill, so unused slots print as blank paper.
 *
 * Header and footer are static texts (a header cannot show a cell): the values that can change —
 * joint unit, year, calculation date — stand in the repeated title rows instead, so a printed page
 * never shows a stale one.
 */
import { cellAddress, columnLetter } from "../../../lib/cells/address.js";
import type { GridCell, GridContent, GridContext, LocalizedText } from "../../../lib/spec/TemplateSpec.js";
import {
  CHECK_MARK,
  entriesBelowFormula,
  selfCheckSummaryFormula,
  selfCheckSummaryText,
  type SelfCheck,
} from "../../common/selfChecks.js";
import { rowCell } from "./blocks.js";
import { KEY_DEFINITIONS, PART_COUNT } from "../keys.js";
import { CHECK_REASON, OVERHEAD_LABEL, SHEET, checkHighlights, checkText } from "../layout.js";

/** Row of the header with the towns' names; the last of the rows repeated on every printed page. */
export const RESULT_HEADER_ROW = 5;
/** Row of the summary of the workbook's own checks („✓ Alle Prüfungen bestanden“), above the header. */
export const RESULT_SUMMARY_ROW = 4;
/** Rows below the last prepared town or item row that the summary looks at for stray entries. */
export const ROWS_BELOW_CHECKED = 200;
/** Columns: number, item, key, amount, then one per town slot, then the check. */
export const RESULT_FIRST_TOWN_COLUMN = 5;

/**
 * The default due dates of the four quarterly advances (day and month in the budget year), used
 * while the „Grunddaten“ field of an advance is blank.
 */
export const DUE_DATES: readonly {
  readonly month: number;
  readonly day: number;
  readonly de: string;
  readonly en: string;
}[] = [
  { month: 2, day: 15, de: "15.02.", en: "15 February" },
  { month: 5, day: 15, de: "15.05.", en: "15 May" },
  { month: 8, day: 15, de: "15.08.", en: "15 August" },
  { month: 11, day: 15, de: "15.11.", en: "15 November" },
];

/** Key of the „Grunddaten“ field with the due date of advance `index` (0-based): `dueDate1` … `dueDate4`. */
export function dueDateField(index: number): string {
  return `dueDate${index + 1}`;
}

/** Height (points) of a row whose name or key may take two lines. */
const TWO_LINES = 30;
/** Height (points) of a spare item row once items are pre-filled, and of a gap between blocks. */
const SPARE_SLOT_HEIGHT = 3;
const GAP_HEIGHT = 8;

const MONEY = '#,##0.00 "€"';
const SIGNED_MONEY = '+#,##0.00 "€";-#,##0.00 "€";0.00 "€"';
const DATE = "dd.mm.yyyy";

const TEXT = {
  title: { de: "Anlage zur Zweckvereinbarung: Kostenverteilung", en: "Annex to the agreement: cost allocation" },
  unit: { de: "Gemeinsame Stelle: ", en: "Joint unit: " },
  year: { de: " · Haushaltsjahr ", en: " · budget year " },
  calculation: { de: "Stand der Berechnung: ", en: "Calculation as of " },
  noCalculationDate: {
    de: "– (Datum auf „Grunddaten“ eintragen)",
    en: "– (enter the date on „Basics“)",
  },
  note: {
    de: "Erläuterung: Beträge in Euro. Jede Position ist nach ihrem Schlüssel auf den Cent genau verteilt (Größte-Reste-Verfahren; bei gleichem Rest zuerst die früher genannte Kommune). Die Probe zeigt, ob die Anteile den Betrag ergeben.",
    en: "Note: amounts in euros. Each item is split by its key to the cent (largest-remainder method; equal remainders go to the town listed first). The check shows whether the shares add up to the amount.",
  },
  no: { de: "Nr.", en: "No." },
  item: { de: "Kostenposition", en: "Cost item" },
  key: { de: "Verteilungsschlüssel", en: "Allocation key" },
  amount: { de: "Betrag (€)", en: "Amount (€)" },
  check: { de: "Probe", en: "Check" },
  itemsSum: { de: "Kostenpositionen (einzeln unten)", en: "Cost items (listed below)" },
  itemsKey: { de: "je Position nach ihrem Schlüssel", en: "each by its own key" },
  overheadOf: { de: " % der Kostenpositionen)", en: " % of the cost items)" },
  total: { de: "Jahresbetrag je Kommune", en: "Annual amount per town" },
  share: { de: "Anteil am Jahresbetrag", en: "Share of the annual amount" },
  advances: { de: "Abschläge aus dem Plan", en: "Advance payments from the plan" },
  dueOn: { de: "fällig am", en: "due on" },
  advance: { de: ". Abschlag", en: ". advance" },
  trueUp: { de: "Spitzabrechnung nach Ist-Werten", en: "Year-end true-up by actual values" },
  actual: { de: "Anteil nach Ist-Werten", en: "Share by actual values" },
  paid: { de: "Abschläge (Plan)", en: "Advances (plan)" },
  difference: { de: "Nachzahlung (+) / Erstattung (−)", en: "Back-payment (+) / refund (−)" },
  outcome: { de: "Ergebnis", en: "Outcome" },
  backPayment: { de: "Nachzahlung", en: "back-payment" },
  refund: { de: "Erstattung", en: "refund" },
  even: { de: "ausgeglichen", en: "settled" },
  partners: { de: "Partner und Schlüsselwerte (Plan)", en: "Partners and key values (plan)" },
  host: { de: "Sitzgemeinde", en: "Host town" },
  yes: { de: "ja", en: "yes" },
  population: { de: "Einwohner", en: "Population" },
  populationDate: { de: "Stichtag Einwohner", en: "Population as of" },
  cases: { de: "Fallzahlen", en: "Cases" },
  workplaces: { de: "Arbeitsplätze", en: "Workplaces" },
  fteShare: { de: "Stellenanteile (VZÄ)", en: "FTE share" },
  fixedPercent: { de: "Festanteil (%)", en: "Fixed share (%)" },
  items: { de: "Kostenpositionen und Verteilungsschlüssel", en: "Cost items and allocation keys" },
  asOf: { de: " zum Stichtag ", en: " as of " },
  severalDates: { de: " (Stichtage siehe Schlüsselwerte)", en: " (dates: see key values)" },
  perCase: { de: " € je Fall", en: " per case" },
  pageHeaderLeft: { de: "Anlage zur Zweckvereinbarung", en: "Annex to the agreement" },
  pageHeaderRight: { de: "Kostenverteilung", en: "Cost allocation" },
  pageFooterLeft: { de: "gedruckt am {date}", en: "printed on {date}" },
  pageFooterRight: { de: "Seite {page} von {pages}", en: "Page {page} of {pages}" },
} satisfies Record<string, LocalizedText>;

/** Where the summary line sends the reader, per check. */
const WHERE = {
  column: (sheet: string, column: string): LocalizedText => ({
    de: `${sheet}, Spalte ${column} (Probe)`,
    en: `${sheet}, column ${column} (check)`,
  }),
  overhead: (sheet: string, cell: string): LocalizedText => ({
    de: `${sheet}, Zelle ${cell} (Probe der Pauschale)`,
    en: `${sheet}, cell ${cell} (check of the overhead)`,
  }),
  below: (sheet: string, row: number): LocalizedText => ({
    de: `Einträge unterhalb der vorbereiteten Zeilen in ${sheet} (ab Zeile ${row}) werden nicht verteilt`,
    en: `entries below the prepared rows of ${sheet} (from row ${row}) are not split`,
  }),
  totals: (row: number): LocalizedText => ({ de: `Summen in Zeile ${row}`, en: `totals in row ${row}` }),
};

/** `Kommunen!P$5:P$16` → sheet „Kommunen“, column „P“, first row 5, last row 16. */
function rangeParts(range: string): { sheet: string; column: string; first: number; last: number } {
  const match = /^(?:'?(.*?)'?!)?\$?([A-Z]+)\$?(\d+):\$?[A-Z]+\$?(\d+)$/.exec(range);
  if (!match) throw new Error(`not a column range: ${range}`);
  return { sheet: match[1] ?? "", column: match[2] ?? "", first: Number(match[3]), last: Number(match[4]) };
}

/**
 * The checks the summary line counts: the towns' and items' check columns, the overhead's check,
 * entries typed below the prepared rows of either table, and the annex's two totals.
 */
function summaryChecks(context: GridContext, totals: readonly { row: number; failedWhen: string }[]): SelfCheck[] {
  const checks: SelfCheck[] = [];
  for (const sheetKey of [SHEET.towns, SHEET.items] as const) {
    const range = context.columnRange("check", sheetKey);
    const { sheet, column } = rangeParts(range);
    checks.push({ cells: range, where: WHERE.column(sheet, column) });
  }
  const overhead = context.named(`${SHEET.settings}.overheadCheck`);
  const [overheadSheet = "", overheadCell = ""] = overhead.replace(/'/g, "").replace(/\$/g, "").split("!");
  checks.push({ cells: overhead, where: WHERE.overhead(overheadSheet, overheadCell) });
  for (const [sheetKey, lastInput] of [
    [SHEET.towns, "actualFteShare"],
    [SHEET.items, "actualAmount"],
  ] as const) {
    const name = rangeParts(context.columnRange("name", sheetKey));
    const last = rangeParts(context.columnRange(lastInput, sheetKey));
    const below = name.last + 1;
    const prefix = context.columnRange("name", sheetKey).replace(/![^!]*$/, "!");
    checks.push({
      failedWhen: entriesBelowFormula(`${prefix}$${name.column}$${below}:$${last.column}$${below}`, ROWS_BELOW_CHECKED),
      where: WHERE.below(name.sheet, below),
    });
  }
  for (const total of totals) checks.push({ failedWhen: total.failedWhen, where: WHERE.totals(total.row) });
  return checks;
}

/** Rows of the key values of the partners, in order (below the host town's row). */
const KEY_ROWS: readonly { readonly key: string; readonly text: LocalizedText; readonly format: string }[] = [
  { key: "population", text: TEXT.population, format: "#,##0" },
  { key: "populationDate", text: TEXT.populationDate, format: DATE },
  { key: "cases", text: TEXT.cases, format: "#,##0" },
  { key: "workplaces", text: TEXT.workplaces, format: "#,##0" },
  { key: "fteShare", text: TEXT.fteShare, format: "0.00" },
  { key: "fixedPercent", text: TEXT.fixedPercent, format: "0.00" },
];

/** Where everything stands on the annex (rows), by what it shows; for the planner, tests and the pane. */
export interface ResultLayout {
  /** The items' sum per town (the items themselves are listed at the end). */
  readonly itemsSum: number;
  readonly overhead: number;
  readonly total: number;
  readonly share: number;
  readonly quarters: readonly [number, number, number, number];
  readonly actual: number;
  readonly paid: number;
  readonly difference: number;
  readonly outcome: number;
  /** Row of the section title „Partner und Schlüsselwerte“; host and key values follow. */
  readonly partners: number;
  readonly note: number;
  /** Row of the section title „Kostenpositionen“; item slot 1 is the row below. */
  readonly items: number;
  /** The last row printed: the last prepared item slot. */
  readonly last: number;
}

/** The annex's rows for `itemSlots` prepared items: everything but the items stands at fixed rows. */
export function resultRows(itemSlots: number): ResultLayout {
  const itemsSum = RESULT_HEADER_ROW + 1;
  const quartersStart = itemsSum + 6;
  const actual = quartersStart + 6;
  const partners = actual + 5;
  const note = partners + 2 + KEY_ROWS.length + 1;
  const items = note + 2;
  return {
    itemsSum,
    overhead: itemsSum + 1,
    total: itemsSum + 2,
    share: itemsSum + 3,
    quarters: [quartersStart, quartersStart + 1, quartersStart + 2, quartersStart + 3],
    actual,
    paid: actual + 1,
    difference: actual + 2,
    outcome: actual + 3,
    partners,
    note,
    items,
    last: items + itemSlots,
  };
}

/**
 * Sheet row of an item slot (1-based); the overhead is slot `itemSlots + 1` and stands above the
 * items, so pass `itemSlots` to find it.
 */
export function resultRowOfSlot(slot: number, itemSlots = Number.POSITIVE_INFINITY): number {
  const rows = resultRows(0);
  return slot > itemSlots ? rows.overhead : rows.items + slot;
}

/**
 * `date` as „30.06.2025“, as the annex's date cells show dates in both languages (`dd.mm.yyyy`),
 * built from its parts: TEXT's format codes depend on the reader's locale.
 */
function dateText(date: string): string {
  const twoDigits = (part: string): string => `MID(100+${part}(${date}),2,2)`;
  return `${twoDigits("DAY")}&"."&${twoDigits("MONTH")}&"."&YEAR(${date})`;
}

/**
 * A whole number of hundredths (`hundredths ≥ 0`) as text with up to two decimals and the
 * language's decimal mark: 3000 → „30“, 3333 → „33,33“; built from whole numbers only, so
 * the text is the same in every locale.
 */
function hundredthsText(hundredths: string, language: "de" | "en"): string {
  const mark = language === "de" ? "," : ".";
  return `INT(${hundredths}/100)&IF(MOD(${hundredths},100)=0,"","${mark}"&MID(100+MOD(${hundredths},100),2,2))`;
}

/** Cents (`cents ≥ 0`, below 1 000 000 000) as money text: „1.234,50“ (German) or „1,234.50“ (English). */
function moneyText(cents: string, language: "de" | "en"): string {
  const [thousands, mark] = language === "de" ? [".", ","] : [",", "."];
  const euros = `INT(${cents}/100)`;
  const grouped = `IF(${euros}>=1000,INT(${euros}/1000)&"${thousands}"&MID(1000+MOD(${euros},1000),2,3),${euros})`;
  return `${grouped}&"${mark}"&MID(100+MOD(${cents},100),2,2)`;
}

export function buildResultSheet(context: GridContext): GridContent {
  const { language } = context;
  const t = (text: LocalizedText): string => text[language];
  const towns = context.rowCount(SHEET.towns);
  const items = context.rowCount(SHEET.items);
  const layout = resultRows(items);
  const filledTowns = context.filledRows?.(SHEET.towns) ?? 0;
  const filledItems = context.filledRows?.(SHEET.items) ?? 0;
  const checkColumn = RESULT_FIRST_TOWN_COLUMN + towns;
  const townColumn = (town: number): number => RESULT_FIRST_TOWN_COLUMN + town;
  const town = (key: string, index: number): string => rowCell(context.columnRange(key, SHEET.towns), index);
  const item = (key: string, index: number): string => rowCell(context.columnRange(key, SHEET.items), index);
  const part = (key: string, split: number): string => rowCell(context.columnRange(key, SHEET.parts), split);
  const settings = (field: string): string => context.named(`${SHEET.settings}.${field}`);
  const pairs = (key: string): string => context.columnRange(key, SHEET.allocation);
  const ok = checkText("ok", language);
  const wrong = checkText("wrong", language);
  const verdict = (condition: string): string => `IF(${condition},"${ok}","${wrong}")`;

  const rows: { row: number; cells: GridCell[]; height?: number }[] = [];
  const add = (row: number, cells: GridCell[], height?: number): void => {
    rows.push({ row, cells, ...(height === undefined ? {} : { height }) });
  };
  const label = (column: number, text: string): GridCell => ({ column, value: text, style: "label" });
  /** A cell of the annex's body: plain (no fill, so blank slots print as blank paper). */
  const body = (cell: Omit<GridCell, "style">): GridCell => ({ ...cell, style: "text", wrap: cell.wrap ?? false });
  const perTown = (
    formula: (index: number, name: string) => string,
    numberFormat?: string,
    style: "text" | "label" = "text",
  ): GridCell[] =>
    Array.from({ length: towns }, (_, index) => {
      const name = town("name", index);
      return {
        column: townColumn(index),
        formula: `IF(${name}="","",${formula(index, name)})`,
        style,
        ...(numberFormat === undefined ? {} : { numberFormat }),
      };
    });

  // --- the rows repeated on every printed page ---------------------------------------------------
  add(1, [{ column: 1, value: t(TEXT.title), style: "title" }], 24);
  const unit = settings("unitName");
  const year = settings("year");
  add(2, [
    {
      column: 1,
      formula: `"${t(TEXT.unit)}"&IF(${unit}="","–",${unit})&"${t(TEXT.year)}"&IF(${year}="","–",${year})`,
      style: "label",
    },
  ]);
  const calculationDate = settings("calculationDate");
  add(3, [
    {
      column: 1,
      formula: `"${t(TEXT.calculation)}"&IF(ISNUMBER(${calculationDate}),${dateText(calculationDate)},"${t(TEXT.noCalculationDate)}")`,
      style: "label",
    },
  ]);
  add(
    RESULT_HEADER_ROW,
    [
      { column: 1, value: t(TEXT.no), style: "label", wrap: true },
      { column: 2, value: t(TEXT.item), style: "label", wrap: true },
      { column: 3, value: t(TEXT.key), style: "label", wrap: true },
      { column: 4, value: t(TEXT.amount), style: "label", wrap: true, align: "right" },
      ...Array.from({ length: towns }, (_, index): GridCell => {
        const name = town("name", index);
        return {
          column: townColumn(index),
          formula: `IF(${name}="","",${name})`,
          style: "label",
          wrap: true,
          align: "right",
        };
      }),
      { column: checkColumn, value: t(TEXT.check), style: "label", wrap: true, align: "center" },
    ],
    32,
  );

  // --- keys in words --------------------------------------------------------------------------------
  const populationDates = context.columnRange("populationDate", SHEET.towns);
  const asOf = `IF(COUNT(${populationDates})=0,"",IF(MIN(${populationDates})=MAX(${populationDates}),"${t(TEXT.asOf)}"&${dateText(`MIN(${populationDates})`)},"${t(TEXT.severalDates)}"))`;
  /** Each single key in words (1–6), the population's with its reference date. */
  const phrase = (keyIndex: number): string =>
    keyIndex === 1
      ? `"${KEY_DEFINITIONS[1].phrase[language]}"&${asOf}`
      : `"${KEY_DEFINITIONS[keyIndex]?.phrase[language] ?? ""}"`;
  /**
   * The key of an item slot in words: „zu gleichen Teilen“, „nach Einwohnern zum Stichtag
   * 30.06.2025“, „30 % zu gleichen Teilen, 70 % nach Einwohnern …“, „45,50 € je Fall“; the list's
   * text as typed when it is not one of the keys.
   */
  const keyDescription = (slot: number, keyText: string, keyNo: string, fee: string | undefined): string => {
    const mixed = KEY_DEFINITIONS.slice(0, 5)
      .map((_, index) => {
        const m = part("weight", (slot - 1) * PART_COUNT + index);
        return `IF(${m}>0,", "&${hundredthsText(m, language)}&" % "&${phrase(index)},"")`;
      })
      .join("&");
    const cents = fee === undefined ? "0" : `ROUND(${fee}*100,0)`;
    const perCase =
      fee === undefined
        ? `""`
        : language === "de"
          ? `${moneyText(cents, language)}&"${t(TEXT.perCase)}"`
          : `"€"&${moneyText(cents, language)}&"${t(TEXT.perCase)}"`;
    const words = [...KEY_DEFINITIONS.slice(0, 6).map((_, index) => phrase(index)), `MID(${mixed},3,500)`, perCase];
    return `IF(ISNUMBER(${keyNo}),CHOOSE(${keyNo},${words.join(",")}),${keyText})`;
  };

  const slotCells = (
    slot: number,
    shown: string,
    name: string,
    keyText: string,
    keyNo: string,
    fee: string | undefined,
    amountCents: string,
    sourceCheck: string,
  ): GridCell[] => [
    slot <= items
      ? body({ column: 1, formula: `IF(${shown},${slot},"")`, numberFormat: "0", align: "center" })
      : body({ column: 1 }),
    body({ column: 2, formula: `IF(${shown},${name},"")`, wrap: true }),
    body({ column: 3, formula: `IF(${shown},${keyDescription(slot, keyText, keyNo, fee)},"")`, wrap: true }),
    body({ column: 4, formula: `IF(${shown},${amountCents}/100,"")`, numberFormat: MONEY }),
    ...perTown(
      (index) =>
        `IF(${shown},SUMIFS(${pairs("cents")},${pairs("slotNo")},${slot},${pairs("townNo")},${index + 1})/100,"")`,
      MONEY,
    ),
    body({
      // the item's own check (Kostenpositionen / Grunddaten) when it failed, else the sum of the row
      column: checkColumn,
      formula: `IF(${shown},IF(MID(${sourceCheck},1,1)="${CHECK_MARK.failed}",${sourceCheck},${verdict(`SUMIF(${pairs("slotNo")},${slot},${pairs("cents")})=${amountCents}`)}),"")`,
      align: "center",
    }),
  ];

  // --- what the partners pay ------------------------------------------------------------------------
  add(layout.itemsSum, [
    body({ column: 2, value: t(TEXT.itemsSum) }),
    body({ column: 3, value: t(TEXT.itemsKey) }),
    body({ column: 4, formula: `${settings("planBaseCents")}/100`, numberFormat: MONEY }),
    ...perTown(
      (index) => `SUMIFS(${pairs("cents")},${pairs("slotNo")},"<=${items}",${pairs("townNo")},${index + 1})/100`,
      MONEY,
    ),
  ]);
  const overheadName = settings("overheadName");
  const overheadPercent = settings("overheadPercent");
  add(
    layout.overhead,
    slotCells(
      items + 1,
      `${overheadPercent}<>""`,
      `IF(${overheadName}="","${t(OVERHEAD_LABEL)}",${overheadName})&" ("&${hundredthsText(`ROUND(${overheadPercent}*100,0)`, language)}&"${t(TEXT.overheadOf)}"`,
      settings("overheadKey"),
      settings("overheadKeyNo"),
      undefined,
      settings("planOverheadCents"),
      settings("overheadCheck"),
    ),
    TWO_LINES,
  );

  const planTotal = `(${settings("planBaseCents")}+${settings("planOverheadCents")})`;
  const actualTotal = `(${settings("actualBaseCents")}+${settings("actualOverheadCents")})`;
  const townsPlan = context.columnRange("planCents", SHEET.towns);
  const townsActual = context.columnRange("actualCents", SHEET.towns);
  const planTotalAgrees = `SUM(${townsPlan})=${planTotal}`;
  const actualTotalAgrees = `SUM(${townsActual})=${actualTotal}`;
  const summary = cellAddress(RESULT_SUMMARY_ROW, 1);
  /** A total's check: ✗ while the summary line has failed checks, else the sum. */
  const totalVerdict = (agrees: string): string =>
    `IF(MID(${summary},1,1)="${CHECK_MARK.failed}","${CHECK_REASON.seeSummary[language]}",${verdict(agrees)})`;
  add(RESULT_SUMMARY_ROW, [
    {
      column: 1,
      formula: selfCheckSummaryFormula(
        summaryChecks(context, [
          { row: layout.total, failedWhen: `NOT(${planTotalAgrees})` },
          { row: layout.actual, failedWhen: `NOT(${actualTotalAgrees})` },
        ]),
        language,
      ),
      style: "label",
    },
  ]);
  add(layout.total, [
    label(2, t(TEXT.total)),
    { column: 4, formula: `${planTotal}/100`, style: "label", numberFormat: MONEY },
    ...perTown((index) => `${town("planCents", index)}/100`, MONEY, "label"),
    body({ column: checkColumn, formula: totalVerdict(planTotalAgrees), align: "center" }),
  ]);
  add(layout.share, [
    body({ column: 2, value: t(TEXT.share) }),
    ...perTown((index) => `IF(${planTotal}=0,0,${town("planCents", index)}/${planTotal})`, "0.00 %"),
  ]);

  add(layout.quarters[0] - 1, [label(2, t(TEXT.advances)), label(3, t(TEXT.dueOn))]);
  layout.quarters.forEach((row, index) => {
    const quarter = index + 1;
    const due = settings(dueDateField(index));
    const fallback = DUE_DATES[index] ?? { month: 1, day: 1 };
    add(row, [
      body({ column: 2, value: `${quarter}${t(TEXT.advance)}` }),
      body({
        column: 3,
        formula: `IF(${due}<>"",${due},IF(ISNUMBER(${year}),DATE(${year},${fallback.month},${fallback.day}),""))`,
        numberFormat: DATE,
        align: "left",
      }),
      ...perTown((townIndex) => {
        const total = town("planCents", townIndex);
        return `(INT(${total}/4)+IF(${quarter}<=MOD(${total},4),1,0))/100`;
      }, MONEY),
    ]);
  });

  add(layout.actual - 1, [label(2, t(TEXT.trueUp))]);
  add(layout.actual, [
    body({ column: 2, value: t(TEXT.actual) }),
    body({ column: 4, formula: `${actualTotal}/100`, numberFormat: MONEY }),
    ...perTown((index) => `${town("actualCents", index)}/100`, MONEY),
    body({ column: checkColumn, formula: totalVerdict(actualTotalAgrees), align: "center" }),
  ]);
  add(layout.paid, [
    body({ column: 2, value: t(TEXT.paid) }),
    ...perTown((index) => `${town("planCents", index)}/100`, MONEY),
  ]);
  add(layout.difference, [
    body({ column: 2, value: t(TEXT.difference) }),
    body({ column: 4, formula: `(${actualTotal}-${planTotal})/100`, numberFormat: SIGNED_MONEY }),
    ...perTown((index) => `(${town("actualCents", index)}-${town("planCents", index)})/100`, SIGNED_MONEY),
  ]);
  add(layout.outcome, [
    body({ column: 2, value: t(TEXT.outcome) }),
    ...perTown((index) => {
      const difference = `(${town("actualCents", index)}-${town("planCents", index)})`;
      return `IF(${difference}>0,"${t(TEXT.backPayment)}",IF(${difference}<0,"${t(TEXT.refund)}","${t(TEXT.even)}"))`;
    }),
  ]);

  // --- the partners' key values ---------------------------------------------------------------------
  add(layout.partners, [label(2, t(TEXT.partners))]);
  add(layout.partners + 1, [
    body({ column: 2, value: t(TEXT.host) }),
    ...perTown((index) => `IF(${town("isHost", index)}="","","${t(TEXT.yes)}")`),
  ]);
  KEY_ROWS.forEach((keyRow, offset) => {
    add(layout.partners + 2 + offset, [
      body({ column: 2, value: t(keyRow.text) }),
      ...perTown((index) => {
        const value = town(keyRow.key, index);
        return `IF(${value}="","",${value})`;
      }, keyRow.format),
    ]);
  });
  add(layout.note, [{ column: 1, value: t(TEXT.note), style: "description" }]);

  // --- the cost items (last: their spare rows print as blank paper) ---------------------------------
  add(layout.items, [label(2, t(TEXT.items))]);
  for (let slot = 1; slot <= items; slot++) {
    const name = item("name", slot - 1);
    add(
      resultRowOfSlot(slot, items),
      slotCells(
        slot,
        `${name}<>""`,
        name,
        item("key", slot - 1),
        item("keyNo", slot - 1),
        item("flatFee", slot - 1),
        item("planCents", slot - 1),
        item("check", slot - 1),
      ),
      // room for a long name or key in two lines where items are pre-filled; spare slots (once
      // items are pre-filled) almost flat, so that they do not print as blank pages — an item typed
      // there later shows in a flat row until the row is made higher (or `ikz upgrade` plans again)
      filledItems === 0 ? undefined : slot <= filledItems ? TWO_LINES : SPARE_SLOT_HEIGHT,
    );
  }

  // the gaps between the blocks: lower than a text row
  for (const gap of [layout.quarters[0] - 2, layout.actual - 2, layout.partners - 1, layout.note - 1, layout.items - 1])
    add(gap, [body({ column: 1 })], GAP_HEIGHT);

  const checkLetter = columnLetter(checkColumn);
  const checkRange = `${checkLetter}${RESULT_HEADER_ROW + 1}:${checkLetter}${layout.last}`;
  return {
    // spare town columns narrow when towns are pre-filled, so the printed page is not mostly empty;
    // a town typed into a spare row later shows „###“ there until its column is widened
    columnWidths: [
      5,
      40,
      44,
      14,
      ...Array.from({ length: towns }, (_, index) => (filledTowns === 0 || index < filledTowns ? 13 : 2)),
      16,
    ],
    rows: rows.sort((a, b) => a.row - b.row),
    printTitleRows: `1:${RESULT_HEADER_ROW}`,
    printArea: `A1:${checkLetter}${layout.last}`,
    header: { left: t(TEXT.pageHeaderLeft), right: t(TEXT.pageHeaderRight) },
    footer: { left: t(TEXT.pageFooterLeft), right: t(TEXT.pageFooterRight) },
    frozen: { rows: RESULT_HEADER_ROW, columns: 2 },
    highlights: [
      ...checkHighlights([language]).map((highlight) => ({ range: checkRange, ...highlight })),
      { range: summary, equals: selfCheckSummaryText("passed", language), fill: "good" },
    ],
    merges: [],
  };
}

/** Address of the matrix cell of an item slot and a town slot (1-based), for tests and `ikz allocate`; the overhead is slot `itemSlots + 1`. */
export function resultCell(slot: number, town: number, itemSlots = Number.POSITIVE_INFINITY): string {
  return cellAddress(resultRowOfSlot(slot, itemSlots), RESULT_FIRST_TOWN_COLUMN + town - 1);
}
