import { cellAddress, columnLetter } from "../cells/address.js";
import type { RowValues } from "../plan/planWorkbook.js";
import { FORM_LABEL_COLUMN, FORM_VALUE_COLUMN, isMetadataSheetName } from "../plan/resolveLayout.js";
import type { PlannedValue } from "../plan/WorkbookPlan.js";
import {
  isCellError,
  type SheetSnapshot,
  type SnapshotCell,
  type WorkbookSnapshot,
} from "../snapshot/WorkbookSnapshot.js";
import type { ColumnSpec, Language, LocalizedText, SheetSpec, TemplateSpec } from "../spec/TemplateSpec.js";
import { isBlank } from "../validation/parseCell.js";
import { normaliseLabel } from "../validation/readWorkbook.js";
import {
  resolveFormerLayout,
  takesInput,
  type FormerColumnLayout,
  type FormerLayout,
  type FormerSheetLayout,
} from "./resolveFormerLayout.js";
import type { CarriedOverReason, UpgradeChange } from "./UpgradeChange.js";

/** A column of the user's own next to a table: its header and its values by data-row offset. */
export interface ExtraColumn {
  readonly header: string;
  /** Its column letter in the old workbook. */
  readonly from: string;
  readonly values: ReadonlyMap<number, PlannedValue>;
}

/** A value with no place in the current template, for the „Übernommen“ sheet. */
export interface CarriedOverValue {
  readonly sheet: string;
  readonly cell: string;
  readonly value: PlannedValue;
  readonly reason: CarriedOverReason;
  readonly column?: string;
}

/** A sheet of the user's own, copied as values. */
export interface UserSheet {
  readonly name: string;
  readonly rows: readonly {
    readonly row: number;
    readonly cells: readonly { column: number; value: PlannedValue }[];
  }[];
  readonly count: number;
}

/**
 * Why the values of an old workbook cannot be carried over safely: a sheet the user typed into is
 * not found, or its entries would stay behind. The upgrade stops; nothing is written.
 */
export type CarryProblem =
  /** A sheet of the version is neither under its names nor (by its labels) on any other sheet. */
  | {
      readonly kind: "sheetNotFound";
      /** Its name in the workbook's language (that version's). */
      readonly sheet: string;
      /** The labels it was looked for by. */
      readonly labels: readonly string[];
      /** The workbook's sheets (without the hidden metadata sheet). */
      readonly sheets: readonly string[];
    }
  /** Not under its names, and its labels on more than one sheet. */
  | { readonly kind: "sheetAmbiguous"; readonly sheet: string; readonly candidates: readonly string[] }
  /** The sheet was found, but not one of its entries went into a column of the template. */
  | {
      readonly kind: "entriesNotTaken";
      readonly sheet: string;
      readonly count: number;
      readonly headerRow: number;
      /** The input columns' labels it was read by. */
      readonly labels: readonly string[];
    }
  /** The sheet found by its name is empty, while another sheet has its columns and entries. */
  | { readonly kind: "entriesElsewhere"; readonly sheet: string; readonly other: string; readonly count: number };

/** Where a current sheet's input values came from in the old workbook, to name a value's old cell. */
export type ValueSource =
  | {
      readonly kind: "table";
      readonly sheet: string;
      readonly firstDataRow: number;
      /** Old column of each current column key that took values. */
      readonly columns: ReadonlyMap<string, number>;
    }
  | {
      readonly kind: "form";
      readonly sheet: string;
      /** Old row of each current field key that took a value (the value stands in column B). */
      readonly rows: ReadonlyMap<string, number>;
    };

/** Every value of an old workbook, sorted onto the current template. */
export interface CarriedValues {
  /** The workbook's language (its metadata, else the language of its sheet names). */
  readonly language: Language;
  /** Input values per table sheet key, one entry per data row (blank rows in between kept). */
  readonly tableRows: Readonly<Record<string, readonly RowValues[]>>;
  /** Input values per form sheet key. */
  readonly formValues: Readonly<Record<string, RowValues>>;
  /** Keys of the current sheets the old workbook did not have. */
  readonly addedSheets: readonly string[];
  /** Columns of the user's own per table sheet key. */
  readonly extraColumns: Readonly<Record<string, readonly ExtraColumn[]>>;
  readonly carriedOver: readonly CarriedOverValue[];
  readonly userSheets: readonly UserSheet[];
  /** Everything done so far, in sheet order (values carried over are added where they are placed). */
  readonly changes: readonly UpgradeChange[];
  /** Per current table or form sheet key: where its input values were in the old workbook. */
  readonly sources: Readonly<Record<string, ValueSource>>;
  /** Reasons not to upgrade at all (empty when every sheet was found and gave its entries). */
  readonly problems: readonly CarryProblem[];
}

