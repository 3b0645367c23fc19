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
import { columnLetter } from "../../lib/cells/address.js";
import { guideSheet } from "../../lib/plan/planGuideSheet.js";
import type { TemplateSpec } from "../../lib/spec/TemplateSpec.js";
import { dateInput, listInput } from "../common/columns.js";
import { ACTUAL_HINT, PERCENT_HINT, cents, count, decimal, mixLabel, money } from "./columns.js";
import { pairsColumns } from "./formulas/allocation.js";
import { itemCentsFormula, itemCheckFormula, itemSlot, pairsOfSlot } from "./formulas/items.js";
import { partsColumns } from "./formulas/parts.js";
import { overheadCheckFormula, overheadFormula } from "./formulas/settings.js";
import { townCheckFormula } from "./formulas/towns.js";
import { costAllocationGuide } from "./guide.js";
import { COST_ALLOCATION_HISTORY } from "./history.js";
import { KEY_DEFINITIONS, MIX_COLUMNS } from "./keys.js";
import {
  HEADER_ROW,
  SETTINGS_FIRST_ROW,
  SHEET,
  SPARE_ITEMS,
  SPARE_TOWNS,
  checkHighlights,
  type CostSheetKey,
} from "./layout.js";
import { DUE_DATES, buildResultSheet, dueDateField } from "./formulas/result.js";

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
