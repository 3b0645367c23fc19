/**
 * Template 5 „Kostenverteilung“: the cost model of a joint service, computed entirely by the
 * workbook's own formulas (no macros; functions from lib/formulas/compatibleFunctions.ts), cent for
 * cent as `lib/allocation/allocateCosts.ts` specifies:
 *
 * - „Grunddaten“ (settings): the joint unit, the year, and the overhead lump sum (percent of all
 *   items, split by its own key), with its amount computed as `INT((2·S·p + 10 000) / 20 000)`.
 * - „Kommunen“ (towns): one row per town, plan key values and actual ones for the true-up; each
 *   town's plan and actual total in cents.
 * - „Kostenpositionen“ (items): amount, key, mixed-key weights, flat fee per case, actual amount;
 *   the amounts in cents, and the check that the shares sum to the amount.
 * - „Ergebnis“ (result, a printable landscape annex): items × towns in €, totals, shares, the
 *   quarterly advances, the true-up, the partners and their key values.
 * - „Teilbeträge“ (parts): every item (and the overhead) is first split into six parts, one per
 *   single key, by the largest-remainder method: a single key puts the whole amount on its part, a
 *   mixed key spreads it by its weights. Rows: slot-major, six per slot.
 * - „Verteilung“ (pairs): every part is split over the towns by its key, largest remainder on
 *   cents, a tie to the town listed first; plan and actual side by side. Rows: part-major, one per
 *   town slot.
 *
 * Rows of one split stand together, so sums and rankings use plain block ranges. Towns and items
 * are referred to by their slot (row) number: renaming keeps the split; a town or item typed below
 * the planned rows is not split (validation reports it).
 */
import { guideSheet } from "../../lib/plan/planGuideSheet.js";
import { costAllocationGuide } from "./guide.js";
import { columnLetter } from "../../lib/cells/address.js";
import type { ColumnSpec, FormulaContext, LocalizedText, TemplateSpec } from "../../lib/spec/TemplateSpec.js";
import { computedInteger, computedMoney, computedText, dateInput, listInput } from "../common/columns.js";
import { blockOf, columnBlock, letterOf, positionFormula, rowCell, rowsOfRange } from "./blockFormulas.js";
import { COST_ALLOCATION_HISTORY } from "./history.js";
import { KEY_DEFINITIONS, KEY_NO, MIX_COLUMNS, PART_COUNT } from "./keys.js";
import {
  CHECK_REASON,
  HEADER_ROW,
  OVERHEAD_LABEL,
  SETTINGS_FIRST_ROW,
  SHEET,
  SPARE_ITEMS,
  SPARE_TOWNS,
  checkHighlights,
  checkText,
  type CheckReason,
  type CostSheetKey,
} from "./layout.js";
import { buildResultSheet, DUE_DATES, dueDateField } from "./resultSheet.js";

export {
  CHECK_REASON,
  HEADER_ROW,
  MIN_ITEM_ROWS,
  MIN_TOWN_ROWS,
  OVERHEAD_LABEL,
  SETTINGS_FIRST_ROW,
  SHEET,
  SPARE_ITEMS,
  SPARE_TOWNS,
  checkText,
  type CostSheetKey,
} from "./layout.js";

/** Where slots, parts and towns are, from the planned row counts. */
interface Counts {
  readonly towns: number;
  readonly items: number;
  /** Items plus the overhead. */
  readonly slots: number;
}

const countsOf = (ctx: { rowCount(sheetKey: string): number }): Counts => {
  const items = ctx.rowCount(SHEET.items);
  return { towns: ctx.rowCount(SHEET.towns), items, slots: items + 1 };
};

const firstRow = (sheet: keyof typeof HEADER_ROW): number => HEADER_ROW[sheet] + 1;

/** The cell of column `key` in row `index` (0-based) of a table sheet. */
const at = (ctx: FormulaContext, sheetKey: string, key: string, index: number): string =>
  rowCell(ctx.columnRange(key, sheetKey), index);

/** Column `key` over rows `start`…`end` (0-based) of a table sheet. */
const rowsOf = (ctx: FormulaContext, sheetKey: string, key: string, start: number, end: number): string =>
  rowsOfRange(ctx.columnRange(key, sheetKey), start, end);

/** The overhead's mixed weights on the settings sheet, e.g. `Grunddaten!$B$9:$B$13`. */
const overheadMixBlock = (ctx: FormulaContext): string => {
  const first = ctx.named(`${SHEET.settings}.${MIX_COLUMNS[0]?.overheadField ?? ""}`);
  const last = ctx.named(`${SHEET.settings}.${MIX_COLUMNS[MIX_COLUMNS.length - 1]?.overheadField ?? ""}`);
  return `${first}:${last.replace(/^.*!/, "")}`;
};

/** Percentages are points (30 = 30 %) unless the group sums to 1: then fractions (0.3 = 30 %). */
const percentScale = (groupSum: string): string => `IF(ABS(${groupSum}-1)<0.000000001,10000,100)`;

// --- Teilbeträge (parts): slot-major, PART_COUNT rows per slot -----------------------------------

interface PartRow {
  readonly slot: number;
  /** 1-based part = single key number. */
  readonly part: number;
  /** 0-based split number (row index on the parts sheet). */
  readonly split: number;
  readonly isOverhead: boolean;
  readonly block: ReturnType<typeof blockOf>;
}

function partRow(ctx: FormulaContext): PartRow {
  const block = blockOf(ctx.row, firstRow("parts"), PART_COUNT);
  const slot = block.index + 1;
  return {
    slot,
    part: block.offset + 1,
    split: block.index * PART_COUNT + block.offset,
    isOverhead: slot > countsOf(ctx).items,
    block,
  };
}

/** The slot's value from the items sheet, or the overhead's from the settings. */
const slotValue = (ctx: FormulaContext, row: PartRow, itemKey: string, overheadField: string): string =>
  row.isOverhead ? ctx.named(`${SHEET.settings}.${overheadField}`) : at(ctx, SHEET.items, itemKey, row.slot - 1);