type Carried = { readonly value: PlannedValue } | { readonly noResult: string };

/**
 * A cell's value as it is taken over: literals as they are, a formula by its saved result (never
 * as a formula), an error value as its text; a formula without a result gives its text.
 */
function carriedValue(cell: SnapshotCell): Carried {
  const value = cell.value;
  const literal: PlannedValue = isCellError(value) ? value.error : value;
  if (cell.formula !== undefined && value === null) return { noResult: `=${cell.formula}` };
  return { value: literal };
}

const cellText = (cell: SnapshotCell | undefined): string => {
  const value = cell?.value;
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
};

const textsMatch = (text: string, options: readonly LocalizedText[]): boolean => {
  const wanted = normaliseLabel(text);
  return options.some((o) => normaliseLabel(o.de) === wanted || normaliseLabel(o.en) === wanted);
};

/** Finds a sheet under any of its names, in either language (case and spacing ignored). */
function findFormerSheet(
  snapshot: WorkbookSnapshot,
  names: readonly LocalizedText[],
): { sheet: SheetSnapshot; language: Language; nameIndex: number } | undefined {
  for (const [nameIndex, name] of names.entries()) {
    for (const language of ["de", "en"] as const) {
      const sheet = snapshot.sheets.find((s) => normaliseLabel(s.name) === normaliseLabel(name[language]));
      if (sheet) return { sheet, language, nameIndex };
    }
  }
  return undefined;
}

/** A sheet's labels found on a sheet of the workbook: how many, in which row, and in which language mostly. */
interface LabelMatch {
  readonly sheet: SheetSnapshot;
  /** Share of the labels found: of all columns (fields), or of the input ones, whichever is higher. */
  readonly score: number;
  /** Number of labels found. */
  readonly found: number;
  readonly row: number;
  readonly language: Language;
}

/** A sheet counts as the one looked for when this share of its labels is found on it… */
const RECOGNISED_SHARE = 0.6;
/** …and no other sheet comes within this share of it. */
const RECOGNISED_LEAD = 0.2;
/** Rows searched for a table's header row (as the reader searches them). */
const HEADER_SEARCH_ROWS = 20;

/**
 * How much of a former sheet's labels a sheet shows: a table's column labels in one of its first
 * 20 rows, a form's field labels in column A. Labels count in either language, compared as the
 * reader compares them ({@link normaliseLabel}).
 */
function matchLabels(layout: FormerSheetLayout, sheet: SheetSnapshot): LabelMatch {
  const wanted = new Map<string, { index: number; language: Language }[]>();
  layout.columns.forEach((column, index) => {
    for (const language of ["de", "en"] as const) {
      const label = normaliseLabel(column.label[language]);
      if (label === "") continue;
      wanted.set(label, [...(wanted.get(label) ?? []), { index, language }]);
    }
  });
  const inputs = new Set(
    layout.columns.flatMap((c, index) => (c.kind === "input" && c.target !== undefined ? [index] : [])),
  );
  const matchesIn = (cells: readonly (SnapshotCell | undefined)[]) => {
    const found = new Set<number>();
    const byLanguage = { de: new Set<number>(), en: new Set<number>() };
    for (const cell of cells) {
      for (const match of wanted.get(normaliseLabel(cellText(cell))) ?? []) {
        found.add(match.index);
        byLanguage[match.language].add(match.index);
      }
    }
    const share = found.size / Math.max(1, layout.columns.length);
    const inputShare = inputs.size === 0 ? 0 : [...found].filter((i) => inputs.has(i)).length / inputs.size;
    return {
      score: Math.max(share, inputShare),
      found: found.size,
      language: byLanguage.en.size > byLanguage.de.size ? ("en" as const) : ("de" as const),
    };
  };
  const none: LabelMatch = { sheet, score: 0, found: 0, row: layout.headerRow, language: "de" };
  if (layout.kind === "form") {
    const last = Math.min(HEADER_SEARCH_ROWS + layout.columns.length, sheet.rows.length - 1);
    const labels = Array.from({ length: Math.max(0, last) }, (_, i) => sheet.rows[i + 1]?.[FORM_LABEL_COLUMN]);
    return { ...none, ...matchesIn(labels) };
  }
  let best = none;
  for (let row = 1; row <= Math.min(HEADER_SEARCH_ROWS, sheet.rows.length - 1); row++) {
    const match = matchesIn(sheet.rows[row] ?? []);
    if (match.found > best.found || (match.found === best.found && match.score > best.score))
      best = { ...match, sheet, row };
  }
  return best;
}

