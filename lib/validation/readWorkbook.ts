import { cellAddress, columnLetter, parseCellAddress } from "../cells/address.js";
import { renderTerm } from "../messages/terms.js";
import { FORM_LABEL_COLUMN, FORM_VALUE_COLUMN, isMetadataSheetName } from "../plan/resolveLayout.js";
import {
  snapshotCell,
  type SheetSnapshot,
  type SnapshotCell,
  type WorkbookSnapshot,
} from "../snapshot/WorkbookSnapshot.js";
import { formerSheetNames } from "../spec/sheetNames.js";
import type {
  ColumnSpec,
  FormSheetSpec,
  Language,
  SheetSpec,
  TableSheetSpec,
  TemplateSpec,
} from "../spec/TemplateSpec.js";
import { createCappedIssues, type IssueSink } from "./cappedIssues.js";
import { isBlank, parseCell, type ParsedValue } from "./parseCell.js";
import { createIssue, type ValidationIssue } from "./ValidationIssue.js";

/** One data row in use, with its parsed input values and where each came from. */
export interface ParsedRow {
  readonly row: number;
  readonly values: Readonly<Record<string, ParsedValue>>;
  /** Whether a computed column's cell still holds a formula, by column key. */
  readonly formulas: Readonly<Record<string, boolean>>;
}

export interface ParsedTable {
  readonly kind: "table";
  readonly key: string;
  readonly sheetName: string;
  readonly headerRow: number;
  /** Found 1-based column of each column key (missing columns are absent). */
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly ParsedRow[];
}

export interface ParsedForm {
  readonly kind: "form";
  readonly key: string;
  readonly sheetName: string;
  readonly values: Readonly<Record<string, ParsedValue>>;
  /** Address of each field's value cell. */
  readonly cells: Readonly<Record<string, string>>;
}

export type ParsedSheet = ParsedTable | ParsedForm;

export interface TemplateMetadata {
  readonly templateId?: string;
  readonly templateVersion?: string;
  readonly language?: string;
  readonly generatorVersion?: string;
  /** The planned row counts (`towns=12;items=50`), in workbooks written since ikz-kit 0.1 stored them. */
  readonly layout?: string;
}

export interface ParsedWorkbook {
  readonly fileName: string;
  readonly spec: TemplateSpec;
  readonly metadata: TemplateMetadata;
  readonly sheets: ReadonlyMap<string, ParsedSheet>;
}

/**
 * The language the workbook was written in: its metadata, else the language of its sheet names
 * (a sheet named alike in both languages says nothing).
 */
export function workbookLanguage(workbook: ParsedWorkbook): Language {
  const stated = workbook.metadata.language;
  if (stated === "de" || stated === "en") return stated;
  for (const sheet of workbook.spec.sheets) {
    const parsed = workbook.sheets.get(sheet.key);
    if (!parsed || normaliseLabel(sheet.name.de) === normaliseLabel(sheet.name.en)) continue;
    if (normaliseLabel(parsed.sheetName) === normaliseLabel(sheet.name.en)) return "en";
    if (normaliseLabel(parsed.sheetName) === normaliseLabel(sheet.name.de)) return "de";
  }
  return "de";
}

/** The parsed table sheet of this key, if the workbook has it. */
export function parsedTable(workbook: ParsedWorkbook, key: string): ParsedTable | undefined {
  const sheet = workbook.sheets.get(key);
  return sheet?.kind === "table" ? sheet : undefined;
}

/** The parsed form sheet of this key, if the workbook has it. */
export function parsedForm(workbook: ParsedWorkbook, key: string): ParsedForm | undefined {
  const sheet = workbook.sheets.get(key);
  return sheet?.kind === "form" ? sheet : undefined;
}

/** One template's metadata and the hidden sheet it was read from. */
export interface MetadataBlock extends TemplateMetadata {
  readonly sheetName: string;
}

/**
 * Reads every hidden metadata sheet of a workbook: `_ikz_<template id>` (one per template, since
 * templates share workbooks) and `_ikz` (files written before). A sheet that names no template
 * still counts (its block has no `templateId`). In the workbook's sheet order.
 */