/** The pairs of one split on the allocation sheet: one row per town slot. */
const pairsOfSplit = (ctx: FormulaContext, split: number, key: string): string => {
  const towns = countsOf(ctx).towns;
  return rowsOf(ctx, SHEET.allocation, key, split * towns, split * towns + towns - 1);
};

const partsColumns = (): ColumnSpec[] => {
  const integer = (
    key: string,
    label: LocalizedText,
    formula: (ctx: FormulaContext) => string,
    width = 12,
  ): ColumnSpec => cents(key, label, formula, width);
  const slotName = (ctx: FormulaContext): string => {
    const row = partRow(ctx);
    if (row.isOverhead) {
      const name = ctx.named(`${SHEET.settings}.overheadName`);
      return `IF(${name}="","${OVERHEAD_LABEL[ctx.language]}",${name})`;
    }
    const name = at(ctx, SHEET.items, "name", row.slot - 1);
    return `IF(${name}="","",${name})`;
  };
  const scenario = (suffix: "" | "Actual", label: (de: string, en: string) => LocalizedText): ColumnSpec[] => {
    const k = (key: string): string => `${key}${suffix}`;
    return [
      integer(
        k("amount"),
        label("Betrag A (Cent)", "Amount A (cents)"),
        (ctx) => {
          const row = partRow(ctx);
          if (row.isOverhead)
            return ctx.named(`${SHEET.settings}.${suffix === "" ? "planOverheadCents" : "actualOverheadCents"}`);
          const keyNo = at(ctx, SHEET.items, "keyNo", row.slot - 1);
          return `IF(${keyNo}=${KEY_NO.flatFeePerCase},0,${at(ctx, SHEET.items, suffix === "" ? "planCents" : "actualCents", row.slot - 1)})`;
        },
        15,
      ),
      integer(
        k("base"),
        label("Grundanteil b", "Base b"),
        (ctx) => {
          const { block } = partRow(ctx);
          const m = ctx.cell("weight");
          const total = `SUM(${columnBlock(letterOf(ctx, "weight"), block.start, block.end)})`;
          return `IF(${total}=0,0,INT(${ctx.cell(k("amount"))}*${m}/${total}))`;
        },
        15,
      ),
      integer(
        k("remainder"),
        label("Rest r", "Remainder r"),
        (ctx) => {
          const { block } = partRow(ctx);
          const total = `SUM(${columnBlock(letterOf(ctx, "weight"), block.start, block.end)})`;
          return `${ctx.cell(k("amount"))}*${ctx.cell("weight")}-${total}*${ctx.cell(k("base"))}`;
        },
        15,
      ),
      integer(
        k("position"),
        label("Reihenfolge Rest", "Remainder order"),
        (ctx) => positionFormula(ctx, k("remainder"), partRow(ctx).block),
        10,
      ),
      integer(
        k("cents"),
        label("Teilbetrag (Cent)", "Part amount (cents)"),
        (ctx) => {
          const { block } = partRow(ctx);
          const total = `SUM(${columnBlock(letterOf(ctx, "weight"), block.start, block.end)})`;
          const residual = `${ctx.cell(k("amount"))}-SUM(${columnBlock(letterOf(ctx, k("base")), block.start, block.end)})`;
          return `IF(${total}=0,0,${ctx.cell(k("base"))}+IF(${ctx.cell(k("position"))}<${residual},1,0))`;
        },
        15,
      ),
      integer(
        k("townWeightSum"),
        label("Summe Gewichte W", "Sum of weights W"),
        (ctx) => `SUM(${pairsOfSplit(ctx, partRow(ctx).split, k("weight"))})`,
        14,
      ),
      integer(
        k("residual"),
        label("Restcent R", "Residual cents R"),
        (ctx) => `${ctx.cell(k("cents"))}-SUM(${pairsOfSplit(ctx, partRow(ctx).split, k("base"))})`,
        10,
      ),
    ];
  };
  return [
    ...splitNumberColumns(),
    computedText("item", { de: "Kostenposition", en: "Cost item" }, 30, slotName),
    computedText(
      "part",
      { de: "Teil nach Schlüssel", en: "Part by key" },
      18,
      (ctx) => `INDEX(${ctx.columnRange("allocationKeys", SHEET.lists)},${ctx.cell("partNo")})`,
    ),
    integer(
      "keyNo",
      { de: "Schlüssel der Position", en: "Item's key no." },
      (ctx) => {
        const row = partRow(ctx);
        return slotValue(ctx, row, "keyNo", "overheadKeyNo");
      },
      10,
    ),
    integer(
      "weight",
      { de: "Anteil m (1/100 %)", en: "Share m (1/100 %)" },
      (ctx) => {
        const row = partRow(ctx);
        const keyNo = ctx.cell("keyNo");
        const whole = `IF(${keyNo}=${row.part},10000,0)`;
        const mix = MIX_COLUMNS[row.part - 1];
        if (mix === undefined) return whole;
        const weight = slotValue(ctx, row, mix.column, mix.overheadField);
        const group = row.isOverhead
          ? `SUM(${overheadMixBlock(ctx)})`
          : `SUM(${at(ctx, SHEET.items, MIX_COLUMNS[0]?.column ?? "", row.slot - 1)}:${at(ctx, SHEET.items, MIX_COLUMNS[MIX_COLUMNS.length - 1]?.column ?? "", row.slot - 1).replace(/^.*!/, "")})`;
        return `IF(${keyNo}=${KEY_NO.mixed},ROUND(${weight}*${percentScale(group)},0),${whole})`;
      },
      12,
    ),
    ...scenario("", planLabel),
    ...scenario("Actual", actualLabel),
  ];
};

// --- Verteilung (pairs): part-major, one row per town slot ---------------------------------------

interface PairRow {
  readonly split: number;
  readonly slot: number;
  readonly part: number;
  /** 0-based town slot. */
  readonly town: number;
  readonly isOverhead: boolean;
  readonly block: ReturnType<typeof blockOf>;
}

