/**
 * „Ergebnis“: the printable annex of the cost allocation (landscape, one column per town slot).
 * Items × towns in €, the overhead, totals and shares, the quarterly advances, the true-up and the
 * partners' key values — all formulas over the other sheets, with a check per row that the shares
 * add up to the amount.
 */
import { cellAddress, columnLetter } from "../../lib/cells/address.js";
import type { GridCell, GridContent, GridContext, LocalizedText } from "../../lib/spec/TemplateSpec.js";
import {
  CHECK_MARK,
  entriesBelowFormula,
  selfCheckSummaryFormula,
  selfCheckSummaryText,
  type SelfCheck,
} from "../common/selfChecks.js";
import { rowCell } from "./blockFormulas.js";
import { KEY_DEFINITIONS, KEY_NO, PART_COUNT } from "./keys.js";
import { CHECK_REASON, OVERHEAD_LABEL, SHEET, checkHighlights, checkText } from "./layout.js";

/** Row of the matrix header; items start below it. */
export const RESULT_HEADER_ROW = 5;
/** Row of the summary of the workbook's own checks („✓ Alle Prüfungen bestanden“), above the header. */
export const RESULT_SUMMARY_ROW = 4;
/** Rows below the last prepared town or item row that the summary looks at for stray entries. */
export const ROWS_BELOW_CHECKED = 200;
/** Columns: number, item, key, amount, then one per town slot, then the check. */
export const RESULT_FIRST_TOWN_COLUMN = 5;

const MONEY = '#,##0.00 "€"';
const SIGNED_MONEY = '+#,##0.00 "€";-#,##0.00 "€";0.00 "€"';