/** Where the former sheet of a current sheet is in the old workbook, and how it was found. */
interface SheetHit {
  readonly sheet: SheetSnapshot;
  readonly language: Language;
  /** Found by its labels, not by its name. */
  readonly recognised: boolean;
}

/**
 * Finds the old workbook's sheet for every current sheet the version had: under one of its names;
 * a table or form sheet not found by name by its labels (when exactly one other sheet shows
 * enough of them, and clearly more than any other). A sheet the user typed into that is found
 * neither way is a problem: its entries would silently stay behind.
 */
function locateSheets(
  spec: TemplateSpec,
  layout: FormerLayout,
  snapshot: WorkbookSnapshot,
  language: Language | undefined,
): { hits: Map<string, SheetHit>; problems: CarryProblem[] } {
  const hits = new Map<string, SheetHit>();
  const claimed = new Set<SheetSnapshot>();
  for (const sheetSpec of spec.sheets) {
    if (layout.absent.includes(sheetSpec.key)) continue;
    const former = layout.sheets.find((s) => s.key === sheetSpec.key);
    const hit = findFormerSheet(
      snapshot,
      former ? former.names : (layout.otherNames.get(sheetSpec.key) ?? [sheetSpec.name]),
    );
    if (!hit || claimed.has(hit.sheet)) continue;
    hits.set(sheetSpec.key, { sheet: hit.sheet, language: hit.language, recognised: false });
    claimed.add(hit.sheet);
  }
  const problems: CarryProblem[] = [];
  const unclaimed = () => snapshot.sheets.filter((s) => !claimed.has(s) && !isMetadataSheetName(s.name));
  for (const former of layout.sheets) {
    if (hits.has(former.key)) continue;
    const matches = unclaimed()
      .map((sheet) => matchLabels(former, sheet))
      .filter((m) => m.found >= 2)
      .sort((a, b) => b.score - a.score);
    const [best, second] = matches;
    const shown = language ?? [...hits.values()].find((h) => !h.recognised)?.language ?? best?.language ?? "de";
    const name = (former.names[0] ?? { de: former.key, en: former.key })[shown];
    if (best && best.score >= RECOGNISED_SHARE && (!second || second.score <= best.score - RECOGNISED_LEAD)) {
      hits.set(former.key, { sheet: best.sheet, language: best.language, recognised: true });
      claimed.add(best.sheet);
    } else if (!takesInput(former)) {
      continue; // a sheet the template computes is regenerated
    } else if (best && best.score >= RECOGNISED_SHARE) {
      const candidates = matches.filter((m) => m.score >= Math.min(RECOGNISED_SHARE, best.score - RECOGNISED_LEAD));
      problems.push({ kind: "sheetAmbiguous", sheet: name, candidates: candidates.map((m) => m.sheet.name) });
    } else {
      problems.push({
        kind: "sheetNotFound",
        sheet: name,
        labels: former.columns.flatMap((c) => (c.kind === "input" && c.target !== undefined ? [c.label[shown]] : [])),
        sheets: snapshot.sheets.filter((s) => !isMetadataSheetName(s.name)).map((s) => s.name),
      });
    }
  }
  return { hits, problems };
}

/**
 * What a user typed into a table: cells below its header row that are not empty, hold no formula
 * and do not stand in a column the template computes or writes itself (`columns`: the former
 * column of each column; without it, columns are told by their header's label).
 */