function pairRow(ctx: FormulaContext): PairRow {
  const counts = countsOf(ctx);
  const block = blockOf(ctx.row, firstRow("allocation"), counts.towns);
  const split = block.index;
  const slot = Math.floor(split / PART_COUNT) + 1;
  return { split, slot, part: (split % PART_COUNT) + 1, town: block.offset, isOverhead: slot > counts.items, block };
}

/** The town's integer weight for the row's part: `1`, the value, or hundredths of FTE / percent. */
function townWeight(ctx: FormulaContext, actual: boolean): string {
  const row = pairRow(ctx);
  const town = (key: string): string => at(ctx, SHEET.towns, key, row.town);
  const value = (key: "population" | "cases" | "workplaces" | "fteShare"): string => {
    const plan = town(key);
    if (!actual) return plan;
    const typed = town(`actual${key[0]?.toUpperCase() ?? ""}${key.slice(1)}`);
    return `IF(${typed}="",${plan},${typed})`;
  };
  const name = town("name");
  const fixedScale = percentScale(`SUM(${ctx.columnRange("fixedPercent", SHEET.towns)})`);
  const weights = [
    "1",
    `ROUND(${value("population")},0)`,
    `ROUND(${value("cases")},0)`,
    `ROUND(${value("workplaces")},0)`,
    `ROUND(${value("fteShare")}*100,0)`,
    `ROUND(${town("fixedPercent")}*${fixedScale},0)`,
  ];
  return `IF(${name}="",0,${weights[row.part - 1] ?? "0"})`;
}

const pairsColumns = (): ColumnSpec[] => {
  const scenario = (suffix: "" | "Actual", label: (de: string, en: string) => LocalizedText): ColumnSpec[] => {
    const k = (key: string): string => `${key}${suffix}`;
    const partCell = (ctx: FormulaContext, key: string): string => at(ctx, SHEET.parts, k(key), pairRow(ctx).split);
    return [
      cents(k("weight"), label("Gewicht w", "Weight w"), (ctx) => townWeight(ctx, suffix === "Actual"), 11),
      cents(
        k("base"),
        label("Grundanteil b", "Base b"),
        (ctx) => {
          const w = partCell(ctx, "townWeightSum");
          return `IF(${w}=0,0,INT(${partCell(ctx, "cents")}*${ctx.cell(k("weight"))}/${w}))`;
        },
        14,
      ),
      cents(
        k("remainder"),
        label("Rest r", "Remainder r"),
        (ctx) =>
          `${partCell(ctx, "cents")}*${ctx.cell(k("weight"))}-${partCell(ctx, "townWeightSum")}*${ctx.cell(k("base"))}`,
        14,
      ),
      cents(
        k("position"),
        label("Reihenfolge Rest", "Remainder order"),
        (ctx) => positionFormula(ctx, k("remainder"), pairRow(ctx).block),
        10,
      ),
      cents(
        k("cents"),
        label("Anteil (Cent)", "Share (cents)"),
        (ctx) => {
          const row = pairRow(ctx);
          const split = `${ctx.cell(k("base"))}+IF(${ctx.cell(k("position"))}<${partCell(ctx, "residual")},1,0)`;
          if (row.isOverhead) return split;
          const keyNo = at(ctx, SHEET.items, "keyNo", row.slot - 1);
          const fee = `ROUND(${at(ctx, SHEET.items, "flatFee", row.slot - 1)}*100,0)`;
          const flat = row.part === KEY_NO.cases ? `${fee}*${ctx.cell(k("weight"))}` : "0";
          return `IF(${keyNo}=${KEY_NO.flatFeePerCase},${flat},${split})`;
        },
        14,
      ),
    ];
  };
  return [
    ...splitNumberColumns(),
    fixedNumber("townNo", { de: "Kommune-Nr.", en: "Town no." }),
    computedText("item", { de: "Kostenposition", en: "Cost item" }, 28, (ctx) =>
      at(ctx, SHEET.parts, "item", pairRow(ctx).split),
    ),
    computedText("part", { de: "Teil nach Schlüssel", en: "Part by key" }, 16, (ctx) =>
      at(ctx, SHEET.parts, "part", pairRow(ctx).split),
    ),
    {
      key: "town",
      label: { de: "Kommune", en: "Town" },
      type: "text",
      kind: "computed",
      width: 20,
      formula: (ctx) => {
        const name = at(ctx, SHEET.towns, "name", pairRow(ctx).town);
        return `IF(${name}="","",${name})`;
      },
    },
    ...scenario("", planLabel),
    ...scenario("Actual", actualLabel),
  ];
};

// --- Kostenpositionen (items) --------------------------------------------------------------------

/** All pair rows of an item slot (PART_COUNT × towns rows). */
const pairsOfSlot = (ctx: FormulaContext, slot: number, key: string): string => {
  const towns = countsOf(ctx).towns;
  const start = (slot - 1) * PART_COUNT * towns;
  return rowsOf(ctx, SHEET.allocation, key, start, start + PART_COUNT * towns - 1);
};

const itemSlot = (ctx: FormulaContext): number => ctx.row - HEADER_ROW.items;

function itemCentsFormula(ctx: FormulaContext, actual: boolean): string {
  const slot = itemSlot(ctx);
  const fee = `ROUND(${ctx.cell("flatFee")}*100,0)`;
  const casesWeight = at(
    ctx,
    SHEET.parts,
    actual ? "townWeightSumActual" : "townWeightSum",
    (slot - 1) * PART_COUNT + KEY_NO.cases - 1,
  );
  const amount = actual
    ? `IF(${ctx.cell("actualAmount")}="",${ctx.cell("amount")},${ctx.cell("actualAmount")})`
    : ctx.cell("amount");
  return `IF(${ctx.cell("name")}="",0,IF(${ctx.cell("keyNo")}=${KEY_NO.flatFeePerCase},${fee}*${casesWeight},ROUND(${amount}*100,0)))`;
}

// --- The sheet's own checks (shown without ikz-kit) ----------------------------------------------

/** Hundredths of a percent in 100 %: what a slot's parts and the towns' fixed weights add up to. */
const FULL_WEIGHT = 10_000;

