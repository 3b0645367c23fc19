/**
 * Template 5 „Kostenverteilung“ (cost model of a joint service), first increment: the single keys
 * (equal, population, cases, workplaces, FTE share, fixed percent). The sheet reproduces §1–§2 of
 * the arithmetic in `lib/allocation/allocateCosts.ts` cent for cent:
 *
 * - „Kommunen“: one row per town, its key values and the integer weights of every key
 *   (`1`, `ROUND(v,0)`, `ROUND(fte*100,0)`, `ROUND(p*100,0)`), plus the town's total.
 * - „Kostenpositionen“: one row per item: amount `A = ROUND(€*100,0)`, the key's position in the
 *   key list, `W = Σ wₜ` of that key, the residual `R = A − Σ bₜ` and the distributed sum.
 * - „Verteilung“: one pre-planned row per (item slot, town slot), item-major, towns in their order:
 *   `w`, `b = INT(A*w/W)`, `r = A*w − W*b`, position (larger remainder first, a tie to the town
 *   listed first), share `b + IF(pos<R,1,0)` in cents and €.
 *
 * The pair rows refer to items and towns by their number (row on their sheet), so renaming an item
 * or a town keeps the split; a town or item typed into a row beyond the planned slots is not split.
 * Not yet in this increment: mixed keys, flat fee per case, overhead, advances, true-up.
 */
import { columnLetter } from "../../lib/cells/address.js";
import type { ColumnSpec, FormulaContext, LocalizedText, TemplateSpec } from "../../lib/spec/TemplateSpec.js";

/** Sheet keys of the cost allocation. */
export const SHEET = {
  towns: "towns",
  items: "items",
  allocation: "allocation",
  lists: "lists",
} as const;

/** Header rows (data starts one row below); the numbers of towns and items derive from them. */
export const HEADER_ROW = { towns: 4, items: 4, allocation: 4, lists: 4 } as const;

/** The single keys of this increment, in the order of the key list (and of CHOOSE/INDEX). */
export const SINGLE_KEYS = [
  { key: "equal", weightColumn: "wEqual", label: { de: "Gleichverteilung", en: "Equal shares" } },
  { key: "population", weightColumn: "wPopulation", label: { de: "Einwohner", en: "Population" } },
  { key: "cases", weightColumn: "wCases", label: { de: "Fallzahlen", en: "Cases" } },
  { key: "workplaces", weightColumn: "wWorkplaces", label: { de: "Arbeitsplätze", en: "Workplaces" } },
  { key: "fteShare", weightColumn: "wFteShare", label: { de: "Stellenanteile", en: "FTE shares" } },
  { key: "fixedPercent", weightColumn: "wFixedPercent", label: { de: "Festanteil", en: "Fixed percentage" } },
] as const satisfies readonly { key: string; weightColumn: string; label: LocalizedText }[];

export type SingleKeyId = (typeof SINGLE_KEYS)[number]["key"];

/** Spare rows below the pre-filled towns and items; the planner plans pair rows for them too. */
export const SPARE_TOWNS = 4;
export const SPARE_ITEMS = 10;

const firstDataRow = (sheet: keyof typeof HEADER_ROW): number => HEADER_ROW[sheet] + 1;

/** A range spanning several columns of another table sheet, e.g. `Kommunen!$H$5:$M$20`. */
function blockRange(ctx: FormulaContext, firstKey: string, lastKey: string, sheetKey: string): string {
  const first = ctx.columnRange(firstKey, sheetKey);
  const last = ctx.columnRange(lastKey, sheetKey);
  const [start] = first.split(":");
  const end = (last.split(":")[1] ?? "").replace(/^([A-Z]+)\$/, "$$$1$$");
  return `${start ?? ""}:${end}`;
}

/** The row's own number on its sheet: 1 for the first data row. */
const ownNumber = (sheet: keyof typeof HEADER_ROW) => (): string => `ROW()-${HEADER_ROW[sheet]}`;

const integerWeight = (value: (ctx: FormulaContext) => string) => (ctx: FormulaContext): string =>
  `IF(${ctx.cell("name")}="",0,${value(ctx)})`;

const weightColumn = (key: string, label: LocalizedText, formula: ColumnSpec["formula"]): ColumnSpec => ({
  key,
  label,
  type: "integer",
  kind: "computed",
  numberFormat: "#,##0",
  width: 11,
  ...(formula === undefined ? {} : { formula }),
});

// --- Verteilung (pairs) -------------------------------------------------------------------------

const itemValue = (ctx: FormulaContext, key: string): string =>
  `INDEX(${ctx.columnRange(key, SHEET.items)},${ctx.cell("itemNo")})`;