function typedEntries(
  layout: FormerSheetLayout,
  sheet: SheetSnapshot,
  headerRow: number,
  columns?: ReadonlyMap<number, FormerColumnLayout>,
): number {
  const header = sheet.rows[headerRow] ?? [];
  const formerAt = (column: number): FormerColumnLayout | undefined =>
    columns
      ? columns.get(column)
      : layout.columns.find((c) => textsMatch(cellText(header[column]), [c.label]) && cellText(header[column]) !== "");
  const own = new Map<number, boolean>();
  let count = 0;
  for (let row = headerRow + 1; row < sheet.rows.length; row++) {
    (sheet.rows[row] ?? []).forEach((cell, column) => {
      if (!cell || cell.formula !== undefined || isBlank(cell)) return;
      let templates = own.get(column);
      if (templates === undefined) {
        const kind = formerAt(column)?.kind;
        templates = kind === "computed" || kind === "fixed";
        own.set(column, templates);
      }
      if (!templates) count++;
    });
  }
  return count;
}

/** Collects the values and changes of one workbook while its sheets are walked. */
class Collector {
  readonly changes: UpgradeChange[] = [];
  readonly carriedOver: CarriedOverValue[] = [];

  constructor(readonly language: Language) {}

  /**
   * The value to take over. A formula gives its saved result; without one, its text — in a
   * column of the user's own (`asText`) — or nothing, and the text goes aside.
   */
  take(
    sheet: string,
    row: number,
    column: number,
    cell: SnapshotCell,
    options: { readonly header?: string | undefined; readonly asText?: boolean } = {},
  ): PlannedValue | undefined {
    const carried = carriedValue(cell);
    const address = cellAddress(row, column);
    if ("noResult" in carried && !options.asText) {
      this.aside(sheet, address, carried.noResult, "formulaWithoutResult", options.header);
      return undefined;
    }
    const value = "noResult" in carried ? carried.noResult : carried.value;
    // a column or sheet of the user's own reports its formulas once, not cell by cell
    if (cell.formula !== undefined && !options.asText)
      this.changes.push({ kind: "formulaReplaced", sheet, cell: address, formula: `=${cell.formula}`, value });
    return value;
  }

  /** Puts a cell's value aside for the „Übernommen“ sheet. */
  asideCell(
    sheet: string,
    row: number,
    column: number,
    cell: SnapshotCell,
    reason: CarriedOverReason,
    header?: string,
  ) {
    const carried = carriedValue(cell);
    const value = "noResult" in carried ? carried.noResult : carried.value;
    this.aside(sheet, cellAddress(row, column), value, "noResult" in carried ? "formulaWithoutResult" : reason, header);
  }

  private aside(sheet: string, cell: string, value: PlannedValue, reason: CarriedOverReason, column?: string) {
    this.carriedOver.push({ sheet, cell, value, reason, ...(column ? { column } : {}) });
  }
}

/** The header row: the layout's if at least half its columns are found there, else the best of the first 20 rows. */
function locateHeaderRow(layout: FormerSheetLayout, sheet: SheetSnapshot): number {
  const matches = (row: number): number =>
    (sheet.rows[row] ?? []).filter((cell) => {
      const text = cellText(cell);
      return text !== "" && layout.columns.some((c) => textsMatch(text, [c.label]));
    }).length;
  let best = { row: layout.headerRow, count: matches(layout.headerRow) };
  if (best.count * 2 >= layout.columns.length) return best.row;
  for (let row = 1; row <= Math.min(20, sheet.rows.length - 1); row++) {
    const count = matches(row);
    if (count > best.count) best = { row, count };
  }
  return best.row;
}

/** The current spec's column of a former column, when it takes input. */
function inputTarget(current: readonly ColumnSpec[], column: FormerColumnLayout): ColumnSpec | undefined {
  if (column.target === undefined || column.kind !== "input") return undefined;
  const target = current.find((c) => c.key === column.target);
  return target && target.kind === "input" && !target.fixed ? target : undefined;
}

/** Cells above a table's header (or around a form): the template's own title texts, or values to keep. */
function isOwnText(layout: FormerSheetLayout, row: number, column: number, cell: SnapshotCell): boolean {
  return column === 1 && row <= 2 && cell.formula === undefined && textsMatch(cellText(cell), layout.texts);
}