/** `IF(c1,"✗ r1",IF(c2,"✗ r2",…,otherwise))`: the first failed check's reason, else `otherwise`. */
function firstFailing(
  language: FormulaContext["language"],
  checks: readonly (readonly [condition: string, reason: CheckReason])[],
  otherwise: string,
): string {
  return checks.reduceRight(
    (rest, [condition, reason]) => `IF(${condition},"${CHECK_REASON[reason][language]}",${rest})`,
    otherwise,
  );
}

const anyOf = (conditions: readonly string[]): string =>
  conditions.length === 1 ? (conditions[0] ?? "FALSE") : `OR(${conditions.join(",")})`;
const anyText = (cells: readonly string[]): string => anyOf(cells.map((cell) => `ISTEXT(${cell})`));
const anyNegative = (cells: readonly string[]): string => anyOf(cells.map((cell) => `${cell}<0`));

/** The sum of a slot's part weights on „Teilbeträge“: 10 000 unless a mixed key's weights miss 100 %. */
const slotPartWeights = (ctx: FormulaContext, slot: number): string =>
  `SUM(${rowsOf(ctx, SHEET.parts, "weight", (slot - 1) * PART_COUNT, slot * PART_COUNT - 1)})`;

/**
 * TRUE when the towns' fixed percentages, as the sheet splits by them (named towns, percent numbers
 * or fractions by the group's sum), do not make 100 % — or cannot be computed (text).
 */
const fixedNot100 = (ctx: FormulaContext): string =>
  `IFERROR(${at(ctx, SHEET.parts, "townWeightSum", KEY_NO.fixedPercent - 1)}<>${FULL_WEIGHT},TRUE)`;

/** TRUE when an item (or the overhead) is split by fixed percentages. */
const fixedKeyUsed = (ctx: FormulaContext): string => {
  const overheadKeyNo = ctx.named(`${SHEET.settings}.overheadKeyNo`);
  const overheadPercent = ctx.named(`${SHEET.settings}.overheadPercent`);
  return `OR(COUNTIF(${ctx.columnRange("keyNo", SHEET.items)},${KEY_NO.fixedPercent})>0,AND(${overheadPercent}<>"",${overheadKeyNo}=${KEY_NO.fixedPercent}))`;
};

/**
 * TRUE when some item (or the overhead, when it has a percentage) puts weight on key part `part`
 * (2 = population … 5 = FTE), so every town needs that key value; for cases also a flat fee per case.
 */
const keyPartUsed = (ctx: FormulaContext, part: number): string => {
  const overheadPercent = ctx.named(`${SHEET.settings}.overheadPercent`);
  const slots = `${countsOf(ctx).items}+IF(${overheadPercent}="",0,1)`;
  const parts = (key: string): string => ctx.columnRange(key, SHEET.parts);
  const weighted = `IFERROR(SUMPRODUCT((${parts("partNo")}=${part})*(${parts("weight")}>0)*(${parts("slotNo")}<=${slots}))>0,FALSE)`;
  return part === KEY_NO.cases
    ? `OR(${weighted},COUNTIF(${ctx.columnRange("keyNo", SHEET.items)},${KEY_NO.flatFeePerCase})>0)`
    : weighted;
};

/** The towns' number inputs (text or a negative number there: ✗). */
const TOWN_NUMBER_COLUMNS = [
  "population",
  "populationDate",
  "cases",
  "workplaces",
  "fteShare",
  "fixedPercent",
  "actualPopulation",
  "actualCases",
  "actualWorkplaces",
  "actualFteShare",
] as const;

/** The key values a key part needs, by part number (2 population … 5 FTE). */
const KEY_VALUE_COLUMNS = [
  ["population", 2],
  ["cases", KEY_NO.cases],
  ["workplaces", 4],
  ["fteShare", 5],
] as const;

/**
 * The towns' check („Probe“): values without a name (not split), text or a negative number in a
 * number cell, a fraction among percent numbers in the fixed shares („35 %“ typed stores 0.35),
 * fixed shares not making 100 %, a key value an item's key needs left blank (would count as 0).
 */
function townCheckFormula(ctx: FormulaContext): string {
  const name = ctx.cell("name");
  const fixed = ctx.cell("fixedPercent");
  const numbers = TOWN_NUMBER_COLUMNS.map((key) => ctx.cell(key));
  const fixedUsed = fixedKeyUsed(ctx);
  const missing = anyOf([
    ...KEY_VALUE_COLUMNS.map(([key, part]) => `AND(${ctx.cell(key)}="",${keyPartUsed(ctx, part)})`),
    `AND(${fixed}="",${fixedUsed})`,
  ]);
  const checks = firstFailing(
    ctx.language,
    [
      [anyText(numbers), "text"],
      [anyNegative(numbers), "negative"],
      [`AND(${fixed}>0,${fixed}<1,${fixedUsed},${fixedNot100(ctx)})`, "fraction"],
      [`AND(${fixedUsed},${fixedNot100(ctx)})`, "fixedNot100"],
      [missing, "keyValueMissing"],
    ],
    `"${checkText("ok", ctx.language)}"`,
  );
  const inputs = `${ctx.cell("isHost")}:${ctx.cell("actualFteShare")}`;
  return `IF(TRIM(${name})="",IF(OR(${name}<>"",COUNTA(${inputs})>0),"${CHECK_REASON.nameMissing[ctx.language]}",""),${checks})`;
}

/**
 * The items' check („Probe“): values without a name, no key from the list, text or a negative
 * number, a missing amount or fee, mixed weights or fixed shares not making 100 %, and — when all
 * that is fine — that the shares add up to the amount (plan and actual).
 */