export function readAllMetadata(snapshot: WorkbookSnapshot): MetadataBlock[] {
  const blocks: MetadataBlock[] = [];
  for (const sheet of snapshot.sheets) {
    if (!isMetadataSheetName(sheet.name)) continue;
    const metadata: Record<string, string> = {};
    for (let row = 1; row < sheet.rows.length; row++) {
      const key = snapshotCell(sheet, row, 1)?.value;
      const value = snapshotCell(sheet, row, 2)?.value;
      if (typeof key === "string" && (typeof value === "string" || typeof value === "number"))
        metadata[key] = String(value);
    }
    blocks.push({ ...metadata, sheetName: sheet.name });
  }
  return blocks;
}

/**
 * Reads the hidden metadata of one template (`templateId`), else of the workbook's only — or
 * first — template; undefined when the workbook has none (or none of that template).
 */
export function readMetadata(snapshot: WorkbookSnapshot, templateId?: string): TemplateMetadata | undefined {
  const blocks = readAllMetadata(snapshot);
  const block = templateId === undefined ? blocks[0] : blocks.find((b) => b.templateId === templateId);
  if (!block) return undefined;
  const { sheetName: _sheetName, ...metadata } = block;
  return metadata;
}

/**
 * Finds a template's sheet under its German or English name (case and spacing ignored); failing
 * that, under a name an earlier version of `spec` gave it (see {@link formerSheetNames}) — since
 * `version` when the workbook's metadata tells it, so another template's sheet of that name is
 * never taken for a current workbook's.
 */
export function findSheet(
  snapshot: WorkbookSnapshot,
  sheet: SheetSpec,
  spec?: TemplateSpec,
  version?: string,
): SheetSnapshot | undefined {
  const byNames = (texts: readonly { readonly de: string; readonly en: string }[]): SheetSnapshot | undefined => {
    const names = texts.flatMap((text) => [text.de, text.en]).map(normaliseLabel);
    return snapshot.sheets.find((s) => names.includes(normaliseLabel(s.name)));
  };
  const current = byNames([sheet.name]);
  if (current || !spec) return current;
  const former = formerSheetNames(spec, sheet.key, version);
  return former.length === 0 ? undefined : byNames(former);
}