const TEXT = {
  unit: { de: "Gemeinsame Stelle: ", en: "Joint unit: " },
  year: { de: " · Haushaltsjahr ", en: " · budget year " },
  note: {
    de: "Beträge in Euro. Jede Position ist nach ihrem Schlüssel auf den Cent genau verteilt (Größte-Reste-Verfahren; bei gleichem Rest zuerst die früher genannte Kommune). Die Probe zeigt, ob die Anteile den Betrag ergeben.",
    en: "Amounts in euros. Each item is split by its key to the cent (largest-remainder method; equal remainders go to the town listed first). The check shows whether the shares add up to the amount.",
  },
  no: { de: "Nr.", en: "No." },
  item: { de: "Kostenposition", en: "Cost item" },
  key: { de: "Schlüssel", en: "Key" },
  amount: { de: "Betrag (€)", en: "Amount (€)" },
  check: { de: "Probe", en: "Check" },
  total: { de: "Summe", en: "Total" },
  share: { de: "Anteil an der Summe", en: "Share of the total" },
  advances: { de: "Abschläge aus dem Plan", en: "Advance payments from the plan" },
  quarter: { de: ". Quartal", en: ". quarter" },
  trueUp: { de: "Spitzabrechnung", en: "Year-end true-up" },
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
  perCase: { de: " € × Fälle", en: " € × cases" },
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

/** Sheet row of the matrix row of an item slot (1-based slot; the overhead is slot items + 1). */
export function resultRowOfSlot(slot: number): number {
  return RESULT_HEADER_ROW + slot;
}

/** The rows below the matrix, by what they show (for tests and the pane). */
export function resultRows(itemSlots: number): {
  readonly total: number;
  readonly share: number;
  readonly quarters: readonly [number, number, number, number];
  readonly actual: number;
  readonly difference: number;
  readonly outcome: number;
} {
  const total = resultRowOfSlot(itemSlots + 1) + 1;
  const quartersStart = total + 4;
  const actual = quartersStart + 6;
  return {
    total,
    share: total + 1,
    quarters: [quartersStart, quartersStart + 1, quartersStart + 2, quartersStart + 3],
    actual,
    difference: actual + 2,
    outcome: actual + 3,
  };
}

export function buildResultSheet(context: GridContext): GridContent {
  const { language } = context;
  const t = (text: LocalizedText): string => text[language];
  const towns = context.rowCount(SHEET.towns);
  const items = context.rowCount(SHEET.items);
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
  const perTown = (formula: (index: number, name: string) => string, numberFormat?: string): GridCell[] =>
    Array.from({ length: towns }, (_, index) => {
      const name = town("name", index);
      return {
        column: townColumn(index),
        formula: `IF(${name}="","",${formula(index, name)})`,
        style: "computed" as const,
        ...(numberFormat === undefined ? {} : { numberFormat }),
      };
    });

  add(
    1,
    [
      {
        column: 1,
        value:
          language === "de"
            ? "Anlage zur Zweckvereinbarung: Kostenverteilung"
            : "Annex to the agreement: cost allocation",
        style: "title",
      },
    ],
    24,
  );
  const unit = settings("unitName");
  const year = settings("year");
  add(2, [
    {
      column: 1,
      formula: `"${t(TEXT.unit)}"&IF(${unit}="","–",${unit})&"${t(TEXT.year)}"&IF(${year}="","–",${year})`,
      style: "description",
    },
  ]);
  add(3, [{ column: 1, value: t(TEXT.note), style: "description" }]);

  // Matrix header: the towns' names as column heads.
  add(
    RESULT_HEADER_ROW,
    [
      { column: 1, value: t(TEXT.no), style: "header" },
      { column: 2, value: t(TEXT.item), style: "header" },
      { column: 3, value: t(TEXT.key), style: "header" },
      { column: 4, value: t(TEXT.amount), style: "header" },
      ...Array.from({ length: towns }, (_, index): GridCell => {
        const name = town("name", index);
        return { column: townColumn(index), formula: `IF(${name}="","",${name})`, style: "header" };
      }),
      { column: checkColumn, value: t(TEXT.check), style: "header" },
    ],
    44,
  );

  /** „Mischschlüssel: 30 % gleich + 70 % Einwohner“ from the parts' weights of a slot. */
  const keyDescription = (slot: number, keyText: string, keyNo: string, fee: string | undefined): string => {
    const mixed = KEY_DEFINITIONS.slice(0, 5)
      .map((definition, index) => {
        const m = part("weight", (slot - 1) * PART_COUNT + index);
        return `IF(${m}>0,"+ "&${m}/100&" % ${definition.short[language]} ","")`;
      })
      .join("&");
    const perCase =
      fee === undefined ? "" : `&IF(${keyNo}=${KEY_NO.flatFeePerCase},": "&ROUND(${fee},2)&"${t(TEXT.perCase)}","")`;
    return `${keyText}&IF(${keyNo}=${KEY_NO.mixed},": "&TRIM(MID(${mixed},3,250)),"")${perCase}`;
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
      ? { column: 1, formula: `IF(${shown},${slot},"")`, style: "computed", numberFormat: "0", align: "center" }
      : { column: 1, style: "computed" },
    { column: 2, formula: `IF(${shown},${name},"")`, style: "computed" },
    { column: 3, formula: `IF(${shown},${keyDescription(slot, keyText, keyNo, fee)},"")`, style: "computed" },
    { column: 4, formula: `IF(${shown},${amountCents}/100,"")`, style: "computed", numberFormat: MONEY },
    ...perTown(
      (index) =>
        `IF(${shown},SUMIFS(${pairs("cents")},${pairs("slotNo")},${slot},${pairs("townNo")},${index + 1})/100,"")`,
      MONEY,
    ),
    {
      // the item's own check (Kostenpositionen / Grunddaten) when it failed, else the sum of the row
      column: checkColumn,
      formula: `IF(${shown},IF(MID(${sourceCheck},1,1)="${CHECK_MARK.failed}",${sourceCheck},${verdict(`SUMIF(${pairs("slotNo")},${slot},${pairs("cents")})=${amountCents}`)}),"")`,
      style: "computed",
      align: "center",
    },
  ];

  for (let slot = 1; slot <= items; slot++) {
    const name = item("name", slot - 1);
    add(
      resultRowOfSlot(slot),
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
    );
  }
  const overheadName = settings("overheadName");
  add(
    resultRowOfSlot(items + 1),
    slotCells(
      items + 1,
      `${settings("overheadPercent")}<>""`,
      `IF(${overheadName}="","${t(OVERHEAD_LABEL)}",${overheadName})&" ("&${settings("overheadPercent")}&" %)"`,
      settings("overheadKey"),
      settings("overheadKeyNo"),
      undefined,
      settings("planOverheadCents"),
      settings("overheadCheck"),
    ),
  );

  const layout = resultRows(items);
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
    { column: 4, formula: `${planTotal}/100`, style: "computed", numberFormat: MONEY },
    ...perTown((index) => `${town("planCents", index)}/100`, MONEY),
    { column: checkColumn, formula: totalVerdict(planTotalAgrees), style: "computed", align: "center" },
  ]);
  add(layout.share, [
    label(2, t(TEXT.share)),
    ...perTown((index) => `IF(${planTotal}=0,0,${town("planCents", index)}/${planTotal})`, "0.00 %"),
  ]);

  add(layout.quarters[0] - 1, [label(2, t(TEXT.advances))]);
  layout.quarters.forEach((row, index) => {
    const quarter = index + 1;
    add(row, [
      label(2, `${quarter}${t(TEXT.quarter)}`),
      ...perTown((townIndex) => {
        const total = town("planCents", townIndex);
        return `(INT(${total}/4)+IF(${quarter}<=MOD(${total},4),1,0))/100`;
      }, MONEY),
    ]);
  });

  add(layout.actual - 1, [label(2, t(TEXT.trueUp))]);
  add(layout.actual, [
    label(2, t(TEXT.actual)),
    { column: 4, formula: `${actualTotal}/100`, style: "computed", numberFormat: MONEY },
    ...perTown((index) => `${town("actualCents", index)}/100`, MONEY),
    { column: checkColumn, formula: totalVerdict(actualTotalAgrees), style: "computed", align: "center" },
  ]);
  add(layout.actual + 1, [label(2, t(TEXT.paid)), ...perTown((index) => `${town("planCents", index)}/100`, MONEY)]);
  add(layout.difference, [
    label(2, t(TEXT.difference)),
    { column: 4, formula: `(${actualTotal}-${planTotal})/100`, style: "computed", numberFormat: SIGNED_MONEY },
    ...perTown((index) => `(${town("actualCents", index)}-${town("planCents", index)})/100`, SIGNED_MONEY),
  ]);
  add(layout.outcome, [
    label(2, t(TEXT.outcome)),
    ...perTown((index) => {
      const difference = `(${town("actualCents", index)}-${town("planCents", index)})`;
      return `IF(${difference}>0,"${t(TEXT.backPayment)}",IF(${difference}<0,"${t(TEXT.refund)}","${t(TEXT.even)}"))`;
    }),
  ]);

  const partnersRow = layout.outcome + 2;
  add(partnersRow, [label(2, t(TEXT.partners))]);
  const keyRows: readonly { readonly key: string; readonly text: LocalizedText; readonly format: string }[] = [
    { key: "population", text: TEXT.population, format: "#,##0" },
    { key: "populationDate", text: TEXT.populationDate, format: "dd.mm.yyyy" },
    { key: "cases", text: TEXT.cases, format: "#,##0" },
    { key: "workplaces", text: TEXT.workplaces, format: "#,##0" },
    { key: "fteShare", text: TEXT.fteShare, format: "0.00" },
    { key: "fixedPercent", text: TEXT.fixedPercent, format: "0.00" },
  ];
  add(partnersRow + 1, [
    label(2, t(TEXT.host)),
    ...perTown((index) => `IF(${town("isHost", index)}="","","${t(TEXT.yes)}")`),
  ]);
  keyRows.forEach((keyRow, offset) => {
    add(partnersRow + 2 + offset, [
      label(2, t(keyRow.text)),
      ...perTown((index) => {
        const value = town(keyRow.key, index);
        return `IF(${value}="","",${value})`;
      }, keyRow.format),
    ]);
  });

  const lastRow = partnersRow + 1 + keyRows.length;
  const checkLetter = columnLetter(checkColumn);
  const checkRange = `${checkLetter}${RESULT_HEADER_ROW + 1}:${checkLetter}${lastRow}`;
  return {
    columnWidths: [5, 40, 44, 15, ...Array.from({ length: towns }, () => 14), 24],
    rows: rows.sort((a, b) => a.row - b.row),
    printTitleRows: `${RESULT_HEADER_ROW}:${RESULT_HEADER_ROW}`,
    frozen: { rows: RESULT_HEADER_ROW, columns: 2 },
    highlights: [
      ...checkHighlights([language]).map((highlight) => ({ range: checkRange, ...highlight })),
      { range: summary, equals: selfCheckSummaryText("passed", language), fill: "good" },
    ],
    merges: [],
  };
}

/** Address of the matrix cell of an item slot and a town slot (1-based), for tests. */
export function resultCell(slot: number, town: number): string {
  return cellAddress(resultRowOfSlot(slot), RESULT_FIRST_TOWN_COLUMN + town - 1);
}