function assignColumns(
  layout: FormerSheetLayout,
  sheet: SheetSnapshot,
  headerRow: number,
  collector: Collector,
): Map<number, FormerColumnLayout> {
  const assigned = new Map<number, FormerColumnLayout>();
  const used = new Set<FormerColumnLayout>();
  const header = sheet.rows[headerRow] ?? [];
  for (let column = 1; column < header.length; column++) {
    const text = cellText(header[column]);
    if (text === "") continue;
    const found = layout.columns.find((c) => !used.has(c) && textsMatch(text, [c.label]));
    if (found) {
      assigned.set(column, found);
      used.add(found);
    }
  }
  // a header the user renamed: the column of that version at its own place, if nothing else took it
  const hasData = (column: number): boolean =>
    sheet.rows.some((cells, row) => row > headerRow && !isBlank(cells?.[column]));
  layout.columns.forEach((former, index) => {
    const column = index + 1;
    if (used.has(former) || assigned.has(column)) return;
    const text = cellText(header[column]);
    if (text === "" && !hasData(column)) return;
    assigned.set(column, former);
    used.add(former);
    if (former.kind === "input" && former.target !== undefined)
      collector.changes.push({
        kind: "headerGuessed",
        sheet: sheet.name,
        cell: cellAddress(headerRow, column),
        found: text,
        column: former.label[collector.language],
      });
  });
  return assigned;
}

function carryTable(
  sheetSpec: Extract<SheetSpec, { kind: "table" }>,
  layout: FormerSheetLayout,
  sheet: SheetSnapshot,
  collector: Collector,
): {
  rows: RowValues[];
  extras: ExtraColumn[];
  carried: number;
  /** Entries typed below the header (see {@link typedEntries}). */
  typed: number;
  source: ValueSource;
} {
  const language = collector.language;
  const headerRow = locateHeaderRow(layout, sheet);
  const sourceColumns = new Map<string, number>();
  const assigned = assignColumns(layout, sheet, headerRow, collector);
  const header = sheet.rows[headerRow] ?? [];
  const rows: Record<string, PlannedValue>[] = [];
  const extras = new Map<number, { header: string; values: Map<number, PlannedValue>; formulas: number }>();
  const fixedRows = sheetSpec.fixedRows?.length;
  let carried = 0;

  for (let row = 1; row < sheet.rows.length; row++) {
    const cells = sheet.rows[row] ?? [];
    for (let column = 1; column < cells.length; column++) {
      const cell = cells[column];
      if (!cell || isBlank(cell)) continue;
      if (row < headerRow) {
        if (!isOwnText(layout, row, column, cell)) collector.asideCell(sheet.name, row, column, cell, "outsideTable");
        continue;
      }
      const former = assigned.get(column);
      const headerText = cellText(header[column]);
      if (row === headerRow) {
        if (!former) extraOf(column, headerText);
        continue;
      }
      const offset = row - headerRow - 1;
      if (fixedRows !== undefined && offset >= fixedRows) {
        collector.asideCell(sheet.name, row, column, cell, "outsideTable", headerText);
        continue;
      }
      if (!former) {
        const extra = extraOf(column, headerText);
        extra.values.set(offset, collector.take(sheet.name, row, column, cell, { asText: true }) ?? null);
        if (cell.formula !== undefined) extra.formulas++;
        continue;
      }
      const target = inputTarget(sheetSpec.columns, former);
      if (target) {
        const value = collector.take(sheet.name, row, column, cell, { header: headerText || undefined });
        if (value === undefined) continue;
        while (rows.length <= offset) rows.push({});
        (rows[offset] as Record<string, PlannedValue>)[target.key] = value;
        sourceColumns.set(target.key, column);
        carried++;
      } else if (former.kind === "input") {
        collector.asideCell(sheet.name, row, column, cell, "retiredColumn", headerText);
      } else if (former.kind === "computed" && cell.formula === undefined) {
        collector.asideCell(sheet.name, row, column, cell, "computedTypedOver", headerText);
      }
      // formulas of computed columns are regenerated; fixed cells are the template's own
    }
  }

  function extraOf(column: number, text: string) {
    let extra = extras.get(column);
    if (!extra) {
      extra = { header: text, values: new Map(), formulas: 0 };
      extras.set(column, extra);
    }
    return extra;
  }

  // every row that keeps an extra value gets its data row too
  const lastExtraOffset = Math.max(-1, ...[...extras.values()].flatMap((e) => [...e.values.keys()]));
  while (rows.length <= lastExtraOffset && fixedRows === undefined) rows.push({});

  reportColumns(sheetSpec, layout, sheet.name, assigned, language, collector);
  if (carried > 0 || sheetSpec.columns.some((c) => c.kind === "input" && !c.fixed))
    collector.changes.push({ kind: "valuesCarried", sheet: sheet.name, count: carried });
  const sorted = [...extras.entries()].sort(([a], [b]) => a - b);
  sorted.forEach(([column, extra], index) =>
    collector.changes.push({
      kind: "extraColumnKept",
      sheet: sheet.name,
      header: extra.header,
      from: columnLetter(column),
      to: columnLetter(sheetSpec.columns.length + index + 1),
      count: extra.values.size,
      formulas: extra.formulas,
    }),
  );
  const extraColumns = sorted.map(([column, extra]) => ({
    header: extra.header,
    from: columnLetter(column),
    values: extra.values,
  }));
  return {
    rows,
    extras: extraColumns,
    carried,
    typed: carried > 0 ? carried : typedEntries(layout, sheet, headerRow, assigned),
    source: { kind: "table", sheet: sheet.name, firstDataRow: headerRow + 1, columns: sourceColumns },
  };
}

