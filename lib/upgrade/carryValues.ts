import { cellAddress, columnLetter } from "../cells/address.js";
import type { RowValues } from "../plan/planWorkbook.js";
import { FORM_LABEL_COLUMN, FORM_VALUE_COLUMN, METADATA_SHEET_NAME } from "../plan/resolveLayout.js";
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
import { resolveFormerLayout, type FormerColumnLayout, type FormerSheetLayout } from "./resolveFormerLayout.js";
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
): { rows: RowValues[]; extras: ExtraColumn[] } {
  const language = collector.language;
  const headerRow = locateHeaderRow(layout, sheet);
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
  return { rows, extras: extraColumns };
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
): RowValues {
  const language = collector.language;
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
  return values;
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
  const found = new Map<string, ReturnType<typeof findFormerSheet>>();
  for (const sheet of layout.sheets) found.set(sheet.key, findFormerSheet(snapshot, sheet.names));
  const firstFound = [...found.values()].find((f) => f !== undefined);
  const language: Language =
    metadataLanguage === "de" || metadataLanguage === "en"
      ? metadataLanguage
      : (firstFound?.language ?? fallbackLanguage);
  const collector = new Collector(language);
  const tableRows: Record<string, RowValues[]> = {};
  const formValues: Record<string, RowValues> = {};
  const extraColumns: Record<string, ExtraColumn[]> = {};
  const addedSheets: string[] = [];
  const templateSheets = new Set<SheetSnapshot>();

  for (const sheetSpec of spec.sheets) {
    const former = layout.sheets.find((s) => s.key === sheetSpec.key);
    const hit = former ? found.get(sheetSpec.key) : findFormerSheet(snapshot, [sheetSpec.name]);
    if (!hit) {
      addedSheets.push(sheetSpec.key);
      collector.changes.push({ kind: "sheetAdded", sheet: sheetSpec.name[language] });
      continue;
    }
    templateSheets.add(hit.sheet);
    if (normaliseLabel(hit.sheet.name) !== normaliseLabel(sheetSpec.name[language]))
      collector.changes.push({ kind: "sheetRenamed", from: hit.sheet.name, sheet: sheetSpec.name[language] });
    if (!former) continue; // reference and grid sheets are the template's own: regenerated
    if (sheetSpec.kind === "table") {
      const { rows, extras } = carryTable(sheetSpec, former, hit.sheet, collector);
      tableRows[sheetSpec.key] = rows;
      if (extras.length > 0) extraColumns[sheetSpec.key] = extras;
    } else if (sheetSpec.kind === "form") {
      formValues[sheetSpec.key] = carryForm(sheetSpec, former, hit.sheet, collector);
    }
  }
  const userSheets: UserSheet[] = [];
  for (const sheet of snapshot.sheets) {
    if (templateSheets.has(sheet) || sheet.name === METADATA_SHEET_NAME) continue;
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
  };
}