/** Header and label comparison: case, spaces, dashes and punctuation do not matter. */
export function normaliseLabel(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

function cellText(cell: SnapshotCell | undefined): string {
  const value = cell?.value;
  return typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
}

/**
 * Reads every sheet of `spec` from a snapshot: finds sheets and headers (tolerating moved
 * columns and rows inserted above the header), parses each input cell by its column type, and
 * reports every problem with its cell. The result feeds both validation and computation.
 */
export function readWorkbook(
  spec: TemplateSpec,
  snapshot: WorkbookSnapshot,
  language: Language,
  metadata: TemplateMetadata = {},
): { workbook: ParsedWorkbook; issues: ValidationIssue[] } {
  // at most MAX_FINDINGS are kept: a sheet of millions of bad cells must not hold a message each
  const issues = createCappedIssues();
  const workbook = readWorkbookInto(spec, snapshot, language, metadata, issues);
  return { workbook, issues: issues.finish(language, snapshot.fileName) };
}

/** {@link readWorkbook}, its findings going to a sink the caller owns (and caps). */
export function readWorkbookInto(
  spec: TemplateSpec,
  snapshot: WorkbookSnapshot,
  language: Language,
  metadata: TemplateMetadata,
  issues: IssueSink,
): ParsedWorkbook {
  const sheets = new Map<string, ParsedSheet>();
  for (const sheetSpec of spec.sheets) {
    if (sheetSpec.kind === "reference" || sheetSpec.kind === "grid") continue;
    const found = findSheet(snapshot, sheetSpec, spec, metadata.templateVersion);
    if (!found) {
      issues.push(
        createIssue(
          "error",
          "sheet.missing",
          language,
          { file: snapshot.fileName },
          { expected: sheetSpec.name[language] },
        ),
      );
      continue;
    }
    const parsed =
      sheetSpec.kind === "form"
        ? readForm(spec, sheetSpec, found, snapshot.fileName, language, issues)
        : readTable(spec, sheetSpec, found, snapshot.fileName, language, issues, sheets);
    sheets.set(sheetSpec.key, parsed);
  }
  return { fileName: snapshot.fileName, spec, metadata, sheets };
}

function listSheetName(spec: TemplateSpec, column: ColumnSpec, language: Language): string | undefined {
  if (!column.list) return undefined;
  const list = spec.lists[column.list.key];
  const sheet = list ? spec.sheets.find((s) => s.key === list.sheet) : undefined;
  return sheet?.name[language];
}

function readForm(
  spec: TemplateSpec,
  sheetSpec: FormSheetSpec,
  sheet: SheetSnapshot,
  file: string,
  language: Language,
  issues: IssueSink,
): ParsedForm {
  const labelRows = new Map<string, number>();
  for (let row = 1; row < sheet.rows.length; row++) {
    const text = normaliseLabel(cellText(snapshotCell(sheet, row, FORM_LABEL_COLUMN)));
    if (text && !labelRows.has(text)) labelRows.set(text, row);
  }
  const values: Record<string, ParsedValue> = {};
  const cells: Record<string, string> = {};
  sheetSpec.fields.forEach((field, index) => {
    const expectedRow = sheetSpec.firstRow + index;
    const row = labelRows.get(normaliseLabel(field.label.de)) ?? labelRows.get(normaliseLabel(field.label.en));
    if (row === undefined) {
      const address = cellAddress(expectedRow, FORM_LABEL_COLUMN);
      const there = cellText(snapshotCell(sheet, expectedRow, FORM_LABEL_COLUMN));
      issues.push(
        createIssue(
          "error",
          "header.missing",
          language,
          { file, sheet: sheet.name, cell: address },
          {
            expected: field.label[language],
            ...(there ? { received: there } : {}),
          },
        ),
      );
      values[field.key] = null;
      return;
    }
    const address = cellAddress(row, FORM_VALUE_COLUMN);
    cells[field.key] = address;
    const cell = snapshotCell(sheet, row, FORM_VALUE_COLUMN);
    if (field.kind === "computed") {
      values[field.key] = typeof cell?.value === "number" ? cell.value : null;
      return;
    }
    const parsed = parseCell(spec, field, cell, language, listSheetName(spec, field, language));
    for (const problem of parsed.problems) {
      issues.push(
        createIssue(
          problem.severity,
          problem.code,
          language,
          { file, sheet: sheet.name, cell: address },
          {
            column: field.label[language],
            expected: problem.expected,
            received: problem.received,
          },
        ),
      );
    }
    if (field.required && parsed.value === null && parsed.problems.length === 0) {
      issues.push(
        createIssue(
          "error",
          "cell.required",
          language,
          { file, sheet: sheet.name, cell: address },
          {
            column: field.label[language],
            expected: renderTerm("expectValue", language),
            received: renderTerm("kindEmpty", language),
          },
        ),
      );
    }
    values[field.key] = parsed.value;
  });
  return { kind: "form", key: sheetSpec.key, sheetName: sheet.name, values, cells };
}

/** Finds the header row: the spec's row if it matches, else the best row among the first 20. */
function locateHeader(sheetSpec: TableSheetSpec, sheet: SheetSnapshot): { row: number; labels: Map<string, number> } {
  const wanted = new Map<string, string>();
  for (const column of sheetSpec.columns) {
    wanted.set(normaliseLabel(column.label.de), column.key);
    wanted.set(normaliseLabel(column.label.en), column.key);
  }
  const matchesIn = (row: number): Map<string, number> => {
    const found = new Map<string, number>();
    const cells = sheet.rows[row] ?? [];
    for (let column = 1; column < cells.length; column++) {
      const key = wanted.get(normaliseLabel(cellText(cells[column])));
      if (key !== undefined && !found.has(key)) found.set(key, column);
    }
    return found;
  };
  let best = { row: sheetSpec.headerRow, labels: matchesIn(sheetSpec.headerRow) };
  if (best.labels.size * 2 >= sheetSpec.columns.length) return best;
  for (let row = 1; row <= Math.min(20, sheet.rows.length - 1); row++) {
    const labels = matchesIn(row);
    if (labels.size > best.labels.size) best = { row, labels };
  }
  return best;
}

function readTable(
  spec: TemplateSpec,
  sheetSpec: TableSheetSpec,
  sheet: SheetSnapshot,
  file: string,
  language: Language,
  issues: IssueSink,
  read: ReadonlyMap<string, ParsedSheet> = new Map(),
): ParsedTable {
  const where = (cell?: string) => ({ file, sheet: sheet.name, ...(cell === undefined ? {} : { cell }) });
  // a column named by a form field (a status column by its town) is called so in findings about its cells
  const nameOf = (column: ColumnSpec): string => {
    if (column.namedBy === undefined) return column.label[language];
    const [sheetKey = "", fieldKey = ""] = column.namedBy.field.split(".");
    const form = read.get(sheetKey);
    const value = form?.kind === "form" ? form.values[fieldKey] : undefined;
    return typeof value === "string" && value.trim() !== ""
      ? column.namedBy.label[language].replace("{name}", value.trim())
      : column.label[language];
  };
  const { row: headerRow, labels } = locateHeader(sheetSpec, sheet);
  const columns = new Map<string, number>();
  sheetSpec.columns.forEach((column, index) => {
    const found = labels.get(column.key);
    const expectedColumn = index + 1;
    if (found === undefined) {
      const there = cellText(snapshotCell(sheet, headerRow, expectedColumn));
      issues.push(
        createIssue("error", "header.missing", language, where(cellAddress(headerRow, expectedColumn)), {
          expected: column.label[language],
          ...(there ? { received: there } : {}),
        }),
      );
      return;
    }
    columns.set(column.key, found);
    if (found !== expectedColumn) {
      issues.push(
        createIssue("info", "header.moved", language, where(cellAddress(headerRow, found)), {
          column: column.label[language],
        }),
      );
    }
  });
  const known = new Set(columns.values());
  const headerCells = sheet.rows[headerRow] ?? [];
  for (let column = 1; column < headerCells.length; column++) {
    const text = cellText(headerCells[column]);
    if (text && !known.has(column)) {
      issues.push(
        createIssue("info", "header.extra", language, where(cellAddress(headerRow, column)), { received: text }),
      );
    }
  }

  const firstDataRow = headerRow + 1;
  const rows: ParsedRow[] = [];
  const inputColumns = sheetSpec.columns.filter((c) => c.kind === "input" && columns.has(c.key));
  const computedColumns = sheetSpec.columns.filter((c) => c.kind === "computed" && columns.has(c.key));
  const listSheets = new Map(inputColumns.map((c) => [c.key, listSheetName(spec, c, language)] as const));
  const fixedCount = sheetSpec.fixedRows?.length;
  const lastRow = fixedCount === undefined ? sheet.rows.length - 1 : firstDataRow + fixedCount - 1;
  reportMergedCells(sheet, firstDataRow, file, language, issues);

  for (let row = firstDataRow; row <= lastRow; row++) {
    const cells = sheet.rows[row];
    // a row is in use when any input holds something, including values the planner fixed (e.g. the
    // item and town numbers of the cost model's pairs); tables of fixed rows are always in use
    const inUse = fixedCount !== undefined || inputColumns.some((c) => !isBlank(cells?.[columns.get(c.key) ?? 0]));
    if (!inUse) continue;
    const values: Record<string, ParsedValue> = {};
    const formulas: Record<string, boolean> = {};
    for (const column of inputColumns) {
      const columnNumber = columns.get(column.key) ?? 0;
      const address = cellAddress(row, columnNumber);
      const cell = cells?.[columnNumber];
      const parsed = parseCell(spec, column, cell, language, listSheets.get(column.key));
      for (const problem of parsed.problems) {
        // past the limit a finding is only counted: its message is never rendered
        issues.add(problem.severity, () =>
          createIssue(problem.severity, problem.code, language, where(address), {
            column: nameOf(column),
            expected: problem.expected,
            received: problem.received,
          }),
        );
      }
      if (column.required && parsed.value === null && parsed.problems.length === 0) {
        issues.add("error", () =>
          createIssue("error", "cell.required", language, where(address), {
            column: nameOf(column),
            expected: renderTerm("expectValue", language),
            received: renderTerm("kindEmpty", language),
          }),
        );
      }
      values[column.key] = parsed.value;
    }
    // whether each computed cell still holds its formula is judged by checkFormulas, against the plan
    for (const column of computedColumns) {
      const columnNumber = columns.get(column.key) ?? 0;
      formulas[column.key] = cells?.[columnNumber]?.formula !== undefined;
    }
    rows.push({ row, values, formulas });
  }
  return { kind: "table", key: sheetSpec.key, sheetName: sheet.name, headerRow, columns, rows };
}

function reportMergedCells(
  sheet: SheetSnapshot,
  firstDataRow: number,
  file: string,
  language: Language,
  issues: IssueSink,
): void {
  for (const range of sheet.merges) {
    const [start] = range.split(":");
    if (!start) continue;
    const { row, column } = parseCellAddress(start);
    if (row < firstDataRow) continue;
    issues.push(
      createIssue(
        "warning",
        "cell.merged",
        language,
        { file, sheet: sheet.name, cell: `${columnLetter(column)}${row}` },
        {
          received: range,
        },
      ),
    );
  }
}