function itemCheckFormula(ctx: FormulaContext): string {
  const slot = itemSlot(ctx);
  const name = ctx.cell("name");
  const keyNo = ctx.cell("keyNo");
  const numbers = ["amount", ...MIX_COLUMNS.map((mix) => mix.column), "flatFee", "actualAmount"].map((key) =>
    ctx.cell(key),
  );
  const plan = `SUM(${pairsOfSlot(ctx, slot, "cents")})=${ctx.cell("planCents")}`;
  const actual = `SUM(${pairsOfSlot(ctx, slot, "centsActual")})=${ctx.cell("actualCents")}`;
  const sums = `IF(AND(${plan},${actual}),"${checkText("ok", ctx.language)}","${checkText("wrong", ctx.language)}")`;
  const checks = firstFailing(
    ctx.language,
    [
      [`${keyNo}=""`, "keyMissing"],
      [anyText(numbers), "text"],
      [anyNegative(numbers), "negative"],
      [`AND(${keyNo}=${KEY_NO.flatFeePerCase},${ctx.cell("flatFee")}="")`, "feeMissing"],
      [`AND(${keyNo}<>${KEY_NO.flatFeePerCase},${ctx.cell("amount")}="")`, "amountMissing"],
      [`AND(${keyNo}=${KEY_NO.mixed},${slotPartWeights(ctx, slot)}<>${FULL_WEIGHT})`, "mixNot100"],
      [`AND(${keyNo}=${KEY_NO.fixedPercent},${fixedNot100(ctx)})`, "fixedNot100"],
    ],
    sums,
  );
  const inputs = `${ctx.cell("amount")}:${ctx.cell("actualAmount")}`;
  return `IF(TRIM(${name})="",IF(OR(${name}<>"",COUNTA(${inputs})>0),"${CHECK_REASON.nameMissing[ctx.language]}",""),${checks})`;
}

/**
 * The overhead's check on „Grunddaten“: text, a percentage outside 0–100 or between 0 and 1 (a
 * fraction: „5 %“ typed in a percent cell stores 0.05 — type 5), no key, mixed weights or fixed
 * shares not making 100 %, and that its shares add up to its amount. Blank without a percentage.
 */
function overheadCheckFormula(ctx: FormulaContext): string {
  const field = (key: string): string => ctx.named(`${SHEET.settings}.${key}`);
  const percent = field("overheadPercent");
  const keyNo = field("overheadKeyNo");
  const weights = MIX_COLUMNS.map((mix) => field(mix.overheadField));
  const slot = countsOf(ctx).items + 1;
  const plan = `SUM(${pairsOfSlot(ctx, slot, "cents")})=${field("planOverheadCents")}`;
  const actual = `SUM(${pairsOfSlot(ctx, slot, "centsActual")})=${field("actualOverheadCents")}`;
  const sums = `IF(AND(${plan},${actual}),"${checkText("ok", ctx.language)}","${checkText("wrong", ctx.language)}")`;
  const checks = firstFailing(
    ctx.language,
    [
      [anyText([percent, ...weights]), "text"],
      [`OR(${percent}<0,${percent}>100)`, "percentRange"],
      [`AND(${percent}>0,${percent}<1)`, "fraction"],
      [`OR(${keyNo}="",${keyNo}=${KEY_NO.flatFeePerCase})`, "keyMissing"],
      [anyNegative(weights), "negative"],
      [`AND(${keyNo}=${KEY_NO.mixed},${slotPartWeights(ctx, slot)}<>${FULL_WEIGHT})`, "mixNot100"],
      [`AND(${keyNo}=${KEY_NO.fixedPercent},${fixedNot100(ctx)})`, "fixedNot100"],
    ],
    sums,
  );
  return `IF(${percent}="","",${checks})`;
}

// --- Building blocks -----------------------------------------------------------------------------

const planLabel = (de: string, en: string): LocalizedText => ({ de: `Plan: ${de}`, en: `Plan: ${en}` });
const actualLabel = (de: string, en: string): LocalizedText => ({ de: `Ist: ${de}`, en: `Actual: ${en}` });

/** The fixed numbers that place a row of a split: part, item slot, key part. */
function splitNumberColumns(): ColumnSpec[] {
  return [
    fixedNumber("splitNo", { de: "Teil-Nr.", en: "Part no." }),
    fixedNumber("slotNo", { de: "Pos.-Nr.", en: "Item no." }),
    fixedNumber("partNo", { de: "Schlüssel-Nr.", en: "Key no." }),
  ];
}

function cents(key: string, label: LocalizedText, formula: (ctx: FormulaContext) => string, width = 13): ColumnSpec {
  return computedInteger(key, label, width, formula, { numberFormat: "#,##0" });
}

function money(key: string, label: LocalizedText, formula: (ctx: FormulaContext) => string, width = 14): ColumnSpec {
  return computedMoney(key, label, width, formula);
}

function fixedNumber(key: string, label: LocalizedText): ColumnSpec {
  return { key, label, type: "integer", kind: "input", fixed: true, numberFormat: "0", width: 8 };
}

const count = (key: string, label: LocalizedText, hint?: LocalizedText): ColumnSpec => ({
  key,
  label,
  type: "integer",
  kind: "input",
  min: 0,
  numberFormat: "#,##0",
  width: 11,
  ...(hint ? { hint } : {}),
});

/**
 * A decimal input. Percentages (`max` 100) may carry four decimals, so that fractions typed as
 * 0.3333 (= 33.33 %) pass the reader; the cost model's rules then check the two decimals of the
 * percentage itself.
 */
const decimal = (key: string, label: LocalizedText, hint: LocalizedText, max?: number): ColumnSpec => ({
  key,
  label,
  type: "decimal",
  kind: "input",
  min: 0,
  ...(max === undefined ? {} : { max }),
  maxDecimals: max === undefined ? 2 : 4,
  numberFormat: "0.00",
  width: 11,
  hint,
});

const ACTUAL_HINT: LocalizedText = {
  de: "Ist-Wert des Jahres für die Spitzabrechnung; leer = Planwert",
  en: "Actual value of the year for the true-up; blank = plan value",
};
const PERCENT_HINT: LocalizedText = {
  de: "Prozentzahl, z. B. 30 für 30 % (zusammen 100)",
  en: "Percent number, e.g. 30 for 30 % (together 100)",
};

const mixLabel = (index: number): LocalizedText => {
  const key = KEY_DEFINITIONS[index];
  return { de: `Misch: ${key?.short.de ?? ""} (%)`, en: `Mixed: ${key?.short.en ?? ""} (%)` };
};

// --- The spec ------------------------------------------------------------------------------------