/** Name of the pair's item or town, "" when that slot is empty. */
const pairName = (numberKey: string, sheetKey: string) => (ctx: FormulaContext): string => {
  const name = `INDEX(${ctx.columnRange("name", sheetKey)},${ctx.cell(numberKey)})`;
  return `IF(${name}="","",${name})`;
};

/** w: the town's integer weight for the item's key, "" for a pair with an empty slot. */
export function pairWeightFormula(ctx: FormulaContext): string {
  const weights = blockRange(ctx, SINGLE_KEYS[0].weightColumn, SINGLE_KEYS[SINGLE_KEYS.length - 1]?.weightColumn ?? "", SHEET.towns);
  return `IF(OR(${ctx.cell("item")}="",${ctx.cell("town")}=""),"",INDEX(${weights},${ctx.cell("townNo")},${itemValue(ctx, "keyNo")}))`;
}

/** b = INT(A*w/W), 0 when W = 0. */
export function pairBaseFormula(ctx: FormulaContext): string {
  const a = itemValue(ctx, "cents");
  const w = itemValue(ctx, "weightSum");
  return `IF(${ctx.cell("weight")}="","",IF(${w}=0,0,INT(${a}*${ctx.cell("weight")}/${w})))`;
}

/** r = A*w − W*b. */
export function pairRemainderFormula(ctx: FormulaContext): string {
  const a = itemValue(ctx, "cents");
  const w = itemValue(ctx, "weightSum");
  return `IF(${ctx.cell("weight")}="","",${a}*${ctx.cell("weight")}-${w}*${ctx.cell("base")})`;
}

/** Position among the item's towns: remainders larger, plus equal remainders of towns listed earlier. */
export function pairPositionFormula(ctx: FormulaContext): string {
  const items = ctx.columnRange("itemNo");
  const remainders = ctx.columnRange("remainder");
  const item = ctx.cell("itemNo");
  const r = ctx.cell("remainder");
  const first = firstDataRow("allocation");
  const larger = `COUNTIFS(${items},${item},${remainders},">"&${r})`;
  if (ctx.row <= first) return `IF(${r}="","",${larger})`;
  const above = (key: string): string => {
    const [start = ""] = ctx.columnRange(key).split(":");
    const letter = start.replace(/\$?\d+$/, "").replace(/^\$/, "");
    return `$${letter}$${first}:${letter}${ctx.row - 1}`;
  };
  return `IF(${r}="","",${larger}+COUNTIFS(${above("itemNo")},${item},${above("remainder")},${r}))`;
}

/** Share in cents: b + 1 for the first R positions. */
export function pairCentsFormula(ctx: FormulaContext): string {
  return `IF(${ctx.cell("weight")}="","",${ctx.cell("base")}+IF(${ctx.cell("position")}<${itemValue(ctx, "residual")},1,0))`;
}

// --- Kostenpositionen ---------------------------------------------------------------------------

const pairSum = (ctx: FormulaContext, key: string): string =>
  `SUMIF(${ctx.columnRange("itemNo", SHEET.allocation)},${ctx.cell("no")},${ctx.columnRange(key, SHEET.allocation)})`;

export function itemKeyNoFormula(ctx: FormulaContext): string {
  return `IF(${ctx.cell("name")}="","",MATCH(${ctx.cell("key")},${ctx.columnRange("allocationKeys", SHEET.lists)},0))`;
}

/** W: the sum of the item's key's integer weights over all towns. */
export function itemWeightSumFormula(ctx: FormulaContext): string {
  const sums = SINGLE_KEYS.map((k) => `SUM(${ctx.columnRange(k.weightColumn, SHEET.towns)})`);
  return `IF(${ctx.cell("name")}="","",CHOOSE(${ctx.cell("keyNo")},${sums.join(",")}))`;
}

// --- The spec -----------------------------------------------------------------------------------

const money = (key: string, label: LocalizedText, formula: (ctx: FormulaContext) => string, width = 14): ColumnSpec => ({
  key,
  label,
  type: "currency",
  kind: "computed",
  numberFormat: '#,##0.00 "€"',
  width,
  formula,
});

const cents = (key: string, label: LocalizedText, formula: (ctx: FormulaContext) => string, width = 13): ColumnSpec => ({
  key,
  label,
  type: "integer",
  kind: "computed",
  numberFormat: "#,##0",
  width,
  formula,
});