/** Moved, renamed and added input columns; computed columns dropped or added. */
function reportColumns(
  sheetSpec: Extract<SheetSpec, { kind: "table" }>,
  layout: FormerSheetLayout,
  sheetName: string,
  assigned: ReadonlyMap<number, FormerColumnLayout>,
  language: Language,
  collector: Collector,
): void {
  const letterOf = (key: string): string => columnLetter(sheetSpec.columns.findIndex((c) => c.key === key) + 1);
  const taken = new Set<string>();
  for (const [column, former] of [...assigned.entries()].sort(([a], [b]) => a - b)) {
    const target = inputTarget(sheetSpec.columns, former);
    if (!target) continue;
    taken.add(target.key);
    if (normaliseLabel(former.label[language]) !== normaliseLabel(target.label[language]))
      collector.changes.push({
        kind: "columnRenamed",
        sheet: sheetName,
        from: former.label[language],
        column: target.label[language],
      });
    if (columnLetter(column) !== letterOf(target.key))
      collector.changes.push({
        kind: "columnMoved",
        sheet: sheetName,
        column: target.label[language],
        from: columnLetter(column),
        to: letterOf(target.key),
      });
  }
  for (const column of sheetSpec.columns) {
    if (column.kind === "input" && !column.fixed && !taken.has(column.key))
      collector.changes.push({
        kind: "columnAdded",
        sheet: sheetName,
        column: column.label[language],
        at: letterOf(column.key),
      });
  }
  const formerTargets = new Set(layout.columns.flatMap((c) => (c.target === undefined ? [] : [c.target])));
  const computed = layout.columns.filter((c) => c.kind === "computed");
  const dropped = computed.filter((c) => c.target === undefined).map((c) => c.label[language]);
  const renamed = computed.flatMap((c) => {
    const now = sheetSpec.columns.find((column) => column.key === c.target);
    return now && normaliseLabel(now.label[language]) !== normaliseLabel(c.label[language])
      ? [{ from: c.label[language], to: now.label[language] }]
      : [];
  });
  const added = sheetSpec.columns
    .filter((c) => c.kind === "computed" && !formerTargets.has(c.key))
    .map((c) => c.label[language]);
  if (dropped.length > 0 || renamed.length > 0 || added.length > 0)
    collector.changes.push({ kind: "computedColumnsRenewed", sheet: sheetName, dropped, renamed, added });
}