export const costAllocationSpec = {
  id: "kostenverteilung",
  // 0.4.0: „Listen“ → „Kosten-Listen“, so templates share a workbook (docs/decisions/0010)
  // 0.5.0: a „So geht’s“ sheet first; „Ergebnis“ printable as the contract's annex (calculation
  // date and due dates of the advances on „Grunddaten“, keys in words); working sheets hidden
  version: "0.5.0",
  history: COST_ALLOCATION_HISTORY,
  title: { de: "Kostenverteilung", en: "Cost allocation" },
  sheets: [
    guideSheet(costAllocationGuide),
    {
      kind: "form",
      key: SHEET.settings,
      name: { de: "Grunddaten", en: "Basics" },
      title: { de: "Kostenverteilung einer gemeinsamen Stelle", en: "Cost allocation of a joint unit" },
      description: {
        de: "Gemeinsame Stelle, Haushaltsjahr, Stand der Berechnung, Fälligkeiten der Abschläge und die Verwaltungskostenpauschale (Prozent der Kostenpositionen, verteilt nach eigenem Schlüssel). Blau = berechnet.",
        en: "Joint unit, budget year, date of the calculation, due dates of the advances and the administrative overhead (percent of the cost items, split by its own key). Blue = computed.",
      },
      firstRow: SETTINGS_FIRST_ROW,
      fields: [
        {
          key: "unitName",
          label: { de: "Gemeinsame Stelle", en: "Joint unit" },
          type: "text",
          kind: "input",
          width: 30,
        },
        {
          key: "year",
          label: { de: "Haushaltsjahr", en: "Budget year" },
          type: "integer",
          kind: "input",
          min: 2000,
          max: 2100,
          numberFormat: "0",
          width: 30,
        },
        dateInput("calculationDate", { de: "Stand der Berechnung", en: "Calculation as of" }, 30, {
          de: "Datum, zu dem die Zahlen gelten; steht auf jeder Seite der Anlage („Ergebnis“)",
          en: "Date the figures hold for; printed on every page of the annex („Result“)",
        }),
        ...DUE_DATES.map((due, index) =>
          dateInput(
            dueDateField(index),
            { de: `Fälligkeit ${index + 1}. Abschlag`, en: `Advance ${index + 1} due on` },
            30,
            {
              de: `leer = ${due.de} des Haushaltsjahres`,
              en: `blank = ${due.en} of the budget year`,
            },
          ),
        ),
        {
          key: "overheadName",
          label: { de: "Bezeichnung der Pauschale", en: "Name of the overhead" },
          type: "text",
          kind: "input",
          width: 30,
        },
        {
          key: "overheadPercent",
          label: { de: "Pauschale (% der Positionen)", en: "Overhead (% of the items)" },
          type: "decimal",
          kind: "input",
          min: 0,
          max: 100,
          maxDecimals: 2,
          numberFormat: "0.00",
          width: 30,
          hint: {
            de: "Prozentzahl, z. B. 5 für 5 %; leer = keine Pauschale",
            en: "Percent number, e.g. 5 for 5 %; blank = no overhead",
          },
        },
        listInput("overheadKey", { de: "Schlüssel der Pauschale", en: "Key of the overhead" }, "overheadKeys", 30),
        ...MIX_COLUMNS.map((mix, index) => decimal(mix.overheadField, mixLabel(index), PERCENT_HINT, 100)),
        cents("overheadKeyNo", { de: "Schlüssel-Nr. der Pauschale", en: "Key no. of the overhead" }, (ctx) => {
          const key = ctx.named(`${SHEET.settings}.overheadKey`);
          return `IF(${key}="","",IFERROR(MATCH(${key},${ctx.columnRange("allocationKeys", SHEET.lists)},0),""))`;
        }),
        cents(
          "planBaseCents",
          { de: "Plan: Summe der Positionen (Cent)", en: "Plan: sum of the items (cents)" },
          (ctx) => `SUM(${ctx.columnRange("planCents", SHEET.items)})`,
        ),
        cents("planOverheadCents", { de: "Plan: Pauschale (Cent)", en: "Plan: overhead (cents)" }, (ctx) =>
          overheadFormula(ctx, "planBaseCents"),
        ),
        cents(
          "actualBaseCents",
          { de: "Ist: Summe der Positionen (Cent)", en: "Actual: sum of the items (cents)" },
          (ctx) => `SUM(${ctx.columnRange("actualCents", SHEET.items)})`,
        ),
        cents("actualOverheadCents", { de: "Ist: Pauschale (Cent)", en: "Actual: overhead (cents)" }, (ctx) =>
          overheadFormula(ctx, "actualBaseCents"),
        ),
        {
          key: "overheadCheck",
          label: { de: "Probe der Pauschale", en: "Check of the overhead" },
          type: "text",
          kind: "computed",
          width: 30,
          formula: overheadCheckFormula,
          highlights: checkHighlights(),
        },
      ],
    },
    {
      kind: "table",
      key: SHEET.towns,
      moreRows: {
        de: "Mehr Kommunen-Zeilen: „ikz upgrade DATEI --town-rows N“ überträgt alle Eingaben in eine Mappe mit N vorbereiteten Kommunen",
        en: "More town rows: “ikz upgrade FILE --town-rows N” carries every entry into a workbook with N prepared towns",
      },
      name: { de: "Kommunen", en: "Towns" },
      title: { de: "Partnerkommunen und Schlüsselwerte", en: "Partner towns and key values" },
      description: {
        de: "Eine Zeile je Kommune. Schlüsselwerte ausfüllen, die ein Schlüssel braucht (0 = zahlt nach diesem Schlüssel nichts). Festanteile als Prozentzahlen, zusammen 100 (35 eingeben, nicht 35 %). Ist-Werte nur für die Spitzabrechnung. Die Probe zeigt ✗ und den Grund, wo etwas nicht stimmt.",
        en: "One row per town. Fill in the key values the keys need (0 = pays nothing by that key). Fixed percentages as percent numbers summing to 100 (type 35, not 35 %). Actual values only for the true-up. The check shows ✗ and why wherever something is wrong.",
      },
      headerRow: HEADER_ROW.towns,
      rowKey: "name",
      minRows: 1,
      spareRows: SPARE_TOWNS,
      landscape: true,
      columns: [
        cents("no", { de: "Nr.", en: "No." }, () => `ROW()-${HEADER_ROW.towns}`, 6),
        { key: "name", label: { de: "Kommune", en: "Town" }, type: "text", kind: "input", required: true, width: 24 },
        {
          key: "isHost",
          label: { de: "Sitzgemeinde (x)", en: "Host town (x)" },
          type: "text",
          kind: "input",
          width: 10,
          align: "center",
          hint: {
            de: "x = Sitz der gemeinsamen Stelle (nur zur Information)",
            en: "x = hosts the joint unit (for information only)",
          },
        },
        count("population", { de: "Einwohner", en: "Population" }),
        dateInput("populationDate", { de: "Stichtag Einwohner", en: "Population as of" }, 12, {
          de: "Stichtag der Einwohnerzahl, z. B. 31.12.2025",
          en: "Reference date of the population, e.g. 31.12.2025",
        }),
        count("cases", { de: "Fallzahlen", en: "Cases" }),
        count("workplaces", { de: "Arbeitsplätze", en: "Workplaces" }),
        decimal(
          "fteShare",
          { de: "Stellenanteile (VZÄ)", en: "FTE share" },
          { de: "Vollzeitäquivalente, z. B. 1,25", en: "Full-time equivalents, e.g. 1.25" },
        ),
        decimal("fixedPercent", { de: "Festanteil (%)", en: "Fixed share (%)" }, PERCENT_HINT, 100),
        { ...count("actualPopulation", { de: "Ist: Einwohner", en: "Actual: population" }, ACTUAL_HINT) },
        { ...count("actualCases", { de: "Ist: Fallzahlen", en: "Actual: cases" }, ACTUAL_HINT) },
        { ...count("actualWorkplaces", { de: "Ist: Arbeitsplätze", en: "Actual: workplaces" }, ACTUAL_HINT) },
        decimal("actualFteShare", { de: "Ist: VZÄ", en: "Actual: FTE" }, ACTUAL_HINT),
        cents(
          "planCents",
          { de: "Plan: Summe (Cent)", en: "Plan: total (cents)" },
          (ctx) =>
            `IF(${ctx.cell("name")}="",0,SUMIF(${ctx.columnRange("townNo", SHEET.allocation)},${ctx.cell("no")},${ctx.columnRange("cents", SHEET.allocation)}))`,
          14,
        ),
        cents(
          "actualCents",
          { de: "Ist: Summe (Cent)", en: "Actual: total (cents)" },
          (ctx) =>
            `IF(${ctx.cell("name")}="",0,SUMIF(${ctx.columnRange("townNo", SHEET.allocation)},${ctx.cell("no")},${ctx.columnRange("centsActual", SHEET.allocation)}))`,
          14,
        ),
        {
          key: "check",
          label: { de: "Probe", en: "Check" },
          type: "text",
          kind: "computed",
          width: 26,
          formula: townCheckFormula,
          highlights: checkHighlights(),
        },
      ],
    },
    {
      kind: "table",
      key: SHEET.items,
      moreRows: {
        de: "Mehr Positionen: „ikz upgrade DATEI --item-rows N“ überträgt alle Eingaben in eine Mappe mit N vorbereiteten Positionen",
        en: "More item rows: “ikz upgrade FILE --item-rows N” carries every entry into a workbook with N prepared items",
      },
      name: { de: "Kostenpositionen", en: "Cost items" },
      title: { de: "Kostenpositionen und Verteilungsschlüssel", en: "Cost items and allocation keys" },
      description: {
        de: "Eine Zeile je Kostenposition: Jahresbetrag in € und Schlüssel aus der Liste. Mischschlüssel: Anteile in %, zusammen 100. Pauschale je Fall: Betrag je Fall statt Jahresbetrag. Blau = berechnet. Die Probe zeigt ✗ und den Grund, wo etwas nicht stimmt.",
        en: "One row per cost item: annual amount in € and a key from the list. Mixed key: shares in %, together 100. Flat fee per case: the fee instead of an amount. Blue = computed. The check shows ✗ and why wherever something is wrong.",
      },
      headerRow: HEADER_ROW.items,
      rowKey: "name",
      minRows: 1,
      spareRows: SPARE_ITEMS,
      landscape: true,
      columns: [
        cents("no", { de: "Nr.", en: "No." }, () => `ROW()-${HEADER_ROW.items}`, 6),
        {
          key: "name",
          label: { de: "Kostenposition", en: "Cost item" },
          type: "text",
          kind: "input",
          required: true,
          width: 34,
        },
        {
          key: "amount",
          label: { de: "Jahresbetrag (€)", en: "Annual amount (€)" },
          type: "currency",
          kind: "input",
          min: 0,
          maxDecimals: 2,
          numberFormat: '#,##0.00 "€"',
          width: 16,
        },
        listInput("key", { de: "Schlüssel", en: "Key" }, "allocationKeys", 20, { required: true }),
        ...MIX_COLUMNS.map((mix, index) => decimal(mix.column, mixLabel(index), PERCENT_HINT, 100)),
        {
          key: "flatFee",
          label: { de: "Pauschale je Fall (€)", en: "Fee per case (€)" },
          type: "currency",
          kind: "input",
          min: 0,
          maxDecimals: 2,
          numberFormat: '#,##0.00 "€"',
          width: 13,
          hint: {
            de: "Nur bei „Pauschale je Fall“: Betrag je Fall",
            en: "Only with “Flat fee per case”: the fee per case",
          },
        },
        {
          key: "actualAmount",
          label: { de: "Ist: Jahresbetrag (€)", en: "Actual: amount (€)" },
          type: "currency",
          kind: "input",
          min: 0,
          maxDecimals: 2,
          numberFormat: '#,##0.00 "€"',
          width: 16,
          hint: ACTUAL_HINT,
        },
        cents(
          "keyNo",
          { de: "Schlüssel-Nr.", en: "Key no." },
          (ctx) =>
            `IF(${ctx.cell("name")}="","",IFERROR(MATCH(${ctx.cell("key")},${ctx.columnRange("allocationKeys", SHEET.lists)},0),""))`,
          9,
        ),
        cents(
          "planCents",
          { de: "Plan: Betrag (Cent)", en: "Plan: amount (cents)" },
          (ctx) => itemCentsFormula(ctx, false),
          15,
        ),
        cents(
          "actualCents",
          { de: "Ist: Betrag (Cent)", en: "Actual: amount (cents)" },
          (ctx) => itemCentsFormula(ctx, true),
          15,
        ),
        money(
          "distributed",
          { de: "Plan: verteilt (€)", en: "Plan: distributed (€)" },
          (ctx) => `IF(${ctx.cell("name")}="","",SUM(${pairsOfSlot(ctx, itemSlot(ctx), "cents")})/100)`,
          16,
        ),
        {
          key: "check",
          label: { de: "Probe", en: "Check" },
          type: "text",
          kind: "computed",
          width: 26,
          formula: itemCheckFormula,
          highlights: checkHighlights(),
        },
      ],
    },
    {
      kind: "grid",
      key: SHEET.result,
      name: { de: "Ergebnis", en: "Result" },
      title: { de: "Anlage zur Zweckvereinbarung: Kostenverteilung", en: "Annex to the agreement: cost allocation" },
      landscape: true,
      build: (context) => buildResultSheet(context),
    },
    {
      kind: "table",
      key: SHEET.parts,
      name: { de: "Teilbeträge", en: "Key parts" },
      // working sheets: hidden, so that they neither clutter the tabs nor print with the annex
      hidden: true,
      title: {
        de: "Rechenweg 1: Aufteilung jeder Position auf die Schlüssel",
        en: "Working 1: each item split into key parts",
      },
      description: {
        de: "Berechnet, nicht ändern. Einzelschlüssel: ganzer Betrag auf einen Teil; Mischschlüssel: nach Anteilen, Größte-Reste-Verfahren auf Cent (bei gleichem Rest zuerst der früher genannte Teil).",
        en: "Computed, do not change. Single key: the whole amount on one part; mixed key: by its shares, largest remainder on cents (equal remainders go to the part listed first).",
      },
      headerRow: HEADER_ROW.parts,
      rowKey: "splitNo",
      minRows: 1,
      spareRows: 0,
      landscape: true,
      columns: partsColumns(),
    },
    {
      kind: "table",
      key: SHEET.allocation,
      name: { de: "Verteilung", en: "Allocation" },
      hidden: true,
      title: {
        de: "Rechenweg 2: Verteilung jedes Teils auf die Kommunen",
        en: "Working 2: each part split over the towns",
      },
      description: {
        de: "Berechnet, nicht ändern: Größte-Reste-Verfahren auf Cent (bei gleichem Rest zuerst die früher genannte Kommune); Pauschale je Fall = Betrag je Fall × Fälle.",
        en: "Computed, do not change: largest-remainder method on cents (equal remainders go to the town listed first); flat fee = fee × cases.",
      },
      headerRow: HEADER_ROW.allocation,
      rowKey: "splitNo",
      minRows: 1,
      spareRows: 0,
      landscape: true,
      columns: pairsColumns(),
    },
    {
      kind: "reference",
      key: SHEET.lists,
      name: { de: "Kosten-Listen", en: "Cost lists" },
      hidden: true,
      title: { de: "Auswahllisten", en: "Lists" },
      headerRow: HEADER_ROW.lists,
      columns: [
        {
          key: "allocationKeys",
          list: "allocationKeys",
          show: "label",
          label: { de: "Schlüssel", en: "Key" },
          width: 24,
        },
        {
          key: "overheadKeys",
          list: "overheadKeys",
          show: "label",
          label: { de: "Schlüssel der Pauschale", en: "Key of the overhead" },
          width: 24,
        },
      ],
    },
  ],
  lists: {
    allocationKeys: {
      sheet: SHEET.lists,
      column: "allocationKeys",
      entries: () => KEY_DEFINITIONS.map((k) => ({ value: k.key, label: k.label })),
    },
    overheadKeys: {
      sheet: SHEET.lists,
      column: "overheadKeys",
      entries: () =>
        KEY_DEFINITIONS.filter((k) => k.key !== "flatFeePerCase").map((k) => ({ value: k.key, label: k.label })),
    },
  },
} as const satisfies TemplateSpec;