export const costAllocationSpec = {
  id: "kostenverteilung",
  version: "0.1.0",
  title: { de: "Kostenverteilung", en: "Cost allocation" },
  sheets: [
    {
      kind: "table",
      key: SHEET.towns,
      name: { de: "Kommunen", en: "Towns" },
      title: { de: "Partnerkommunen und Schlüsselwerte", en: "Partner towns and key values" },
      description: {
        de: "Eine Zeile je Kommune. Schlüsselwerte, die ein Schlüssel braucht, ausfüllen (0 = zahlt nichts nach diesem Schlüssel). Festanteile ergeben zusammen 100 %.",
        en: "One row per town. Fill in the key values the keys need (0 = pays nothing by that key). Fixed percentages sum to 100 %.",
      },
      headerRow: HEADER_ROW.towns,
      rowKey: "name",
      minRows: 1,
      spareRows: SPARE_TOWNS,
      landscape: true,
      columns: [
        cents("no", { de: "Nr.", en: "No." }, ownNumber("towns"), 6),
        { key: "name", label: { de: "Kommune", en: "Town" }, type: "text", kind: "input", required: true, width: 24 },
        { key: "population", label: { de: "Einwohner", en: "Population" }, type: "integer", kind: "input", min: 0, numberFormat: "#,##0", width: 11 },
        { key: "cases", label: { de: "Fallzahlen", en: "Cases" }, type: "integer", kind: "input", min: 0, numberFormat: "#,##0", width: 11 },
        { key: "workplaces", label: { de: "Arbeitsplätze", en: "Workplaces" }, type: "integer", kind: "input", min: 0, numberFormat: "#,##0", width: 11 },
        {
          key: "fteShare",
          label: { de: "Stellenanteile (VZÄ)", en: "FTE share" },
          type: "decimal",
          kind: "input",
          min: 0,
          maxDecimals: 2,
          numberFormat: "0.00",
          width: 11,
        },
        {
          key: "fixedPercent",
          label: { de: "Festanteil (%)", en: "Fixed share (%)" },
          type: "decimal",
          kind: "input",
          min: 0,
          max: 100,
          maxDecimals: 2,
          numberFormat: "0.00",
          width: 11,
          hint: { de: "Prozentzahl, z. B. 25 für 25 %", en: "Percent number, e.g. 25 for 25 %" },
        },
        {
          key: "isHost",
          label: { de: "Sitzgemeinde (x)", en: "Host town (x)" },
          type: "text",
          kind: "input",
          width: 10,
          align: "center",
          hint: { de: "x = Sitz der gemeinsamen Stelle (nur zur Information)", en: "x = hosts the joint unit (for information only)" },
        },
        weightColumn("wEqual", { de: "Gewicht gleich", en: "Weight equal" }, integerWeight(() => "1")),
        weightColumn("wPopulation", { de: "Gewicht Einwohner", en: "Weight population" }, integerWeight((c) => `ROUND(${c.cell("population")},0)`)),
        weightColumn("wCases", { de: "Gewicht Fälle", en: "Weight cases" }, integerWeight((c) => `ROUND(${c.cell("cases")},0)`)),
        weightColumn("wWorkplaces", { de: "Gewicht Arbeitsplätze", en: "Weight workplaces" }, integerWeight((c) => `ROUND(${c.cell("workplaces")},0)`)),
        weightColumn("wFteShare", { de: "Gewicht VZÄ (1/100)", en: "Weight FTE (1/100)" }, integerWeight((c) => `ROUND(${c.cell("fteShare")}*100,0)`)),
        weightColumn("wFixedPercent", { de: "Gewicht Festanteil (1/100 %)", en: "Weight fixed (1/100 %)" }, integerWeight((c) => `ROUND(${c.cell("fixedPercent")}*100,0)`)),
        cents("totalCents", { de: "Summe (Cent)", en: "Total (cents)" }, (ctx) =>
          `IF(${ctx.cell("name")}="","",SUMIF(${ctx.columnRange("townNo", SHEET.allocation)},${ctx.cell("no")},${ctx.columnRange("cents", SHEET.allocation)}))`,
        ),
        money("total", { de: "Summe (€)", en: "Total (€)" }, (ctx) => `IF(${ctx.cell("name")}="","",${ctx.cell("totalCents")}/100)`),
      ],
    },
    {
      kind: "table",
      key: SHEET.items,
      name: { de: "Kostenpositionen", en: "Cost items" },
      title: { de: "Kostenpositionen und Verteilungsschlüssel", en: "Cost items and allocation keys" },
      description: {
        de: "Eine Zeile je Kostenposition: Jahresbetrag in € und Schlüssel aus der Liste. Blau = berechnet.",
        en: "One row per cost item: annual amount in € and a key from the list. Blue = computed.",
      },
      headerRow: HEADER_ROW.items,
      rowKey: "name",
      minRows: 1,
      spareRows: SPARE_ITEMS,
      landscape: true,
      columns: [
        cents("no", { de: "Nr.", en: "No." }, ownNumber("items"), 6),
        { key: "name", label: { de: "Kostenposition", en: "Cost item" }, type: "text", kind: "input", required: true, width: 34 },
        {
          key: "amount",
          label: { de: "Jahresbetrag (€)", en: "Annual amount (€)" },
          type: "currency",
          kind: "input",
          required: true,
          min: 0,
          maxDecimals: 2,
          numberFormat: '#,##0.00 "€"',
          width: 16,
        },
        { key: "key", label: { de: "Schlüssel", en: "Key" }, type: "list", kind: "input", required: true, list: { key: "allocationKeys" }, width: 20 },
        cents("cents", { de: "Betrag (Cent)", en: "Amount (cents)" }, (ctx) => `IF(${ctx.cell("name")}="",0,ROUND(${ctx.cell("amount")}*100,0))`, 15),
        cents("keyNo", { de: "Schlüssel-Nr.", en: "Key no." }, itemKeyNoFormula, 9),
        cents("weightSum", { de: "Summe Gewichte W", en: "Sum of weights W" }, itemWeightSumFormula, 14),
        cents("residual", { de: "Restcent R", en: "Residual cents R" }, (ctx) => `IF(${ctx.cell("name")}="","",${ctx.cell("cents")}-${pairSum(ctx, "base")})`, 10),
        money("distributed", { de: "Verteilt (€)", en: "Distributed (€)" }, (ctx) => `IF(${ctx.cell("name")}="","",${pairSum(ctx, "cents")}/100)`, 16),
      ],
    },
    {
      kind: "table",
      key: SHEET.allocation,
      name: { de: "Verteilung", en: "Allocation" },
      title: { de: "Verteilung je Kostenposition und Kommune", en: "Allocation per cost item and town" },
      description: {
        de: "Berechnet, nicht ändern: Größte-Reste-Verfahren auf Cent (bei gleichem Rest zuerst die früher genannte Kommune).",
        en: "Computed, do not change: largest-remainder method on cents (equal remainders go to the town listed first).",
      },
      headerRow: HEADER_ROW.allocation,
      rowKey: "itemNo",
      minRows: 1,
      spareRows: 0,
      landscape: true,
      columns: [
        { key: "itemNo", label: { de: "Pos.-Nr.", en: "Item no." }, type: "integer", kind: "input", fixed: true, numberFormat: "0", width: 8 },
        { key: "item", label: { de: "Kostenposition", en: "Cost item" }, type: "text", kind: "computed", width: 30, formula: pairName("itemNo", SHEET.items) },
        { key: "townNo", label: { de: "Kommune-Nr.", en: "Town no." }, type: "integer", kind: "input", fixed: true, numberFormat: "0", width: 8 },
        { key: "town", label: { de: "Kommune", en: "Town" }, type: "text", kind: "computed", width: 22, formula: pairName("townNo", SHEET.towns) },
        cents("weight", { de: "Gewicht w", en: "Weight w" }, pairWeightFormula, 11),
        cents("base", { de: "Grundanteil b (Cent)", en: "Base b (cents)" }, pairBaseFormula, 14),
        cents("remainder", { de: "Rest r", en: "Remainder r" }, pairRemainderFormula, 14),
        cents("position", { de: "Reihenfolge Rest (0 = zuerst)", en: "Remainder order (0 = first)" }, pairPositionFormula, 12),
        cents("cents", { de: "Anteil (Cent)", en: "Share (cents)" }, pairCentsFormula, 14),
        money("share", { de: "Anteil (€)", en: "Share (€)" }, (ctx) => `IF(${ctx.cell("cents")}="","",${ctx.cell("cents")}/100)`, 16),
      ],
    },
    {
      kind: "reference",
      key: SHEET.lists,
      name: { de: "Listen", en: "Lists" },
      title: { de: "Auswahllisten", en: "Lists" },
      headerRow: HEADER_ROW.lists,
      columns: [{ key: "allocationKeys", list: "allocationKeys", show: "label", label: { de: "Schlüssel", en: "Key" }, width: 24 }],
    },
  ],
  lists: {
    allocationKeys: {
      sheet: SHEET.lists,
      column: "allocationKeys",
      entries: () => SINGLE_KEYS.map((k) => ({ value: k.key, label: k.label })),
    },
  },
} as const satisfies TemplateSpec;

/** Column letter of a key on a sheet of this spec (for tests and the docs). */
export function columnOf(sheetKey: (typeof SHEET)[keyof typeof SHEET], key: string): string {
  const sheet = costAllocationSpec.sheets.find((s) => s.key === sheetKey);
  const index = sheet && "columns" in sheet ? sheet.columns.findIndex((c) => c.key === key) : -1;
  if (index < 0) throw new Error(`no column ${key} on ${sheetKey}`);
  return columnLetter(index + 1);
}

/** Quoted sheet name for a language, for building references in tests. */
export function sheetName(sheetKey: (typeof SHEET)[keyof typeof SHEET], language: "de" | "en"): string {
  const sheet = costAllocationSpec.sheets.find((s) => s.key === sheetKey);
  if (!sheet) throw new Error(`no sheet ${sheetKey}`);
  return sheet.name[language];
}