function carryForm(
  sheetSpec: Extract<SheetSpec, { kind: "form" }>,
  layout: FormerSheetLayout,
  sheet: SheetSnapshot,
  collector: Collector,
): { values: RowValues; source: ValueSource } {
  const language = collector.language;
  const sourceRows = new Map<string, number>();
  const rowOf = new Map<number, FormerColumnLayout>();
  const used = new Set<FormerColumnLayout>();
  for (let row = 1; row < sheet.rows.length; row++) {
    const text = cellText(sheet.rows[row]?.[FORM_LABEL_COLUMN]);
    if (text === "") continue;
    const found = layout.columns.find((f) => !used.has(f) && textsMatch(text, [f.label]));
    if (found) {
      rowOf.set(row, found);
      used.add(found);
    }
  }
  layout.columns.forEach((former, index) => {
    const row = layout.headerRow + index;
    if (used.has(former) || rowOf.has(row)) return;
    const label = sheet.rows[row]?.[FORM_LABEL_COLUMN];
    if (isBlank(label) && isBlank(sheet.rows[row]?.[FORM_VALUE_COLUMN])) return;
    rowOf.set(row, former);
    used.add(former);
    if (former.kind === "input" && former.target !== undefined)
      collector.changes.push({
        kind: "headerGuessed",
        sheet: sheet.name,
        cell: cellAddress(row, FORM_LABEL_COLUMN),
        found: cellText(label),
        column: former.label[language],
      });
  });
  const hints = sheetSpec.fields.flatMap((f) => (f.hint ? [f.hint] : []));
  const values: Record<string, PlannedValue> = {};
  let carried = 0;
  for (let row = 1; row < sheet.rows.length; row++) {
    const cells = sheet.rows[row] ?? [];
    const former = rowOf.get(row);
    for (let column = 1; column < cells.length; column++) {
      const cell = cells[column];
      if (!cell || isBlank(cell)) continue;
      const label = former?.label[language];
      if (!former) {
        if (!isOwnText(layout, row, column, cell)) collector.asideCell(sheet.name, row, column, cell, "outsideTable");
        continue;
      }
      if (column === FORM_LABEL_COLUMN) continue;
      if (column === FORM_VALUE_COLUMN) {
        const target = inputTarget(sheetSpec.fields, former);
        if (target) {
          const value = collector.take(sheet.name, row, column, cell, { header: label });
          if (value === undefined) continue;
          values[target.key] = value;
          sourceRows.set(target.key, row);
          carried++;
        } else if (former.kind === "input") {
          collector.asideCell(sheet.name, row, column, cell, "retiredColumn", label);
        } else if (former.kind === "computed" && cell.formula === undefined) {
          collector.asideCell(sheet.name, row, column, cell, "computedTypedOver", label);
        }
        continue;
      }
      if (column === FORM_VALUE_COLUMN + 1 && cell.formula === undefined && textsMatch(cellText(cell), hints)) continue;
      collector.asideCell(sheet.name, row, column, cell, "outsideTable", label);
    }
  }
  collector.changes.push({ kind: "valuesCarried", sheet: sheet.name, count: carried });
  return { values, source: { kind: "form", sheet: sheet.name, rows: sourceRows } };
}

function copyUserSheet(sheet: SheetSnapshot, collector: Collector): UserSheet & { formulas: number } {
  const rows: { row: number; cells: { column: number; value: PlannedValue }[] }[] = [];
  let count = 0;
  let formulas = 0;
  sheet.rows.forEach((cells, row) => {
    const kept: { column: number; value: PlannedValue }[] = [];
    cells?.forEach((cell, column) => {
      if (!cell || isBlank(cell)) return;
      const value = collector.take(sheet.name, row, column, cell, { asText: true }) ?? null;
      kept.push({ column, value });
      count++;
      if (cell.formula !== undefined) formulas++;
    });
    if (kept.length > 0) rows.push({ row, cells: kept });
  });
  return { name: sheet.name, rows, count, formulas };
}

/**
 * Sorts every value of a workbook made with an earlier (or the current) version of a template
 * onto the current spec: input values by column key (found by the label of their version, a
 * former label, or — for a header the user renamed — their position), the user's own columns and
 * sheets as they are, and everything else that has no place aside for the „Übernommen“ sheet.
 * Formulas are never taken over: computed columns are regenerated, a formula the user typed gives
 * its saved result. Pure: nothing is read or written.
 *
 * @param version the workbook's template version (from its metadata)
 * @param fallbackLanguage used when neither the metadata nor the sheet names tell the language
 */