/** `O = ROUND(S·p/10 000, 0)` half away from zero, exactly: `INT((2·S·p + 10 000) / 20 000)`. */
function overheadFormula(ctx: FormulaContext, baseField: string): string {
  const base = ctx.named(`${SHEET.settings}.${baseField}`);
  const percent = ctx.named(`${SHEET.settings}.overheadPercent`);
  return `INT((2*${base}*ROUND(${percent}*100,0)+10000)/20000)`;
}

/** Column letter of a key on a table sheet of this spec (for tests and the docs). */
export function columnOf(sheetKey: CostSheetKey, key: string): string {
  const sheet = costAllocationSpec.sheets.find((s) => s.key === sheetKey);
  const index = sheet && sheet.kind === "table" ? sheet.columns.findIndex((c) => c.key === key) : -1;
  if (index < 0) throw new Error(`no column ${key} on ${sheetKey}`);
  return columnLetter(index + 1);
}

/** Row of a settings field. */
export function settingsRow(field: string): number {
  const sheet = costAllocationSpec.sheets.find((s) => s.key === SHEET.settings);
  const index = sheet && sheet.kind === "form" ? sheet.fields.findIndex((f) => f.key === field) : -1;
  if (index < 0) throw new Error(`no field ${field}`);
  return SETTINGS_FIRST_ROW + index;
}

/** Sheet name in a language. */
export function sheetName(sheetKey: CostSheetKey, language: "de" | "en"): string {
  const sheet = costAllocationSpec.sheets.find((s) => s.key === sheetKey);
  if (!sheet) throw new Error(`no sheet ${sheetKey}`);
  return sheet.name[language];
}