export function carryValues(
  spec: TemplateSpec,
  snapshot: WorkbookSnapshot,
  version: string,
  metadataLanguage: string | undefined,
  fallbackLanguage: Language,
): CarriedValues {
  const layout = resolveFormerLayout(spec, version);
  const known = metadataLanguage === "de" || metadataLanguage === "en" ? metadataLanguage : undefined;
  const { hits, problems } = locateSheets(spec, layout, snapshot, known);
  const formerHits = layout.sheets.flatMap((s) => hits.get(s.key) ?? []);
  const language: Language =
    known ?? formerHits.find((h) => !h.recognised)?.language ?? formerHits[0]?.language ?? fallbackLanguage;
  const collector = new Collector(language);
  const tableRows: Record<string, RowValues[]> = {};
  const formValues: Record<string, RowValues> = {};
  const extraColumns: Record<string, ExtraColumn[]> = {};
  const sources: Record<string, ValueSource> = {};
  const addedSheets: string[] = [];
  const templateSheets = new Set<SheetSnapshot>([...hits.values()].map((h) => h.sheet));
  /** Input sheets found by name that gave no value: the entries may be on another sheet. */
  const emptyInputSheets: { readonly former: FormerSheetLayout; readonly sheet: SheetSnapshot }[] = [];

  for (const sheetSpec of spec.sheets) {
    const former = layout.sheets.find((s) => s.key === sheetSpec.key);
    const hit = hits.get(sheetSpec.key);
    if (!hit) {
      addedSheets.push(sheetSpec.key);
      collector.changes.push({ kind: "sheetAdded", sheet: sheetSpec.name[language] });
      continue;
    }
    if (hit.recognised)
      collector.changes.push({ kind: "sheetRecognised", from: hit.sheet.name, sheet: sheetSpec.name[language] });
    else if (normaliseLabel(hit.sheet.name) !== normaliseLabel(sheetSpec.name[language]))
      collector.changes.push({ kind: "sheetRenamed", from: hit.sheet.name, sheet: sheetSpec.name[language] });
    if (!former) continue; // reference and grid sheets are the template's own: regenerated
    if (sheetSpec.kind === "table") {
      const table = carryTable(sheetSpec, former, hit.sheet, collector);
      tableRows[sheetSpec.key] = table.rows;
      sources[sheetSpec.key] = table.source;
      if (table.extras.length > 0) extraColumns[sheetSpec.key] = table.extras;
      if (table.carried === 0 && takesInput(former)) {
        if (table.typed > 0)
          problems.push({
            kind: "entriesNotTaken",
            sheet: hit.sheet.name,
            count: table.typed,
            headerRow: table.source.kind === "table" ? table.source.firstDataRow - 1 : former.headerRow,
            labels: former.columns.flatMap((c) => (inputTarget(sheetSpec.columns, c) ? [c.label[language]] : [])),
          });
        else if (!hit.recognised) emptyInputSheets.push({ former, sheet: hit.sheet });
      }
    } else if (sheetSpec.kind === "form") {
      const form = carryForm(sheetSpec, former, hit.sheet, collector);
      formValues[sheetSpec.key] = form.values;
      sources[sheetSpec.key] = form.source;
    }
  }
  // an empty sheet under the template's name, the entries on a copy of it under another name
  for (const { former, sheet } of emptyInputSheets) {
    for (const other of snapshot.sheets) {
      if (templateSheets.has(other) || isMetadataSheetName(other.name)) continue;
      const match = matchLabels(former, other);
      const typed = match.score >= RECOGNISED_SHARE && match.found >= 2 ? typedEntries(former, other, match.row) : 0;
      if (typed > 0) problems.push({ kind: "entriesElsewhere", sheet: sheet.name, other: other.name, count: typed });
    }
  }
  const userSheets: UserSheet[] = [];
  for (const sheet of snapshot.sheets) {
    if (templateSheets.has(sheet) || isMetadataSheetName(sheet.name)) continue;
    const copy = copyUserSheet(sheet, collector);
    if (copy.count === 0) continue;
    userSheets.push(copy);
    collector.changes.push({ kind: "userSheetKept", sheet: sheet.name, count: copy.count, formulas: copy.formulas });
  }
  return {
    language,
    tableRows,
    formValues,
    addedSheets,
    extraColumns,
    carriedOver: collector.carriedOver,
    userSheets,
    changes: collector.changes,
    sources,
    problems,
  };
}
